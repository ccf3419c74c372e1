// SPDX-License-Identifier: Apache-2.0

public import Foundation

/// The outcome of running the `wedge` executable as a whole process.
public struct CommandResult: Sendable {
    /// The exit status, or the signal number when ``signaled`` is true.
    public var status: Int32
    /// Everything written to standard output.
    public var stdout: String
    /// Everything written to standard error.
    public var stderr: String
    /// True when the process was ended by a signal (a crash, or the kill after a time limit).
    public var signaled = false
    /// True when the process ran past its time limit and was killed.
    public var timedOut = false
    /// The wall-clock time the process ran, in seconds.
    public var seconds = 0.0

    /// Creates a result.
    public init(status: Int32, stdout: String, stderr: String) {
        self.status = status
        self.stdout = stdout
        self.stderr = stderr
    }

    /// Runs the built `wedge` executable with `arguments` in `directory` (default: the package root).
    public static func wedge(_ arguments: [String], in directory: URL? = nil) throws -> CommandResult {
        try run(TestPaths.productsDirectory.appendingPathComponent("wedge"), arguments, in: directory)
    }

    /// Runs `executable` with `arguments` in `directory` (default: the package root), killing it after `timeout`
    /// seconds. Output goes through temporary files, so a process that writes a lot never blocks on a pipe.
    public static func run(_ executable: URL, _ arguments: [String], in directory: URL? = nil,
                           timeout: Double = 600) throws -> CommandResult {
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: executable.path])
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("wedge-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("out"), errURL = scratch.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? TestPaths.packageRoot
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = out
        process.standardError = err
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        let start = Date()
        try process.run()
        var timedOut = false
        if done.wait(timeout: .now() + timeout) == .timedOut {
            timedOut = true
            kill(process.processIdentifier, SIGKILL)
            done.wait()
        }
        try? out.close()
        try? err.close()
        var result = CommandResult(
            status: process.terminationStatus,
            stdout: String(decoding: (try? Data(contentsOf: outURL)) ?? Data(), as: UTF8.self),
            stderr: String(decoding: (try? Data(contentsOf: errURL)) ?? Data(), as: UTF8.self))
        result.signaled = process.terminationReason == .uncaughtSignal
        result.timedOut = timedOut
        result.seconds = Date().timeIntervalSince(start)
        return result
    }
}
