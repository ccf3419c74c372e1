// SPDX-License-Identifier: Apache-2.0

/// A screened person as entered: who screened them, when, and what was decided.
///
/// The condition in effect at the site is deliberately absent: it is never typed by a user but looked up from the
/// schedule for the site and screening date, exactly as a participant's condition is at enrollment (see
/// ``ScreeningRecord`` and ``ScreeningRules``).
public struct ScreeningEntry: Sendable, Equatable, Hashable {
    /// The screening identifier, unique within the study (a screening log number such as `scr-a-0001`).
    public var id: String
    /// The site id.
    public var siteID: String
    /// The day of screening, which decides the condition in effect.
    public var screeningDate: CivilDate
    /// Whether the person met the eligibility criteria.
    public var isEligible: Bool
    /// Why the person was not eligible: a screening exclusion reason id of the protocol; `nil` when eligible.
    public var ineligibleReason: String?
    /// Whether an eligible person consented; `nil` when not eligible (consent is not asked then).
    public var consented: Bool?
    /// The participant enrolled from this screening, once linked; `nil` before.
    public var participantID: String?

    /// Creates an entry.
    public init(
        id: String, siteID: String, screeningDate: CivilDate, isEligible: Bool, ineligibleReason: String? = nil,
        consented: Bool? = nil, participantID: String? = nil
    ) {
        self.id = id
        self.siteID = siteID
        self.screeningDate = screeningDate
        self.isEligible = isEligible
        self.ineligibleReason = ineligibleReason
        self.consented = consented
        self.participantID = participantID
    }

    /// Whether the person was eligible and consented: the only screenings a participant may be linked to.
    public var isEnrollable: Bool { isEligible && consented == true }
}
