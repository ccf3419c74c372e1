// SPDX-License-Identifier: Apache-2.0

/// The outcome definitions of a protocol's `[outcomes]` table.
///
/// Stepped-wedge teams argue over these; the protocol settles them explicitly so that recording and analysis
/// agree. Windows are in days and inclusive at both ends.
public struct OutcomeDefinitions: Sendable, Equatable {
    /// A reason a participant may not initiate, such as `left-against-advice`.
    public struct Reason: Sendable, Equatable {
        /// A stable identifier, as written in data files.
        public var id: String
        /// A label for tables.
        public var label: String

        /// Creates a reason.
        public init(id: String, label: String) {
            self.id = id
            self.label = label
        }
    }

    /// The definition of initiation, in words (for example, "first XR-naltrexone injection during the inpatient stay").
    public var initiation: String
    /// Whether the first injection must fall on or before the discharge date to count as initiation.
    public var initiationRequiresInpatient: Bool
    /// Days after the first injection within which a second injection counts.
    public var secondInjectionWindow: ClosedRange<Int>
    /// Days after the second injection within which a third injection counts.
    public var thirdInjectionWindow: ClosedRange<Int>
    /// Days of retention follow-up after induction; retention is censored there.
    public var retentionFollowUpDays: Int
    /// The reasons a participant may not initiate.
    public var nonInitiationReasons: [Reason]
    /// The reasons a screened person may be found not eligible (`screening_exclusion_reasons`); a protocol that
    /// omits them gets ``defaultScreeningExclusionReasons``.
    public var screeningExclusionReasons: [Reason] = defaultScreeningExclusionReasons
    /// Days after admission after which a missing induction start becomes an open query (`wedge status`).
    public var inductionStartQueryDays: Int
    /// Days after admission after which a missing discharge, or a missing first injection and non-initiation
    /// reason, becomes an open query: the longest inpatient stay the protocol expects.
    public var inpatientStayQueryDays: Int

    /// The primary model of the initiation analysis, `hh`, `nested`, `eti`, `nested-eti`, `ncs` or `nested-ncs`
    /// (`primary_model`; see
    /// docs/models.md), or `nil` for the default, Hussey–Hughes. `wedge analyze --model` overrides it.
    public var primaryModel: String?
    /// The values `primary_model` may take.
    public static let primaryModels = ["hh", "nested", "eti", "nested-eti", "ncs", "nested-ncs"]

    /// ``screeningExclusionReasons`` when the protocol does not list them: the two halves of any protocol's
    /// eligibility criteria, and "other", so that a protocol file written before screening was recorded still loads.
    public static let defaultScreeningExclusionReasons = [
        Reason(id: "inclusion-criteria", label: "Did not meet the inclusion criteria"),
        Reason(id: "exclusion-criteria", label: "Met an exclusion criterion"),
        Reason(id: "other", label: "Other"),
    ]

    /// ``inductionStartQueryDays`` when the protocol does not set it.
    public static let defaultInductionStartQueryDays = 7
    /// ``inpatientStayQueryDays`` when the protocol does not set it.
    public static let defaultInpatientStayQueryDays = 30

    /// Creates outcome definitions.
    public init(
        initiation: String, initiationRequiresInpatient: Bool, secondInjectionWindow: ClosedRange<Int>,
        thirdInjectionWindow: ClosedRange<Int>, retentionFollowUpDays: Int, nonInitiationReasons: [Reason],
        inductionStartQueryDays: Int = defaultInductionStartQueryDays,
        inpatientStayQueryDays: Int = defaultInpatientStayQueryDays
    ) {
        self.inductionStartQueryDays = inductionStartQueryDays
        self.inpatientStayQueryDays = inpatientStayQueryDays
        self.initiation = initiation
        self.initiationRequiresInpatient = initiationRequiresInpatient
        self.secondInjectionWindow = secondInjectionWindow
        self.thirdInjectionWindow = thirdInjectionWindow
        self.retentionFollowUpDays = retentionFollowUpDays
        self.nonInitiationReasons = nonInitiationReasons
    }
}
