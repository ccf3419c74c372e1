// SPDX-License-Identifier: Apache-2.0

/// An adverse event reported for a participant: when, what, and whether it was serious.
///
/// The description is free text written by site staff and may identify a person: like every participant
/// value it is never printed in error messages.
public struct AdverseEvent: Sendable, Equatable, Hashable {
    /// The event's id in the study database (1, 2, 3… in recording order).
    public var id: Int64
    /// The participant it happened to.
    public var participantID: String
    /// The day it happened.
    public var date: CivilDate
    /// What happened.
    public var description: String
    /// Whether it was a serious adverse event.
    public var isSerious: Bool

    /// Creates an adverse event.
    public init(id: Int64, participantID: String, date: CivilDate, description: String, isSerious: Bool) {
        self.id = id
        self.participantID = participantID
        self.date = date
        self.description = description
        self.isSerious = isSerious
    }
}
