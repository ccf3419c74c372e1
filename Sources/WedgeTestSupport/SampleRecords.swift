// SPDX-License-Identifier: Apache-2.0

public import WedgeCore

/// Hand-made CTN-0097 participant records for tests.
public enum SampleRecords {
    /// A complete, valid record: admitted, inducted, injected three times within the windows.
    public static func complete(_ id: String, site: String = "unit-a", admitted: String = "2021-04-01") -> ParticipantRecord {
        let admission = CivilDate(iso: admitted)!
        return ParticipantRecord(
            id: id, siteID: site, admissionDate: admission,
            baseline: ["age": "34", "sex": "female", "insured": "yes", "opioid_days_30": "28"],
            outcome: InductionOutcome(
                inductionStartDate: admission.adding(days: 1), firstInjectionDate: admission.adding(days: 6),
                dischargeDate: admission.adding(days: 8), secondInjectionDate: admission.adding(days: 34),
                thirdInjectionDate: admission.adding(days: 62), lastContactDate: admission.adding(days: 70)))
    }

    /// Records enrolled with the schedule's rules as of `today`, as `wedge import` enrolls them.
    public static func enroll(
        _ records: [ParticipantRecord], schedule: Schedule, today: CivilDate
    ) throws -> [(enrollment: Enrollment, flags: [OutcomeFlag])] {
        let rules = ParticipantRules(schedule: schedule, today: today)
        return try records.map { record in
            let enrollment = try rules.enroll(record).get()
            return (enrollment, rules.flags(enrollment))
        }
    }
}
