// SPDX-License-Identifier: Apache-2.0

internal import WedgeStats

/// The sufficient statistics of a binary outcome under the Hussey–Hughes model: one binomial cell per
/// site × period × condition, with the design `[1, treated, period dummies]`.
///
/// Periods are a factor. Only periods that hold participants get a level (a period with no data cannot be
/// estimated and is dropped, with a note); the first of them is the reference. Sites are re-indexed to the
/// non-empty ones so that every cluster in a fit has data. Cells are ordered by site, period, then condition,
/// so fits are reproducible.
struct ClusterPeriodCells: Sendable {
    var successes: [Int] = []
    var trials: [Int] = []
    /// The dataset's site index of each cell.
    var site: [Int] = []
    /// The 1-based period of each cell.
    var period: [Int] = []
    /// The treatment indicator of each cell.
    var treated: [Bool] = []
    /// The periods with data, ascending; the first is the reference level.
    var periodLevels: [Int] = []
    /// The sites with data, ascending (dataset indices); cluster `k` of a fit is `sites[k]`.
    var sites: [Int] = []

    /// Collapses `participants` whose `outcome` is known into cells.
    init(_ participants: [AnalysisParticipant], outcome: (AnalysisParticipant) -> Bool?) {
        var counts: [Int: (Int, Int)] = [:]
        var siteCount = 0
        var periodCount = 0
        for p in participants { siteCount = max(siteCount, p.site + 1); periodCount = max(periodCount, p.period + 1) }
        for p in participants {
            guard let y = outcome(p) else { continue }
            let key = (p.site * periodCount + p.period) * 2 + (p.treated ? 1 : 0)
            let (x, n) = counts[key] ?? (0, 0)
            counts[key] = (x + (y ? 1 : 0), n + 1)
        }
        for key in counts.keys.sorted() {
            let (x, n) = counts[key]!
            successes.append(x)
            trials.append(n)
            site.append(key / 2 / periodCount)
            period.append(key / 2 % periodCount)
            treated.append(key % 2 == 1)
        }
        periodLevels = Array(Set(period)).sorted()
        sites = Array(Set(site)).sorted()
    }

    var count: Int { successes.count }

    /// The 0-based cluster index of each cell among ``sites``.
    var cluster: [Int] {
        let index = Dictionary(uniqueKeysWithValues: sites.enumerated().map { ($1, $0) })
        return site.map { index[$0]! }
    }

    /// The design `[1, treated, 1{period = p} for p in periodLevels.dropFirst()]`, optionally with the
    /// treatment column replaced.
    func design(treatment: [Bool]? = nil) -> Matrix {
        let levels = Array(periodLevels.dropFirst())
        let column = Dictionary(uniqueKeysWithValues: levels.enumerated().map { ($1, $0 + 2) })
        var x = Matrix(rows: count, columns: 2 + levels.count)
        let t = treatment ?? treated
        for i in 0..<count {
            x[i, 0] = 1
            x[i, 1] = t[i] ? 1 : 0
            if let j = column[period[i]] { x[i, j] = 1 }
        }
        return x
    }

    /// The cells as the GLMM's input.
    func binomial(treatment: [Bool]? = nil) -> BinomialCells {
        BinomialCells(
            successes: successes.map(Double.init), trials: trials.map(Double.init), cluster: cluster,
            design: design(treatment: treatment))
    }

    /// Whether both conditions are present, so that a treatment effect is estimable at all.
    var hasBothConditions: Bool { treated.contains(true) && treated.contains(false) }
}
