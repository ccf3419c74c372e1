// SPDX-License-Identifier: Apache-2.0

internal import WedgeCore
internal import WedgeStats

/// Maps a dataset's randomization frame onto the permutation test: the allocations to evaluate and the
/// statistic under each.
///
/// Under allocation `a`, a cell of site `s` in period `j` is treated when sequence `a[s]` runs the
/// intervention in period `j` (Hussey & Hughes' `X_sj`); the statistic is recomputed from the same outcome
/// cells with that treatment column. The observed allocation is one of the admissible ones.
enum PermutationAnalysis {
    static func run(
        _ data: AnalysisDataset, cells: ClusterPeriodCells, statistic: PermutationStatistic,
        options: PrimaryAnalysisOptions
    ) -> PermutationSummary? {
        guard let frame = data.randomization, frame.observed.count == data.siteIDs.count else { return nil }
        let value = statisticFunction(cells, frame: frame, statistic: statistic)
        let listed: [[Int]]?
        if let admissible = frame.admissible {
            listed = admissible
        } else if let count = AllocationEnumerator.count(slots: frame.observed), count <= options.exactLimit {
            listed = AllocationEnumerator.all(slots: frame.observed)
        } else {
            listed = nil
        }
        guard let listed else { return nil }
        let observed = value(frame.observed)
        var values = [Double?](repeating: nil, count: listed.count)
        for (k, a) in listed.enumerated() { values[k] = value(a) }
        let valid = values.compactMap { $0 }
        guard let t0 = observed else { return nil }
        let extreme = valid.filter { abs($0) >= abs(t0) * (1 - 1e-9) }.count
        return PermutationSummary(
            statistic: statistic, observed: t0, pValue: Double(extreme) / Double(max(1, valid.count)),
            allocations: listed.count, exact: true, monteCarloError: 0, failures: listed.count - valid.count,
            source: frame.source)
    }

    /// The statistic as a function of the allocation.
    static func statisticFunction(
        _ cells: ClusterPeriodCells, frame: RandomizationFrame, statistic: PermutationStatistic
    ) -> @Sendable ([Int]) -> Double? {
        let site = cells.site
        let period = cells.period
        let sequences = frame.sequences
        let base = cells
        return { allocation in
            let treatment = site.indices.map { sequences[allocation[site[$0]]][period[$0] - 1] == 1 }
            guard treatment.contains(true), treatment.contains(false) else { return nil }
            switch statistic {
            case .glmm:
                let fit = LogisticGLMM.fit(base.binomial(treatment: treatment))
                return fit.converged ? fit.coefficients[1] : nil
            case .npwp:
                return nil
            }
        }
    }
}
