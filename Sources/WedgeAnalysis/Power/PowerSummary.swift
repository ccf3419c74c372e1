// SPDX-License-Identifier: Apache-2.0

public import WedgeStats

/// One protocol's power calculation, ready to print as text or JSON: the design, the assumptions, the analytic
/// power, and optionally the simulated power and a solved cluster-period size.
public struct PowerSummary: Sendable {
    /// The smallest cluster-period size found for a target power.
    public struct SolvedSize: Sendable, Equatable {
        /// The target power.
        public var target: Double
        /// The smallest `m` reaching it, or `nil` when none up to the search limit does.
        public var clusterPeriodSize: Int?
        /// The analytic power at that `m`.
        public var power: Double?
        /// The analytic power at `m − 1` (below the target), when `m > 1`.
        public var powerBelow: Double?

        /// Creates a solved size.
        public init(target: Double, clusterPeriodSize: Int?, power: Double?, powerBelow: Double?) {
            self.target = target
            self.clusterPeriodSize = clusterPeriodSize
            self.power = power
            self.powerBelow = powerBelow
        }
    }

    /// The protocol file as given, for the output.
    public var protocolPath: String
    /// The design.
    public var design: DesignPower
    /// The assumptions (with the solved `m` when ``solved`` is set).
    public var assumptions: PowerAssumptions
    /// The analytic result at ``assumptions``.
    public var analytic: PowerResult
    /// The simulation settings, when a simulation ran.
    public var simulationSettings: PowerSimulationSettings?
    /// The simulation result, when a simulation ran.
    public var simulation: SimulatedPowerResult?
    /// The solved size, for `--solve-n`.
    public var solved: SolvedSize?

    /// Creates a summary.
    /// - Parameters:
    ///   - protocolPath: The protocol file, as the user gave it.
    ///   - design: The design.
    ///   - assumptions: The assumptions.
    ///   - analytic: The analytic result.
    ///   - simulationSettings: The simulation settings, if any.
    ///   - simulation: The simulation result, if any.
    ///   - solved: The solved size, if any.
    public init(
        protocolPath: String, design: DesignPower, assumptions: PowerAssumptions, analytic: PowerResult,
        simulationSettings: PowerSimulationSettings? = nil, simulation: SimulatedPowerResult? = nil,
        solved: SolvedSize? = nil
    ) {
        self.protocolPath = protocolPath
        self.design = design
        self.assumptions = assumptions
        self.analytic = analytic
        self.simulationSettings = simulationSettings
        self.simulation = simulation
        self.solved = solved
    }

    /// The simulation when its effect is the one the analytic power assumes (immediate), else `nil`.
    private var comparableSimulation: SimulatedPowerResult? {
        simulationSettings?.exposureEffect.isImmediate == false ? nil : simulation
    }

    /// Simulated minus analytic power, or `nil` without a simulation or when the simulated effect varies with
    /// exposure time (the analytic power assumes an immediate effect).
    public var simulatedMinusAnalytic: Double? { comparableSimulation.map { $0.power.estimate - analytic.power } }

    /// Whether the analytic power lies outside the simulated power's Monte Carlo interval (the difference is
    /// larger than Monte Carlo error), or `nil` as for ``simulatedMinusAnalytic``.
    public var analyticOutsideSimulationInterval: Bool? {
        comparableSimulation.map { analytic.power < $0.power.lower || analytic.power > $0.power.upper }
    }

    /// A short description of the correlation structure: `CAC 1`, `CAC 0.8` or `decay r 0.8`.
    var correlationText: String { PowerTables.correlationText(assumptions) }

    /// `14 per cluster-period`, or `cell sizes from --cell-sizes (m 5–20)` for explicit sizes.
    var sizeText: String { PowerTables.sizeText(assumptions) }

    /// A number with the shortest round-trip text (`0.05`, `1`), for echoing inputs.
    static func trimmed(_ x: Double) -> String {
        x.rounded() == x && abs(x) < 1e15 ? String(Int(x)) : "\(x)"
    }

    /// The name of a GLMM method: `Laplace` or `AGQ(10)`.
    static func methodName(_ method: GLMMMethod) -> String {
        switch method {
        case .laplace: return "Laplace"
        case .adaptiveGaussHermite(let k): return "AGQ(\(k))"
        }
    }
}
