// SPDX-License-Identifier: Apache-2.0

/// The head of an audit log: how many entries it has, the hash of the last one, and when that entry was written.
///
/// A hash chain shows any entry edited, inserted or removed in its middle, but not entries cut from its end
/// together with their changes: the shorter log is itself a valid chain. A head published or sent to a monitor
/// (`wedge audit head`) closes that gap: a later log must *extend* it (``problem(count:hashAtCount:)``), that is,
/// have at least `count` entries, and its entry number `count` must carry `hash`.
public struct AuditHead: Sendable, Equatable, CustomStringConvertible {
    /// The number of entries.
    public var count: Int
    /// The hash of entry number `count` (64 zeros for an empty log).
    public var hash: String
    /// The time of the last entry, as stored (ISO 8601, UTC), or `nil` for an empty log.
    public var at: String?

    /// Creates a head.
    public init(count: Int, hash: String, at: String? = nil) {
        self.count = count
        self.hash = hash
        self.at = at
    }

    /// Parses `COUNT:HASH`, as `wedge audit head` prints it; `nil` unless COUNT is a whole number ≥ 0 and HASH
    /// is 64 lowercase hexadecimal digits.
    public init?(parsing text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let count = Int(parts[0]), count >= 0, parts[0].allSatisfy(\.isASCII),
            parts[1].count == 64, parts[1].allSatisfy({ $0.isHexDigit && ($0.isNumber || $0.isLowercase) })
        else { return nil }
        self.init(count: count, hash: String(parts[1]))
    }

    /// `COUNT:HASH`, the form `wedge audit verify --expect` takes.
    public var description: String { "\(count):\(hash)" }

    /// Why a log with `count` entries, whose entry number `self.count` has the hash `hashAtCount`, does not extend
    /// this head; `nil` when it does.
    public func problem(count logCount: Int, hashAtCount: String?) -> String? {
        if logCount < count {
            return "the log has \(logCount) entries, fewer than the \(count) of the kept head: "
                + "\(count - logCount) entries were removed from its end, or the log was replaced by a shorter one"
        }
        if count > 0, hashAtCount != hash {
            return "entry \(count) has the hash \(hashAtCount ?? "(none)"), not the kept head's \(hash): "
                + "the log was rewritten or replaced (a fork) up to that entry"
        }
        return nil
    }
}
