// SPDX-License-Identifier: Apache-2.0

/// The assumptions of a simulated trial. Every value is documented in `docs/simulation.md` and can be overridden
/// from a parameters file (``SimulationParameters/applying(_:file:)``) or the command line.
///
/// Probabilities by condition are for a typical site (site effect 0) in period 1. The defaults are calibrated
/// to CTN-0097's published results (Shulman et al. 2024): initiation 35.8% on the control and 62.7% on any
/// other condition; second injection 21.3% and 31.7% of all participants, that is 0.595 and 0.506 of initiators.
public struct SimulationParameters: Sendable, Equatable {
    /// Initiation probability by condition id.
    public var initiation: [String: Double]
    /// The SD of the site random intercept on the logit scale.
    public var siteSD: Double
    /// The secular trend: added to the logit of initiation per period after the first.
    public var periodEffect: Double
    /// Expected participants over the whole study, by site id (a Poisson process at a constant daily rate).
    public var enrollment: [String: Double]
    /// Probability of a second injection given a first, by condition id.
    public var secondInjection: [String: Double]
    /// Probability of a third injection given a second, by condition id.
    public var thirdInjection: [String: Double]
    /// Days from admission to the first injection, by condition id (uniform on the range).
    public var daysToFirstInjection: [String: ClosedRange<Int>]
    /// Days between consecutive monthly injections (uniform on the range).
    public var daysBetweenInjections: ClosedRange<Int>
    /// The daily hazard of dropping out after the last injection received (exponential).
    public var dropoutHazard: Double
    /// The probability that a participant receives a condition other than the assigned one.
    public var deviation: Double
    /// The model of each baseline covariate, by covariate id.
    public var covariates: [String: CovariateModel]

    /// Creates parameters.
    public init(
        initiation: [String: Double], siteSD: Double, periodEffect: Double, enrollment: [String: Double],
        secondInjection: [String: Double], thirdInjection: [String: Double],
        daysToFirstInjection: [String: ClosedRange<Int>], daysBetweenInjections: ClosedRange<Int>,
        dropoutHazard: Double, deviation: Double, covariates: [String: CovariateModel]
    ) {
        self.initiation = initiation
        self.siteSD = siteSD
        self.periodEffect = periodEffect
        self.enrollment = enrollment
        self.secondInjection = secondInjection
        self.thirdInjection = thirdInjection
        self.daysToFirstInjection = daysToFirstInjection
        self.daysBetweenInjections = daysBetweenInjections
        self.dropoutHazard = dropoutHazard
        self.deviation = deviation
        self.covariates = covariates
    }

    /// The default parameters for a protocol, by role: the control condition gets the standard procedure's
    /// values and every other condition the rapid procedure's. Enrollment comes from each site's
    /// `expected_enrollment` covariate (60 when absent). Covariates get neutral models: numbers centred in their
    /// bounds, yes/no at 0.5, equal level weights; all vary by site.
    public static func defaults(for protocol: StudyProtocol) -> SimulationParameters {
        func byRole<T>(control: T, other: T) -> [String: T] {
            Dictionary(uniqueKeysWithValues: `protocol`.conditions.map { ($0.id, $0.isControl ? control : other) })
        }
        var covariates: [String: CovariateModel] = [:]
        for covariate in `protocol`.baseline {
            switch covariate.kind {
            case .number(let lo, let hi):
                let low = lo ?? 0, high = hi ?? max(low + 1, 100)
                let whole = low.rounded() == low && high.rounded() == high
                covariates[covariate.id] = .number(mean: (low + high) / 2, sd: (high - low) / 6,
                                                   siteSD: (high - low) / 24, decimals: whole ? 0 : 1)
            case .boolean:
                covariates[covariate.id] = .proportion(p: 0.5, siteSD: 0.5)
            case .categorical(let levels):
                covariates[covariate.id] = .categorical(weights: levels.map { _ in 1 }, siteSD: 0.5)
            }
        }
        return SimulationParameters(
            initiation: byRole(control: 0.358, other: 0.627), siteSD: 0.5, periodEffect: 0,
            enrollment: Dictionary(uniqueKeysWithValues: `protocol`.sites.map { ($0.id, $0.expectedEnrollment ?? 60) }),
            secondInjection: byRole(control: 0.213 / 0.358, other: 0.317 / 0.627),
            thirdInjection: byRole(control: 0.7, other: 0.7),
            daysToFirstInjection: byRole(control: 12...14, other: 5...7), daysBetweenInjections: 26...32,
            dropoutHazard: 0.01, deviation: 0, covariates: covariates)
    }
}
