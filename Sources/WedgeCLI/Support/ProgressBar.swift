// SPDX-License-Identifier: Apache-2.0

internal import Foundation

#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// A progress bar on standard error, shown only when standard error is a terminal (so pipes, files and tests
/// never see it). Redrawn in place with `\r` at most once per percent; the line is cleared when done.
/// With `quarterStepsWhenPiped`, a standard error that is not a terminal gets one line at each quarter
/// (25%, 50%, 75%, 100%) instead, for long runs whose log should show progress.
/// Thread-safe: ``update(_:)`` may be called from any thread.
final class ProgressBar: @unchecked Sendable {
    private let total: Int
    private let label: String
    private let lock = NSLock()
    private var shownPercent = -1
    /// Whether the bar draws anything (standard error is a terminal).
    let isVisible: Bool
    /// Whether quarter-step lines are written when the bar is not visible.
    let writesQuarters: Bool
    private var shownQuarter = 0

    /// Creates a bar for `total` steps; invisible unless standard error is a terminal, or, with
    /// `quarterStepsWhenPiped`, a line per quarter when it is not.
    init(total: Int, label: String, visible: Bool = ProgressBar.standardErrorIsTerminal,
         quarterStepsWhenPiped: Bool = false) {
        self.total = max(total, 1)
        self.label = label
        self.isVisible = visible
        writesQuarters = quarterStepsWhenPiped && !visible
    }

    /// Writes a line when `done` crosses the next quarter.
    private func quarter(_ done: Int) {
        lock.lock()
        defer { lock.unlock() }
        let reached = min(4, done * 4 / total)
        guard reached > shownQuarter else { return }
        shownQuarter = reached
        FileHandle.standardError.write(Data("\(label): \(reached * 25)% (\(done)/\(total))\n".utf8))
    }

    /// Whether file descriptor 2 is a terminal (`isatty(2)`).
    static var standardErrorIsTerminal: Bool { isatty(2) == 1 }

    /// Shows `done` of the total.
    func update(_ done: Int) {
        if writesQuarters { return quarter(done) }
        guard isVisible else { return }
        lock.lock()
        defer { lock.unlock() }
        let percent = min(100, done * 100 / total)
        guard percent != shownPercent else { return }
        shownPercent = percent
        let width = 30
        let filled = percent * width / 100
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        FileHandle.standardError.write(Data("\r\(label) \(bar) \(percent)% (\(done)/\(total))".utf8))
    }

    /// Clears the line.
    func finish() {
        guard isVisible else { return }
        lock.lock()
        defer { lock.unlock() }
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
    }
}
