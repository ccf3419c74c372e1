// SPDX-License-Identifier: Apache-2.0

extension LogisticGLMM {
    /// The profile-likelihood confidence interval of one fixed effect, as lme4's
    /// `confint(fit, parm, method = "profile")`.
    ///
    /// ## Method
    /// For a value `b` of coefficient `k`, the profiled deviance `D(b)` is the minimum of the deviance over θ and
    /// the other coefficients with `βₖ = b` fixed (a refit with the column moved into the offset, `oᵢ + b·xᵢₖ`).
    /// The signed root `ζ(b) = sign(b − β̂ₖ)·√(D(b) − D(β̂))` is approximately standard normal, and the interval
    /// is `{b : |ζ(b)| ≤ z_{(1+level)/2}}` (Venzon & Moolgavkar 1988, *Appl Stat* 37:87–94; Bates et al. 2015,
    /// *J Stat Softw* 67(1), §5.1, for lme4's `profile`). Each limit is bracketed from the Wald limit outwards and
    /// then found by regula falsi (Illinois) on `ζ` to 1e-8 on the coefficient scale. lme4 evaluates
    /// `ζ` on a grid and interpolates with a spline, so its limits differ from the exact roots by about 1e-4
    /// to 1e-3 (checked against lme4 1.1-31 in `GLMMProfileReferenceTests`).
    ///
    /// Unlike the Wald interval it is not symmetric, does not rely on the curvature at β̂ alone, and is invariant to
    /// reparametrisation (an odds ratio's limits are the exponentials). It still uses the normal reference: with
    /// few clusters it is too narrow in the same way as the Wald z interval, by less.
    ///
    /// - Parameters:
    ///   - data: The cells the fit was made from.
    ///   - fit: Their fit by ``fit(_:method:options:)`` with the same `method`.
    ///   - coefficient: The design column, for example 1 for the treatment.
    ///   - method: Laplace (default) or adaptive quadrature; the profiled deviance uses the same approximation.
    ///   - confidenceLevel: Two-sided coverage, default 0.95.
    /// - Returns: `β̂ₖ` with the limits; a limit is NaN when the profile does not reach the cut-off within 60
    ///   Wald SEs (a flat likelihood, such as under separation) or when a refit fails.
    public static func profileInterval(
        _ data: BinomialCells, fit: GLMMFit, coefficient: Int, method: GLMMMethod = .laplace,
        confidenceLevel: Double = 0.95
    ) -> IntervalEstimate {
        let estimate = fit.coefficients[coefficient], se = fit.standardErrors[coefficient]
        let cut = IntervalEstimate.criticalValue(confidenceLevel)
        guard fit.converged, estimate.isFinite, se.isFinite, se > 0, cut.isFinite, data.design.columns > 1 else {
            return .undefined(confidenceLevel)
        }
        let reduced = dropping(coefficient, from: data)
        let start = fit.siteSD > 1e-3 ? fit.siteSD : nil
        // ζ(b) − target for the signed root; NaN when a refit fails.
        func zeta(_ b: Double) -> Double {
            var cells = reduced
            let base = data.offset ?? Array(repeating: 0, count: data.count)
            cells.offset = (0..<data.count).map { base[$0] + b * data.design[$0, coefficient] }
            let refit = LogisticGLMM.fit(cells, method: method, options: GLMMOptions(startingTheta: start))
            guard refit.converged else { return .nan }
            let rise = max(0, 2 * (fit.logLikelihood - refit.logLikelihood))
            return (b < estimate ? -1 : 1) * rise.squareRoot()
        }
        func limit(_ direction: Double) -> Double {
            let target = direction * cut
            var inner = estimate, outer = estimate + direction * cut * se
            var fOuter = zeta(outer) - target
            var steps = 0
            while fOuter.isFinite && fOuter * direction < 0 {
                inner = outer
                outer = estimate + direction * se * cut * Double(2 << steps)
                fOuter = zeta(outer) - target
                steps += 1
                if steps > 5 { return .nan }
            }
            guard fOuter.isFinite else { return .nan }
            var fInner = inner == estimate ? -target : zeta(inner) - target
            // Regula falsi with the Illinois modification (the retained end's value halves), kept in the bracket.
            for _ in 0..<100 {
                var next = outer - fOuter * (outer - inner) / (fOuter - fInner)
                if !(next > min(inner, outer) && next < max(inner, outer)) { next = 0.5 * (inner + outer) }
                let fNext = zeta(next) - target
                guard fNext.isFinite else { return .nan }
                if fNext * fOuter < 0 { inner = outer; fInner = fOuter } else { fInner *= 0.5 }
                outer = next
                fOuter = fNext
                if abs(outer - inner) < 1e-8 || abs(fNext) < 1e-10 { break }
            }
            return outer
        }
        return IntervalEstimate(estimate: estimate, lower: limit(-1), upper: limit(1), confidenceLevel: confidenceLevel)
    }

    /// `data` without design column `k`.
    static func dropping(_ k: Int, from data: BinomialCells) -> BinomialCells {
        let p = data.design.columns
        var x = Matrix(rows: data.count, columns: p - 1)
        for i in 0..<data.count {
            var c = 0
            for j in 0..<p where j != k {
                x[i, c] = data.design[i, j]
                c += 1
            }
        }
        return BinomialCells(successes: data.successes, trials: data.trials, cluster: data.cluster, design: x,
                             offset: data.offset)
    }
}
