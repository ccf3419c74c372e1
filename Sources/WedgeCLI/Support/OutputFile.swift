// SPDX-License-Identifier: Apache-2.0

internal import Foundation

/// Writes command output to files without ever overwriting one by accident.
enum OutputFile {
    /// Writes `text` to `path` atomically; refuses an existing file unless `force`.
    static func write(_ text: String, to path: String, force: Bool) throws {
        if !force, FileManager.default.fileExists(atPath: path) {
            throw CLIError("'\(path)' already exists. Choose another path, or pass --force to replace it.")
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw CLIError("Cannot write '\(path)': \(error.localizedDescription). Check the folder exists and is writable.")
        }
    }
}
