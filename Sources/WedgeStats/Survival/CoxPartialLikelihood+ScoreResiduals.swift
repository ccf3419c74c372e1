// SPDX-License-Identifier: Apache-2.0

import RealModule

extension CoxPartialLikelihood {
    /// Score residuals `L_i = ∫ (x_i − x̄(t)) dM̂_i(t)` at `beta`, one row per sorted observation.
    ///
    /// With Efron ties, at a time with `d` events the `k`-th of `d` virtual risk sets has weight
    /// `1 − k/d` for the tied events; each event contributes `x_i − mean_k(x̄_k)` and its hazard
    /// share is down-weighted accordingly, exactly as survival's `coxscore2.c`. Computed in one
    /// O(n·p) pass with cumulative hazard sums rather than coxscore2's O(n²) loop.
    func scoreResiduals(_ beta: [Double]) -> [[Double]] {
        let eta = linearPredictor(beta)
        let risk = eta.map { Double.exp($0) }
        let blocks = tiedBlocks
        // Per block: Σh, Σ x̄h (full compensator) and, for the block's events, the Efron correction.
        var hazard = Array(repeating: 0.0, count: blocks.count)
        var meanHazard = Array(repeating: [Double](repeating: 0, count: p), count: blocks.count)
        var downHazard = hazard
        var downMeanHazard = meanHazard
        var eventMean = meanHazard
        var denom = 0.0
        var a = Array(repeating: 0.0, count: p)
        var previousStratum: Int?
        for (b, block) in blocks.enumerated() {
            if stratum[block.lowerBound] != previousStratum {
                denom = 0
                a = Array(repeating: 0.0, count: p)
                previousStratum = stratum[block.lowerBound]
            }
            var deaths = 0
            var eventDenom = 0.0
            var a2 = Array(repeating: 0.0, count: p)
            for r in block {
                denom += risk[r]
                for j in 0..<p { a[j] += risk[r] * x[r][j] }
                if event[r] {
                    deaths += 1
                    eventDenom += risk[r]
                    for j in 0..<p { a2[j] += risk[r] * x[r][j] }
                }
            }
            guard deaths > 0 else { continue }
            let d = Double(deaths)
            if deaths == 1 || ties == .breslow {
                let h = d / denom
                hazard[b] = h
                for j in 0..<p {
                    let mean = a[j] / denom
                    meanHazard[b][j] = mean * h
                    eventMean[b][j] = mean
                }
            } else {
                for k in 0..<deaths {
                    let down = Double(k) / d
                    let reduced = denom - down * eventDenom
                    let h = 1 / reduced
                    hazard[b] += h
                    downHazard[b] += h * down
                    for j in 0..<p {
                        let mean = (a[j] - down * a2[j]) / reduced
                        meanHazard[b][j] += mean * h
                        downMeanHazard[b][j] += mean * h * down
                        eventMean[b][j] += mean / d
                    }
                }
            }
        }
        // Ascending time within each stratum: accumulate the compensator over event times ≤ t.
        var residuals = Array(repeating: [Double](repeating: 0, count: p), count: time.count)
        var cumulativeHazard = 0.0
        var cumulativeMean = Array(repeating: 0.0, count: p)
        previousStratum = nil
        for b in blocks.indices.reversed() {
            let block = blocks[b]
            if stratum[block.lowerBound] != previousStratum {
                cumulativeHazard = 0
                cumulativeMean = Array(repeating: 0.0, count: p)
                previousStratum = stratum[block.lowerBound]
            }
            cumulativeHazard += hazard[b]
            for j in 0..<p { cumulativeMean[j] += meanHazard[b][j] }
            for r in block {
                for j in 0..<p {
                    var value = -risk[r] * (x[r][j] * cumulativeHazard - cumulativeMean[j])
                    if event[r] {
                        value += x[r][j] - eventMean[b][j]
                        value += risk[r] * (x[r][j] * downHazard[b] - downMeanHazard[b][j])
                    }
                    residuals[r][j] = value
                }
            }
        }
        return residuals
    }
}
