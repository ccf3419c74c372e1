// SPDX-License-Identifier: Apache-2.0

package import WedgeCore

/// The checks of a participant import that need no database, shared by both engines: the id is not empty and not
/// repeated in the import, the stamped condition agrees with the stored schedule, and the baseline values name
/// protocol covariates; and the `insert` audit text of an accepted participant.
///
/// What is the same for every row is prepared once: the set of baseline covariates, the state's key order for the
/// audit JSON (``StateLayout``), and the schedule's cell for each site and admission day seen so far. Whether the id
/// is already stored is the engine's question (SQLite folds it into its INSERT, PostgreSQL asks once per batch).
package struct ImportRowChecker {
    /// The stored schedule.
    package let schedule: Schedule
    /// Where the rows come from, quoted in problems.
    package let source: String

    private let covariates: Set<String>
    private let layout: StateLayout
    private var cells: [String: [Int: ScheduledCell?]] = [:]
    private var seen: Set<String> = []

    /// A checker for rows from `source` against `schedule`.
    package init(schedule: Schedule, source: String) {
        self.schedule = schedule
        self.source = source
        covariates = Set(schedule.protocol.baseline.map(\.id))
        layout = StateLayout(baselineIDs: schedule.protocol.baseline.map(\.id))
    }

    /// The problem of an empty id, or of an id seen earlier in this import (when `checkRepeats`; a streamed
    /// file's reader checks that itself); empty otherwise. A row with such a problem is reported with it alone.
    private mutating func identityProblems(of id: String, checkRepeats: Bool) -> [DataIssue] {
        if id.isEmpty {
            return [issue(id, "participant_id", "is empty", "Give every participant an identifier.")]
        }
        if checkRepeats, !seen.insert(id).inserted {
            return [issue(id, "participant_id", "appears twice in the import", "Give each participant one row.")]
        }
        return []
    }

    /// The problems of one enrollment against the schedule and the protocol's covariates; empty when it may be
    /// stored (if its id is new). When the id is already stored, report ``alreadyStored(_:)`` instead.
    private mutating func ruleProblems(of enrollment: Enrollment) -> [DataIssue] {
        let record = enrollment.record
        var issues: [DataIssue] = []
        let proto = schedule.protocol
        if let cell = cell(siteID: record.siteID, on: record.admissionDate) {
            let primary = !cell.isTransition || proto.transition.includeInPrimary
            if cell.conditionID != enrollment.conditionID || cell.period != enrollment.period
                || cell.isTransition != enrollment.isTransition || primary != enrollment.isInPrimaryAnalysis {
                issues.append(issue(record.id, "condition", "does not match the stored schedule",
                                    "Enroll the record with ParticipantRules for this study's schedule."))
            }
        } else {
            issues.append(issue(record.id, "site_id",
                                "is not a site of the study, or admission_date is outside the study window",
                                "Validate the records against this study's schedule before importing."))
        }
        for covariate in record.baseline.keys.sorted() where !covariates.contains(covariate) {
            issues.append(issue(record.id, covariate, "is not a baseline covariate of the protocol",
                                "Use one of: " + proto.baseline.map(\.id).joined(separator: ", ") + "."))
        }
        return issues
    }

    /// Checks one row: its identity, then its rules; `isStored` is asked only when a rule is broken, since an id
    /// already stored is then the only problem reported. A row that passes is returned as the participant to
    /// store with its outcome values; the engine still refuses it with ``alreadyStored(_:)`` if the id is stored.
    package mutating func check(
        _ enrollment: Enrollment, flags: [OutcomeFlag], checkRepeats: Bool, isStored: (String) throws -> Bool
    ) rethrows -> Result<(participant: StoredParticipant, outcomes: [(ParticipantField, String?)]), DataFileError> {
        let id = enrollment.record.id
        let identity = identityProblems(of: id, checkRepeats: checkRepeats)
        guard identity.isEmpty else { return .failure(DataFileError(issues: identity)) }
        let problems = ruleProblems(of: enrollment)
        guard problems.isEmpty else {
            return .failure(DataFileError(issues: try isStored(id) ? [alreadyStored(id)] : problems))
        }
        let participant = StoredParticipant(
            enrollment: enrollment, flags: OutcomeFlag.allCases.filter(flags.contains), isDeleted: false)
        return .success((participant, ParticipantState.outcomeValues(enrollment.record.outcome)))
    }

    /// The only problem reported for a row whose id is already stored (deleted participants included).
    package func alreadyStored(_ id: String) -> DataIssue {
        issue(id, "participant_id", StudyWrite.alreadyStored,
              "Remove the row; to change a stored participant, correct it with a reason.")
    }

    /// The `insert` audit change of an accepted participant, whose outcome values are `outcomes`.
    package func insertChange(_ participant: StoredParticipant, outcomes: [(ParticipantField, String?)]) -> AuditChange {
        let json = layout.json(of: participant, outcomes: outcomes) ?? ParticipantState.json(participant.state)
        return AuditChange(action: .insert, table: "participant", recordID: participant.id, newValue: json)
    }

    /// The `import` audit change of a batch of `count` participants, for the caller to place first or last.
    package func batchChange(count: Int) -> AuditChange {
        AuditChange(action: .importBatch, table: "participant", recordID: nil, field: "source", newValue: source,
                    reason: "import of \(count) participant(s)")
    }

    /// ``WedgeCore/Schedule/cell(siteID:on:)``, remembered per site and day.
    private mutating func cell(siteID: String, on date: CivilDate) -> ScheduledCell? {
        if let known = cells[siteID]?[date.dayNumber] { return known }
        let cell = schedule.cell(siteID: siteID, on: date)
        cells[siteID, default: [:]][date.dayNumber] = .some(cell)
        return cell
    }

    private func issue(_ id: String, _ field: String, _ problem: String, _ expected: String) -> DataIssue {
        DataIssue(file: source, participantID: id, field: field, problem: problem, expected: expected)
    }
}
