// SPDX-License-Identifier: Apache-2.0

/// A participant stamped with what the schedule assigned on the day of admission.
public struct Enrollment: Sendable, Equatable, Hashable {
    /// The participant as entered.
    public var record: ParticipantRecord
    /// The assigned condition id, from the schedule.
    public var conditionID: String
    /// The 0-based enrollment period, by admission date.
    public var period: Int
    /// Whether admission fell in a transition window.
    public var isTransition: Bool
    /// Whether the participant counts in the primary analysis (false only for transition admissions when the
    /// protocol excludes them).
    public var isInPrimaryAnalysis: Bool

    /// Creates an enrollment.
    public init(record: ParticipantRecord, conditionID: String, period: Int, isTransition: Bool, isInPrimaryAnalysis: Bool) {
        self.record = record
        self.conditionID = conditionID
        self.period = period
        self.isTransition = isTransition
        self.isInPrimaryAnalysis = isInPrimaryAnalysis
    }

    /// Whether the procedure received is recorded and differs from the assigned one.
    public var isDeviation: Bool {
        record.outcome.procedureReceived.map { $0 != conditionID } ?? false
    }
}
