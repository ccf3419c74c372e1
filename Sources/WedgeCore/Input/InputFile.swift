// SPDX-License-Identifier: Apache-2.0

public import Foundation

/// The gate every input file passes before Wedge opens it.
///
/// Only a regular file (or a link to one) is read: a directory is refused, and so are devices, FIFOs and sockets,
/// because `/dev/zero` would be read forever and a FIFO with no writer would block the open. Files read whole
/// (protocols, parameter files, sealed schedules, analysis CSVs) must also be no larger than a limit, so that a
/// wrong path costs a message and not the machine's memory. Streamed files (imports) have no size limit.
public enum InputFile {
    /// The largest protocol or parameters file: shipped protocols are about 5 KB.
    public static let textLimit = 1 << 20
    /// The largest file read whole that holds data (a sealed schedule, an analysis CSV).
    public static let dataLimit = 256 << 20

    /// Checks that `path` names a readable regular file of at most `limit` bytes (no limit when `nil`).
    /// - Throws: ``InputFileError`` naming the file and what is wrong with it.
    public static func check(_ path: String, limit: Int? = nil) throws(InputFileError) {
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: resolved)
        } catch {
            throw InputFileError(file: path, problem: "does not exist", expected: "Check the path.")
        }
        let type = attributes[.type] as? FileAttributeType
        guard type == .typeRegular else {
            throw InputFileError(file: path, problem: "is \(describe(type)), not a regular file",
                                 expected: "Give the path of a file.")
        }
        if let limit, let size = (attributes[.size] as? NSNumber)?.intValue, size > limit {
            throw InputFileError(file: path, problem: "is too large (\(size) bytes; at most \(limit) are read)",
                                 expected: "Check that this is the right file.")
        }
        guard FileManager.default.isReadableFile(atPath: resolved) else {
            throw InputFileError(file: path, problem: "cannot be read", expected: "Check the file's permissions.")
        }
    }

    /// The bytes of the regular file at `path`, of at most `limit` bytes.
    /// - Throws: ``InputFileError``.
    public static func data(_ path: String, limit: Int) throws(InputFileError) -> Data {
        try check(path, limit: limit)
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw InputFileError(file: path, problem: "cannot be read", expected: "Check the file's permissions.")
        }
        defer { try? handle.close() }
        // Read one byte past the limit, in case the file grew after the check.
        let data: Data
        do { data = try handle.read(upToCount: limit + 1) ?? Data() } catch {
            throw InputFileError(file: path, problem: "could not be read to the end", expected: "Check the disk.")
        }
        guard data.count <= limit else {
            throw InputFileError(file: path, problem: "is too large (more than \(limit) bytes)",
                                 expected: "Check that this is the right file.")
        }
        return data
    }

    /// The UTF-8 text of the regular file at `path`, of at most `limit` bytes.
    /// - Throws: ``InputFileError``, also when the bytes are not UTF-8.
    public static func text(_ path: String, limit: Int) throws(InputFileError) -> String {
        let data = try data(path, limit: limit)
        guard let text = String(data: data, encoding: .utf8) else {
            throw InputFileError(file: path, problem: "is not UTF-8 text", expected: "Save the file as UTF-8.")
        }
        return text
    }

    private static func describe(_ type: FileAttributeType?) -> String {
        switch type {
        case .typeDirectory?: return "a directory"
        case .typeCharacterSpecial?, .typeBlockSpecial?: return "a device"
        case .typeSocket?: return "a socket"
        case .typeSymbolicLink?: return "a broken link"
        default: return "a FIFO or other special file"
        }
    }
}
