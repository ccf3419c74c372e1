// SPDX-License-Identifier: Apache-2.0

public import Foundation

/// A protocol file that could not be read, did not parse, or did not validate.
///
/// Validation collects every problem it finds, so that one run lists them all; ``issues`` is never empty.
public struct ProtocolError: Error, LocalizedError, Equatable, Sendable {
    /// The problems found, in file order where lines are known.
    public var issues: [ProtocolIssue]

    /// Creates an error from at least one issue.
    public init(issues: [ProtocolIssue]) {
        precondition(!issues.isEmpty, "a ProtocolError needs at least one issue")
        self.issues = issues
    }

    public var errorDescription: String? {
        let header = issues.count == 1
            ? "The protocol has a problem:"
            : "The protocol has \(issues.count) problems:"
        return ([header] + issues.map { "  " + $0.description }).joined(separator: "\n")
    }
}
