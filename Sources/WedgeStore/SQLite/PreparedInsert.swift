// SPDX-License-Identifier: Apache-2.0

import Foundation
import GRDB
import GRDBSQLite

/// One INSERT (or other statement without result rows), prepared once on a connection and executed many times
/// with values bound straight through the SQLite C interface.
///
/// GRDB's `Statement.execute(arguments:)` wraps each value in `StatementArguments` and `DatabaseValue`; for a bulk
/// import that boxing cost about a quarter of the run. Here a value is bound where it lies:
///
/// ```swift
/// let insert = try PreparedInsert(db, sql: "INSERT INTO t (a, b) VALUES (?, ?)")
/// try insert.run { bind in
///     bind.text("x")
///     bind.int(1)
/// }
/// ```
///
/// The statement runs inside whatever transaction the connection is in (a write transaction opened by GRDB).
/// Strings are copied by SQLite when bound (`SQLITE_TRANSIENT`). A failure is thrown as GRDB's
/// `DatabaseError` with SQLite's result code, so ``StoreError/wrapping(_:location:operation:)`` classifies it as
/// it does any GRDB failure. Use it only on the connection's own queue, like every GRDB statement.
///
/// Related documentation: GRDB's "Raw SQLite Pointers" and <https://www.sqlite.org/c3ref/bind_blob.html>.
final class PreparedInsert {
    private let connection: SQLiteConnection
    private let statement: SQLiteStatement
    private let parameterCount: Int32

    /// Prepares `sql` on the connection of `db`; the statement is kept until this object goes away.
    init(_ db: Database, sql: String) throws {
        guard let connection = db.sqliteConnection else {
            throw DatabaseError(resultCode: .SQLITE_MISUSE, message: "the database connection is closed")
        }
        var prepared: SQLiteStatement?
        let code = sqlite3_prepare_v3(connection, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &prepared, nil)
        guard code == SQLITE_OK, let prepared else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(connection)),
                                sql: sql)
        }
        self.connection = connection
        statement = prepared
        parameterCount = sqlite3_bind_parameter_count(prepared)
    }

    deinit {
        sqlite3_finalize(statement)
    }

    /// Binds the statement's parameters in order with `bind`, runs it to completion, and resets it.
    ///
    /// - Throws: `DatabaseError` when SQLite refuses the statement (a constraint, a full disk, …), or with
    ///   `SQLITE_RANGE` when `bind` does not bind exactly as many values as the statement has parameters.
    func run(_ bind: (inout Binder) -> Void) throws {
        var binder = Binder(statement: statement)
        bind(&binder)
        defer {
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
        }
        guard binder.next - 1 == parameterCount, binder.failure == SQLITE_OK else {
            let code = binder.failure == SQLITE_OK ? SQLITE_RANGE : binder.failure
            let message = binder.failure == SQLITE_OK
                ? "bound \(binder.next - 1) of \(parameterCount) values"
                : "value \(binder.failedAt) could not be bound"
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message,
                                sql: String(cString: sqlite3_sql(statement)))
        }
        let code = sqlite3_step(statement)
        guard code == SQLITE_DONE else {
            // The extended code (a constraint's kind, say) is what sqlite3_step reports for a v3 statement.
            let extended = sqlite3_extended_errcode(connection)
            throw DatabaseError(resultCode: ResultCode(rawValue: code == SQLITE_ROW ? SQLITE_MISUSE : extended),
                                message: String(cString: sqlite3_errmsg(connection)),
                                sql: String(cString: sqlite3_sql(statement)))
        }
    }

    /// Binds values to the next parameter, left to right.
    struct Binder {
        fileprivate let statement: SQLiteStatement
        fileprivate var next: Int32 = 1
        fileprivate var failure: Int32 = SQLITE_OK
        fileprivate var failedAt: Int32 = 0

        /// Binds text, or NULL for `nil`.
        ///
        /// Text holding a NUL character is refused (`SQLITE_MISMATCH`): SQLite would store it whole, but it
        /// reads back cut at the NUL, which would silently change the value and break the audit hash.
        mutating func text(_ value: String?) {
            let code: Int32
            if let value {
                code = value.withCString { pointer in
                    let count = value.utf8.count
                    // strlen stops at the first NUL: a shorter length means the text holds one.
                    guard strlen(pointer) == count else { return SQLITE_MISMATCH }
                    return sqlite3_bind_text(statement, next, pointer, Int32(count), SQLITE_TRANSIENT)
                }
            } else {
                code = sqlite3_bind_null(statement, next)
            }
            advance(code)
        }

        /// Binds an integer.
        mutating func int(_ value: Int64) {
            advance(sqlite3_bind_int64(statement, next, value))
        }

        /// Binds a boolean as 0 or 1.
        mutating func bool(_ value: Bool) {
            int(value ? 1 : 0)
        }

        private mutating func advance(_ code: Int32) {
            if code != SQLITE_OK, failure == SQLITE_OK {
                failure = code
                failedAt = next
            }
            next += 1
        }
    }
}

/// SQLite's "copy the value now" destructor.
private let SQLITE_TRANSIENT = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
