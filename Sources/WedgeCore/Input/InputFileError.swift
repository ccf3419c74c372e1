// SPDX-License-Identifier: Apache-2.0

public import Foundation

/// An input file that Wedge refused before reading it: missing, not a regular file, or too large.
public struct InputFileError: Error, LocalizedError, Equatable, Sendable {
    /// The path, as the user gave it.
    public var file: String
    /// What is wrong, such as "is a directory".
    public var problem: String
    /// What to do.
    public var expected: String

    /// Creates an error.
    public init(file: String, problem: String, expected: String) {
        self.file = file
        self.problem = problem
        self.expected = expected
    }

    public var errorDescription: String? { "\(file): field '(file)' \(problem). \(expected)" }
}
