// SPDX-License-Identifier: Apache-2.0

internal import ArgumentParser
internal import Foundation
internal import WedgeAnalysis
internal import WedgeStats

/// `wedge power`: analytic and simulated power of a protocol's design, grids, sample size and design comparison.
struct PowerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "power",
        abstract: "Power of a protocol's design for a binary outcome: analytic (Hussey & Hughes) and simulated (GLMM).",
        discussion: """
            Analytic power follows Hussey & Hughes (2007) with swCRTdesign's swPwr conventions: the risk \
            difference p1 − p0, σ² = p̄(1 − p̄), cluster variance ICC·σ²/(1 − ICC) split by --cac (or decaying \
            by --decay), two-sided Wald z-test at --alpha. --simulate N simulates N trials and fits the logistic \
            GLMM to each (Laplace, or --agq K; --model picks the nested or an exposure-time analysis, and --ramp or \
            --exposure-effects an effect that grows with exposure time); the ICC becomes a logit-scale variance \
            by --icc-scale. \
            Transition weeks the protocol excludes from the primary analysis are removed from the crossover cells. \
            See docs/power.md for the formulas, the JSON schemas, reference values and examples. --grid \
            tabulates power over ICC × cluster-period size (--svg draws the curve), --solve-n finds the smallest \
            cluster-period size for --target-power, and --compare FILE… puts several protocols side by side.
            """)

    @Option(help: "The protocol .toml file.", completion: .file(extensions: ["toml"]))
    var `protocol`: String?

    @Option(help: "Proportion with the outcome under the control condition.")
    var p0: Double

    @Option(help: "Proportion with the outcome under the intervention.")
    var p1: Double

    @Option(help: "Intracluster correlation (risk scale), from 0 up to 1. Required except with --grid or --tau.")
    var icc: Double?

    @Option(help: "Instead of --icc: SD of the cluster effect on the risk scale (swPwr's tau); ICC = τ²/(τ² + σ²).")
    var tau: Double?

    @Option(help: "Cluster autocorrelation: the share of the cluster variance that is constant over periods.")
    var cac: Double = 1

    @Option(help: "Exponential decay of the cluster correlation per period (Kasza et al.), instead of --cac.")
    var decay: Double?

    @Option(help: "Participants per site per period. Required except with --solve-n or --grid.")
    var perClusterPeriod: Int?

    @Option(help: ArgumentHelp(
        "Instead of --per-cluster-period: a CSV file of participants per cell, one line per design row (in the "
            + "order printed as 'Design rows'), one whole number per period; 0 = not observed.",
        valueName: "file"))
    var cellSizes: String?

    @Option(help: "Two-sided significance level.")
    var alpha: Double = 0.05

    @Option(help: "Logit-scale period effects, one per period, comma-separated (default none).")
    var periodEffects: String?

    @Option(help: "Simulate this many trials and fit the GLMM to each.")
    var simulate: Int?

    @Option(help: "Seed of the simulation.")
    var seed: String = "1"

    @Option(help: "Fit the simulated trials by adaptive Gauss–Hermite quadrature with K points (default Laplace).")
    var agq: Int?

    @Option(help: ArgumentHelp(
        "The model that analyses each simulated trial: hh (Hussey–Hughes), nested (site and site × period "
            + "random intercepts, the model --cac below 1 simulates from), eti or nested-eti (exposure-time "
            + "indicators, TATE), ncs or nested-ncs (a spline in exposure time, TATE).", valueName: "model"))
    var model: String = "hh"

    @Option(help: ArgumentHelp(
        "Simulate an effect that grows linearly with exposure time and reaches the full effect (--p1) in a "
            + "site's K-th period on the intervention: log OR θ·min(e, K)/K.", valueName: "K"))
    var ramp: Int?

    @Option(help: ArgumentHelp(
        "Simulate the effect at exposure times 1, 2, … as these fractions of the full effect (comma-separated; "
            + "the last one carries on), instead of --ramp.", valueName: "f1,f2,…"))
    var exposureEffects: String?

    @Option(help: ArgumentHelp(
        "Exposure times the TATE of the exposure-time analyses averages over, FIRST-LAST (default 1 to the "
            + "largest); also the true effect that bias and coverage refer to.", valueName: "range"))
    var tateRange: String?

    @Option(help: "How the simulation turns the ICC into a logit-scale variance: latent or linearized.")
    var iccScale: ClusterVarianceScale = .latent

    @Option(help: "Monte Carlo interval of the simulated power: wilson or exact.")
    var interval: PowerSimulationSettings.IntervalMethod = .wilson

    @Option(help: "Worker threads for the simulation (default: all cores). Results never depend on it.")
    var threads: Int?

    @Flag(help: "With --simulate: simulate under no effect (--p1 is ignored) and report the size of every test.")
    var null = false

    @Option(help: "With --null: parametric bootstrap replicates per simulated trial.")
    var nullBootstrap: Int = 99

    @Option(help: "With --null: the permutation test is exact up to this many allocations, else 999 Monte Carlo draws.")
    var nullExactLimit: Int = 100_000

    @Option(help: "Output format: text, json, csv, md or latex.")
    var format: PowerFormat = .text

    @Flag(help: "Tabulate power over --icc-values × --n-values.")
    var grid = false

    @Option(help: "ICC values of the grid, comma-separated.")
    var iccValues: String = "0.01,0.02,0.05,0.1,0.2"

    @Option(help: "Cluster-period sizes of the grid, comma-separated.")
    var nValues: String = "5,10,15,20,25,30,40,50"

    @Option(help: "With --grid: also write the power curve as SVG to this file.")
    var svg: String?

    @Flag(help: "Overwrite the --svg file if it exists.")
    var force = false

    @Flag(help: "Find the smallest cluster-period size that reaches --target-power.")
    var solveN = false

    @Option(help: "Target power for --solve-n (and the reference line of --svg).")
    var targetPower: Double = 0.8

    @Option(parsing: .upToNextOption, help: "Compare these protocols under the same assumptions.")
    var compare: [String] = []

    func validate() throws {
        try validateInputs()
    }

    func run() throws {
        let assumptions = try baseAssumptions()
        if null {
            try runNull(assumptions)
        } else if !compare.isEmpty {
            try runComparison(assumptions)
        } else if grid {
            try runGrid(assumptions)
        } else {
            try runSingle(assumptions)
        }
    }
}

/// The output formats of `wedge power`.
enum PowerFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, csv, md, latex

    /// The table format for the tabular outputs (`json` has its own documents).
    var tableFormat: TableFormat {
        switch self {
        case .text, .json: return .text
        case .csv: return .csv
        case .md: return .markdown
        case .latex: return .latex
        }
    }
}
