// SPDX-License-Identifier: Apache-2.0

/// One row of the append-only audit log.
///
/// Entries form a hash chain: ``hash`` is SHA-256 over ``previousHash`` and the entry's canonical text (see
/// `docs/database-schema.md`), so editing, removing or reordering any past entry breaks every hash after it.
/// ``StudyStore/verifyAuditChain()`` checks this.
public struct AuditEntry: Sendable, Equatable {
    /// The entry's position in the log, 1 for the first, with no gaps.
    public var id: Int64
    /// When the change was made: ISO 8601 UTC, such as `2024-05-01T09:30:00Z`.
    public var at: String
    /// Who made the change.
    public var actor: String
    /// What kind of change.
    public var action: AuditAction
    /// The table changed, such as `participant`, `induction` or `baseline_value`.
    public var table: String
    /// The record changed: the participant id for participant data, the study id for the study.
    public var recordID: String?
    /// The field changed, by its data-file column name, when one field changed.
    public var field: String?
    /// The value before the change (`nil` when there was none).
    public var oldValue: String?
    /// The value after the change (`nil` when the field became empty).
    public var newValue: String?
    /// Why the change was made.
    public var reason: String?
    /// The hash of the previous entry; 64 zeros for the first.
    public var previousHash: String
    /// SHA-256 of ``previousHash`` and this entry's canonical text, as 64 lowercase hex digits.
    public var hash: String

    /// Creates an entry.
    public init(
        id: Int64, at: String, actor: String, action: AuditAction, table: String, recordID: String?,
        field: String?, oldValue: String?, newValue: String?, reason: String?, previousHash: String, hash: String
    ) {
        self.id = id
        self.at = at
        self.actor = actor
        self.action = action
        self.table = table
        self.recordID = recordID
        self.field = field
        self.oldValue = oldValue
        self.newValue = newValue
        self.reason = reason
        self.previousHash = previousHash
        self.hash = hash
    }
}

extension AuditEntry {
    /// The tables whose audit entries are about one participant (their `record_id` is the participant's id), as
    /// a SQL list: the entries of a participant's history and version, on both engines.
    package static let participantTables = "(" + participantTableNames.sorted().map { "'\($0)'" }.joined(separator: ", ") + ")"

    /// The same tables, as names.
    package static let participantTableNames: Set<String> =
        ["participant", "induction", "baseline_value", "participant_flag", "adverse_event"]
}
