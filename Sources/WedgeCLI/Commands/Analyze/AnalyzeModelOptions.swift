// SPDX-License-Identifier: Apache-2.0

internal import ArgumentParser
internal import WedgeAnalysis

/// The model options of `wedge analyze`: which model is primary, and the exposure times of the TATE and PTE.
struct AnalyzeModelOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "The primary model: hh (Hussey–Hughes), nested (adds a site × period random intercept), eti or "
            + "nested-eti (exposure-time indicators, TATE), ncs or nested-ncs (a spline in exposure time, TATE). "
            + "Default: the protocol's [outcomes] primary_model, else hh.",
        valueName: "model"))
    var model: String?

    @Option(help: ArgumentHelp("Exposure times the TATE averages over, FIRST-LAST (default 1 to the largest).",
                               valueName: "range"))
    var tateRange: String?

    @Option(help: ArgumentHelp("Exposure time of the point treatment effect (default the largest).", valueName: "e"))
    var pteTime: Int?

    /// The TATE range parsed, or `nil` for the default.
    func exposureRange() throws -> ClosedRange<Int>? {
        try tateRange.map(Self.exposureRange)
    }

    /// A `--tate-range` value `FIRST-LAST` as a range of exposure times (also for `wedge power`).
    static func exposureRange(_ text: String) throws -> ClosedRange<Int> {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
        guard parts.count == 2, let first = parts[0], let last = parts[1], first >= 1, first <= last else {
            throw ValidationError("--tate-range must be FIRST-LAST with 1 ≤ FIRST ≤ LAST, got '\(text)'.")
        }
        return first...last
    }

    func validate() throws {
        if let model, AnalysisModel(rawValue: model) == nil {
            throw ValidationError("--model must be one of "
                                  + AnalysisModel.allCases.map(\.rawValue).joined(separator: ", ") + ", got '\(model)'.")
        }
        _ = try exposureRange()
        if let pteTime, pteTime < 1 { throw ValidationError("--pte-time must be at least 1, got \(pteTime).") }
    }

    /// `options` with the model settings applied; the command line wins over the protocol's `primary_model`.
    func apply(to options: PrimaryAnalysisOptions, protocolModel: String?) throws -> PrimaryAnalysisOptions {
        var options = options
        options.model = (model ?? protocolModel).flatMap(AnalysisModel.init(rawValue:)) ?? .husseyHughes
        options.exposureRange = try exposureRange()
        options.pointExposure = pteTime
        return options
    }
}
