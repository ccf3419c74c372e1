// SPDX-License-Identifier: Apache-2.0

import RealModule

/// The (approximate) deviance `−2 log L(θ, β)` of the random-intercept logistic model and its exact
/// gradient, evaluated on cells sorted by cluster in preallocated buffers.
///
/// Parameters are `φ = (θ, β₁ … β_p)` with `θ = τ` (lme4's θ for a scalar random effect, which is
/// symmetric: the deviance at `−θ` equals that at `θ`). For each cluster `c` with spherical random
/// effect `a` (`b = θa`), `D_c(a) = −2 Σᵢ [yᵢηᵢ − nᵢ log(1 + e^ηᵢ)] + a²`, `ηᵢ = oᵢ + xᵢβ + θa`
/// (`oᵢ` the fixed offset of the cells, 0 when absent). The conditional mode `â_c` minimises `D_c`
/// (1-D safeguarded Newton, the scalar case of lme4's PIRLS),
/// `L_c² = 1 + θ² Σᵢ nᵢμᵢ(1 − μᵢ)` at `â_c`, `s_c = 1/L_c`, and with the Gauss–Hermite rule
/// `(zₖ, wₖ)` for `φ(z)` and `w̃ₖ = wₖ e^{zₖ²/2}`:
///
///     Q_c = −2 log( s_c Σₖ w̃ₖ exp(−½ D_c(â_c + zₖ s_c)) ),   F = Σ_c Q_c − 2 Σᵢ log C(nᵢ, yᵢ).
///
/// With one node (`z = 0`, `w = 1`) this is the Laplace deviance `D_c(â) + log L_c²` of lme4.
/// The gradient differentiates through `â_c` and `s_c` by the implicit-function theorem
/// (`dâ/dφ = −(∂D′/∂φ)/D″`), so it is exact for the quadrature formula, not only at the mode.
final class GLMMObjective {
    let cellCount: Int
    let coefficientCount: Int
    let clusterCount: Int
    let nodeCount: Int
    /// `Σᵢ log C(nᵢ, yᵢ)`.
    let logChooseSum: Double
    /// `Σᵢ [yᵢ log(yᵢ/nᵢ) + (nᵢ − yᵢ) log(1 − yᵢ/nᵢ)]`, the saturated log-likelihood minus `logChooseSum`.
    let saturatedKernel: Double
    /// The number of objective evaluations so far.
    private(set) var evaluations = 0

    // Data, sorted by cluster (row-major design).
    private let y: UnsafeMutablePointer<Double>
    private let n: UnsafeMutablePointer<Double>
    private let x: UnsafeMutablePointer<Double>
    /// The fixed per-cell offset `oᵢ` (zeros when the data have none).
    private let fixedOffset: UnsafeMutablePointer<Double>
    private let start: UnsafeMutablePointer<Int>
    private let clusterTrials: UnsafeMutablePointer<Double>
    private let nodes: UnsafeMutablePointer<Double>
    private let tiltedWeights: UnsafeMutablePointer<Double>
    // State and scratch.
    /// Conditional modes `â_c` of the spherical random effects (warm starts between evaluations).
    let modes: UnsafeMutablePointer<Double>
    private let offset: UnsafeMutablePointer<Double>
    private let nodeD: UnsafeMutablePointer<Double>
    private let nodeR: UnsafeMutablePointer<Double>
    private let nodeRX: UnsafeMutablePointer<Double>
    private let nodeU: UnsafeMutablePointer<Double>
    private let wx: UnsafeMutablePointer<Double>
    private let tx: UnsafeMutablePointer<Double>

    init(_ data: BinomialCells, rule: GaussHermiteRule) {
        let m = data.count, p = data.design.columns, clusters = data.clusterCount
        cellCount = m
        coefficientCount = p
        clusterCount = clusters
        nodeCount = rule.count
        y = .allocate(capacity: m)
        n = .allocate(capacity: m)
        x = .allocate(capacity: m * p)
        fixedOffset = .allocate(capacity: m)
        start = .allocate(capacity: clusters + 1)
        clusterTrials = .allocate(capacity: clusters)
        nodes = .allocate(capacity: rule.count)
        tiltedWeights = .allocate(capacity: rule.count)
        modes = .allocate(capacity: clusters)
        offset = .allocate(capacity: m)
        nodeD = .allocate(capacity: rule.count)
        nodeR = .allocate(capacity: rule.count)
        nodeRX = .allocate(capacity: rule.count * p)
        nodeU = .allocate(capacity: rule.count)
        wx = .allocate(capacity: p)
        tx = .allocate(capacity: p)

        // Counting sort of the cells by cluster.
        var counts = Array(repeating: 0, count: clusters + 1)
        for c in data.cluster { counts[c + 1] += 1 }
        for c in 0..<clusters { counts[c + 1] += counts[c] }
        for c in 0...clusters { start[c] = counts[c] }
        var next = counts
        for i in 0..<m {
            let c = data.cluster[i]
            let k = next[c]
            next[c] += 1
            let yi = data.successes[i], ni = data.trials[i]
            y[k] = yi
            n[k] = ni
            fixedOffset[k] = data.offset?[i] ?? 0
            for j in 0..<p { x[k * p + j] = data.design[i, j] }
        }
        (logChooseSum, saturatedKernel) = Self.constants(data)
        for c in 0..<clusters {
            var total = 0.0
            for k in start[c]..<start[c + 1] { total += n[k] }
            clusterTrials[c] = total
            modes[c] = 0
        }
        for k in 0..<rule.count {
            nodes[k] = rule.nodes[k]
            tiltedWeights[k] = rule.weights[k] * Double.exp(0.5 * rule.nodes[k] * rule.nodes[k])
        }
    }

    /// `(Σ log C(nᵢ, yᵢ), Σ [yᵢ log(yᵢ/nᵢ) + (nᵢ − yᵢ) log(1 − yᵢ/nᵢ)])` for `data`.
    static func constants(_ data: BinomialCells) -> (logChoose: Double, saturatedKernel: Double) {
        var lchoose = 0.0, saturated = 0.0
        for i in 0..<data.count {
            let yi = data.successes[i], ni = data.trials[i]
            lchoose += Double.logGamma(ni + 1) - Double.logGamma(yi + 1) - Double.logGamma(ni - yi + 1)
            if yi > 0 { saturated += yi * Double.log(yi / ni) }
            if yi < ni { saturated += (ni - yi) * Double.log((ni - yi) / ni) }
        }
        return (lchoose, saturated)
    }

    deinit {
        for pointer in [y, n, x, fixedOffset, clusterTrials, nodes, tiltedWeights, modes, offset, nodeD, nodeR, nodeRX, nodeU, wx, tx] {
            pointer.deallocate()
        }
        start.deallocate()
    }

    /// `μ = logistic(η)`, `e^{−|η|}/(1 + e^{−|η|})²` = μ(1 − μ), and `log(1 + e^η)`, without overflow.
    @inline(__always)
    private static func logistic(_ eta: Double) -> (mu: Double, variance: Double, softplus: Double) {
        let e = Double.exp(-abs(eta))
        let q = 1 / (1 + e)
        return (eta >= 0 ? q : e * q, e * q * q, max(eta, 0) + Double.log(onePlus: e))
    }

    /// Solves for the conditional mode of cluster `c` by safeguarded Newton on `D_c′(a)/2 = 0`.
    @inline(__always)
    private func solveMode(_ c: Int, theta: Double) -> Double {
        let lo = start[c], hi = start[c + 1]
        let bound = abs(theta) * clusterTrials[c]
        var lower = -bound, upper = bound
        var a = modes[c]
        if !(a >= lower && a <= upper) { a = 0 }
        if bound == 0 { return 0 }
        let theta2 = theta * theta
        for _ in 0..<100 {
            var g = a, h = 1.0
            for i in lo..<hi {
                let eta = offset[i] + theta * a
                let e = Double.exp(-abs(eta))
                let q = 1 / (1 + e)
                let mu = eta >= 0 ? q : e * q
                g += theta * (n[i] * mu - y[i])
                h += theta2 * n[i] * e * q * q
            }
            if g > 0 { upper = a } else if g < 0 { lower = a } else { break }
            var next = a - g / h
            if !(next > lower && next < upper) { next = 0.5 * (lower + upper) }
            let step = abs(next - a)
            a = next
            if step <= 1e-13 * max(1, abs(a)) || upper - lower <= 1e-15 * max(1, abs(a)) { break }
        }
        return a
    }

    /// The deviance at `phi` (length `p + 1`); writes the gradient into `gradient` when it is non-nil.
    /// Updates ``modes``. Returns NaN if any intermediate is not finite.
    func evaluate(_ phi: UnsafePointer<Double>, gradient: UnsafeMutablePointer<Double>?) -> Double {
        evaluations += 1
        let p = coefficientCount, K = nodeCount
        let theta = phi[0]
        let beta = phi + 1
        for i in 0..<cellCount {
            var s = fixedOffset[i]
            let row = x + i * p
            for j in 0..<p { s += row[j] * beta[j] }
            offset[i] = s
        }
        if let gradient { for j in 0...p { gradient[j] = 0 } }
        let wantGradient = gradient != nil
        var total = 0.0
        for c in 0..<clusterCount {
            let lo = start[c], hi = start[c + 1]
            let a = solveMode(c, theta: theta)
            modes[c] = a
            // Pass at the mode: D, Σr, S = Σw, T = Σw(1−2μ), and their x-weighted sums.
            var dMode = a * a, sumR = 0.0, sumW = 0.0, sumT = 0.0
            if wantGradient { for j in 0..<p { wx[j] = 0; tx[j] = 0 } }
            // The node z = 0 of an odd rule sits at the mode: its Σ r·x is accumulated in this pass.
            // (For even rules slot 0 is only scratch here and is overwritten by its own node pass.)
            var modeSlot = -1
            for k in 0..<K where nodes[k] == 0 { modeSlot = k }
            let rxAt = nodeRX + max(modeSlot, 0) * p
            if wantGradient { for j in 0..<p { rxAt[j] = 0 } }
            for i in lo..<hi {
                let eta = offset[i] + theta * a
                let (mu, v, sp) = Self.logistic(eta)
                dMode += 2 * (n[i] * sp - y[i] * eta)
                let r = y[i] - n[i] * mu, w = n[i] * v, t = w * (1 - 2 * mu)
                sumR += r
                sumW += w
                sumT += t
                if wantGradient {
                    let row = x + i * p
                    for j in 0..<p {
                        rxAt[j] += r * row[j]
                        wx[j] += w * row[j]
                        tx[j] += t * row[j]
                    }
                }
            }
            let l2 = 1 + theta * theta * sumW
            let s = 1 / l2.squareRoot()
            // Node passes.
            var maxE = -Double.infinity
            for k in 0..<K {
                let z = nodes[k]
                let u = a + z * s
                nodeU[k] = u
                if k == modeSlot {
                    nodeD[k] = dMode
                    nodeR[k] = sumR
                } else {
                    var d = u * u, rsum = 0.0
                    let rx = nodeRX + k * p
                    if wantGradient { for j in 0..<p { rx[j] = 0 } }
                    for i in lo..<hi {
                        let eta = offset[i] + theta * u
                        let (mu, _, sp) = Self.logistic(eta)
                        d += 2 * (n[i] * sp - y[i] * eta)
                        let r = y[i] - n[i] * mu
                        rsum += r
                        if wantGradient {
                            let row = x + i * p
                            for j in 0..<p { rx[j] += r * row[j] }
                        }
                    }
                    nodeD[k] = d
                    nodeR[k] = rsum
                }
                let e = Double.log(tiltedWeights[k]) - 0.5 * (nodeD[k] - dMode)
                nodeD[k] = e  // reuse: log of the unnormalised node weight
                maxE = max(maxE, e)
            }
            var sumE = 0.0
            for k in 0..<K { sumE += Double.exp(nodeD[k] - maxE) }
            total += dMode - 2 * (Double.log(s) + maxE + Double.log(sumE))

            guard let gradient else { continue }
            // π_k, A = Σπ D′(u_k), B = Σπ z_k D′(u_k) − 2/s, Σπ ∂D(u_k)/∂φ.
            var dA = 0.0, dB = -2 / s, gTheta = 0.0
            for k in 0..<K {
                let pi = Double.exp(nodeD[k] - maxE) / sumE
                let u = nodeU[k]
                let dPrime = -2 * theta * nodeR[k] + 2 * u
                dA += pi * dPrime
                dB += pi * nodes[k] * dPrime
                gTheta -= 2 * pi * u * nodeR[k]
                let rx = nodeRX + k * p
                for j in 0..<p { gradient[1 + j] -= 2 * pi * rx[j] }
            }
            // Implicit derivatives of the mode a and the scale s.
            let daTheta = (sumR - theta * a * sumW) / l2
            let dSTheta = sumT * (a + theta * daTheta)
            let dL2Theta = 2 * theta * sumW + theta * theta * dSTheta
            let s3 = -0.5 * s * s * s
            gradient[0] += gTheta + dA * daTheta + dB * s3 * dL2Theta
            for j in 0..<p {
                let da = -theta * wx[j] / l2
                let dS = tx[j] + sumT * theta * da
                let dL2 = theta * theta * dS
                gradient[1 + j] += dA * da + dB * s3 * dL2
            }
        }
        let value = total - 2 * logChooseSum
        return value.isFinite ? value : .nan
    }

    /// The sorted data buffers `(y, n, x, clusterStart, offset)`, for read-only passes in extensions.
    var rawData: (
        UnsafePointer<Double>, UnsafePointer<Double>, UnsafePointer<Double>, UnsafePointer<Int>, UnsafePointer<Double>
    ) {
        (UnsafePointer(y), UnsafePointer(n), UnsafePointer(x), UnsafePointer(start), UnsafePointer(fixedOffset))
    }

    /// Array convenience for ``evaluate(_:gradient:)``.
    func value(_ phi: [Double]) -> Double {
        phi.withUnsafeBufferPointer { evaluate($0.baseAddress!, gradient: nil) }
    }

    /// Array convenience: the value and gradient at `phi`.
    func valueAndGradient(_ phi: [Double], into gradient: inout [Double]) -> Double {
        phi.withUnsafeBufferPointer { ph in
            gradient.withUnsafeMutableBufferPointer { evaluate(ph.baseAddress!, gradient: $0.baseAddress!) }
        }
    }
}
