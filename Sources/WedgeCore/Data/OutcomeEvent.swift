// SPDX-License-Identifier: Apache-2.0

/// One outcome event of an event file, checked for form: the participant and the outcome fields it fills, as
/// data-file text (dates `YYYY-MM-DD`). Whether the values fit the participant's record is the store's check.
public struct OutcomeEvent: Sendable, Equatable {
    /// The participant the event belongs to.
    public var participantID: String
    /// What happened.
    public var kind: OutcomeEventKind
    /// The outcome fields the event fills.
    public var values: [ParticipantField: String]

    /// Creates an event.
    public init(participantID: String, kind: OutcomeEventKind, values: [ParticipantField: String]) {
        self.participantID = participantID
        self.kind = kind
        self.values = values
    }
}
