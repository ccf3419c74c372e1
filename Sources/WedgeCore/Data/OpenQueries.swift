// SPDX-License-Identifier: Apache-2.0

/// Finds the open queries of a study as of a date: the work list of `wedge status`.
///
/// A missing outcome is queried only once its window has passed, so that a participant still in induction is
/// not nagged about:
///
/// | field | queried when empty and … |
/// | --- | --- |
/// | `induction_start_date` | `induction_start_query_days` (default 7) have passed since admission |
/// | `first_injection_date` / `not_initiated_reason` | both empty, and discharge is recorded or `inpatient_stay_query_days` (default 30) have passed since admission |
/// | `discharge_date` | `inpatient_stay_query_days` have passed since admission |
/// | `second_injection_date` | a first injection is recorded, no dropout, and the second-injection window after it has closed |
/// | `third_injection_date` | a second injection is recorded, no dropout, and the third-injection window after it has closed |
/// | `last_contact_date` | no dropout and no last contact, and retention follow-up has ended |
///
/// The delays come from the protocol's `[outcomes]` table (``OutcomeDefinitions/inductionStartQueryDays`` and
/// ``OutcomeDefinitions/inpatientStayQueryDays``), like the injection windows.
///
/// Flags become queries too: `deviation`, and `out-of-window` for injections outside their windows and a first
/// injection after discharge.
public enum OpenQueries {
    /// Every open query of `snapshot`'s participants as of `today`, by participant id, then in column order.
    public static func find(in snapshot: StudySnapshot, today: CivilDate) -> [OpenQuery] {
        let rules = ParticipantRules(schedule: snapshot.schedule, today: today)
        return snapshot.enrollments.flatMap { find(for: $0, flags: rules.flags($0), protocol: snapshot.protocol, today: today) }
    }

    /// The open queries of one enrollment.
    public static func find(
        for enrollment: Enrollment, flags: [OutcomeFlag], protocol proto: StudyProtocol, today: CivilDate
    ) -> [OpenQuery] {
        let record = enrollment.record
        let o = record.outcome
        let defs = proto.outcomes
        var queries: [OpenQuery] = []
        func query(_ kind: OpenQuery.Kind, _ field: ParticipantField, _ detail: String, since: CivilDate) {
            queries.append(OpenQuery(participantID: record.id, siteID: record.siteID, kind: kind, field: field.rawValue,
                                     detail: detail, since: since))
        }
        func passed(_ date: CivilDate, _ days: Int) -> Bool { date.adding(days: days) < today }
        let admission = record.admissionDate
        if o.inductionStartDate == nil, passed(admission, defs.inductionStartQueryDays) {
            query(.missingOutcome, .inductionStartDate, "is empty \(defs.inductionStartQueryDays) days after admission",
                  since: admission.adding(days: defs.inductionStartQueryDays + 1))
        }
        let stayEnd = admission.adding(days: defs.inpatientStayQueryDays + 1)
        if o.firstInjectionDate == nil, o.notInitiatedReason == nil,
            o.dischargeDate != nil || passed(admission, defs.inpatientStayQueryDays) {
            query(.missingOutcome, .firstInjectionDate, "and not_initiated_reason are both empty after the inpatient stay",
                  since: min(o.dischargeDate ?? stayEnd, stayEnd))
        }
        if o.dischargeDate == nil, passed(admission, defs.inpatientStayQueryDays) {
            query(.missingOutcome, .dischargeDate, "is empty \(defs.inpatientStayQueryDays) days after admission",
                  since: stayEnd)
        }
        if let first = o.firstInjectionDate, o.secondInjectionDate == nil, o.dropoutDate == nil,
            passed(first, defs.secondInjectionWindow.upperBound) {
            query(.missingOutcome, .secondInjectionDate, "is empty and its window has closed; record it, or a dropout",
                  since: first.adding(days: defs.secondInjectionWindow.upperBound + 1))
        }
        if let second = o.secondInjectionDate, o.thirdInjectionDate == nil, o.dropoutDate == nil,
            passed(second, defs.thirdInjectionWindow.upperBound) {
            query(.missingOutcome, .thirdInjectionDate, "is empty and its window has closed; record it, or a dropout",
                  since: second.adding(days: defs.thirdInjectionWindow.upperBound + 1))
        }
        if o.lastContactDate == nil, o.dropoutDate == nil,
            passed(o.inductionStartDate ?? admission, defs.retentionFollowUpDays) {
            query(.missingOutcome, .lastContactDate, "and dropout_date are both empty after retention follow-up ended",
                  since: (o.inductionStartDate ?? admission).adding(days: defs.retentionFollowUpDays + 1))
        }
        for flag in flags {
            switch flag {
            case .deviation:
                query(.deviation, .procedureReceived, "differs from the assigned condition (analysed as assigned)",
                      since: admission)
            case .firstInjectionAfterDischarge:
                query(.outOfWindow, .firstInjectionDate, "is after discharge_date: not an inpatient initiation",
                      since: admission)
            case .secondInjectionOutsideWindow:
                query(.outOfWindow, .secondInjectionDate, "is outside the window after the first injection",
                      since: admission)
            case .thirdInjectionOutsideWindow:
                query(.outOfWindow, .thirdInjectionDate, "is outside the window after the second injection",
                      since: admission)
            case .transitionAdmission:
                break
            }
        }
        return queries
    }
}
