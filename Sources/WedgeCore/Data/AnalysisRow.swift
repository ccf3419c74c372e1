// SPDX-License-Identifier: Apache-2.0

/// One participant as the analysis reads it: the stamped assignment, the derived outcomes, and the raw values.
///
/// Built by ``AnalysisExport/row(for:in:)``; the definitions of the derived fields are in
/// `docs/export-format.md`. `nil` means "not defined" or "not known yet" (an empty CSV cell, JSON `null`).
public struct AnalysisRow: Sendable, Equatable {
    /// The participant id.
    public var participantID: String
    /// The site id.
    public var site: String
    /// The 1-based enrollment period (period 1 is the first), as in the schedule JSON and the tables.
    public var period: Int
    /// The condition the schedule assigned (intention to treat).
    public var condition: String
    /// Whether admission fell in a transition window.
    public var isTransition: Bool
    /// Whether the participant counts in the primary analysis.
    public var isInPrimary: Bool
    /// The procedure actually received, when recorded.
    public var procedureReceived: String?
    /// Whether the procedure received differs from the assigned one.
    public var isDeviation: Bool
    /// Initiation, per ``Enrollment/isInitiated(under:)``.
    public var initiated: Bool
    /// A second injection inside the protocol's window after the first; `nil` while the window is still open.
    public var secondInjection: Bool?
    /// A third injection inside the window after a counted second; `nil` while that is not known yet.
    public var thirdInjection: Bool?
    /// Days from induction start to the first injection.
    public var daysToFirstInjection: Int?
    /// Days from the first injection to dropout or censoring.
    public var retentionDays: Int?
    /// Whether ``retentionDays`` ends in dropout (`true`) or is censored (`false`).
    public var retentionEvent: Bool?
    /// Why the participant did not initiate, when recorded.
    public var notInitiatedReason: String?
    /// The record, for the baseline values and dates.
    public var record: ParticipantRecord

    /// Creates a row.
    public init(
        participantID: String, site: String, period: Int, condition: String, isTransition: Bool, isInPrimary: Bool,
        procedureReceived: String?, isDeviation: Bool, initiated: Bool, secondInjection: Bool?,
        thirdInjection: Bool?, daysToFirstInjection: Int?, retentionDays: Int?, retentionEvent: Bool?,
        notInitiatedReason: String?, record: ParticipantRecord
    ) {
        self.participantID = participantID
        self.site = site
        self.period = period
        self.condition = condition
        self.isTransition = isTransition
        self.isInPrimary = isInPrimary
        self.procedureReceived = procedureReceived
        self.isDeviation = isDeviation
        self.initiated = initiated
        self.secondInjection = secondInjection
        self.thirdInjection = thirdInjection
        self.daysToFirstInjection = daysToFirstInjection
        self.retentionDays = retentionDays
        self.retentionEvent = retentionEvent
        self.notInitiatedReason = notInitiatedReason
        self.record = record
    }
}
