// SPDX-License-Identifier: Apache-2.0

internal import ArgumentParser
internal import Foundation
internal import WedgeAnalysis
internal import WedgeCore
internal import WedgeStats

extension PowerCommand {
    /// One protocol: analytic power, optionally a solved size and a simulation.
    func runSingle(_ base: PowerAssumptions) throws {
        let path = `protocol`!
        let design = try loadDesign(path, periodEffects: base.periodEffects)
        var assumptions = base
        if let cellSizes {
            let cells = try readCellSizes(cellSizes)
            if let problem = design.checkCellSizes(cells) {
                throw CLIError("\(cellSizes) \(problem). Design rows: \(design.rowCodes.joined(separator: ", ")).")
            }
            assumptions.cellSizes = cells
        }
        var solved: PowerSummary.SolvedSize?
        if solveN {
            guard let m = design.solveClusterPeriodSize(target: targetPower, assumptions: base) else {
                throw CLIError(
                    "No cluster-period size up to 100000 reaches power \(targetPower) for \(design.studyID): with "
                        + "a cluster × period effect (--cac below 1 or --decay), or in a parallel design, power levels "
                        + "off below 1 as sites grow larger. Add sites or periods, or lower --target-power.")
            }
            assumptions.clusterPeriodSize = m
            var below = base
            below.clusterPeriodSize = m - 1
            solved = PowerSummary.SolvedSize(
                target: targetPower, clusterPeriodSize: m, power: design.analyticPower(assumptions).power,
                powerBelow: m > 1 ? design.analyticPower(below).power : nil)
        }
        let summary = try summarise(path, design, assumptions, solved: solved)
        switch format {
        case .text: print(summary.text, terminator: "")
        case .json: print(summary.jsonDocument.serialized(pretty: true), terminator: "")
        case .csv, .md, .latex:
            print(TableRenderer.render(PowerTables.comparison([summary]), as: format.tableFormat), terminator: "")
        }
    }

    /// Several protocols side by side.
    func runComparison(_ base: PowerAssumptions) throws {
        let summaries = try compare.map { path in
            try summarise(path, try loadDesign(path, periodEffects: base.periodEffects), base, solved: nil)
        }
        switch format {
        case .text:
            let table = PowerTables.comparison(summaries)
            print(TableRenderer.render(table, as: .text), terminator: "")
            for s in summaries where s.analyticOutsideSimulationInterval == true {
                let d = s.simulatedMinusAnalytic!
                print("\(s.design.studyID): simulated − analytic power = \(d > 0 ? "+" : "")"
                    + NumberFormat.fixed(d, 3) + ": the analytic power lies outside the Monte Carlo interval.")
            }
        case .json: print(PowerTables.comparisonJSON(summaries).serialized(pretty: true), terminator: "")
        case .csv, .md, .latex:
            print(TableRenderer.render(PowerTables.comparison(summaries), as: format.tableFormat), terminator: "")
        }
    }

    /// The ICC × size grid, and the SVG curve.
    func runGrid(_ base: PowerAssumptions) throws {
        let path = `protocol`!
        let design = try loadDesign(path, periodEffects: base.periodEffects)
        let iccs = try icc.map { [$0] } ?? tau.map { _ in [base.icc] } ?? doubles(iccValues, "--icc-values") { _ in true }
        let points = design.grid(iccs: iccs, sizes: try sizes(nValues), assumptions: base)
        switch format {
        case .text, .csv, .md, .latex:
            let table = PowerTables.grid(design: design, points: points, assumptions: base)
            print(TableRenderer.render(table, as: format.tableFormat), terminator: "")
        case .json:
            print(PowerTables.gridJSON(design: design, points: points, assumptions: base).serialized(pretty: true),
                  terminator: "")
        }
        if let svg {
            try OutputFile.write(PowerCurve.svg(design: design, points: points, target: targetPower), to: svg,
                                 force: force)
            FileHandle.standardError.write(Data("Wrote the power curve to \(svg).\n".utf8))
        }
    }

    /// The protocol's design, with the period effects checked against its number of periods.
    func loadDesign(_ path: String, periodEffects: [Double]?) throws -> DesignPower {
        let loaded = try ProtocolLoader.load(path: path)
        let design = try DesignPower(protocol: loaded.protocol)
        if let periodEffects, periodEffects.count != design.periodCount {
            throw CLIError(
                "--period-effects gives \(periodEffects.count) values, but \(path) has \(design.periodCount) "
                    + "periods. Give one logit-scale shift per period.")
        }
        return design
    }

    /// Analytic power, and the simulation when asked, for one design.
    func summarise(_ path: String, _ design: DesignPower, _ assumptions: PowerAssumptions,
                   solved: PowerSummary.SolvedSize?) throws -> PowerSummary {
        let analytic = design.analyticPower(assumptions)
        var simulation: SimulatedPowerResult?
        let settings = simulationSettings
        if let settings {
            if let problem = SimulatedPower.problem(design, assumptions: assumptions, settings: settings) {
                throw CLIError("\(path): \(problem)")
            }
            let bar = ProgressBar(total: settings.trials, label: "Simulating \(design.studyID)")
            let start = Date()
            simulation = SimulatedPower.run(design, assumptions: assumptions, settings: settings) { bar.update($0) }
            bar.finish()
            if bar.isVisible {
                let seconds = NumberFormat.fixed(Date().timeIntervalSince(start), 2)
                FileHandle.standardError.write(Data("Simulated \(settings.trials) trials in \(seconds) s.\n".utf8))
            }
        }
        return PowerSummary(
            protocolPath: path, design: design, assumptions: assumptions, analytic: analytic,
            simulationSettings: settings, simulation: simulation, solved: solved)
    }
}
