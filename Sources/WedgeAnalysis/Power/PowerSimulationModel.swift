// SPDX-License-Identifier: Apache-2.0

internal import Foundation
internal import WedgeCore
internal import WedgeStats

/// Everything a simulated trial needs, computed once: the linear predictor of every observed cell, the random
/// effect SDs, the true effect, and the fixed-effect design shared by all fits (see ``SimulatedPower``).
struct PowerSimulationModel: Sendable {
    /// The full effect `θ = logit p₁ − logit p₀`.
    let theta: Double
    /// The true value of the analysis's estimand: `θ` for an immediate effect, else the mean of `θ(e)` over
    /// ``range`` (the TATE).
    let trueEffect: Double
    /// The true effect `θ(e) = θ·f(e)` at exposure times `e = 1 … S`.
    let trueCurve: [Double]
    /// `S`, the largest exposure time among the analysed cells (0 when none is treated).
    let maxExposure: Int
    /// The exposure times of the TATE.
    let range: ClosedRange<Int>
    /// The analysis model.
    let analysis: AnalysisModel
    /// Its treatment columns.
    let effectModel: ExposureTimeModel
    /// SD of the site effect `u_i` (0 under decay).
    let tau: Double
    /// SD of the cluster × period effect `v_ij` (the AR(1) marginal SD under decay).
    let gamma: Double
    /// The AR(1) correlation under decay, or `nil`.
    let decay: Double?
    /// The two-sided critical value `Φ⁻¹(1 − α/2)` of the test.
    let critical: Double
    /// The 95% critical value for coverage.
    let critical95: Double
    /// `logit p₀ + β_j + θ·f(e_ij)·X_ij` per row and period.
    let eta: [[Double]]
    /// The analysed sizes.
    let sizes: [[Int]]
    /// The design of the observed cells, in row-then-period order, and their cluster indices.
    let design: Matrix
    let cluster: [Int]
    /// The period of each cell, for the site × period random intercept of a nested analysis.
    let period: [Int]

    init(
        treatment: [[Double]], sizes: [[Int]], assumptions a: PowerAssumptions, scale: ClusterVarianceScale,
        analysis: AnalysisModel = .husseyHughes, shape: ExposureEffectShape = .immediate,
        range: ClosedRange<Int>? = nil
    ) {
        let p0 = a.controlProportion, p1 = a.interventionProportion
        let effect = PowerAssumptions.logit(p1) - PowerAssumptions.logit(p0)
        theta = effect
        let total = scale.totalVariance(icc: a.icc, pooledProportion: (p0 + p1) / 2)
        switch a.correlation {
        case .nestedExchangeable(let cac):
            tau = (cac * total).squareRoot()
            gamma = ((1 - cac) * total).squareRoot()
            decay = nil
        case .exponentialDecay(let r):
            tau = 0
            gamma = total.squareRoot()
            decay = r
        }
        critical = Normal.complementaryQuantile(a.alpha / 2)
        critical95 = Normal.complementaryQuantile(0.025)
        let periods = treatment.first?.count ?? 0
        let exposure = Self.exposure(treatment)
        let s = Self.maxExposure(exposure, sizes: sizes)
        maxExposure = s
        let averaged = range ?? 1...max(s, 1)
        self.range = averaged
        self.analysis = analysis
        let model = analysis.exposureTimeModel(maxExposure: s)
        effectModel = model
        let curve = (0..<s).map { effect * shape.fraction(atExposure: $0 + 1) }
        trueCurve = curve
        trueEffect = shape.isImmediate || averaged.upperBound > s
            ? effect : averaged.reduce(0) { $0 + curve[$1 - 1] } / Double(averaged.count)
        let betas = a.periodEffects ?? Array(repeating: 0, count: periods)
        let base = PowerAssumptions.logit(p0)
        eta = treatment.indices.map { i in
            (0..<periods).map { base + betas[$0] + effect * shape.fraction(atExposure: exposure[i][$0]) }
        }
        self.sizes = sizes
        // Columns: intercept, the model's treatment columns, then an indicator for each observed period after the
        // first observed one.
        let q = model.parameterCount(maxExposure: s)
        let observed = (0..<periods).filter { j in sizes.contains { $0[j] > 0 } }
        var column = Array(repeating: -1, count: periods)
        for (k, j) in observed.enumerated() where k > 0 { column[j] = q + k }
        let width = 1 + q + max(0, observed.count - 1)
        var rows: [Double] = []
        var clusters: [Int] = []
        var cellPeriods: [Int] = []
        for i in treatment.indices {
            for j in 0..<periods where sizes[i][j] > 0 {
                var x = Array(repeating: 0.0, count: width)
                x[0] = 1
                for (k, v) in model.columns(exposure: exposure[i][j], maxExposure: s).enumerated() { x[1 + k] = v }
                if column[j] >= 0 { x[column[j]] = 1 }
                rows += x
                clusters.append(i)
                cellPeriods.append(j)
            }
        }
        var matrix = Matrix(rows: clusters.count, columns: width)
        matrix.storage = rows
        design = matrix
        cluster = clusters
        period = cellPeriods
    }

    /// The exposure time of every cell: `j − c_i + 1` for a treated cell of row `i` whose first treated period
    /// is `c_i` (both 0-based), 0 under control.
    static func exposure(_ treatment: [[Double]]) -> [[Int]] {
        treatment.map { row in
            guard let first = row.firstIndex(where: { $0 > 0.5 }) else { return row.map { _ in 0 } }
            return row.indices.map { row[$0] > 0.5 ? $0 - first + 1 : 0 }
        }
    }

    /// The largest exposure time among cells with analysed participants.
    static func maxExposure(_ exposure: [[Int]], sizes: [[Int]]) -> Int {
        var s = 0
        for (e, m) in zip(exposure, sizes) { for (x, n) in zip(e, m) where n > 0 { s = max(s, x) } }
        return s
    }

    /// Simulates and fits trial `r`, and tests the analysis's treatment effect (the log OR, or the TATE).
    func replicate(_ r: Int, seed: String, method: GLMMMethod) -> ReplicateOutcome {
        let data = draw(r, seed: seed)
        let beta: [Double], covariance: Matrix, converged: Bool, singular: Bool
        if analysis.hasSitePeriodEffect {
            let fit = NestedGLMM.fit(data, period: period)
            (beta, covariance, converged, singular) = (fit.coefficients, fit.covariance, fit.converged, fit.isSingular)
        } else {
            let fit = LogisticGLMM.fit(data, method: method, options: GLMMOptions(collapsesCells: false))
            (beta, covariance, converged, singular) = (fit.coefficients, fit.covariance, fit.converged, fit.isSingular)
        }
        let (estimate, se) = effect(beta, covariance)
        let usable = converged && estimate.isFinite && se.isFinite && se > 0
        return ReplicateOutcome(
            estimate: estimate, standardError: se, isUsable: usable,
            rejected: usable && abs(estimate) / se > critical,
            covered: usable && abs(estimate - trueEffect) <= critical95 * se,
            singular: usable && singular)
    }

    /// The estimate and SE of the analysis's effect from a fit's coefficients and their covariance: coefficient 1
    /// for immediate treatment, else the TATE over ``range`` of the exposure-time effects (coefficients `1 … q`).
    func effect(_ beta: [Double], _ covariance: Matrix) -> (estimate: Double, se: Double) {
        let q = effectModel.parameterCount(maxExposure: maxExposure)
        guard beta.count > q, covariance.rows > q, covariance.columns > q else { return (.nan, .nan) }
        if analysis.isImmediate { return (beta[1], covariance[1, 1].squareRoot()) }
        let tate = SensitivityAnalyses.effects(effectModel, maxExposure, beta, covariance).timeAveraged(over: range)
        return (tate.estimate, tate.standardError)
    }

    /// The observed cells of trial `r` (rows, then periods with `m_ij > 0`), drawn from its own stream.
    func draw(_ r: Int, seed: String) -> BinomialCells {
        var rng = KeyedRandomStream(seed: seed, label: "power/\(r)")
        var successes: [Double] = []
        var trials: [Double] = []
        successes.reserveCapacity(cluster.count)
        trials.reserveCapacity(cluster.count)
        let innovation = decay.map { (1 - $0 * $0).squareRoot() } ?? 1
        for i in eta.indices {
            let u = tau * Sampling.standardNormal(using: &rng)
            var v = 0.0
            for j in eta[i].indices {
                let z = Sampling.standardNormal(using: &rng)
                if let rho = decay {
                    v = j == 0 ? gamma * z : rho * v + gamma * innovation * z
                } else {
                    v = gamma * z
                }
                let m = sizes[i][j]
                guard m > 0 else { continue }
                let p = 1 / (1 + exp(-(eta[i][j] + u + v)))
                successes.append(Double(Sampling.binomial(trials: m, p: p, using: &rng)))
                trials.append(Double(m))
            }
        }
        return BinomialCells(successes: successes, trials: trials, cluster: cluster, design: design)
    }
}
