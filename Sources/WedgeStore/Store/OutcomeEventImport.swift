// SPDX-License-Identifier: Apache-2.0

public import WedgeCore

/// What an event import did: how many participants and fields it filled, and every refused event.
public struct OutcomeEventImport: Sendable {
    /// Participants with at least one field filled.
    public var participants = 0
    /// Outcome fields filled (a value that was already recorded is not counted).
    public var fields = 0
    /// The problems of the refused events, each with its file, line, participant and field. Every line of a
    /// refused participant appears at least once.
    public var refused: [DataIssue] = []

    /// An empty result.
    public init() {}
}
