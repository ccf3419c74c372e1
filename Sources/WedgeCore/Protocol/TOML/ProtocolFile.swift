// SPDX-License-Identifier: Apache-2.0

internal import TOMLKit

/// The raw shape of a protocol file, decoded by TOMLKit with strict decoding.
///
/// Every field is optional here so that decoding never stops at the first missing key: strict decoding
/// reports misspelled keys first, and ``ProtocolValidator`` then reports every missing or invalid value
/// with its line. These types are not `Sendable` (TOMLKit's are not); they live only inside the loader.
struct ProtocolFile: Decodable {
    var study: StudyTable?
    var conditions: [ConditionTable]?
    var sites: [SiteTable]?
    var calendar: CalendarTable?
    var design: DesignTable?
    var transition: TransitionTable?
    var concealment: ConcealmentTable?
    var randomization: RandomizationTable?
    var baseline: [BaselineTable]?
    var outcomes: OutcomesTable?

    struct StudyTable: Decodable {
        var id: String?
        var title: String?
        var registry: String?
    }

    struct ConditionTable: Decodable {
        var id: String?
        var code: String?
        var label: String?
        var description: String?
        var control: Bool?
    }

    struct SiteTable: Decodable {
        var id: String?
        var name: String?
        var covariates: [String: TOMLNumber]?
    }

    struct CalendarTable: Decodable {
        var startDate: TOMLDateValue?
        var periodWeeks: TOMLNumber?
        var periods: TOMLNumber?

        enum CodingKeys: String, CodingKey {
            case startDate = "start_date", periodWeeks = "period_weeks", periods
        }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            startDate = try TOMLDateValue.decodeIfPresent(from: c, forKey: .startDate)
            periodWeeks = try c.decodeIfPresent(TOMLNumber.self, forKey: .periodWeeks)
            periods = try c.decodeIfPresent(TOMLNumber.self, forKey: .periods)
        }
    }

    struct DesignTable: Decodable {
        var type: String?
        var sequences: [String]?
        var multiplicities: [TOMLNumber]?
        var sitesPerStep: TOMLNumber?
        var leadingControlPeriods: TOMLNumber?
        var trailingPeriods: TOMLNumber?
        var intervention: String?

        enum CodingKeys: String, CodingKey {
            case type, sequences, multiplicities, intervention
            case sitesPerStep = "sites_per_step", leadingControlPeriods = "leading_control_periods"
            case trailingPeriods = "trailing_periods"
        }
    }

    struct TransitionTable: Decodable {
        var weeks: TOMLNumber?
        var includeInPrimary: Bool?

        enum CodingKeys: String, CodingKey {
            case weeks, includeInPrimary = "include_in_primary"
        }
    }

    struct ConcealmentTable: Decodable {
        var noticeWeeks: TOMLNumber?

        enum CodingKeys: String, CodingKey {
            case noticeWeeks = "notice_weeks"
        }
    }

    struct RandomizationTable: Decodable {
        var method: String?
        var balance: [String]?
        var admissibleFraction: TOMLNumber?

        enum CodingKeys: String, CodingKey {
            case method, balance, admissibleFraction = "admissible_fraction"
        }
    }

    struct BaselineTable: Decodable {
        var id: String?
        var label: String?
        var type: String?
        var levels: [String]?
        var min: TOMLNumber?
        var max: TOMLNumber?
        var required: Bool?
    }

    struct OutcomesTable: Decodable {
        var initiation: String?
        var initiationRequiresInpatient: Bool?
        var secondInjectionWindowDays: [TOMLNumber]?
        var thirdInjectionWindowDays: [TOMLNumber]?
        var retentionFollowUpDays: TOMLNumber?
        var inductionStartQueryDays: TOMLNumber?
        var inpatientStayQueryDays: TOMLNumber?
        var nonInitiationReasons: [ReasonTable]?
        var screeningExclusionReasons: [ReasonTable]?
        var primaryModel: String?

        enum CodingKeys: String, CodingKey {
            case initiation
            case initiationRequiresInpatient = "initiation_requires_inpatient"
            case secondInjectionWindowDays = "second_injection_window_days"
            case thirdInjectionWindowDays = "third_injection_window_days"
            case retentionFollowUpDays = "retention_follow_up_days"
            case inductionStartQueryDays = "induction_start_query_days"
            case inpatientStayQueryDays = "inpatient_stay_query_days"
            case nonInitiationReasons = "non_initiation_reasons"
            case screeningExclusionReasons = "screening_exclusion_reasons"
            case primaryModel = "primary_model"
        }
    }

    struct ReasonTable: Decodable {
        var id: String?
        var label: String?
    }

    /// Every key the format knows, by table path, for "did you mean" suggestions.
    static let knownKeys: [String: [String]] = [
        "": ["study", "conditions", "sites", "calendar", "design", "transition", "concealment", "randomization",
             "baseline", "outcomes"],
        "study": ["id", "title", "registry"],
        "conditions": ["id", "code", "label", "description", "control"],
        "sites": ["id", "name", "covariates"],
        "calendar": ["start_date", "period_weeks", "periods"],
        "design": ["type", "sequences", "multiplicities", "sites_per_step", "leading_control_periods",
                   "trailing_periods", "intervention"],
        "transition": ["weeks", "include_in_primary"],
        "concealment": ["notice_weeks"],
        "randomization": ["method", "balance", "admissible_fraction"],
        "baseline": ["id", "label", "type", "levels", "min", "max", "required"],
        "outcomes": ["initiation", "initiation_requires_inpatient", "second_injection_window_days",
                     "third_injection_window_days", "retention_follow_up_days", "induction_start_query_days",
                     "inpatient_stay_query_days", "non_initiation_reasons", "screening_exclusion_reasons",
                     "primary_model"],
        "outcomes.non_initiation_reasons": ["id", "label"],
        "outcomes.screening_exclusion_reasons": ["id", "label"],
    ]
}
