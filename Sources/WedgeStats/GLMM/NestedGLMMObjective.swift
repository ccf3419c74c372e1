// SPDX-License-Identifier: Apache-2.0

import RealModule

/// The Laplace deviance `−2 log L(θ₁, θ₂, β)` of the nested-exchangeable logistic model, evaluated on
/// cells sorted by cluster and cluster-period group.
///
/// Parameters are `φ = (θ₁, θ₂, β₁ … β_p)`. Cluster `c` has the spherical effects `a` (site) and `b_g`
/// (one per cluster-period group `g` of `c`), `ηᵢ = oᵢ + xᵢβ + θ₁a + θ₂b_{g(i)}`, and
///
///     D_c(a, b) = −2 Σᵢ [yᵢηᵢ − nᵢ log(1 + e^ηᵢ)] + a² + Σ_g b_g².
///
/// The conditional mode `(â, b̂)` minimises `D_c` (Newton, the block form of lme4's PIRLS for this `Z`).
/// Half the Hessian of `D_c` is the arrow matrix `H_c` with `H_aa = 1 + θ₁² Σ_g W_g`,
/// `H_{a b_g} = θ₁θ₂W_g`, `H_{b_g b_g} = 1 + θ₂²W_g`, `W_g = Σ_{i∈g} nᵢμᵢ(1 − μᵢ)`, so
/// `log det H_c = Σ_g log d_g + log(H_aa − Σ_g (θ₁θ₂W_g)²/d_g)` with `d_g = H_{b_g b_g}`, and the Laplace
/// deviance is `Σ_c [D_c(â, b̂) + log det H_c] − 2 Σᵢ log C(nᵢ, yᵢ)`: the joint Laplace approximation over
/// all random effects of a site, which is what `glmer(..., nAGQ = 1)` computes (Bates et al. 2015, §5.4
/// of the lme4 vignette, with `Λ = diag(θ₁, θ₂, …)`). Sites are independent, so the `(1 + G)`-dimensional
/// integrals factorise by site and the arrow structure makes each one `O(cells)`.
///
/// The value is NaN when an intermediate is not finite.
final class NestedGLMMObjective {
    let coefficientCount: Int
    let clusterCount: Int
    /// `Σᵢ log C(nᵢ, yᵢ)`.
    let logChooseSum: Double
    /// The number of deviance evaluations so far.
    private(set) var evaluations = 0

    private let y: [Double]
    private let n: [Double]
    private let x: [Double]
    private let fixedOffset: [Double]
    /// The group of each sorted cell (global group index).
    private let group: [Int]
    /// Sorted cells of cluster `c`: `cellStart[c]..<cellStart[c + 1]`; its groups `groupStart[c]..<groupStart[c + 1]`.
    private let cellStart: [Int]
    private let groupStart: [Int]
    /// The number of cells and of cluster-period groups.
    private let cellCount: Int
    /// The number of cluster-period groups (random site × period intercepts).
    let groupCount: Int
    /// Warm starts: the modes of `a` per cluster and `b` per group.
    private let siteModes: UnsafeMutablePointer<Double>
    private let groupModes: UnsafeMutablePointer<Double>
    // Scratch, in preallocated buffers (no allocation per evaluation).
    private let eta0: UnsafeMutablePointer<Double>
    private let groupR: UnsafeMutablePointer<Double>
    private let groupW: UnsafeMutablePointer<Double>
    private let groupStep: UnsafeMutablePointer<Double>
    private let trialModes: UnsafeMutablePointer<Double>
    private let savedR: UnsafeMutablePointer<Double>
    private let savedW: UnsafeMutablePointer<Double>
    /// Per-group scratch of the gradient: `Σt`, `∂L/∂W`, `d`, `c`, the right-hand side, `Σwx` and `Σtx`.
    private let sT, sLW, sD, sC, sRB, sWX, sTX: UnsafeMutablePointer<Double>

    /// Sorts `data` by cluster and by `(cluster, period)` group.
    init(_ data: BinomialCells, period: [Int]) {
        let m = data.count, p = data.design.columns
        coefficientCount = p
        clusterCount = data.clusterCount
        var order = Array(0..<m)
        order.sort { (data.cluster[$0], period[$0], $0) < (data.cluster[$1], period[$1], $1) }
        var y = [Double](), n = [Double](), x = [Double](), o = [Double](), group = [Int]()
        var cellStart = Array(repeating: 0, count: clusterCount + 1)
        var groupStart = Array(repeating: 0, count: clusterCount + 1)
        var groups = 0
        var last: (Int, Int)? = nil
        for i in order {
            let key = (data.cluster[i], period[i])
            if last == nil || last! != key { groups += 1 }
            last = key
            y.append(data.successes[i])
            n.append(data.trials[i])
            for j in 0..<p { x.append(data.design[i, j]) }
            o.append(data.offset?[i] ?? 0)
            group.append(groups - 1)
            cellStart[key.0 + 1] = y.count
            groupStart[key.0 + 1] = groups
        }
        // Clusters without cells keep empty ranges.
        for c in 0..<clusterCount {
            cellStart[c + 1] = max(cellStart[c + 1], cellStart[c])
            groupStart[c + 1] = max(groupStart[c + 1], groupStart[c])
        }
        self.y = y
        self.n = n
        self.x = x
        self.fixedOffset = o
        self.group = group
        self.cellStart = cellStart
        self.groupStart = groupStart
        cellCount = m
        groupCount = groups
        func buffer(_ count: Int) -> UnsafeMutablePointer<Double> {
            let b = UnsafeMutablePointer<Double>.allocate(capacity: max(count, 1))
            b.initialize(repeating: 0, count: max(count, 1))
            return b
        }
        siteModes = buffer(clusterCount)
        groupModes = buffer(groups)
        eta0 = buffer(m)
        groupR = buffer(groups)
        groupW = buffer(groups)
        groupStep = buffer(groups)
        trialModes = buffer(groups)
        savedR = buffer(groups)
        savedW = buffer(groups)
        (sT, sLW, sD, sC, sRB) = (buffer(groups), buffer(groups), buffer(groups), buffer(groups), buffer(groups))
        (sWX, sTX) = (buffer(groups * p), buffer(groups * p))
        logChooseSum = GLMMObjective.constants(data).logChoose
    }

    deinit {
        for b in [siteModes, groupModes, eta0, groupR, groupW, groupStep, trialModes, savedR, savedW, sT, sLW, sD, sC, sRB, sWX, sTX] {
            b.deallocate()
        }
    }

    /// `D_c` at `(a, b)` for cluster `c`, with the group sums `R_g = Σ(y − nμ)` and `W_g = Σnμ(1 − μ)`.
    @inline(__always)
    private func penalised(
        _ c: Int, a: Double, b: UnsafeMutablePointer<Double>, t1: Double, t2: Double, sums: Bool
    ) -> Double {
        var d = a * a
        for g in groupStart[c]..<groupStart[c + 1] {
            d += b[g] * b[g]
            if sums { groupR[g] = 0; groupW[g] = 0 }
        }
        for i in cellStart[c]..<cellStart[c + 1] {
            let g = group[i]
            let eta = eta0[i] + t1 * a + t2 * b[g]
            let e = Double.exp(-abs(eta))
            let q = 1 / (1 + e)
            d += 2 * (n[i] * (max(eta, 0) + Double.log(onePlus: e)) - y[i] * eta)
            if sums {
                let mu = eta >= 0 ? q : e * q
                groupR[g] += y[i] - n[i] * mu
                groupW[g] += n[i] * e * q * q
            }
        }
        return d
    }

    /// The Laplace deviance at `phi`; updates the warm-start modes.
    func value(_ phi: [Double]) -> Double { evaluate(phi, gradient: nil) }

    /// The Laplace deviance at `phi` and its exact gradient (see ``accumulateGradient(_:_:_:_:_:_:)``).
    func valueAndGradient(_ phi: [Double]) -> (value: Double, gradient: [Double]) {
        var gradient = Array(repeating: 0.0, count: phi.count)
        let v = withUnsafeMutablePointer(to: &gradient) { evaluate(phi, gradient: $0) }
        return (v, gradient.allSatisfy(\.isFinite) ? gradient : gradient.map { _ in .nan })
    }

    private func evaluate(_ phi: [Double], gradient: UnsafeMutablePointer<[Double]>?) -> Double {
        evaluations += 1
        let p = coefficientCount
        let t1 = phi[0], t2 = phi[1]
        for i in 0..<cellCount {
            var s = fixedOffset[i]
            let base = i * p
            for j in 0..<p { s += x[base + j] * phi[2 + j] }
            eta0[i] = s
        }
        var total = 0.0
        for c in 0..<clusterCount where cellStart[c] < cellStart[c + 1] {
            let g0 = groupStart[c], g1 = groupStart[c + 1]
            var a = siteModes[c]
            if !a.isFinite { a = 0 }
            for g in g0..<g1 where !groupModes[g].isFinite { groupModes[g] = 0 }
            var d = penalised(c, a: a, b: groupModes, t1: t1, t2: t2, sums: true)
            for _ in 0..<200 {
                // Half gradient and arrow Hessian of D_c; Newton step by the Schur complement on a.
                var haa = 1.0, ga = a, schur = 0.0
                for g in g0..<g1 {
                    haa += t1 * t1 * groupW[g]
                    ga -= t1 * groupR[g]
                }
                var rhs = -ga
                for g in g0..<g1 {
                    let dg = 1 + t2 * t2 * groupW[g], cg = t1 * t2 * groupW[g]
                    let gb = groupModes[g] - t2 * groupR[g]
                    schur += cg * cg / dg
                    rhs += cg * gb / dg
                }
                let da = rhs / (haa - schur)
                var size = abs(da)
                for g in g0..<g1 {
                    let dg = 1 + t2 * t2 * groupW[g], cg = t1 * t2 * groupW[g]
                    let gb = groupModes[g] - t2 * groupR[g]
                    groupStep[g] = (-gb - cg * da) / dg
                    size = max(size, abs(groupStep[g]))
                }
                if size <= 1e-13 * max(1, abs(a)) { break }
                // Backtrack on D_c (convex, so the full step almost always decreases it).
                var t = 1.0
                var accepted = false
                for g in g0..<g1 { savedR[g] = groupR[g]; savedW[g] = groupW[g] }
                while t > 1e-8 {
                    for g in g0..<g1 { trialModes[g] = groupModes[g] + t * groupStep[g] }
                    let trialA = a + t * da
                    let trial = penalised(c, a: trialA, b: trialModes, t1: t1, t2: t2, sums: true)
                    if trial <= d + 1e-12 * abs(d) {
                        a = trialA
                        for g in g0..<g1 { groupModes[g] = trialModes[g] }
                        d = trial
                        accepted = true
                        break
                    }
                    t *= 0.5
                }
                if !accepted {
                    for g in g0..<g1 { groupR[g] = savedR[g]; groupW[g] = savedW[g] }
                    break
                }
            }
            // log det H_c with the weights at the final mode.
            var haa = 1.0, schur = 0.0, logD = 0.0
            for g in g0..<g1 {
                let dg = 1 + t2 * t2 * groupW[g], cg = t1 * t2 * groupW[g]
                haa += t1 * t1 * groupW[g]
                schur += cg * cg / dg
                logD += Double.log(dg)
            }
            siteModes[c] = a
            total += d + logD + Double.log(haa - schur)
            if let gradient { accumulateGradient(c, a: a, t1: t1, t2: t2, s: haa - schur, into: &gradient.pointee) }
        }
        let result = total - 2 * logChooseSum
        return result.isFinite ? result : .nan
    }

    /// Adds cluster `c`'s part of the exact gradient of the Laplace deviance, at its mode `(a, b)`.
    ///
    /// `dF_c/dφ = ∂D_c/∂φ + ∂L_c/∂φ + Σ_g (∂L_c/∂W_g) dW_g/dφ`, `L_c = log det H_c`, where the modes move with
    /// `φ` (`du/dφ = −H_c⁻¹ ∂(∇_u D_c/2)/∂φ`, implicit-function theorem, solved on the arrow matrix) and
    /// `dW_g = Σ_{i∈g} nᵢμᵢ(1 − μᵢ)(1 − 2μᵢ) dηᵢ`. With `d_g = 1 + θ₂²W_g` and `s` the Schur pivot,
    /// `∂L/∂W_g = θ₂²/d_g + θ₁²/(s d_g²)`, `∂L/∂θ₁ = (2θ₁/s) Σ W_g/d_g` and
    /// `∂L/∂θ₂ = Σ 2θ₂W_g/d_g − (2θ₁²θ₂/s) Σ W_g²/d_g²`.
    private func accumulateGradient(_ c: Int, a: Double, t1: Double, t2: Double, s: Double, into grad: inout [Double]) {
        let p = coefficientCount, g0 = groupStart[c], g1 = groupStart[c + 1], groups = g1 - g0
        for g in g0..<g1 {
            sT[g] = 0
            for j in 0..<p { sWX[g * p + j] = 0; sTX[g * p + j] = 0 }
        }
        var rTotal = 0.0, wTotal = 0.0, dTheta2 = 0.0
        for i in cellStart[c]..<cellStart[c + 1] {
            let g = group[i], k = g - g0
            let eta = eta0[i] + t1 * a + t2 * groupModes[g]
            let e = Double.exp(-abs(eta))
            let q = 1 / (1 + e)
            let mu = eta >= 0 ? q : e * q
            let w = n[i] * e * q * q, r = y[i] - n[i] * mu, tt = w * (1 - 2 * mu)
            rTotal += r
            wTotal += w
            dTheta2 -= 2 * groupModes[g] * r
            sT[g0 + k] += tt
            for j in 0..<p {
                let xij = x[i * p + j]
                grad[2 + j] -= 2 * r * xij
                sWX[(g0 + k) * p + j] += w * xij
                sTX[(g0 + k) * p + j] += tt * xij
            }
        }
        grad[0] -= 2 * a * rTotal
        grad[1] += dTheta2
        var sumWd = 0.0, sumW2d2 = 0.0, sumWb = 0.0
        for k in 0..<groups {
            let w = groupW[g0 + k]
            sD[g0 + k] = 1 + t2 * t2 * w
            sC[g0 + k] = t1 * t2 * w
            sLW[g0 + k] = t2 * t2 / sD[g0 + k] + t1 * t1 / (s * sD[g0 + k] * sD[g0 + k])
            sumWd += w / sD[g0 + k]
            sumW2d2 += w * w / (sD[g0 + k] * sD[g0 + k])
            sumWb += w * groupModes[g0 + k]
        }
        grad[0] += 2 * t1 / s * sumWd
        grad[1] += 2 * t2 * sumWd - 2 * t1 * t1 * t2 / s * sumW2d2
        for index in 0..<(p + 2) {
            // ∂(∇_u D/2)/∂φ_index: (ra, rb_g); then δ = −H⁻¹(ra, rb).
            var ra = 0.0
            for k in 0..<groups {
                let w = groupW[g0 + k], b = groupModes[g0 + k]
                switch index {
                case 0: sRB[g0 + k] = t2 * w * a
                case 1: sRB[g0 + k] = -groupR[g0 + k] + t2 * w * b
                default:
                    sRB[g0 + k] = t2 * sWX[(g0 + k) * p + index - 2]
                    ra += t1 * sWX[(g0 + k) * p + index - 2]
                }
            }
            if index == 0 { ra = -rTotal + t1 * a * wTotal }
            if index == 1 { ra = t1 * sumWb }
            var numerator = -ra
            for k in 0..<groups { numerator += sC[g0 + k] * sRB[g0 + k] / sD[g0 + k] }
            let da = numerator / s
            var total = 0.0
            for k in 0..<groups {
                let db = (-sRB[g0 + k] - sC[g0 + k] * da) / sD[g0 + k]
                let base = index == 0 ? sT[g0 + k] * a : index == 1 ? sT[g0 + k] * groupModes[g0 + k] : sTX[(g0 + k) * p + index - 2]
                total += sLW[g0 + k] * (base + sT[g0 + k] * (t1 * da + t2 * db))
            }
            grad[index] += total
        }
    }

    /// The site and site-period random intercepts on the logit scale at the last evaluation, given `θ`.
    func modes(theta1: Double, theta2: Double) -> (site: [Double], sitePeriod: [Double]) {
        ((0..<clusterCount).map { siteModes[$0] * theta1 }, (0..<groupCount).map { groupModes[$0] * theta2 })
    }
}
