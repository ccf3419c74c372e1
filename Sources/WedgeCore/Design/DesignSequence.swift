// SPDX-License-Identifier: Apache-2.0

/// One row of a design: the condition a site runs in each period, and how many sites follow it.
public struct DesignSequence: Sendable, Equatable, Hashable {
    /// The condition id for each period, in period order.
    public var conditions: [String]
    /// How many sites are allocated to this sequence.
    public var multiplicity: Int

    /// Creates a sequence.
    public init(conditions: [String], multiplicity: Int = 1) {
        self.conditions = conditions
        self.multiplicity = multiplicity
    }

    /// The 0-based period in which the sequence first leaves `control`, or `nil` if it never runs anything else.
    public func firstPeriod(notRunning control: String) -> Int? {
        conditions.firstIndex { $0 != control }
    }
}
