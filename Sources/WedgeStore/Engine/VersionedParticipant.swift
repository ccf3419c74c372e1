// SPDX-License-Identifier: Apache-2.0

public import WedgeCore

/// A participant as stored, with its version, for a reader that will write back (the server's `ETag`).
///
/// The version is the id of the last audit entry about the participant: every change to a participant appends
/// one, so it grows with each change, on both engines alike, and needs no column of its own.
public struct VersionedParticipant: Sendable, Equatable {
    /// The record and its stamped condition.
    public var enrollment: Enrollment
    /// The review flags.
    public var flags: [OutcomeFlag]
    /// Whether the participant was soft-deleted.
    public var isDeleted: Bool
    /// The version (see above).
    public var version: Int64

    /// A versioned participant.
    public init(enrollment: Enrollment, flags: [OutcomeFlag], isDeleted: Bool, version: Int64) {
        self.enrollment = enrollment
        self.flags = flags
        self.isDeleted = isDeleted
        self.version = version
    }

    /// `stored` at `version`.
    package init(_ stored: StoredParticipant, version: Int64) {
        self.init(enrollment: stored.enrollment, flags: stored.flags, isDeleted: stored.isDeleted, version: version)
    }
}
