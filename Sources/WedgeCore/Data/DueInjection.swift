// SPDX-License-Identifier: Apache-2.0

/// An injection a site should give soon: its window (from the protocol's outcome definitions) is open now or
/// opens within the look-ahead of ``DueInjections``, and nothing is recorded yet. A coordinator's worklist.
public struct DueInjection: Sendable, Equatable {
    /// The participant.
    public var participantID: String
    /// The participant's site.
    public var siteID: String
    /// The injection's field: `second_injection_date` or `third_injection_date`.
    public var field: ParticipantField
    /// The first day of the window.
    public var opens: CivilDate
    /// The last day of the window.
    public var closes: CivilDate

    /// Creates a due injection.
    public init(participantID: String, siteID: String, field: ParticipantField, opens: CivilDate, closes: CivilDate) {
        self.participantID = participantID
        self.siteID = siteID
        self.field = field
        self.opens = opens
        self.closes = closes
    }
}
