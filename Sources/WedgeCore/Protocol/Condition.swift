// SPDX-License-Identifier: Apache-2.0

/// One arm of the trial: a procedure a site runs during a period.
public struct Condition: Sendable, Equatable, Hashable {
    /// A stable identifier such as `rapid`.
    public var id: String
    /// The one-letter code used in sequences such as `SSRRR`.
    public var code: Character
    /// A human label such as "Rapid procedure".
    public var label: String
    /// A description of the procedure.
    public var description: String
    /// Whether this is the control condition that every stepped-wedge sequence starts from.
    public var isControl: Bool

    /// Creates a condition.
    public init(id: String, code: Character, label: String, description: String, isControl: Bool) {
        self.id = id
        self.code = code
        self.label = label
        self.description = description
        self.isControl = isControl
    }
}
