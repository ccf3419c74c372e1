// SPDX-License-Identifier: Apache-2.0

/// A cluster × period design and the assumptions needed for its analytic power (binary outcome).
///
/// Rows are clusters `i`, columns periods `j`. `treatment[i][j]` is the intervention indicator
/// `X_ij` (0 or 1, or a fraction for partial exposure, as in swCRTdesign), and
/// `clusterPeriodSizes[i][j]` the number of participants `m_ij` in that cell; `m_ij = 0` means the
/// cell is not observed and is dropped from the analysis.
///
/// The defaults follow swCRTdesign's `swPwr(distn = "binomial", icc:, cac:)`:
/// - the effect is the risk difference `θ = p₁ − p₀`;
/// - the individual-level variance is `σ² = p̄(1 − p̄)` with `p̄ = (p₀ + p₁)/2`, the same in every cell;
/// - the cluster variance is `ICC·σ²/(1 − ICC)`, split by ``correlation``.
///
/// With ``periodEffects`` set, each cell instead gets its own binomial variance
/// `σ²_ij = p_ij(1 − p_ij)`, `p_ij = p₀ + β_j + θ·X_ij`, a common refinement (Hemming et al.;
/// not swPwr's default). The ICC conversion still uses the pooled `σ²`.
///
/// ```swift
/// let bookend: [[Double]] = (0..<6).map { i in (0..<5).map { j in j >= i ? 1 : 0 } }
/// let input = PowerInput(treatment: bookend, clusterPeriodSize: 14,
///                        controlProportion: 0.36, interventionProportion: 0.63, icc: 0.05)
/// let power = HusseyHughesPower.compute(input).power
/// ```
public struct PowerInput: Sendable, Equatable {
    /// The intervention indicator `X[cluster][period]`, usually 0/1; fractions allowed.
    public var treatment: [[Double]]
    /// Participants per cell `m[cluster][period]`; 0 marks an unobserved cell.
    public var clusterPeriodSizes: [[Int]]
    /// The control-condition proportion `p₀`, in (0, 1).
    public var controlProportion: Double
    /// The intervention-condition proportion `p₁`, in (0, 1).
    public var interventionProportion: Double
    /// The intracluster correlation coefficient, in [0, 1).
    public var icc: Double
    /// The between-period structure of the cluster effects.
    public var correlation: ClusterCorrelation
    /// Optional period shifts `β_j` on the risk scale (one per period) for cell-specific variances;
    /// `nil` (the default) uses swPwr's pooled `σ² = p̄(1 − p̄)`.
    public var periodEffects: [Double]?
    /// The two-sided significance level, in (0, 1).
    public var alpha: Double

    /// A design with its own size in every cell.
    ///
    /// - Parameters:
    ///   - treatment: `X[cluster][period]`; every row the same length.
    ///   - clusterPeriodSizes: `m[cluster][period]`, the same shape as `treatment`; 0 = unobserved.
    ///   - controlProportion: `p₀`.
    ///   - interventionProportion: `p₁`.
    ///   - icc: The intracluster correlation.
    ///   - correlation: Defaults to ``ClusterCorrelation/husseyHughes`` (`CAC = 1`).
    ///   - periodEffects: Defaults to `nil` (pooled variance, as swPwr).
    ///   - alpha: Defaults to 0.05.
    public init(
        treatment: [[Double]], clusterPeriodSizes: [[Int]], controlProportion: Double,
        interventionProportion: Double, icc: Double, correlation: ClusterCorrelation = .husseyHughes,
        periodEffects: [Double]? = nil, alpha: Double = 0.05
    ) {
        self.treatment = treatment
        self.clusterPeriodSizes = clusterPeriodSizes
        self.controlProportion = controlProportion
        self.interventionProportion = interventionProportion
        self.icc = icc
        self.correlation = correlation
        self.periodEffects = periodEffects
        self.alpha = alpha
    }

    /// A design with the same size `m` in every cell.
    ///
    /// - Parameters:
    ///   - treatment: `X[cluster][period]`.
    ///   - clusterPeriodSize: `m`, used for every cell.
    ///   - controlProportion: `p₀`.
    ///   - interventionProportion: `p₁`.
    ///   - icc: The intracluster correlation.
    ///   - correlation: Defaults to ``ClusterCorrelation/husseyHughes``.
    ///   - periodEffects: Defaults to `nil`.
    ///   - alpha: Defaults to 0.05.
    public init(
        treatment: [[Double]], clusterPeriodSize: Int, controlProportion: Double,
        interventionProportion: Double, icc: Double, correlation: ClusterCorrelation = .husseyHughes,
        periodEffects: [Double]? = nil, alpha: Double = 0.05
    ) {
        self.init(
            treatment: treatment,
            clusterPeriodSizes: treatment.map { Array(repeating: clusterPeriodSize, count: $0.count) },
            controlProportion: controlProportion, interventionProportion: interventionProportion, icc: icc,
            correlation: correlation, periodEffects: periodEffects, alpha: alpha)
    }

    /// The effect on the risk-difference scale, `θ = p₁ − p₀`.
    public var effect: Double { interventionProportion - controlProportion }

    /// swPwr's pooled individual-level variance `σ² = p̄(1 − p̄)`, `p̄ = (p₀ + p₁)/2`.
    public var pooledVariance: Double {
        let mean = (controlProportion + interventionProportion) / 2
        return mean * (1 - mean)
    }

    /// The total number of participants `N = Σ m_ij`.
    public var totalSampleSize: Int { clusterPeriodSizes.reduce(0) { $0 + $1.reduce(0, +) } }

    /// A copy with every observed cell (`m_ij > 0`) set to `m`; unobserved cells stay unobserved.
    ///
    /// - Parameter m: The new size per cluster-period.
    /// - Returns: The resized input.
    public func resized(to m: Int) -> PowerInput {
        var copy = self
        copy.clusterPeriodSizes = clusterPeriodSizes.map { row in row.map { $0 > 0 ? m : 0 } }
        return copy
    }
}
