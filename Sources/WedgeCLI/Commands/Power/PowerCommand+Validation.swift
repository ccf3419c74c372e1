// SPDX-License-Identifier: Apache-2.0

internal import ArgumentParser
internal import Foundation
internal import WedgeAnalysis
internal import WedgeCore
internal import WedgeStats

extension PowerCommand {
    /// Usage checks (exit 64): every value in range, and the options that go together.
    func validateInputs() throws {
        func open(_ x: Double) -> Bool { x > 0 && x < 1 }
        guard open(p0) else { throw ValidationError("--p0 must lie strictly between 0 and 1, not \(p0).") }
        guard open(p1) else { throw ValidationError("--p1 must lie strictly between 0 and 1, not \(p1).") }
        if let icc, !(icc >= 0 && icc < 1) {
            throw ValidationError("--icc must be at least 0 and below 1, not \(icc).")
        }
        if let tau, !(tau >= 0 && tau.isFinite) { throw ValidationError("--tau must be 0 or more, not \(tau).") }
        if icc != nil && tau != nil { throw ValidationError("Give --icc or --tau, not both.") }
        if icc == nil && tau == nil && !grid {
            throw ValidationError("Give the intracluster correlation with --icc (for example --icc 0.05), or --tau.")
        }
        guard cac >= 0 && cac <= 1 else { throw ValidationError("--cac must lie from 0 to 1, not \(cac).") }
        if let decay {
            guard decay >= 0 && decay <= 1 else { throw ValidationError("--decay must lie from 0 to 1, not \(decay).") }
            if cac != 1 { throw ValidationError("Give --cac or --decay, not both.") }
        }
        guard open(alpha) else { throw ValidationError("--alpha must lie strictly between 0 and 1, not \(alpha).") }
        if let perClusterPeriod, perClusterPeriod < 1 || perClusterPeriod > 1_000_000 {
            throw ValidationError("--per-cluster-period must be from 1 to 1000000, not \(perClusterPeriod).")
        }
        if cellSizes != nil && (perClusterPeriod != nil || solveN || grid || !compare.isEmpty) {
            throw ValidationError(
                "--cell-sizes gives the size of every cell of one protocol; leave out --per-cluster-period, "
                    + "--solve-n, --grid and --compare.")
        }
        if perClusterPeriod == nil && cellSizes == nil && !solveN && !grid {
            throw ValidationError(
                "Give the number of participants per site and period with --per-cluster-period (for example 14), "
                    + "or ask for it with --solve-n.")
        }
        guard let analysis = AnalysisModel(rawValue: model) else {
            throw ValidationError("--model must be one of "
                                  + AnalysisModel.allCases.map(\.rawValue).joined(separator: ", ")
                                  + ", got '\(model)'.")
        }
        if analysis.hasSitePeriodEffect && agq != nil {
            throw ValidationError("--model \(model) is fitted by Laplace only; leave out --agq.")
        }
        try validateExposureOptions(analysis)
        if let simulate, simulate < 1 || simulate > 1_000_000 {
            throw ValidationError("--simulate must be from 1 to 1000000 trials, not \(simulate).")
        }
        if let agq, !(1...25).contains(agq) { throw ValidationError("--agq must be from 1 to 25 points, not \(agq).") }
        if let threads, threads < 1 { throw ValidationError("--threads must be 1 or more, not \(threads).") }
        guard open(targetPower) else {
            throw ValidationError("--target-power must lie strictly between 0 and 1, not \(targetPower).")
        }
        if `protocol` == nil && compare.isEmpty {
            throw ValidationError("Give the protocol with --protocol FILE, or several with --compare FILE FILE….")
        }
        if `protocol` != nil && !compare.isEmpty {
            throw ValidationError("Give --protocol or --compare, not both (put every protocol after --compare).")
        }
        if grid && (simulate != nil || solveN || !compare.isEmpty) {
            throw ValidationError("--grid tabulates analytic power only; leave out --simulate, --solve-n and --compare.")
        }
        if solveN && !compare.isEmpty { throw ValidationError("--solve-n works on one --protocol at a time.") }
        if null && (simulate == nil || grid || solveN || !compare.isEmpty || cellSizes != nil) {
            throw ValidationError("--null needs --simulate N and one --protocol with --per-cluster-period; leave out "
                                  + "--grid, --solve-n, --compare and --cell-sizes.")
        }
        if nullBootstrap < 1 { throw ValidationError("--null-bootstrap must be 1 or more, not \(nullBootstrap).") }
        if svg != nil && !grid { throw ValidationError("--svg draws the power curve of --grid; add --grid.") }
        _ = try doubles(iccValues, "--icc-values") { $0 >= 0 && $0 < 1 }
        _ = try sizes(nValues)
        _ = try periodShifts()
    }

    /// The exposure-time options: a ramp or fractions (not both), a TATE range, and all of them, like a model other
    /// than `hh`, only for a simulation of power (not `--null`, which measures the Hussey–Hughes tests).
    func validateExposureOptions(_ analysis: AnalysisModel) throws {
        if let ramp, ramp < 1 || ramp > 1000 {
            throw ValidationError("--ramp must be from 1 to 1000 periods, not \(ramp).")
        }
        if ramp != nil && exposureEffects != nil {
            throw ValidationError("Give --ramp or --exposure-effects, not both.")
        }
        _ = try exposureShape()
        if let tateRange { _ = try AnalyzeModelOptions.exposureRange(tateRange) }
        var given: [String] = []
        if analysis != .husseyHughes { given.append("--model \(model)") }
        if ramp != nil { given.append("--ramp") }
        if exposureEffects != nil { given.append("--exposure-effects") }
        if tateRange != nil { given.append("--tate-range") }
        guard let first = given.first else { return }
        if simulate == nil {
            throw ValidationError("\(first) describes the simulated trials; add --simulate N.")
        }
        if null {
            throw ValidationError(
                "--null measures the size of the Hussey–Hughes analysis's tests under no effect; leave out \(first). "
                    + "For the size of another model's test, simulate with --p1 equal to --p0 and --model.")
        }
    }

    /// The simulated effect's dependence on exposure time.
    func exposureShape() throws -> ExposureEffectShape {
        if let ramp { return .ramp(periods: ramp) }
        guard let exposureEffects else { return .immediate }
        return .fractions(try doubles(exposureEffects, "--exposure-effects") { $0.isFinite && abs($0) <= 100 })
    }

    /// Comma-separated numbers, each passing `valid`.
    func doubles(_ text: String, _ option: String, _ valid: (Double) -> Bool) throws -> [Double] {
        let parts = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let values = parts.compactMap(Double.init)
        guard !parts.isEmpty, values.count == parts.count, values.allSatisfy(valid) else {
            throw ValidationError("\(option) '\(text)' is not a comma-separated list of valid numbers.")
        }
        return values
    }

    /// The grid's cluster-period sizes: positive integers.
    func sizes(_ text: String) throws -> [Int] {
        let parts = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let values = parts.compactMap { Int($0) }
        guard !parts.isEmpty, values.count == parts.count, values.allSatisfy({ $0 >= 1 && $0 <= 1_000_000 }) else {
            throw ValidationError("--n-values '\(text)' is not a comma-separated list of whole numbers from 1 up.")
        }
        return values
    }

    /// The logit-scale period effects, if given.
    func periodShifts() throws -> [Double]? {
        try periodEffects.map { try doubles($0, "--period-effects") { $0.isFinite } }
    }

    /// The assumptions shared by every mode; the size is `--per-cluster-period` (or 1 as a placeholder).
    func baseAssumptions() throws -> PowerAssumptions {
        let pbar = (p0 + p1) / 2
        let sigma2 = pbar * (1 - pbar)
        let iccValue = icc ?? tau.map { $0 * $0 / ($0 * $0 + sigma2) } ?? 0
        return PowerAssumptions(
            controlProportion: p0, interventionProportion: p1, icc: iccValue,
            correlation: decay.map { .exponentialDecay(r: $0) } ?? .nestedExchangeable(cac: cac),
            clusterPeriodSize: perClusterPeriod ?? 1, alpha: alpha, periodEffects: try periodShifts())
    }

    /// The `--cell-sizes` file: whole numbers ≥ 0, comma-separated, one line per design row. Blank lines and
    /// lines starting with `#` are skipped.
    func readCellSizes(_ path: String) throws -> [[Int]] {
        let text = try InputFile.text(path, limit: InputFile.textLimit)
        var rows: [[Int]] = []
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            var row: [Int] = []
            for (k, field) in trimmed.split(separator: ",", omittingEmptySubsequences: false).enumerated() {
                let value = field.trimmingCharacters(in: .whitespaces)
                guard let size = Int(value), size >= 0, size <= 1_000_000 else {
                    throw CLIError(
                        "\(path):\(n + 1): field \(k + 1) = \"\(value)\" is not a whole number from 0 to 1000000. "
                            + "Give one participant count per period, separated by commas.")
                }
                row.append(size)
            }
            rows.append(row)
        }
        return rows
    }

    /// The simulation settings, when `--simulate` was given.
    var simulationSettings: PowerSimulationSettings? {
        simulate.map {
            var settings = PowerSimulationSettings(
                trials: $0, seed: seed, method: agq.map { .adaptiveGaussHermite(points: $0) } ?? .laplace,
                scale: iccScale, threads: threads, intervalMethod: interval)
            settings.model = AnalysisModel(rawValue: model) ?? .husseyHughes
            settings.exposureEffect = (try? exposureShape()) ?? .immediate
            settings.exposureRange = tateRange.flatMap { try? AnalyzeModelOptions.exposureRange($0) }
            return settings
        }
    }
}
