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

    public var errorDescription: String? {
        line > 0 ? "\(path):\(line): \(problem)" : "\(path): \(problem)"
    }
}
