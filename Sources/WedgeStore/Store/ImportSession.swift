// SPDX-License-Identifier: Apache-2.0

import GRDB
import WedgeCore

/// One import inside one write transaction: checks each enrollment against the stored schedule and, when it
/// passes, inserts it with its `insert` audit entry.
///
/// What is the same for every row is prepared once: the set of baseline covariates, the state's key order for
/// the audit JSON (``StateLayout``), and the schedule's cell for each site and admission day seen so far.
struct ImportSession {
    /// The stored schedule.
    let schedule: Schedule
    /// Where the rows come from, quoted in problems.
    let source: String
    /// The audit trail, continued row by row.
    var audit: AuditAppender
    /// How many participants were stored.
    private(set) var stored = 0

    private let covariates: Set<String>
    private let layout: StateLayout
    private let writer: ParticipantWriter
    private var cells: [String: [Int: ScheduledCell?]] = [:]
    private var seen: Set<String> = []

    /// Starts an import after the current head of the audit log.
    init(_ db: Database, source: String, at: String, actor: String) throws {
        schedule = try StudyStore.schedule(db)
        self.source = source
        audit = try AuditAppender(db, at: at, actor: actor)
        covariates = Set(schedule.protocol.baseline.map(\.id))
        layout = StateLayout(baselineIDs: schedule.protocol.baseline.map(\.id))
        writer = ParticipantWriter(db)
    }

    /// Checks one enrollment and, if it passes, stores it with its audit entry.
    ///
    /// The checks: the id is not empty, not repeated in this import (when `checkRepeats`; a streamed file's
    /// reader checks that itself), and not already in the database, soft-deleted participants included (an id
    /// already stored is then the only problem reported); the stamped condition, period and transition status
    /// agree with the stored schedule; the baseline values name protocol covariates.
    ///
    /// - Returns: The problems of the row; empty when it was stored.
    mutating func store(
        _ db: Database, _ enrollment: Enrollment, flags: [OutcomeFlag], checkRepeats: Bool
    ) throws -> [DataIssue] {
        let id = enrollment.record.id
        if id.isEmpty {
            return [issue(id, "participant_id", "is empty", "Give every participant an identifier.")]
        }
        if checkRepeats, !seen.insert(id).inserted {
            return [issue(id, "participant_id", "appears twice in the import", "Give each participant one row.")]
        }
        let problems = check(enrollment)
        guard problems.isEmpty else {
            return try ParticipantTables.exists(db, id: id) ? [alreadyStored(id)] : problems
        }
        let participant = StoredParticipant(
            enrollment: enrollment, flags: OutcomeFlag.allCases.filter(flags.contains), isDeleted: false)
        let outcomes = ParticipantState.outcomeValues(enrollment.record.outcome)
        guard try writer.insert(participant, outcomes: outcomes, onlyIfNew: true) else {
            return [alreadyStored(id)]
        }
        let json = layout.json(of: participant, outcomes: outcomes) ?? ParticipantState.json(participant.state)
        try audit.append(db, action: .insert, table: "participant", recordID: id, newValue: json)
        stored += 1
        return []
    }

    /// The checks that need no database: the schedule and the covariates.
    private mutating func check(_ enrollment: Enrollment) -> [DataIssue] {
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

    /// ``WedgeCore/Schedule/cell(siteID:on:)``, remembered per site and day.
    private mutating func cell(siteID: String, on date: CivilDate) -> ScheduledCell? {
        if let known = cells[siteID]?[date.dayNumber] { return known }
        let cell = schedule.cell(siteID: siteID, on: date)
        cells[siteID, default: [:]][date.dayNumber] = .some(cell)
        return cell
    }

    private func alreadyStored(_ id: String) -> DataIssue {
        issue(id, "participant_id", "is already in the study database",
              "Remove the row; to change a stored participant, correct it with a reason.")
    }

    private func issue(_ id: String, _ field: String, _ problem: String, _ expected: String) -> DataIssue {
        DataIssue(file: source, participantID: id, field: field, problem: problem, expected: expected)
    }
}
