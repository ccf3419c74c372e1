// SPDX-License-Identifier: Apache-2.0

import Testing
import WedgeCore

@Suite("CSV")
struct CSVParserTests {
    @Test("Quoted fields, doubled quotes, embedded newlines, CRLF and a BOM")
    func rfc4180() throws {
        let text = "\u{FEFF}a,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\r\n2,\"two\nlines\",\n\n3,,z"
        let records = try CSVParser().parse(text)
        #expect(records.map(\.fields) == [["a", "b", "c"], ["1", "x, y", "say \"hi\""], ["2", "two\nlines", ""],
                                          ["3", "", "z"]])
        #expect(records.map(\.line) == [1, 2, 3, 6])
    }

    @Test("Malformed quoting is an error with its line", arguments: [
        ("a,b\n1,x\"y\n", 2), ("a,b\n1,\"open\n2,3\n", 2), ("a,b\n\"x\"y,2\n", 2),
    ])
    func malformed(text: String, line: Int) {
        #expect(throws: CSVParser.SyntaxError.self) { try CSVParser().parse(text) }
        do {
            _ = try CSVParser().parse(text)
        } catch {
            #expect(error.line == line)
        }
    }

    @Test("Writing then reading gives the same fields")
    func roundTrip() throws {
        let rows = [["plain", "with,comma", "with \"quote\"", "multi\nline", " padded ", ""]]
        let text = CSVWriter.document(header: ["a", "b", "c", "d", "e", "f"], rows: rows)
        #expect(try CSVParser().parse(text).map(\.fields).dropFirst().map { $0 } == rows)
    }
}
