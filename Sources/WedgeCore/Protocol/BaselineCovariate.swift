// SPDX-License-Identifier: Apache-2.0

/// A participant characteristic recorded at enrollment, as the protocol defines it.
public struct BaselineCovariate: Sendable, Equatable {
    /// The kind of value a covariate holds.
    public enum Kind: Sendable, Equatable {
        /// A number, with optional inclusive bounds.
        case number(min: Double?, max: Double?)
        /// One of a fixed list of levels.
        case categorical(levels: [String])
        /// Yes or no, written `yes`/`no` (also `true`/`false`, `1`/`0`).
        case boolean
    }

    /// The column name in data files, such as `age`.
    public var id: String
    /// A label for tables, such as "Age, years".
    public var label: String
    /// The kind of value.
    public var kind: Kind
    /// Whether the value may be left empty.
    public var isRequired: Bool

    /// Creates a covariate definition.
    public init(id: String, label: String, kind: Kind, isRequired: Bool) {
        self.id = id
        self.label = label
        self.kind = kind
        self.isRequired = isRequired
    }
}
