// SPDX-License-Identifier: Apache-2.0

public import Foundation

/// Participant data that was refused, with every problem found. Nothing was written.
public struct DataFileError: Error, LocalizedError, Equatable, Sendable {
    /// The problems, in file order.
    public var issues: [DataIssue]

    /// How many issues the description lists before summarizing the rest.
    public static let shownIssueLimit = 20

    /// Creates an error from at least one issue.
    public init(issues: [DataIssue]) {
        precondition(!issues.isEmpty, "a DataFileError needs at least one issue")
        self.issues = issues
    }

    public var errorDescription: String? {
        let header = issues.count == 1 ? "The data has a problem; nothing was written:"
            : "The data has \(issues.count) problems; nothing was written:"
        var lines = [header] + issues.prefix(Self.shownIssueLimit).map { "  " + $0.description }
        if issues.count > Self.shownIssueLimit {
            lines.append("  … and \(issues.count - Self.shownIssueLimit) more. Fix these and run again.")
        }
        return lines.joined(separator: "\n")
    }
}
