// SPDX-License-Identifier: Apache-2.0

internal import WedgeStats

extension ClusterPeriodCells {
    /// The exposure time of each cell: `period − crossover + 1` for an intervention cell, 0 for a control cell.
    ///
    /// A site's crossover period is the first intervention period of its sequence in `frame` (the schedule), so
    /// exposure time counts from the crossover date even when the protocol excludes a transition window and the
    /// site's first intervention period has no participants left; without a frame (or for a site whose
    /// sequence never switches) it is the site's first period with intervention cells in the data.
    func exposure(frame: RandomizationFrame?) -> [Int] {
        var crossover: [Int: Int] = [:]
        if let frame {
            for (site, sequence) in frame.observed.enumerated() where sequence < frame.sequences.count {
                if let first = frame.sequences[sequence].firstIndex(of: 1) { crossover[site] = first + 1 }
            }
        }
        for i in 0..<count where treated[i] && crossover[site[i]] == nil {
            let first = (0..<count).filter { site[$0] == site[i] && treated[$0] }.map { period[$0] }.min()!
            crossover[site[i]] = first
        }
        return (0..<count).map { i in treated[i] ? max(1, period[i] - crossover[site[i]]! + 1) : 0 }
    }

    /// The cells with the design `[1, effect columns of model, period dummies]`; for ``ExposureTimeModel/immediate``
    /// this is ``binomial(treatment:)``'s design.
    func binomial(model: ExposureTimeModel, exposure: [Int]) -> BinomialCells {
        let maxExposure = exposure.max() ?? 0
        let periods = design()
        let q = model.parameterCount(maxExposure: maxExposure)
        var x = Matrix(rows: count, columns: periods.columns - 1 + q)
        for i in 0..<count {
            x[i, 0] = 1
            for (k, v) in model.columns(exposure: exposure[i], maxExposure: maxExposure).enumerated() { x[i, 1 + k] = v }
            for j in 2..<periods.columns { x[i, j - 1 + q] = periods[i, j] }
        }
        return BinomialCells(
            successes: successes.map(Double.init), trials: trials.map(Double.init), cluster: cluster, design: x)
    }
}
