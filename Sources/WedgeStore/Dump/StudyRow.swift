// SPDX-License-Identifier: Apache-2.0

/// The `study` row, exactly as stored: the protocol's text and digest, the randomization seed and algorithm, the
/// Wedge version that created the study and when.
package struct StudyRow: Sendable, Equatable {
    /// The study id.
    package var id: String
    /// The study title.
    package var title: String
    /// The protocol file's exact text.
    package var protocolText: String
    /// SHA-256 of the protocol file, lowercase hex.
    package var protocolDigest: String
    /// The randomization seed.
    package var seed: String
    /// The randomization algorithm's name.
    package var algorithm: String
    /// The Wedge version that created the study.
    package var wedgeVersion: String
    /// When the study was created, ISO 8601 UTC.
    package var createdAt: String

    /// A study row.
    package init(
        id: String, title: String, protocolText: String, protocolDigest: String, seed: String, algorithm: String,
        wedgeVersion: String, createdAt: String
    ) {
        self.id = id
        self.title = title
        self.protocolText = protocolText
        self.protocolDigest = protocolDigest
        self.seed = seed
        self.algorithm = algorithm
        self.wedgeVersion = wedgeVersion
        self.createdAt = createdAt
    }
}
