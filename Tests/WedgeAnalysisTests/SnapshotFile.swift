// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing

/// Byte-for-byte snapshot files in `Tests/WedgeAnalysisTests/Snapshots/`, as ArgumentParser's `Snapshots/`.
///
/// Run with `WEDGE_RECORD_SNAPSHOTS=1` to (re)write them after an intended change; review the diff, commit it.
enum SnapshotFile {
    static var folder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    }

    static var isRecording: Bool { ProcessInfo.processInfo.environment["WEDGE_RECORD_SNAPSHOTS"] == "1" }

    /// Expects `actual` to equal the snapshot `name`, or records it when recording.
    static func expectMatch(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = folder.appendingPathComponent(name)
        if isRecording {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("Snapshot \(name) is missing; run with WEDGE_RECORD_SNAPSHOTS=1 to record it.",
                         sourceLocation: sourceLocation)
            return
        }
        if actual != expected {
            let a = actual.components(separatedBy: "\n"), e = expected.components(separatedBy: "\n")
            let line = (0..<min(a.count, e.count)).first { a[$0] != e[$0] } ?? min(a.count, e.count)
            Issue.record("""
                Snapshot \(name) differs at line \(line + 1):
                  expected: \(line < e.count ? e[line] : "<end>")
                  actual:   \(line < a.count ? a[line] : "<end>")
                Re-record with WEDGE_RECORD_SNAPSHOTS=1 if the change is intended.
                """, sourceLocation: sourceLocation)
        }
    }
}
