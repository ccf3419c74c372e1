// SPDX-License-Identifier: Apache-2.0

import WedgeCore
import HTTPTypes
import WedgeStore

/// How a ``WedgeStore/StoreError`` is answered. Details name fields and rules; the store's messages never quote a
/// participant's values, but a database's location and SQL codes stay in the server's log, not the response.
enum StoreProblem {
    /// The problem for `error`.
    static func from(_ error: StoreError) -> Problem {
        switch error {
        case .participantNotFound(let id):
            return .noParticipant(id)
        case .dataRejected(let rejected) where rejected.issues.allSatisfy({
            $0.field == ParticipantField.participantID.rawValue && $0.problem == StudyWrite.alreadyStored
        }):
            return Problem(.conflict, "Participant exists", "This participant id is already enrolled; ids are never reused.")
        case .dataRejected(let rejected):
            // The problem only: the issues' advice is written for the command line ("Add --baseline …").
            let errors = rejected.issues.map { (field: $0.field, rule: $0.problem) }
            return Problem(.unprocessableContent, "Breaks a study rule",
                           "The change breaks the study's rules; nothing was written.", errors: errors)
        case .participantDeleted, .unknownField, .fieldNotCorrectable, .unchangedValue, .alreadyRecorded:
            return Problem(.unprocessableContent, "Not possible", error.errorDescription ?? "Refused.")
        case .reasonRequired:
            return Problem.badRequest([("reason", "is required")])
        case .versionConflict(let id, _, _):
            return Problem(.conflict, "Changed by someone else",
                           "Participant '\(id)' changed since you read it; nothing was written.")
        case .connectionLost(_, _, let unknown):
            return Problem(.serviceUnavailable, "Database unavailable", unknown
                ? "The database connection was lost while saving: the change may or may not be saved. Read the participant before trying again."
                : "The database cannot be reached; nothing was written. Try again shortly.")
        case .database(_, _, let code, _) where code == 5 || code == 6:
            return Problem(.serviceUnavailable, "Database busy", "The database is busy; nothing was written. Try again.")
        default:
            return Problem(.internalServerError, "Database error",
                           "The database refused the operation; nothing was written. The server's log has the cause.")
        }
    }
}
