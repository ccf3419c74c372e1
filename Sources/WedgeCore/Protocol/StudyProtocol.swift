// SPDX-License-Identifier: Apache-2.0

/// A validated study protocol: everything Wedge needs to randomize, schedule, record and analyse a trial.
///
/// Read one from a TOML file with ``ProtocolLoader``; the file format is described in
/// `docs/protocol-format.md`. Every value here has passed validation, so code that holds a
/// `StudyProtocol` can rely on its invariants: condition ids and codes are unique, exactly one condition is the
/// control, site ids are unique, and the design has one sequence slot per site.
public struct StudyProtocol: Sendable, Equatable {
    /// The study's identity.
    public var study: StudyInfo
    /// The conditions, in the order the file lists them.
    public var conditions: [Condition]
    /// The sites, in the order the file lists them.
    public var sites: [Site]
    /// Start date, period length and number of periods.
    public var calendar: StudyCalendar
    /// The site × period design (sequences and their multiplicities).
    public var design: Design
    /// Weeks after a crossover while staff learn the new procedure.
    public var transition: TransitionRule
    /// How many weeks before its crossover a site is told.
    public var noticeWeeks: Int
    /// How sites are assigned to sequences.
    public var randomization: RandomizationSettings
    /// The baseline covariates recorded at enrollment.
    public var baseline: [BaselineCovariate]
    /// The outcome definitions.
    public var outcomes: OutcomeDefinitions

    /// Creates a protocol from already validated parts. Use ``ProtocolLoader`` to read one from a file.
    public init(
        study: StudyInfo, conditions: [Condition], sites: [Site], calendar: StudyCalendar, design: Design,
        transition: TransitionRule, noticeWeeks: Int, randomization: RandomizationSettings,
        baseline: [BaselineCovariate], outcomes: OutcomeDefinitions
    ) {
        self.study = study
        self.conditions = conditions
        self.sites = sites
        self.calendar = calendar
        self.design = design
        self.transition = transition
        self.noticeWeeks = noticeWeeks
        self.randomization = randomization
        self.baseline = baseline
        self.outcomes = outcomes
    }

    /// The control condition.
    public var control: Condition { conditions.first(where: \.isControl)! }

    /// The condition with the given id, if any.
    public func condition(id: String) -> Condition? { conditions.first { $0.id == id } }

    /// The site with the given id, if any.
    public func site(id: String) -> Site? { sites.first { $0.id == id } }
}
