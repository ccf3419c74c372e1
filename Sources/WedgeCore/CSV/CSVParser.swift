// SPDX-License-Identifier: Apache-2.0

/// An RFC 4180 CSV parser that knows where every record starts.
///
/// Fields are separated by commas and records by LF or CRLF. A field in double quotes may hold commas,
/// newlines and doubled quotes (`""`). A UTF-8 byte-order mark is skipped. Blank lines are skipped. Errors —
/// a quote inside an unquoted field, text after a closing quote, a quote left open at the end of the file — are
/// reported with their line and never guessed around.
///
/// Related specification: RFC 4180, <https://www.rfc-editor.org/rfc/rfc4180>.
public struct CSVParser: Sendable {
    /// A malformed CSV file.
    public struct SyntaxError: Error, Sendable, Equatable {
        /// The 1-based line of the problem.
        public var line: Int
        /// What is wrong.
        public var problem: String
    }

    /// Creates a parser.
    public init() {}

    /// Parses all records of `text`.
    /// - Throws: ``SyntaxError``.
    public func parse(_ text: String) throws(SyntaxError) -> [CSVRecord] {
        var records: [CSVRecord] = []
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var i = 0
        var line = 1
        var fields: [String] = []
        var field: [UInt8] = []
        var recordLine = 1
        var fieldWasQuoted = false
        var recordHasContent = false

        func finishField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            fieldWasQuoted = false
        }
        func finishRecord() {
            finishField()
            if recordHasContent || fields.count > 1 || !fields[0].isEmpty {
                records.append(CSVRecord(line: recordLine, fields: fields))
            }
            fields.removeAll(keepingCapacity: true)
            recordHasContent = false
        }

        while i < bytes.count {
            let b = bytes[i]
            switch b {
            case UInt8(ascii: "\""):
                guard field.isEmpty, !fieldWasQuoted else {
                    throw SyntaxError(line: line, problem: "a double quote appears inside an unquoted field; "
                        + "quote the whole field and double the inner quote (\"\")")
                }
                let openLine = line
                i += 1
                var closed = false
                while i < bytes.count {
                    let c = bytes[i]
                    if c == UInt8(ascii: "\"") {
                        if i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "\"") {
                            field.append(c)
                            i += 2
                            continue
                        }
                        closed = true
                        i += 1
                        break
                    }
                    if c == UInt8(ascii: "\n") { line += 1 }
                    field.append(c)
                    i += 1
                }
                guard closed else {
                    throw SyntaxError(line: openLine, problem: "a quoted field opened here is never closed")
                }
                fieldWasQuoted = true
                recordHasContent = true
                if i < bytes.count, ![UInt8(ascii: ","), UInt8(ascii: "\n"), UInt8(ascii: "\r")].contains(bytes[i]) {
                    throw SyntaxError(line: line, problem: "text follows a closing quote; quote the whole field")
                }
            case UInt8(ascii: ","):
                finishField()
                recordHasContent = true
                i += 1
            case UInt8(ascii: "\r") where i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "\n"):
                i += 1
            case UInt8(ascii: "\n"):
                finishRecord()
                line += 1
                recordLine = line
                i += 1
            default:
                if fieldWasQuoted {
                    throw SyntaxError(line: line, problem: "text follows a closing quote; quote the whole field")
                }
                field.append(b)
                i += 1
            }
        }
        if !field.isEmpty || !fields.isEmpty || fieldWasQuoted { finishRecord() }
        return records
    }
}
