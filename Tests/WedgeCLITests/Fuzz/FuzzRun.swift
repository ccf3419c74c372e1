// SPDX-License-Identifier: Apache-2.0

import Foundation
import WedgeTestSupport

/// Runs one input through its target's command, as a subprocess of the built `wedge` with a time limit, and
/// lists every broken promise: a signal or a hang, an exit code other than 0, 1 or 64, a run past the time
/// limit, an error that does not name the file, or a refused command that changed the study database.
enum FuzzRun {
    /// Seconds a case may run before it is killed and reported (`WEDGE_FUZZ_TIMEOUT`, default 10).
    static let timeLimit = ProcessInfo.processInfo.environment["WEDGE_FUZZ_TIMEOUT"].flatMap(Double.init) ?? 10

    /// The problems of one run of `target` on `input`; empty when every promise holds.
    static func problems(_ target: FuzzTarget, input: [UInt8], workspace: FuzzWorkspace) throws -> [String] {
        let scratch = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let file = scratch.appendingPathComponent("input.\(target.fileExtension)").path
        try Data(input).write(to: URL(fileURLWithPath: file))
        let db = try study(target.study, workspace, in: scratch)
        return try problems(target.arguments(file, db ?? "", scratch), file: file, db: db)
    }

    /// Copies the study database `kind` into `scratch`, or returns `nil` when the command needs none.
    static func study(_ kind: FuzzTarget.Study, _ workspace: FuzzWorkspace, in scratch: URL) throws -> String? {
        let template: String
        switch kind {
        case .none: return nil
        case .empty: template = workspace.emptyStudy
        case .enrolled: template = workspace.enrolledStudy
        }
        let copy = scratch.appendingPathComponent("study.sqlite").path
        try FileManager.default.copyItem(atPath: template, toPath: copy)
        return copy
    }

    /// The problems of one run of `wedge arguments`; `file`, when given, is the input the errors must name, and
    /// `db` the study database that a failed command must leave as it was.
    static func problems(_ arguments: [String], file: String?, db: String?) throws -> [String] {
        let before = try db.map { try DatabaseFingerprint.of($0) }
        let result = try CommandResult.run(TestPaths.productsDirectory.appendingPathComponent("wedge"), arguments,
                                           timeout: timeLimit)
        var problems: [String] = []
        if result.timedOut {
            problems.append("ran past \(timeLimit) s and was killed")
        } else if result.signaled {
            problems.append("was killed by signal \(result.status)")
        } else if ![0, 1, 64].contains(result.status) {
            problems.append("exited with \(result.status)")
        }
        if result.status != 0, !result.signaled, result.stderr.isEmpty {
            problems.append("failed without a message")
        }
        if let file, result.status == 1, !result.signaled, !result.stderr.contains(file) {
            problems.append("its error does not name the file: \(result.stderr.prefix(300))")
        }
        if let db, let before {
            let after = try DatabaseFingerprint.of(db)
            if after.integrity != "ok" { problems.append("left a database failing integrity_check: \(after.integrity)") }
            if result.status != 0, after.content != before.content { problems.append("failed, but changed the database") }
        }
        return problems
    }
}
