// SPDX-License-Identifier: Apache-2.0

/// A protocol as read from a file: the validated model, the original text and its digest.
///
/// The text is kept so that a study database can store the exact protocol it was created from, and the digest
/// (SHA-256 of the file's bytes, lowercase hex) identifies it in reports.
public struct LoadedProtocol: Sendable, Equatable {
    /// The validated protocol.
    public var `protocol`: StudyProtocol
    /// The file's text, exactly as read.
    public var text: String
    /// SHA-256 of the file's bytes, as 64 lowercase hex digits.
    public var digest: String

    /// Creates a loaded protocol.
    public init(protocol: StudyProtocol, text: String, digest: String) {
        self.protocol = `protocol`
        self.text = text
        self.digest = digest
    }
}
