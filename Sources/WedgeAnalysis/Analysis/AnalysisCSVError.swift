// SPDX-License-Identifier: Apache-2.0

public import Foundation

/// An analysis CSV that cannot be read. The message names the file, line, column and the shape of the
/// value (never the value itself: it may be participant data), and says what to do.
public struct AnalysisCSVError: Error, LocalizedError, Equatable, Sendable {
    /// The file.
    public var path: String
    /// The 1-based line, or 0 for the whole file.
    public var line: Int
    /// What is wrong and what to do.
    public var problem: String

    /// Creates an error.
    public init(path: String, line: Int, problem: String) {
        self.path = path
        self.line = line
        self.problem = problem
    }

    /// The longest problem text shown: a value quoted in it may be as long as a record (1 MiB).
    public static let shownProblemLimit = 500

    public var errorDescription: String? {
        let shown = problem.count > Self.shownProblemLimit ? problem.prefix(Self.shownProblemLimit) + "…" : problem
        return line > 0 ? "\(path):\(line): \(shown)" : "\(path): \(shown)"
    }
}
