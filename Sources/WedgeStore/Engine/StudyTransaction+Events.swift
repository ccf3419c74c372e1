// SPDX-License-Identifier: Apache-2.0

package import WedgeCore

extension StudyTransaction {
    /// Fills the outcome events of a file, participant by participant, as
    /// ``StudyStore/importOutcomeEvents(_:source:actor:today:mode:)`` describes; throws (so that the transaction
    /// rolls back) when any event is refused in ``EventImportMode/allOrNothing`` mode.
    package mutating func importEvents(
        _ grouped: EventGroups, source: String, today: CivilDate, mode: EventImportMode
    ) throws -> OutcomeEventImport {
        var result = OutcomeEventImport()
        result.refused = grouped.unattributed
        let rules = ParticipantRules(schedule: try schedule(), today: today)
        for id in grouped.order {
            guard let group = grouped.groups[id] else { continue }
            // A participant with a malformed row is still checked, without writing, so that every problem is
            // listed at once.
            var issues = group.problems
            do {
                let filled = try fillOutcomes(participantID: id, group.values, rules: rules, write: issues.isEmpty)
                if issues.isEmpty, !filled.recorded.isEmpty {
                    result.participants += 1
                    result.fields += filled.recorded.count
                }
            } catch {
                issues += try group.issues(for: error)
            }
            if !issues.isEmpty { result.refused += group.coverEveryLine(issues) }
        }
        result.refused.sort { ($0.line ?? 0) < ($1.line ?? 0) }
        if mode == .allOrNothing, !result.refused.isEmpty { throw DataFileError(issues: result.refused) }
        if result.fields > 0 {
            try append(AuditChange(
                action: .importBatch, table: "induction", recordID: nil, field: "source", newValue: source,
                reason: "import of outcome events: \(result.fields) field(s) of \(result.participants) participant(s)"))
        }
        return result
    }
}
