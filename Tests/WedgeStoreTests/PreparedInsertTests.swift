// SPDX-License-Identifier: Apache-2.0

import GRDB
import Testing
@testable import WedgeStore

/// Statements bound through SQLite's C interface store exactly what GRDB reads back, and fail as GRDB does.
@Suite("Prepared inserts")
struct PreparedInsertTests {
    private func database() throws -> DatabaseQueue {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (id INTEGER PRIMARY KEY, s TEXT, n INTEGER NOT NULL CHECK (n >= 0))")
        }
        return queue
    }

    @Test("text, NULL, integers and booleans round-trip through GRDB, over many runs of one statement")
    func roundTrip() throws {
        let queue = try database()
        let texts: [String?] = [nil, "", "x", "ä 🙂", "line\nbreak", String(repeating: "long ", count: 500), "'; --"]
        try queue.write { db in
            let insert = try PreparedInsert(db, sql: "INSERT INTO t (id, s, n) VALUES (?, ?, ?)")
            for (i, text) in texts.enumerated() {
                try insert.run { bind in
                    bind.int(Int64(i))
                    bind.text(text)
                    bind.bool(i % 2 == 1)
                }
            }
        }
        let rows = try queue.read { db in try Row.fetchAll(db, sql: "SELECT s, n FROM t ORDER BY id") }
        #expect(rows.map { $0[0] as String? } == texts)
        #expect(rows.map { $0[1] as Int } == texts.indices.map { $0 % 2 })
    }

    @Test("a constraint failure throws GRDB's DatabaseError with SQLite's extended code, and the statement stays usable")
    func constraint() throws {
        let queue = try database()
        try queue.write { db in
            let insert = try PreparedInsert(db, sql: "INSERT INTO t (id, s, n) VALUES (?, ?, ?)")
            let error = try #require(throws: DatabaseError.self) {
                try insert.run { bind in
                    bind.int(1)
                    bind.text("a")
                    bind.int(-1)
                }
            }
            #expect(error.resultCode == .SQLITE_CONSTRAINT)
            #expect(error.extendedResultCode == .SQLITE_CONSTRAINT_CHECK)
            try insert.run { bind in
                bind.int(1)
                bind.text("a")
                bind.int(1)
            }
        }
        #expect(try queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM t") } == 1)
    }

    @Test("too few values, too many, or text with a NUL are refused before the statement runs")
    func refused() throws {
        let queue = try database()
        try queue.write { db in
            let insert = try PreparedInsert(db, sql: "INSERT INTO t (id, s, n) VALUES (?, ?, ?)")
            let tooFew = try #require(throws: DatabaseError.self) {
                try insert.run { bind in
                    bind.int(1)
                    bind.text("a")
                }
            }
            #expect(tooFew.resultCode == .SQLITE_RANGE)
            #expect(throws: DatabaseError.self) {
                try insert.run { bind in
                    bind.int(1)
                    bind.text("a")
                    bind.int(1)
                    bind.int(2)
                }
            }
            let nul = try #require(throws: DatabaseError.self) {
                try insert.run { bind in
                    bind.int(1)
                    bind.text("a\u{0}b")
                    bind.int(1)
                }
            }
            #expect(nul.resultCode == .SQLITE_MISMATCH)
        }
        #expect(try queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM t") } == 0)
    }

    @Test("a statement that does not compile is reported with its SQL")
    func badSQL() throws {
        let queue = try database()
        try queue.write { db in
            let error = try #require(throws: DatabaseError.self) {
                _ = try PreparedInsert(db, sql: "INSERT INTO nowhere VALUES (?)")
            }
            #expect(error.resultCode == .SQLITE_ERROR)
            #expect(error.sql == "INSERT INTO nowhere VALUES (?)")
        }
    }
}
