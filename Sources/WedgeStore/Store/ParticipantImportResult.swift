// SPDX-License-Identifier: Apache-2.0

public import WedgeCore

/// What a participant (or screening) import did: how many rows it stored, and the problems of every refused row.
public struct ParticipantImportResult: Sendable, Equatable {
    /// Participants stored.
    public var stored: Int
    /// The problems of the refused rows (``EventImportMode/skipInvalid`` only; an all-or-nothing import that
    /// refuses a row throws instead).
    public var refused: [DataIssue]

    /// A result.
    public init(stored: Int, refused: [DataIssue]) {
        self.stored = stored
        self.refused = refused
    }
}
