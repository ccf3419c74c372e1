// SPDX-License-Identifier: Apache-2.0

/// What an audit entry records. Stored as text in `audit_log.action`.
///
/// A struct rather than an enum, so that an entry written by a newer Wedge with a new action still reads.
public struct AuditAction: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The stored text.
    public var rawValue: String

    /// Creates an action from its stored text.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// The study was created: protocol, seed and site assignments stored.
    public static let createStudy = AuditAction(rawValue: "create-study")
    /// A batch of participants was imported; `field` is `source`, `new_value` the source name.
    public static let importBatch = AuditAction(rawValue: "import")
    /// One participant was inserted; `new_value` is the participant's canonical state (JSON).
    public static let insert = AuditAction(rawValue: "insert")
    /// A user corrected one field; `old_value` and `new_value` hold the values, `reason` why.
    public static let correct = AuditAction(rawValue: "correct")
    /// A derived field (condition, period, transition, primary-analysis, flags) changed after a correction.
    public static let restamp = AuditAction(rawValue: "restamp")
    /// A participant was soft-deleted; `reason` says why.
    public static let softDelete = AuditAction(rawValue: "soft-delete")
    /// An empty outcome field was filled for the first time (`wedge record`); `old_value` is NULL.
    public static let record = AuditAction(rawValue: "record")
    /// An adverse event was recorded; `field` is `adverse_event`, `new_value` the event as JSON (with its id).
    public static let adverseEvent = AuditAction(rawValue: "adverse-event")

    /// The stored text.
    public var description: String { rawValue }
}
