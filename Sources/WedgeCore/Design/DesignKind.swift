// SPDX-License-Identifier: Apache-2.0

/// The family a design belongs to, which decides the validation rules it must pass.
public enum DesignKind: String, Sendable, Equatable, CaseIterable {
    /// One-way crossover from control to an intervention, at most once per sequence.
    case steppedWedge = "stepped-wedge"
    /// Each sequence runs one condition throughout.
    case parallel
    /// Sequences may switch conditions in any order.
    case crossover
}
