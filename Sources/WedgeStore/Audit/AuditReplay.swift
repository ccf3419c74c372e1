// SPDX-License-Identifier: Apache-2.0

import WedgeCore

/// Rebuilds every participant's state from the audit log, to compare with the tables.
///
/// `insert` entries set the whole state (their `new_value` is the state as JSON); `record`, `correct`, `restamp`
/// and `soft-delete` entries set one key to their `new_value`, after checking that their `old_value` is what the
/// replay holds. `adverse-event` entries add one adverse event (their `new_value` is the event as JSON).
struct AuditReplay {
    /// The replayed state of each participant.
    private(set) var states: [String: [String: String]] = [:]
    /// The replayed state of each screening (``ScreeningState``), by screening id.
    private(set) var screenings: [String: [String: String]] = [:]
    /// The replayed adverse events, by id (as text).
    private(set) var adverseEvents: [String: [String: String]] = [:]
    /// The fields recorded by the study-creation entry.
    private(set) var creation: [String: String]?

    /// Applies one entry; returns the problems it shows.
    mutating func apply(_ entry: AuditEntry) -> [AuditProblem] {
        if entry.table == ScreeningState.table { return applyScreening(entry) }
        switch entry.action {
        case .createStudy:
            creation = entry.newValue.flatMap(ParticipantState.parse(json:))
            return creation == nil ? [AuditProblem(entryID: entry.id, problem: "has an unreadable study summary")] : []
        case .importBatch:
            return []
        case .insert:
            guard let id = entry.recordID, let state = entry.newValue.flatMap(ParticipantState.parse(json:)) else {
                return [AuditProblem(entryID: entry.id, problem: "has an unreadable participant state")]
            }
            let repeated = states[id] != nil
            states[id] = state
            return repeated ? [AuditProblem(entryID: entry.id, participantID: id, problem: "inserts the participant twice")] : []
        case .adverseEvent:
            guard let event = entry.newValue.flatMap(ParticipantState.parse(json:)), let id = event["id"] else {
                return [AuditProblem(entryID: entry.id, problem: "has an unreadable adverse event")]
            }
            let repeated = adverseEvents[id] != nil
            adverseEvents[id] = event
            return repeated ? [AuditProblem(entryID: entry.id, problem: "records adverse event \(id) twice")] : []
        case .record, .correct, .restamp, .softDelete:
            guard let id = entry.recordID, let field = entry.field else {
                return [AuditProblem(entryID: entry.id, problem: "names no participant or field")]
            }
            guard states[id] != nil else {
                return [AuditProblem(entryID: entry.id, participantID: id, problem: "changes a participant never inserted")]
            }
            let previous = states[id]?[field]
            states[id]?[field] = entry.newValue
            return previous == entry.oldValue ? [] : [AuditProblem(
                entryID: entry.id, participantID: id, field: field,
                problem: "records an old value that earlier entries do not give")]
        default:
            return [AuditProblem(entryID: entry.id, problem: "has an unknown action '\(entry.action)'")]
        }
    }

    /// Applies one entry about a screening: `insert` sets its state, `record`, `correct`, `restamp` and
    /// `soft-delete` one key (after checking the old value), `import` nothing.
    private mutating func applyScreening(_ entry: AuditEntry) -> [AuditProblem] {
        switch entry.action {
        case .importBatch:
            return []
        case .insert:
            guard let id = entry.recordID, let state = entry.newValue.flatMap(ParticipantState.parse(json:)) else {
                return [AuditProblem(entryID: entry.id, problem: "has an unreadable screening state")]
            }
            let repeated = screenings[id] != nil
            screenings[id] = state
            return repeated ? [AuditProblem(entryID: entry.id, problem: "inserts screening '\(id)' twice")] : []
        case .record, .correct, .restamp, .softDelete:
            guard let id = entry.recordID, let field = entry.field else {
                return [AuditProblem(entryID: entry.id, problem: "names no screening or field")]
            }
            guard screenings[id] != nil else {
                return [AuditProblem(entryID: entry.id, problem: "changes screening '\(id)', never inserted")]
            }
            let previous = screenings[id]?[field]
            screenings[id]?[field] = entry.newValue
            return previous == entry.oldValue ? [] : [AuditProblem(
                entryID: entry.id, field: field, problem: "records an old value that earlier entries do not give")]
        default:
            return [AuditProblem(entryID: entry.id, problem: "has an unknown action '\(entry.action)'")]
        }
    }

    /// Compares the replayed screenings with the stored ones (deleted ones included); returns every difference.
    func compare(screenings stored: [ScreeningRecord]) -> [AuditProblem] {
        var problems: [AuditProblem] = []
        var unseen = Set(screenings.keys)
        for record in stored {
            unseen.remove(record.id)
            guard let expected = screenings[record.id] else {
                problems.append(AuditProblem(problem: "screening '\(record.id)' is stored but has no insert entry: it was added outside Wedge",
                                             table: ScreeningState.table, row: record.id))
                continue
            }
            let actual = ScreeningState.fields(of: record)
            for key in Set(expected.keys).union(actual.keys).sorted() where expected[key] != actual[key] {
                problems.append(AuditProblem(field: key,
                                             problem: "of screening '\(record.id)' differs from the audit log: it was changed outside Wedge",
                                             table: ScreeningState.table, row: record.id))
            }
        }
        for id in unseen.sorted() {
            problems.append(AuditProblem(problem: "screening '\(id)' is in the audit log but missing from the table",
                                         table: ScreeningState.table, row: id))
        }
        return problems
    }

    /// Compares the replayed states with the stored participants; returns every difference.
    func compare(with stored: [StoredParticipant]) -> [AuditProblem] {
        var problems: [AuditProblem] = []
        var unseen = Set(states.keys)
        for participant in stored {
            unseen.remove(participant.id)
            guard let expected = states[participant.id] else {
                problems.append(AuditProblem(participantID: participant.id,
                                             problem: "is stored but has no insert entry: it was added outside Wedge",
                                             table: "participant", row: participant.id))
                continue
            }
            let actual = participant.state
            for key in Set(expected.keys).union(actual.keys).sorted() where expected[key] != actual[key] {
                problems.append(AuditProblem(participantID: participant.id, field: key,
                                             problem: "differs from the audit log: it was changed outside Wedge",
                                             table: StudyStore.table(of: key), row: participant.id))
            }
        }
        for id in unseen.sorted() {
            problems.append(AuditProblem(participantID: id, problem: "is in the audit log but missing from the tables",
                                         table: "participant", row: id))
        }
        return problems
    }

    /// Compares the replayed adverse events with the stored ones (each as ``AdverseEventRow/state``).
    func compare(adverseEvents stored: [[String: String]]) -> [AuditProblem] {
        var problems: [AuditProblem] = []
        var unseen = Set(adverseEvents.keys)
        for event in stored {
            let id = event["id"] ?? "?"
            unseen.remove(id)
            guard let expected = adverseEvents[id] else {
                problems.append(AuditProblem(problem: "adverse event \(id) has no audit entry: it was added outside Wedge",
                                             table: "adverse_event", row: id))
                continue
            }
            for key in Set(expected.keys).union(event.keys).sorted() where expected[key] != event[key] {
                problems.append(AuditProblem(participantID: event["participant_id"], field: key,
                                             problem: "of adverse event \(id) differs from the audit log: it was changed outside Wedge",
                                             table: "adverse_event", row: id))
            }
        }
        for id in unseen.sorted(by: { (Int($0) ?? 0) < (Int($1) ?? 0) }) {
            problems.append(AuditProblem(problem: "adverse event \(id) is in the audit log but missing from the table",
                                         table: "adverse_event", row: id))
        }
        return problems
    }
}
