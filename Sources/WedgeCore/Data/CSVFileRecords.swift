// SPDX-License-Identifier: Apache-2.0

internal import Foundation

/// The records of a CSV file, read in chunks through ``CSVChunkedReader``: the file loop that every streamed
/// import shares.
///
/// A file that cannot be opened or read to the end, and a CSV syntax error, become a ``DataFileError`` naming the
/// file (and the line, for syntax); whatever `body` throws passes through unchanged.
public struct CSVFileRecords: Sendable {
    /// The file to read.
    public let path: String
    /// The name to quote in errors.
    public let file: String
    /// The bytes read at a time.
    public var chunkSize = 1 << 16

    /// Creates a reader of `path`, quoted in errors as `file` (by default the path).
    public init(path: String, file: String? = nil) {
        self.path = path
        self.file = file ?? path
    }

    /// Calls `body` with every record, in file order, the header included.
    public func read(_ body: (CSVRecord) throws -> Void) throws {
        do { try InputFile.check(path) } catch {
            throw DataFileError(issues: [DataIssue(file: file, field: "(file)", problem: error.problem,
                                                   expected: error.expected)])
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw DataFileError(issues: [DataIssue(file: file, field: "(file)", problem: "cannot be read",
                                                   expected: "Check the path and the file's permissions.")])
        }
        defer { try? handle.close() }
        var parser = CSVChunkedReader()
        do {
            while true {
                let data: Data?
                do {
                    data = try handle.read(upToCount: chunkSize)
                } catch {
                    throw DataFileError(issues: [DataIssue(file: file, field: "(file)", problem: "could not be read to the end",
                                                           expected: "Check the disk and run again.")])
                }
                guard let data, !data.isEmpty else { break }
                try data.withUnsafeBytes { raw in try parser.feed(raw.bindMemory(to: UInt8.self), emit: body) }
            }
            try parser.finish(emit: body)
        } catch let error as CSVParser.SyntaxError {
            throw DataFileError(issues: [DataIssue(file: file, line: error.line, field: "(csv)",
                                                   problem: error.problem, expected: "Fix the CSV syntax.")])
        }
    }

    /// The first record (the header), or `nil` for a file with none; reads no further than it needs.
    public func firstRecord() throws -> CSVRecord? {
        var first: CSVRecord?
        do {
            try read { record in
                first = record
                throw Stop()
            }
        } catch is Stop {}
        return first
    }

    /// Ends ``firstRecord()``'s reading early.
    private struct Stop: Error {}
}
