// SPDX-License-Identifier: Apache-2.0

internal import ArgumentParser
internal import WedgeAnalysis
internal import WedgeCore
internal import WedgeStats
internal import WedgeStore

/// `wedge analyze`: the primary and secondary analyses of a study database or an analysis CSV.
struct AnalyzeCommand: RecorderCommand {
    /// The output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Estimate initiation and retention: crude, GLMM, GEE, permutation test, Kaplan–Meier and Cox.",
        discussion: """
            Reads a study database (--db; the primary analysis set, and the schedule's admissible allocations for \
            the permutation test) or an analysis CSV (--csv; default columns those of `wedge export`: site, period, \
            condition, initiated, second_injection, third_injection, days_to_first_injection, retention_days, \
            retention_event; only the first four are required, and absent columns skip their analyses with a note).

            The GLMM is logit P(initiated) = condition + period (a factor) + a random site intercept, fitted by \
            Laplace (--nagq 1, lme4's default) or adaptive Gauss–Hermite quadrature. The GEE uses an exchangeable \
            working correlation with robust, Kauermann–Carroll and Mancl–DeRouen SEs and a t reference with \
            clusters − 2 degrees of freedom unless --gee-df says otherwise; the GLMM's Wald interval and p-value \
            use the same t reference (--glmm-df; normal gives lme4's z); the profile-likelihood interval is added \
            (--no-profile skips it), and --bootstrap N adds the parametric bootstrap likelihood-ratio test \
            (seeded by --seed, on every core, with progress on standard error). The permutation test re-randomizes \
            the sites over the admissible allocations (exactly up to 100,000 of them, else a seeded Monte Carlo \
            sample). --model picks the primary model (hh, nested, eti, nested-eti, ncs or nested-ncs; docs/models.md); the others are reported \
            as sensitivity analyses. --format json writes the document described in the README (schema \
            wedge.analysis/2).
            """)

    @Option(help: "The study database.", completion: .file())
    var db: String?

    @Option(help: "An analysis CSV instead of a database.", completion: .file(extensions: ["csv"]))
    var csv: String?

    @Option(help: "text or json.")
    var format: Format = .text

    @Option(help: "GLMM quadrature points: 1 is Laplace; 2–25 adaptive Gauss–Hermite.")
    var nagq: Int = 1

    @Option(help: "The permutation statistic: glmm (the GLMM log odds ratio) or npwp.")
    var statistic: String = "glmm"

    @Flag(help: "Skip the permutation test.")
    var noPermutation = false

    @Flag(help: "Add a confidence interval by inverting the permutation test (slower).")
    var permutationInterval = false

    @Option(help: "The seed of Monte Carlo permutation draws.")
    var seed: UInt64 = 20_210_316

    @Option(help: "Monte Carlo permutation draws when there are more than 100,000 allocations.")
    var draws: Int = 1_000

    @Option(help: ArgumentHelp("GEE degrees of freedom: clusters-2 (default), clusters-p, normal, or a number.",
                               valueName: "rule"))
    var geeDf: String = "clusters-2"

    @Option(help: ArgumentHelp(
        "Degrees of freedom of the GLMM's Wald t reference: clusters-2 (default), clusters-p, normal (lme4's z) "
            + "or a number.", valueName: "rule"))
    var glmmDf: String = "clusters-2"

    @Option(help: ArgumentHelp(
        "Replicates of the GLMM's parametric bootstrap likelihood-ratio test (pbkrtest's PBmodcomp); 0 skips it.",
        valueName: "n"))
    var bootstrap: Int = 0

    @Flag(help: "Skip the GLMM's profile-likelihood interval.")
    var noProfile = false

    @Option(help: "The data-lock date for --db (default today, UTC).")
    var asOf: String?

    @Option(help: "Worker threads for the permutation test (default: all cores). Results never depend on it.")
    var threads: Int?
    @OptionGroup(title: "Models")
    var models: AnalyzeModelOptions

    @OptionGroup(title: "CSV columns")
    var columns: AnalyzeColumnOptions

    func validate() throws {
        guard (db == nil) != (csv == nil) else {
            throw ValidationError("Give exactly one of --db FILE or --csv FILE.")
        }
        guard (1...25).contains(nagq) else { throw ValidationError("--nagq must be 1 to 25, got \(nagq).") }
        guard statistic == "glmm" || statistic == "npwp" else {
            throw ValidationError("--statistic must be glmm or npwp, got '\(statistic)'.")
        }
        _ = try dfRule()
        _ = try dfRule(glmmDf, option: "--glmm-df")
        guard bootstrap >= 0 else { throw ValidationError("--bootstrap must be 0 or more, got \(bootstrap).") }
        guard draws >= 1 else { throw ValidationError("--draws must be at least 1, got \(draws).") }
        if let asOf, CivilDate(iso: asOf) == nil {
            throw ValidationError("--as-of must be a date YYYY-MM-DD, got '\(asOf)'.")
        }
    }

    func dfRule() throws -> DegreesOfFreedomRule { try dfRule(geeDf, option: "--gee-df") }

    func dfRule(_ text: String, option: String) throws -> DegreesOfFreedomRule {
        switch text {
        case "clusters-2": return .clustersMinus(2)
        case "clusters-p": return .clustersMinusParameters
        case "normal": return .normal
        default:
            guard let n = Int(text), n > 0 else {
                throw ValidationError("\(option) must be clusters-2, clusters-p, normal or a positive number, got '\(text)'.")
            }
            return .fixed(n)
        }
    }

    func execute() throws -> String {
        let data: AnalysisDataset
        var auditHead: String?
        var protocolModel: String?
        if let db {
            let lock = asOf.flatMap { CivilDate(iso: $0) } ?? Clock.today()
            let store = try StudyStore.open(at: db)
            let snapshot = try store.fetchSnapshot(dataLockDate: lock)
            data = AnalysisDataset(snapshot: snapshot)
            protocolModel = snapshot.protocol.outcomes.primaryModel
            auditHead = try store.auditHead().description
        } else {
            data = try AnalysisDataset.read(csv: csv!, columns: columns.columns, control: columns.control)
        }
        var options = try models.apply(to: PrimaryAnalysisOptions(
            nAGQ: nagq, geeDegreesOfFreedom: try dfRule(),
            permutationStatistic: noPermutation ? nil : PermutationStatistic(rawValue: statistic),
            monteCarloDraws: draws, seed: seed, permutationInterval: permutationInterval), protocolModel: protocolModel)
        if let threads {
            guard threads >= 1 else { throw ValidationError("--threads must be 1 or more, not \(threads).") }
            options.threads = threads
        }
        options.glmmDegreesOfFreedom = try dfRule(glmmDf, option: "--glmm-df")
        options.bootstrapReplicates = bootstrap
        options.profileInterval = !noProfile
        let bar = ProgressBar(total: bootstrap, label: "Parametric bootstrap", quarterStepsWhenPiped: true)
        let update: @Sendable (Int) -> Void = { bar.update($0) }
        let progress = bootstrap > 0 ? update : nil
        let primary = PrimaryAnalysis.run(data, options: options, progress: progress)
        if bootstrap > 0 { bar.finish() }
        let retention = RetentionAnalysis.run(data)
        switch format {
        case .json: return AnalysisJSON.document(primary, retention, auditHead: auditHead).serialized(pretty: true)
        case .text: return AnalysisText.render(primary, retention) + (auditHead.map { "\nAudit head: \($0)\n" } ?? "")
        }
    }
}
