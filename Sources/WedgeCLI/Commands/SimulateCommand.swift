// SPDX-License-Identifier: Apache-2.0

internal import ArgumentParser
internal import Foundation
internal import WedgeCore

/// `wedge simulate --protocol FILE --seed N --out FILE`: writes a synthetic trial as participant CSV.
struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Generate a synthetic trial from a protocol, in the CSV format that `wedge import` reads.",
        discussion: """
            The schedule is randomized with the same seed, so `wedge init --seed` with that seed gives the same \
            assignments. The same protocol, parameters and seed give a byte-identical file. Parameters: defaults \
            (calibrated to CTN-0097's published rates), then --parameters FILE, then the options below. \
            --print-parameters shows the result as a parameters file. See docs/simulation.md.
            """)

    @Option(help: "The protocol .toml file.", completion: .file(extensions: ["toml"]))
    var `protocol`: String

    @Option(help: "The seed, for the schedule and the simulation.")
    var seed: String

    @Option(help: "Write the CSV here (default: standard output). An existing file is not overwritten without --force.")
    var out: String?

    @Flag(help: "Overwrite --out (and --screening-out) if it exists.")
    var force = false

    @Option(help: ArgumentHelp(
        "Also write a screening log for the simulated participants here (docs/import-format.md).",
        discussion: "Each participant is linked to an eligible, consented screening on the day of admission; people "
            + "not eligible and people declining consent are added around them, from the same seed.",
        valueName: "file"), completion: .file(extensions: ["csv"]))
    var screeningOut: String?

    @Option(help: "A simulation parameters file (TOML) laid over the defaults.", completion: .file(extensions: ["toml"]))
    var parameters: String?

    @Option(name: .customLong("initiation"), help: "Initiation probability for a condition, as ID=P (repeatable).")
    var initiation: [String] = []

    @Option(help: "SD of the site intercept on the logit scale.")
    var siteSD: Double?

    @Option(help: "Secular trend: added to the initiation logit per period.")
    var periodEffect: Double?

    @Option(help: "Daily hazard of dropout after the last injection.")
    var dropoutHazard: Double?

    @Option(help: "Multiply every site's expected enrollment by this factor.")
    var enrollmentScale: Double?

    @Flag(help: "Print the effective parameters as a parameters file, and do not simulate.")
    var printParameters = false

    func validate() throws {
        for pair in initiation {
            guard let (_, p) = Self.split(pair), (0...1).contains(p) else {
                throw ValidationError("--initiation '\(pair)' is not ID=P with P from 0 to 1, such as rapid=0.627.")
            }
        }
        if let siteSD, siteSD < 0 { throw ValidationError("--site-sd must be 0 or more, not \(siteSD).") }
        if let dropoutHazard, dropoutHazard < 0 {
            throw ValidationError("--dropout-hazard must be 0 or more, not \(dropoutHazard).")
        }
        if let enrollmentScale, !(enrollmentScale >= 0) {
            throw ValidationError("--enrollment-scale must be 0 or more, not \(enrollmentScale).")
        }
    }

    func run() throws {
        let loaded = try ProtocolLoader.load(path: `protocol`)
        let params = try effectiveParameters(loaded.protocol)
        if printParameters {
            print(params.tomlText(for: loaded.protocol), terminator: "")
            return
        }
        let records = TrialSimulator(protocol: loaded.protocol, seed: seed, parameters: params).run()
        let csv = ParticipantCSVFormat(protocol: loaded.protocol).document(records)
        if let out {
            try OutputFile.write(csv, to: out, force: force)
            FileHandle.standardError.write(Data("Wrote \(records.count) participants to \(out).\n".utf8))
        } else {
            print(csv, terminator: "")
        }
        if let screeningOut {
            let log = ScreeningLogSimulator(protocol: loaded.protocol, seed: seed).run(participants: records)
            try OutputFile.write(ScreeningLogSimulator.csv(log), to: screeningOut, force: force)
            FileHandle.standardError.write(Data("Wrote \(log.count) screenings to \(screeningOut).\n".utf8))
        }
    }

    func effectiveParameters(_ proto: StudyProtocol) throws -> SimulationParameters {
        var params = SimulationParameters.defaults(for: proto)
        if let parameters {
            let text = try InputFile.text(parameters, limit: InputFile.textLimit)
            params = try params.applying(text, file: parameters, protocol: proto)
        }
        for pair in initiation {
            let (id, p) = Self.split(pair)!
            guard proto.condition(id: id) != nil else {
                throw CLIError("--initiation names '\(id)', which is not a condition of \(proto.study.id). "
                               + "Use one of: " + proto.conditions.map(\.id).joined(separator: ", ") + ".")
            }
            params.initiation[id] = p
        }
        if let siteSD { params.siteSD = siteSD }
        if let periodEffect { params.periodEffect = periodEffect }
        if let dropoutHazard { params.dropoutHazard = dropoutHazard }
        if let enrollmentScale { params.enrollment = params.enrollment.mapValues { $0 * enrollmentScale } }
        return params
    }

    static func split(_ pair: String) -> (String, Double)? {
        let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2, let value = Double(parts[1]) else { return nil }
        return (parts[0], value)
    }
}
