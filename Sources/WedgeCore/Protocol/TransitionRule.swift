// SPDX-License-Identifier: Apache-2.0

/// What happens in the weeks right after a site crosses over, while its staff learn the new procedure.
public struct TransitionRule: Sendable, Equatable {
    /// Weeks after each crossover that count as transition (0 for none).
    public var weeks: Int
    /// Whether participants admitted during a transition window count in the primary analysis.
    /// They are always enrolled and recorded; this only decides the primary analysis set.
    public var includeInPrimary: Bool

    /// Creates a transition rule.
    public init(weeks: Int, includeInPrimary: Bool) {
        self.weeks = weeks
        self.includeInPrimary = includeInPrimary
    }

    /// No transition period.
    public static let none = TransitionRule(weeks: 0, includeInPrimary: true)
}
