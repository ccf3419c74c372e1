// SPDX-License-Identifier: Apache-2.0

public import WedgeCore
public import WedgeStore

extension PostgresStudyStore {
    /// Records one screened person, stamping the condition from the stored schedule (see
    /// ``WedgeStore/StudyStore/screen(_:actor:today:)``).
    public func screen(_ entry: ScreeningEntry, actor: String, today: CivilDate) async throws(StoreError) -> ScreeningRecord {
        try await write("screen '\(entry.id)'", actor: actor, reading: entry.participantID.map { [$0] } ?? [],
                        screenings: [entry.id]) { staged in
            try staged.screen(entry, today: today)
        }
    }

    /// Links an enrolled participant to a screening (see
    /// ``WedgeStore/StudyStore/linkScreening(screeningID:participantID:actor:)``).
    public func linkScreening(
        screeningID: String, participantID: String, actor: String
    ) async throws(StoreError) -> ScreeningRecord {
        try await write("link screening '\(screeningID)'", actor: actor, reading: [participantID],
                        screenings: [screeningID]) { staged in
            try staged.linkScreening(screeningID: screeningID, participantID: participantID)
        }
    }

    /// Corrects fields of a screening with a reason (see
    /// ``WedgeStore/StudyStore/correctScreening(screeningID:_:reason:actor:today:)``).
    public func correctScreening(
        screeningID: String, _ values: [ScreeningField: String], reason: String, actor: String, today: CivilDate
    ) async throws(StoreError) -> ScreeningRecord {
        try await write("correct screening '\(screeningID)'", actor: actor, reading: [], screenings: [screeningID]) { staged in
            try staged.correctScreening(screeningID: screeningID, values, reason: reason, today: today)
        }
    }

    /// Soft-deletes a screening with a reason (see ``WedgeStore/StudyStore/softDeleteScreening(screeningID:reason:actor:)``).
    public func softDeleteScreening(screeningID: String, reason: String, actor: String) async throws(StoreError) {
        try await write("delete screening '\(screeningID)'", actor: actor, reading: [], screenings: [screeningID]) { staged in
            try staged.softDeleteScreening(screeningID: screeningID, reason: reason)
        }
    }

    /// Imports a screening log (see ``WedgeStore/StudyStore/importScreenings(_:source:actor:today:mode:)``).
    public func importScreenings(
        _ rows: [(line: Int, row: Result<ScreeningEntry, DataFileError>)], source: String, actor: String,
        today: CivilDate, mode: EventImportMode
    ) async throws(StoreError) -> ParticipantImportResult {
        var ids: [String] = [], participants: [String] = []
        for (_, row) in rows {
            guard case .success(let entry) = row else { continue }
            ids.append(entry.id)
            if let participant = entry.participantID { participants.append(participant) }
        }
        let sendable = rows.map { SendableRow(line: $0.line, row: $0.row) }
        return try await write("import screenings", actor: actor, reading: participants, screenings: ids) { staged in
            try staged.importScreenings(sendable.map { ($0.line, $0.row) }, source: source, today: today, mode: mode)
        }
    }
}

/// One row of a screening import, as a `Sendable` value.
private struct SendableRow: Sendable {
    var line: Int
    var row: Result<ScreeningEntry, DataFileError>
}
