// SPDX-License-Identifier: Apache-2.0

/// What ``StudyStore/importOutcomeEvents(_:source:actor:today:mode:)`` does with refused events.
public enum EventImportMode: Sendable {
    /// Any refused event refuses the whole file: nothing is written.
    case allOrNothing
    /// Participants with a refused event are left unchanged (all their events are refused); the others are
    /// written.
    case skipInvalid
}
