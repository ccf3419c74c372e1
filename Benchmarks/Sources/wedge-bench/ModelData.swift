// SPDX-License-Identifier: Apache-2.0

import WedgeStats

/// The Hussey–Hughes design on the generated data: intercept, treatment, then one indicator per period after the
/// first, in the column order of R's `~ treat + factor(period)`.
enum ModelData {
    static func design(treat: [Int], period: [Int], periods: Int) -> Matrix {
        let p = 2 + (periods - 1)
        var x = Matrix(rows: treat.count, columns: p)
        for i in 0..<treat.count {
            x[i, 0] = 1
            x[i, 1] = Double(treat[i])
            if period[i] > 0 { x[i, 1 + period[i]] = 1 }
        }
        return x
    }

    /// The cells file of `shape` as binomial cells, clusters = sites.
    static func cells(_ context: BenchContext, _ shape: Datasets.Shape) throws -> BinomialCells {
        try cellsWithPeriods(context, shape).cells
    }

    /// The cells file of `shape` with each cell's period, for the site × period intercept of the nested model.
    static func cellsWithPeriods(_ context: BenchContext, _ shape: Datasets.Shape) throws
        -> (cells: BinomialCells, period: [Int])
    {
        let table = try NumericCSV(path: context.dataFile(shape.cellsFile), columns: ["site", "period", "treat", "y", "n"])
        let period = table.column("period").map { Int($0) }
        let x = design(treat: table.column("treat").map { Int($0) }, period: period, periods: shape.periods)
        let cells = BinomialCells(successes: table.column("y"), trials: table.column("n"),
                                  cluster: table.column("site").map { Int($0) }, design: x)
        return (cells, period)
    }

    /// The individuals file of `shape`.
    static func individuals(_ context: BenchContext, _ shape: Datasets.Shape) throws -> TrialData {
        try TrialData.read(individuals: context.dataFile(shape.individualsFile), sites: shape.sites, periods: shape.periods)
    }
}
