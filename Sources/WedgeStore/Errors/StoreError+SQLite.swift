// SPDX-License-Identifier: Apache-2.0

import GRDB
import WedgeCore

extension StoreError {
    /// Wraps any error thrown inside a database access.
    ///
    /// ``StoreError`` passes through; ``WedgeCore/DataFileError`` becomes ``dataRejected(_:)``; GRDB's
    /// `DatabaseError` is classified by its result code (its message, which may quote SQL, is dropped).
    static func wrapping(_ error: any Error, location: String, operation: String) -> StoreError {
        switch error {
        case let error as StoreError:
            return error
        case let error as DataFileError:
            return .dataRejected(error)
        case let error as DatabaseError:
            return .database(location: location, operation: operation, resultCode: error.resultCode.rawValue,
                             extendedResultCode: error.extendedResultCode.rawValue)
        default:
            return .unexpected(location: location, operation: operation, type: String(describing: type(of: error)))
        }
    }

    /// The text for a SQLite failure, chosen by primary result code.
    ///
    /// Related SQLite documentation: <https://www.sqlite.org/rescode.html>
    static func describeSQLite(location: String, operation: String, code: Int32, extended: Int32) -> String {
        let what = "Could not \(operation) in \(location)"
        switch ResultCode(rawValue: code) {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return "\(what): the database is busy (another process is writing to it). Nothing was written. "
                + "Wait for the other process to finish and run the command again."
        case .SQLITE_READONLY:
            return "\(what): the database is read-only. Check the permissions of the file and its folder."
        case .SQLITE_CANTOPEN:
            return "\(what): the file cannot be opened. Check that its folder exists and that you may read "
                + "and write there."
        case .SQLITE_FULL:
            return "\(what): the disk is full. Nothing was written. Free some space and run the command again."
        case .SQLITE_IOERR:
            return "\(what): a disk read or write failed (SQLite code \(extended)). Check the disk and run again."
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            return "\(what): the database file is damaged or is not a database. Restore it from a backup."
        case .SQLITE_CONSTRAINT:
            return "\(what): the database refused the change because it breaks an integrity rule "
                + "(SQLite code \(extended)); nothing was written. The audit log, study and site rows can never be "
                + "changed, and participants are only soft-deleted. If this came from a Wedge command, report it."
        default:
            return "\(what): SQLite error \(code) (extended \(extended)). Nothing was written; report this."
        }
    }
}
