// SPDX-License-Identifier: Apache-2.0

internal import Foundation
internal import WedgeCore
internal import WedgeStats

/// Everything a simulated trial needs, computed once: the linear predictor of every observed cell, the random
/// effect SDs, and the fixed-effect design shared by all fits (see ``SimulatedPower``).
struct PowerSimulationModel: Sendable {
    /// The true log OR.
    let theta: Double
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
    /// `logit p₀ + β_j + θ·X_ij` per row and period.
    let eta: [[Double]]
    /// The analysed sizes.
    let sizes: [[Int]]
    /// The design of the observed cells, in row-then-period order, and their cluster indices.
    let design: Matrix
    let cluster: [Int]
    /// The period of each cell, for the site × period random intercept of a nested analysis.
    let period: [Int]

    init(treatment: [[Double]], sizes: [[Int]], assumptions a: PowerAssumptions, scale: ClusterVarianceScale) {
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
        let betas = a.periodEffects ?? Array(repeating: 0, count: periods)
        let base = PowerAssumptions.logit(p0)
        eta = treatment.map { row in row.indices.map { base + betas[$0] + effect * row[$0] } }
        self.sizes = sizes
        // Columns: intercept, treatment, then an indicator for each observed period after the first observed one.
        let observed = (0..<periods).filter { j in sizes.contains { $0[j] > 0 } }
        var column = Array(repeating: -1, count: periods)
        for (k, j) in observed.enumerated() where k > 0 { column[j] = 1 + k }
        let width = 1 + max(1, observed.count)
        var rows: [Double] = []
        var clusters: [Int] = []
        var cellPeriods: [Int] = []
        for (i, row) in treatment.enumerated() {
            for j in 0..<periods where sizes[i][j] > 0 {
                var x = Array(repeating: 0.0, count: width)
                x[0] = 1
                x[1] = row[j]
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

    /// Simulates and fits trial `r`.
    func replicate(_ r: Int, seed: String, method: GLMMMethod, nested: Bool = false) -> ReplicateOutcome {
        let data = draw(r, seed: seed)
        let estimate: Double, se: Double, converged: Bool, singular: Bool
        if nested {
            let fit = NestedGLMM.fit(data, period: period)
            (estimate, se) = fit.coefficients.count > 1 ? (fit.coefficients[1], fit.standardErrors[1]) : (.nan, .nan)
            (converged, singular) = (fit.converged, fit.isSingular)
        } else {
            let fit = LogisticGLMM.fit(data, method: method, options: GLMMOptions(collapsesCells: false))
            (estimate, se) = fit.coefficients.count > 1 ? (fit.coefficients[1], fit.standardErrors[1]) : (.nan, .nan)
            (converged, singular) = (fit.converged, fit.isSingular)
        }
        let usable = converged && estimate.isFinite && se.isFinite && se > 0
        return ReplicateOutcome(
            estimate: estimate, standardError: se, isUsable: usable,
            rejected: usable && abs(estimate) / se > critical,
            covered: usable && abs(estimate - theta) <= critical95 * se,
            singular: usable && singular)
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
