// SPDX-License-Identifier: Apache-2.0

/// What ``RiskRatio`` and ``OddsRatio`` do when a 2×2 table has an empty cell.
///
/// The table is `a = x₁`, `b = n₁ − x₁`, `c = x₂`, `d = n₂ − x₂`.
public enum ZeroCellCorrection: Sendable, Equatable {
    /// No correction. A zero that makes the log-scale estimate infinite or undefined gives the
    /// uninformative interval `[0, +∞]` and the IEEE estimate (`0`, `+∞`, or NaN for `0/0`).
    case none
    /// Add ½ to **all four** cells, only when at least one cell is zero
    /// (Haldane 1956; Anscombe 1956; the `add = 1/2, to = "only0"` convention of
    /// R's `metafor::escalc`). Tables without zeros are left unchanged.
    case haldaneAnscombe
}
