// SPDX-License-Identifier: Apache-2.0

package import WedgeCore

/// The events of an import grouped by participant, with the line that gave each value, so that a problem found
/// on the merged record can be reported at the line it comes from.
package struct EventGroups {
    /// One participant's events.
    struct Group {
        /// The merged values.
        var values: [ParticipantField: String] = [:]
        /// The line that gave each value.
        var lines: [ParticipantField: Int] = [:]
        /// Every line of the participant's events, in file order.
        var allLines: [Int] = []
        /// Problems found before the record is looked at: malformed rows, and events that gave a field another
        /// value than an earlier event.
        var problems: [DataIssue] = []
        let participantID: String
        let source: String

        /// `issue` placed in the file at the line of its field (or of the first event).
        func located(_ issue: DataIssue) -> DataIssue {
            var located = issue
            located.file = source
            located.participantID = participantID
            located.line = ParticipantField(rawValue: issue.field).flatMap { lines[$0] } ?? allLines.first
            return located
        }

        /// The problems of a refused participant, from what ``StudyStore/fillOutcomes`` threw; other errors
        /// (SQLite failures) are rethrown.
        func issues(for error: any Error) throws -> [DataIssue] {
            switch error {
            case let error as DataFileError:
                return error.issues.map(located)
            case StoreError.participantNotFound:
                return allLines.map { line in
                    DataIssue(file: source, line: line, participantID: participantID, field: "participant_id",
                              problem: "is not in the study database",
                              expected: "Import or enroll the participant before recording events.")
                }
            case StoreError.participantDeleted:
                return [located(DataIssue(field: "participant_id", problem: "is a deleted participant",
                                          expected: "Events are not recorded for deleted participants."))]
            case StoreError.alreadyRecorded(_, let field):
                return [located(DataIssue(field: field, problem: "already holds another value",
                                          expected: "To change a recorded value, use `wedge correct` with a reason."))]
            case StoreError.dataRejected(let rejected):
                return rejected.issues.map(located)
            default:
                throw error
            }
        }

        /// `issues`, plus one for every line of the participant they do not mention: the whole participant is
        /// refused, so each of its rows is.
        func coverEveryLine(_ issues: [DataIssue]) -> [DataIssue] {
            let mentioned = Set(issues.compactMap(\.line))
            let first = issues.first.map { "line \($0.line.map(String.init) ?? "?"), field '\($0.field)'" } ?? "another event"
            let rest = allLines.filter { !mentioned.contains($0) }.map { line in
                DataIssue(file: source, line: line, participantID: participantID, field: "(row)",
                          problem: "is not imported because another event of this participant was refused (\(first))",
                          expected: "Fix that event; this one is kept with it.")
            }
            return (issues + rest).sorted { ($0.line ?? 0) < ($1.line ?? 0) }
        }
    }

    /// The file, quoted in problems.
    let source: String

    /// No events yet, from the file `source`.
    package init(source: String) {
        self.source = source
    }
    /// Participants in the order of their first event.
    package private(set) var order: [String] = []
    /// The groups by participant.
    private(set) var groups: [String: Group] = [:]
    /// The problems of malformed rows that name no participant.
    private(set) var unattributed: [DataIssue] = []

    /// Adds one row: an event, or the problems of a malformed row (which refuse its participant's other events).
    package mutating func add(_ row: Result<OutcomeEvent, DataFileError>, line: Int) {
        switch row {
        case .success(let event):
            add(event, line: line)
        case .failure(let error):
            guard let id = error.issues.first?.participantID, !id.isEmpty else {
                unattributed += error.issues
                return
            }
            start(id)
            groups[id]!.allLines.append(line)
            groups[id]!.problems += error.issues
        }
    }

    private mutating func start(_ id: String) {
        if groups[id] == nil {
            order.append(id)
            groups[id] = Group(participantID: id, source: source)
        }
    }

    private mutating func add(_ event: OutcomeEvent, line: Int) {
        let id = event.participantID
        start(id)
        groups[id]!.allLines.append(line)
        for (field, value) in event.values.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            if let earlier = groups[id]!.values[field] {
                if earlier != value {
                    let first = groups[id]!.lines[field] ?? 0
                    groups[id]!.problems.append(DataIssue(
                        file: source, line: line, participantID: id, field: field.rawValue,
                        problem: "gives another value than line \(first)",
                        expected: "Keep one value per field; to change a recorded value, use `wedge correct`."))
                }
            } else {
                groups[id]!.values[field] = value
                groups[id]!.lines[field] = line
            }
        }
    }
}
