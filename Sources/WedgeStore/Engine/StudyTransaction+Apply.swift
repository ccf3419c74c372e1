// SPDX-License-Identifier: Apache-2.0

package import WedgeCore

extension StudyTransaction {
    /// Applies one ``StudyWrite``, with the same checks as the method it stands for, and returns the participant
    /// as written, with its version. With `site`, a participant of another site is not found.
    package mutating func apply(_ write: StudyWrite, today: CivilDate, site: String? = nil) throws -> StudyWriteResult {
        if let site {
            let id = write.participantID
            if case .enroll(let record) = write {
                if record.siteID != site { throw StoreError.participantNotFound(id: id) }
            } else if let stored = try participant(id), stored.enrollment.record.siteID != site {
                throw StoreError.participantNotFound(id: id)
            }
        }
        var recorded: [ParticipantField] = []
        var event: AdverseEvent?
        switch write {
        case .enroll(let record):
            _ = try enroll(record, today: today)
        case .recordOutcomes(let id, let values, let version):
            if let field = values.keys.first(where: { !ParticipantField.outcomes.contains($0) }) {
                throw StoreError.fieldNotCorrectable(field: field.rawValue)
            }
            try requireVersion(id, version)
            recorded = try fillOutcomes(participantID: id, values,
                                        rules: ParticipantRules(schedule: try schedule(), today: today)).recorded
        case .adverseEvent(let id, let date, let description, let serious):
            event = try recordAdverseEvent(participantID: id, date: date, description: description, isSerious: serious,
                                           today: today)
        case .correct(let id, let field, let value, let reason, let version):
            try requireVersion(id, version)
            try correct(participantID: id, field: field, value: value, reason: reason, today: today)
        case .softDelete(let id, let reason, let version):
            try requireVersion(id, version)
            try softDelete(participantID: id, reason: reason)
        }
        guard let stored = try participant(write.participantID) else {
            throw StoreError.participantNotFound(id: write.participantID)
        }
        return StudyWriteResult(participant: VersionedParticipant(stored, version: try participantVersion(write.participantID)),
                                recorded: recorded, adverseEvent: event)
    }

    /// The error of one write in a group, as the caller sees it, or `nil` when it is not a refusal of that write
    /// alone (a database failure, which fails the whole group).
    package static func refusal(_ error: any Error) -> StoreError? {
        switch error {
        case let error as StoreError:
            switch error {
            case .database, .postgres, .connectionLost, .unexpected: return nil
            default: return error
            }
        case let error as DataFileError: return .dataRejected(error)
        default: return nil
        }
    }
}
