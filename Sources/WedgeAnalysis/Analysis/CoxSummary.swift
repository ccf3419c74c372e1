// SPDX-License-Identifier: Apache-2.0

public import WedgeStats

/// The condition effect on dropout from a Cox model (Efron ties) of condition and period (a factor), with a
/// cluster-robust (Lin & Wei 1989) SE by site.
public struct CoxSummary: Sendable, Equatable {
    /// The log hazard ratio, its robust SE, z, p and the hazard ratio with its interval.
    public var condition: CoxCoefficient
    /// Participants and events used.
    public var count: Int
    /// Events (dropouts) among them.
    public var events: Int
    /// Whether Newton–Raphson converged.
    public var converged: Bool
}
