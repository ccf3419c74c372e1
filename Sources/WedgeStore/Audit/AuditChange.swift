// SPDX-License-Identifier: Apache-2.0

/// One change to be written to the audit log, before it has an id and a hash.
///
/// An engine turns it into an ``AuditEntry`` with ``AuditChainHead/next(_:)``, which numbers and chains it, and
/// stores that entry in the same transaction as the change it describes.
package struct AuditChange: Sendable, Equatable {
    /// What kind of change.
    package var action: AuditAction
    /// The table changed.
    package var table: String
    /// The record changed, such as the participant id.
    package var recordID: String?
    /// The field changed, when one field changed.
    package var field: String?
    /// The value before.
    package var oldValue: String?
    /// The value after.
    package var newValue: String?
    /// Why.
    package var reason: String?

    /// Describes a change.
    package init(
        action: AuditAction, table: String, recordID: String?, field: String? = nil, oldValue: String? = nil,
        newValue: String? = nil, reason: String? = nil
    ) {
        self.action = action
        self.table = table
        self.recordID = recordID
        self.field = field
        self.oldValue = oldValue
        self.newValue = newValue
        self.reason = reason
    }
}
