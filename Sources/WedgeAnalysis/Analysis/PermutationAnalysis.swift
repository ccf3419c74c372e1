// SPDX-License-Identifier: Apache-2.0

internal import WedgeStats

/// Maps a dataset onto the randomization test of WedgeStats: the allocation space, the observed
/// allocation, the per-sequence schedule and the statistic.
///
/// With a schedule (a study database) the space is the saved admissible set, or every allocation of the
/// sites to the design's sequences for simple randomization. Without one (a CSV) the sequences are
/// recovered from the data (``WedgeStats/ObservedSequences``: each site's crossover period) and the sites
/// are permuted across them. Under allocation `a`, the cell of site `s` in period `j` is treated when
/// sequence `a[s]` runs the intervention in period `j`; only that column changes between refits.
enum PermutationAnalysis {
    /// The space, observed allocation and schedule over the cells' clusters, or a reason there is none.
    struct Frame {
        var space: AllocationSpace
        var observed: [Int]
        var schedule: [[Bool]]
        var source: String
    }

    static func frame(_ data: AnalysisDataset, cells: ClusterPeriodCells) -> Result<Frame, RandomizationError> {
        if let frame = data.randomization {
            let schedule = frame.sequences.map { $0.map { $0 == 1 } }
            let sites = cells.sites
            let project: ([Int]) -> [Int] = { a in sites.map { a[$0] } }
            let allSites = sites.count == frame.observed.count
            let space: AllocationSpace
            if let admissible = frame.admissible {
                space = .listed(allSites ? admissible : admissible.map(project))
            } else if allSites {
                space = .permutations(of: frame.observed)
            } else {
                space = .permutations(of: project(frame.observed))
            }
            return .success(Frame(space: space, observed: project(frame.observed), schedule: schedule,
                                  source: frame.source + (allSites ? "" : " (sites without data left out)")))
        }
        do {
            let observed = try ObservedSequences(
                cluster: cells.cluster, period: cells.period.map { $0 - 1 }, treated: cells.treated)
            return .success(Frame(space: .permutations(of: observed.allocation), observed: observed.allocation,
                                  schedule: observed.schedule, source: "sites permuted across the observed sequences"))
        } catch {
            return .failure(error)
        }
    }

    /// Runs the test (and, when asked, its inversion), or gives the reason it cannot be run.
    static func run(
        _ data: AnalysisDataset, cells: ClusterPeriodCells, statistic: PermutationStatistic,
        options: PrimaryAnalysisOptions
    ) -> Result<PermutationSummary, RandomizationError> {
        let frame: Frame
        switch self.frame(data, cells: cells) {
        case .success(let f): frame = f
        case .failure(let e): return .failure(e)
        }
        var settings = PermutationOptions(
            exactLimit: options.exactLimit, monteCarloDraws: options.monteCarloDraws, seed: options.seed,
            keepsDistribution: false)
        settings.threads = options.threads
        do {
            let period = cells.period.map { $0 - 1 }
            let test: PermutationResult
            var interval: (Double, Double)?
            switch statistic {
            case .glmm:
                let method: GLMMMethod = options.nAGQ <= 1 ? .laplace : .adaptiveGaussHermite(points: options.nAGQ)
                // Refits need the coefficient only: BFGS updates after the first Newton step (same optimum).
                let glmm = try GLMMPermutationStatistic(
                    cells: cells.binomial(), period: period, treatmentColumn: 1, schedule: frame.schedule, method: method,
                    options: GLMMOptions(quasiNewton: true))
                test = try PermutationTest.run(observed: frame.observed, space: frame.space, options: settings) { glmm($0) }
                if options.permutationInterval {
                    let ci = try PermutationInterval.glmm(glmm, observed: frame.observed, space: frame.space, options: settings)
                    interval = (ci.lower ?? -.infinity, ci.upper ?? .infinity)
                }
            case .npwp:
                let table = try NonparametricWithinPeriod(
                    cluster: cells.cluster, period: period, successes: cells.successes.map(Double.init),
                    trials: cells.trials.map(Double.init))
                test = try PermutationTest.run(
                    observed: frame.observed, space: frame.space, options: settings,
                    statistic: table.statistic(schedule: frame.schedule))
                if options.permutationInterval {
                    let ci = try PermutationInterval.npwp(
                        table, schedule: frame.schedule, observed: frame.observed, space: frame.space, options: settings)
                    interval = (ci.lower ?? -.infinity, ci.upper ?? .infinity)
                }
            }
            return .success(PermutationSummary(
                statistic: statistic, observed: test.observed, pValue: test.pValue, allocations: test.evaluated + test.failedCount,
                exact: test.isExact, monteCarloError: test.monteCarloStandardError, failures: test.failedCount,
                source: frame.source, interval: interval.map { (lower: $0.0, upper: $0.1) }))
        } catch {
            return .failure(error)
        }
    }
}
