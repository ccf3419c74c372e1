// SPDX-License-Identifier: Apache-2.0

/// A participant as entered: identity, site, admission, baseline values and outcomes.
///
/// The assigned condition is deliberately absent: it is never typed by a user but looked up from the
/// schedule (see ``Enrollment``).
public struct ParticipantRecord: Sendable, Equatable, Hashable {
    /// The participant identifier, unique within the study.
    public var id: String
    /// The site id.
    public var siteID: String
    /// The day of admission, which decides the assigned condition.
    public var admissionDate: CivilDate
    /// Baseline values by covariate id, in canonical text form (`"yes"`/`"no"` for booleans). Missing values
    /// are absent.
    public var baseline: [String: String]
    /// Induction and follow-up outcomes.
    public var outcome: InductionOutcome

    /// Creates a record.
    public init(
        id: String, siteID: String, admissionDate: CivilDate, baseline: [String: String] = [:],
        outcome: InductionOutcome = InductionOutcome()
    ) {
        self.id = id
        self.siteID = siteID
        self.admissionDate = admissionDate
        self.baseline = baseline
        self.outcome = outcome
    }
}
