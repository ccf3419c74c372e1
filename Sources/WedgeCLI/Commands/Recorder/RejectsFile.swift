// SPDX-License-Identifier: Apache-2.0

internal import Foundation
internal import WedgeCore

/// The file `wedge import --skip-invalid FILE` writes: one line per refused row, with its line number, the
/// fields and reasons, and the row as it was read, so that it can be fixed and imported again.
///
/// Columns: `line, field, reason`, then the input file's own columns. The file holds participant data (the
/// refused rows), exactly as the input did; keep it as confidential.
final class RejectsFile {
    let path: String
    private let handle: FileHandle
    private var buffer = ""
    private(set) var count = 0

    /// Creates the file; refuses an existing one unless `force`.
    init(path: String, force: Bool) throws {
        if !force, FileManager.default.fileExists(atPath: path) {
            throw CLIError("'\(path)' already exists. Choose another path for the rejected rows, or pass --force to replace it.")
        }
        guard FileManager.default.createFile(atPath: path, contents: nil),
            let handle = FileHandle(forWritingAtPath: path)
        else {
            throw CLIError("Cannot write '\(path)'. Check that its folder exists and is writable.")
        }
        self.path = path
        self.handle = handle
    }

    /// Writes the header: the reject columns, then the input's columns.
    func writeHeader(_ inputColumns: [String]) throws {
        buffer += CSVWriter.row(["line", "field", "reason"] + inputColumns) + "\n"
    }

    /// Writes one refused row.
    func write(line: Int, issues: [DataIssue], fields: [String]) throws {
        let names = issues.map(\.field).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        let reasons = issues.map { issue in
            "\(issue.field)\(issue.valueShape.map { " (value of the form \"\($0)\")" } ?? "") \(issue.problem). \(issue.expected)"
        }
        buffer += CSVWriter.row([String(line), names.joined(separator: "; "), reasons.joined(separator: " | ")] + fields) + "\n"
        count += 1
        if buffer.utf8.count > 1 << 16 { try flush() }
    }

    /// Writes what is buffered and closes the file.
    func close() throws {
        try flush()
        try handle.close()
    }

    /// Closes and removes the file (the import failed, so it describes nothing).
    func discard() {
        try? handle.close()
        try? FileManager.default.removeItem(atPath: path)
    }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        try handle.write(contentsOf: Data(buffer.utf8))
        buffer = ""
    }
}
