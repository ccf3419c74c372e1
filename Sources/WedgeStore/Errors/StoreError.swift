// SPDX-License-Identifier: Apache-2.0

public import Foundation
public import WedgeCore

/// A study database operation that failed, with what to do next.
///
/// Every case carries the context needed to act on it (the database path, the participant id, the field), but
/// never a participant's values, since they may identify a person. Refused participant data comes wrapped as a
/// ``WedgeCore/DataFileError``, which describes values by their shape only. SQLite failures are classified by
/// their result code, never by their message text.
///
/// Whenever one of these is thrown by a writing operation, nothing was written: every write runs in one
/// transaction that is rolled back on error.
public enum StoreError: Error, LocalizedError, Equatable, Sendable {
    /// ``StudyStore/create(at:protocol:schedule:createdAt:)`` found a file at the path; it never overwrites.
    case fileExists(path: String)
    /// ``StudyStore/open(at:)`` found no file at the path.
    case fileNotFound(path: String)
    /// The file is not a SQLite database, or a SQLite database that Wedge did not create.
    case notAWedgeDatabase(path: String)
    /// The database was written by a newer Wedge, with schema migrations this build does not know.
    case newerDatabase(path: String, unknownMigrations: [String])
    /// The protocol and schedule given to `create` do not belong together, or the protocol cannot be stored.
    case invalidStudy(problem: String)
    /// The stored protocol text no longer parses; `issues` are the loader's messages.
    case storedProtocolInvalid(issues: [String])
    /// The database contradicts itself (for example, a site without an assignment); `problem` says where.
    case inconsistentDatabase(problem: String)
    /// Participant data was refused; every problem is listed, and nothing was written.
    case dataRejected(DataFileError)
    /// No participant has this id.
    case participantNotFound(id: String)
    /// The participant was soft-deleted and can no longer be changed.
    case participantDeleted(id: String)
    /// No screening has this id.
    case screeningNotFound(id: String)
    /// The screening was soft-deleted and can no longer be changed.
    case screeningDeleted(id: String)
    /// A change to a screening was requested without a reason.
    case screeningReasonRequired(screeningID: String)
    /// The field is not a column of this study's participant data.
    case unknownField(field: String, suggestion: String?, known: [String])
    /// The field exists but cannot be corrected (the participant id).
    case fieldNotCorrectable(field: String)
    /// The correction would store the value the field already has.
    case unchangedValue(participantID: String, field: String)
    /// Recording would overwrite a field that already holds a value; recording only fills empty fields.
    case alreadyRecorded(participantID: String, field: String)
    /// A change to participant data was requested without a reason.
    case reasonRequired(participantID: String)
    /// A change was requested without naming who makes it.
    case actorRequired
    /// A change was made against an older version of the participant than the stored one (someone else saved
    /// first); nothing was written. `participant` is the participant at version `current`, as the refusing
    /// transaction read it, so that the caller can show it beside the refused change without reading it again.
    case versionConflict(participantID: String, current: Int64, participant: VersionedParticipant?)
    /// SQLite refused an operation; `resultCode` and `extendedResultCode` are SQLite's codes.
    case database(location: String, operation: String, resultCode: Int32, extendedResultCode: Int32)
    /// The PostgreSQL database at `location` already holds a study; Wedge never writes a second one into it.
    case studyExists(location: String)
    /// The PostgreSQL database at `location` holds no Wedge study (its schema is missing or empty).
    case noStudy(location: String)
    /// PostgreSQL refused an operation; `sqlState` is its five-character SQLSTATE code.
    case postgres(location: String, operation: String, sqlState: String)
    /// The connection to the PostgreSQL server failed or was lost. When `outcomeUnknown` is `false`, the
    /// transaction never reached its commit and nothing was written; when `true`, the connection was lost while
    /// committing, and the change may or may not have been saved.
    case connectionLost(location: String, operation: String, outcomeUnknown: Bool)
    /// Something other than SQLite failed; `type` names the underlying error type.
    case unexpected(location: String, operation: String, type: String)

    /// What went wrong and what to do next.
    public var errorDescription: String? {
        switch self {
        case .fileExists(let path):
            return "The file '\(path)' already exists; Wedge never overwrites a study database. "
                + "Give a new path, or open the existing study with its path."
        case .fileNotFound(let path):
            return "There is no study database at '\(path)'. Check the path, or create a study first."
        case .notAWedgeDatabase(let path):
            return "'\(path)' is not a Wedge study database (it is not SQLite, or it was not created by Wedge, "
                + "or its creation did not finish). Check the path; create a new study with another path if needed."
        case .newerDatabase(let path, let unknown):
            return "'\(path)' was written by a newer version of Wedge (schema steps unknown to Wedge "
                + "\(WedgeVersion.current): \(unknown.joined(separator: ", "))). Upgrade Wedge to open it."
        case .invalidStudy(let problem):
            return "The study cannot be created: \(problem). Nothing was written."
        case .storedProtocolInvalid(let issues):
            return (["The protocol stored in the database no longer validates with Wedge \(WedgeVersion.current):"]
                + issues.map { "  " + $0 }
                + ["Open the database with the Wedge version that created it, and report this."])
                .joined(separator: "\n")
        case .inconsistentDatabase(let problem):
            return "The study database is inconsistent: \(problem). It may have been edited outside Wedge; "
                + "run the audit verification and restore it from a backup."
        case .dataRejected(let error):
            return error.errorDescription
        case .participantNotFound(let id):
            return "There is no participant '\(id)' in this study. Check the id; the snapshot lists enrolled participants."
        case .participantDeleted(let id):
            return "Participant '\(id)' was deleted and cannot be changed. Its audit trail shows when and why."
        case .screeningNotFound(let id):
            return "There is no screening '\(id)' in this study. Check the id; `wedge screen list` lists the screening log."
        case .screeningDeleted(let id):
            return "Screening '\(id)' was deleted and cannot be changed. Its audit trail shows when and why."
        case .screeningReasonRequired(let id):
            return "A change to screening '\(id)' needs a reason; nothing was written. Give the reason, such as "
                + "\"transcription error, screening log checked\"."
        case .unknownField(let field, let suggestion, let known):
            let hint = suggestion.map { "Did you mean '\($0)'?" } ?? "Known fields: " + known.joined(separator: ", ") + "."
            return "'\(field)' is not a participant field of this study. \(hint)"
        case .fieldNotCorrectable(let field):
            return "The field '\(field)' cannot be corrected. Delete the participant (with a reason) and import "
                + "the record again under the right id."
        case .unchangedValue(let id, let field):
            return "Participant '\(id)' already has that value in '\(field)'; nothing was written."
        case .alreadyRecorded(let id, let field):
            return "Participant '\(id)' already has a value in '\(field)', and recording only fills empty fields; "
                + "nothing was written. To change a recorded value, correct it with a reason "
                + "(`wedge correct --db FILE \(id) \(field) VALUE --reason TEXT`)."
        case .reasonRequired(let id):
            return "A change to participant '\(id)' needs a reason; nothing was written. Give the reason, such as "
                + "\"transcription error, source document checked\"."
        case .actorRequired:
            return "A change needs the name of the person making it; nothing was written. Give the actor."
        case .versionConflict(let id, let current, _):
            return "Participant '\(id)' was changed by someone else since it was read (it is now at version "
                + "\(current)); nothing was written. Read it again and re-apply the change."
        case .database(let location, let operation, let code, let extended):
            return Self.describeSQLite(location: location, operation: operation, code: code, extended: extended)
        case .studyExists(let location):
            return "\(location) already holds a study; Wedge never writes a second study into a database. "
                + "Create an empty database for the new study, or open the existing one."
        case .noStudy(let location):
            return "\(location) holds no Wedge study. Check the URL; run `wedge-server migrate` and create or copy "
                + "a study into it first."
        case .postgres(let location, let operation, let sqlState):
            return Self.describePostgres(location: location, operation: operation, sqlState: sqlState)
        case .connectionLost(let location, let operation, let outcomeUnknown):
            if outcomeUnknown {
                return "Could not \(operation) in \(location): the connection was lost while the change was being "
                    + "committed, so it may or may not have been saved. Check the participant's audit trail before "
                    + "entering it again."
            }
            return "Could not \(operation) in \(location): the PostgreSQL server could not be reached or closed the "
                + "connection. Nothing was written. Check that the server is running and try again."
        case .unexpected(let location, let operation, let type):
            return "Could not \(operation) in \(location): unexpected \(type). Nothing was written; report this."
        }
    }
}
