// SPDX-License-Identifier: Apache-2.0

internal import Foundation
public import WedgeStats

/// What a power calculation assumes about the outcome, beyond the design: the proportions, the clustering, the
/// cluster-period size and the test.
///
/// The defaults follow swCRTdesign's `swPwr(distn = "binomial")` (see `docs/power.md`):
/// - the effect tested is the difference between the intervention proportion `p₁` and the control one `p₀`;
/// - the individual-level variance is `σ² = p̄(1 − p̄)`, `p̄ = (p₀ + p₁)/2`;
/// - the total between-cluster variance `ICC·σ²/(1 − ICC)` is split by ``correlation``: with the cluster
///   autocorrelation `CAC`, `τ² = CAC·ICC·σ²/(1 − ICC)` for the site and `γ² = (1 − CAC)·ICC·σ²/(1 − ICC)` for a
///   cluster × period effect (Hooper et al. 2016); or it decays as `r^|j−k|` between periods (Kasza et al. 2019);
/// - the test is the two-sided Wald z-test at level ``alpha``.
///
/// ``periodEffects`` are secular shifts on the **logit** scale, one per period (period 1 is usually 0). The
/// simulation adds them to every cell's linear predictor; the analytic calculation uses the control proportion
/// they imply, `expit(logit p₀ + β_j) − p₀` on the risk scale, for cell-specific variances.
public struct PowerAssumptions: Sendable, Equatable {
    /// The control-condition proportion `p₀`, in (0, 1).
    public var controlProportion: Double
    /// The intervention-condition proportion `p₁`, in (0, 1).
    public var interventionProportion: Double
    /// The intracluster correlation, in [0, 1): on the risk (linear) scale for the analytic power; the simulation
    /// converts it to the logit scale (see ``ClusterVarianceScale``).
    public var icc: Double
    /// How the cluster effects are correlated across periods. Default: ``ClusterCorrelation/husseyHughes``.
    public var correlation: ClusterCorrelation
    /// Participants per cluster-period `m` (before transition exclusions).
    public var clusterPeriodSize: Int
    /// The two-sided significance level. Default 0.05.
    public var alpha: Double
    /// Optional period shifts `β_j` on the logit scale, one per period; `nil` means none.
    public var periodEffects: [Double]?
    /// Optional participants per cell `m[row][period]` (design rows as in ``DesignPower``; 0 = not observed).
    /// When set it replaces ``clusterPeriodSize`` for the analytic power and the simulation; transition
    /// exclusions still apply on top. Grids and the sample-size search vary `m` and ignore it.
    public var cellSizes: [[Int]]?

    /// Creates assumptions.
    /// - Parameters:
    ///   - controlProportion: `p₀`.
    ///   - interventionProportion: `p₁`.
    ///   - icc: The intracluster correlation.
    ///   - correlation: Defaults to `CAC = 1` (Hussey & Hughes).
    ///   - clusterPeriodSize: `m`.
    ///   - alpha: Defaults to 0.05.
    ///   - periodEffects: Logit-scale period shifts; defaults to none.
    ///   - cellSizes: Sizes per cell, replacing `clusterPeriodSize`; defaults to none.
    public init(
        controlProportion: Double, interventionProportion: Double, icc: Double,
        correlation: ClusterCorrelation = .husseyHughes, clusterPeriodSize: Int, alpha: Double = 0.05,
        periodEffects: [Double]? = nil, cellSizes: [[Int]]? = nil
    ) {
        self.controlProportion = controlProportion
        self.interventionProportion = interventionProportion
        self.icc = icc
        self.correlation = correlation
        self.clusterPeriodSize = clusterPeriodSize
        self.alpha = alpha
        self.periodEffects = periodEffects
        self.cellSizes = cellSizes
    }

    /// The log odds ratio `θ = logit(p₁) − logit(p₀)`: the true value of the GLMM's treatment coefficient.
    public var logOddsRatio: Double { Self.logit(interventionProportion) - Self.logit(controlProportion) }

    /// The risk difference `p₁ − p₀`: the effect of the analytic calculation.
    public var riskDifference: Double { interventionProportion - controlProportion }

    /// The risk-scale period shifts of the control proportion implied by ``periodEffects``:
    /// `expit(logit p₀ + β_j) − p₀`, or `nil` without period effects.
    public var riskScalePeriodEffects: [Double]? {
        periodEffects.map { betas in
            betas.map { Self.expit(Self.logit(controlProportion) + $0) - controlProportion }
        }
    }

    /// `log(p/(1 − p))`.
    static func logit(_ p: Double) -> Double { log(p / (1 - p)) }

    /// `1/(1 + e^{−x})`.
    static func expit(_ x: Double) -> Double { 1 / (1 + exp(-x)) }
}
