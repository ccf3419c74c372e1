// SPDX-License-Identifier: Apache-2.0

/// Why a baseline value was refused, and what to give instead.
public struct BaselineValueProblem: Error, Sendable, Equatable {
    /// What is wrong, such as "is not a number".
    public var problem: String
    /// What to give instead.
    public var expected: String

    /// Creates a problem.
    public init(problem: String, expected: String) {
        self.problem = problem
        self.expected = expected
    }
}
