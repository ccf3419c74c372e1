// SPDX-License-Identifier: Apache-2.0

import Foundation
import WedgeCore

/// The audit log's hash: canonical entry text and chaining.
///
/// The canonical text of an entry is the line `wedge-audit/1` followed by eleven lines, one per field in this
/// order: id, at, actor, action, table_name, record_id, field, old_value, new_value, reason. A NULL field is
/// written `-`; a text field is written `+`, its length in UTF-8 bytes, `:` and the text, so that no choice of
/// values can make two different entries share a text. The hash is
/// `SHA-256(prev_hash + "\n" + canonical text)` in lowercase hex, and the first entry's `prev_hash` is 64 zeros.
enum AuditChain {
    /// The `prev_hash` of the first entry.
    static let genesis = String(repeating: "0", count: 64)

    /// The canonical text of an entry, without its hashes.
    static func canonicalText(
        id: Int64, at: String, actor: String, action: String, table: String, recordID: String?, field: String?,
        oldValue: String?, newValue: String?, reason: String?
    ) -> String {
        func encode(_ value: String?) -> String {
            guard let value else { return "-" }
            return "+\(value.utf8.count):\(value)"
        }
        return (["wedge-audit/1", String(id)]
            + [at, actor, action, table].map(encode)
            + [recordID, field, oldValue, newValue, reason].map(encode)).joined(separator: "\n")
    }

    /// The hash of an entry given its predecessor's hash.
    static func hash(previous: String, canonicalText: String) -> String {
        Digest.sha256Hex(of: Data((previous + "\n" + canonicalText).utf8))
    }

    /// The hash of an entry with these fields given its predecessor's hash: the same value as
    /// `hash(previous:canonicalText:)` of `canonicalText(...)`, computed over one byte buffer without building
    /// the intermediate strings (an import hashes one entry per participant).
    static func hash(
        previous: String, id: Int64, at: String, actor: String, action: String, table: String, recordID: String?,
        field: String?, oldValue: String?, newValue: String?, reason: String?
    ) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(previous.utf8.count + 128 + (oldValue?.utf8.count ?? 0) + (newValue?.utf8.count ?? 0)
                              + (reason?.utf8.count ?? 0))
        bytes += previous.utf8
        bytes += "\nwedge-audit/1\n".utf8
        bytes += String(id).utf8
        func encode(_ value: String?) {
            bytes.append(UInt8(ascii: "\n"))
            guard let value else {
                bytes.append(UInt8(ascii: "-"))
                return
            }
            bytes.append(UInt8(ascii: "+"))
            bytes += String(value.utf8.count).utf8
            bytes.append(UInt8(ascii: ":"))
            bytes += value.utf8
        }
        for value in [at, actor, action, table] { encode(value) }
        for value in [recordID, field, oldValue, newValue, reason] { encode(value) }
        return Digest.sha256Hex(of: Data(bytes))
    }

    /// The hash that `entry` should carry, from its fields and its stored ``AuditEntry/previousHash``.
    static func expectedHash(of entry: AuditEntry) -> String {
        hash(previous: entry.previousHash, id: entry.id, at: entry.at, actor: entry.actor,
             action: entry.action.rawValue, table: entry.table, recordID: entry.recordID, field: entry.field,
             oldValue: entry.oldValue, newValue: entry.newValue, reason: entry.reason)
    }
}
