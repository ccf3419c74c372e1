// SPDX-License-Identifier: Apache-2.0

/// The validation rules for a participant record, and enrollment: stamping the condition from the schedule.
///
/// Refused (errors): a participant id holding a control character (a tab, line break or NUL); an unknown site; an admission outside the study window; dates out of order
/// (admission ≤ induction start ≤ first injection < second < third; discharge, last contact and dropout on or
/// after admission; last contact on or after every injection); a date after `today`; a second injection without
/// a first, a third without a second; both a first injection and a non-initiation reason; an unknown reason or
/// procedure. Stored but flagged (``OutcomeFlag``): deviations, injections outside windows, a first injection
/// after discharge, transition admissions.
public struct ParticipantRules: Sendable {
    /// The schedule that assigns conditions.
    public let schedule: Schedule
    /// The date after which no recorded date may fall (the data-entry date).
    public let today: CivilDate

    /// Creates the rules for a schedule and an entry date.
    public init(schedule: Schedule, today: CivilDate) {
        self.schedule = schedule
        self.today = today
    }

    /// Enrolls `record`: checks every rule and stamps the assigned condition and period.
    /// - Returns: The enrollment, or every violation found (with no file or line; the caller adds them).
    public func enroll(_ record: ParticipantRecord) -> Result<Enrollment, DataFileError> {
        var issues: [DataIssue] = []
        func refuse(_ field: ParticipantField, _ problem: String, _ expected: String) {
            issues.append(DataIssue(participantID: record.id, field: field.rawValue, problem: problem, expected: expected))
        }
        let proto = schedule.protocol
        if record.id.containsControlCharacter {
            refuse(.participantID, "contains a control character (a tab, line break or NUL)",
                   "Use printable characters only, such as letters, digits and hyphens.")
        }
        let cell = stamp(siteID: record.siteID, on: record.admissionDate, dateField: ParticipantField.admissionDate.rawValue,
                         what: "Admissions", issues: &issues) { $0.participantID = record.id }
        let o = record.outcome
        let dated = [(ParticipantField.admissionDate, record.admissionDate)]
            + ParticipantField.outcomeDates.map { ($0.0, o[keyPath: $0.1]) }
        for case let (field, date?) in dated where date > today {
            refuse(field, "is in the future", "Dates may not be later than \(today.iso).")
        }
        let admission = record.admissionDate
        func notBefore(_ field: ParticipantField, _ date: CivilDate?, _ other: ParticipantField, _ bound: CivilDate?) {
            if let date, let bound, date < bound { refuse(field, "is before \(other.rawValue)", "Check both dates.") }
        }
        notBefore(.inductionStartDate, o.inductionStartDate, .admissionDate, admission)
        notBefore(.firstInjectionDate, o.firstInjectionDate, .admissionDate, admission)
        notBefore(.firstInjectionDate, o.firstInjectionDate, .inductionStartDate, o.inductionStartDate)
        notBefore(.dischargeDate, o.dischargeDate, .admissionDate, admission)
        notBefore(.lastContactDate, o.lastContactDate, .admissionDate, admission)
        notBefore(.dropoutDate, o.dropoutDate, .admissionDate, admission)
        for (field, date) in [(ParticipantField.firstInjectionDate, o.firstInjectionDate),
                              (.secondInjectionDate, o.secondInjectionDate), (.thirdInjectionDate, o.thirdInjectionDate)] {
            notBefore(.lastContactDate, o.lastContactDate, field, date)
        }
        if let second = o.secondInjectionDate {
            if let first = o.firstInjectionDate {
                if second <= first { refuse(.secondInjectionDate, "is not after first_injection_date", "Check both dates.") }
            } else {
                refuse(.secondInjectionDate, "is given without a first injection", "Record the first injection first.")
            }
        }
        if let third = o.thirdInjectionDate {
            if let second = o.secondInjectionDate {
                if third <= second { refuse(.thirdInjectionDate, "is not after second_injection_date", "Check both dates.") }
            } else {
                refuse(.thirdInjectionDate, "is given without a second injection", "Record the second injection first.")
            }
        }
        if let reason = o.notInitiatedReason {
            if o.firstInjectionDate != nil {
                refuse(.notInitiatedReason, "is given although a first injection is recorded",
                       "Give either first_injection_date or not_initiated_reason, not both.")
            }
            if !proto.outcomes.nonInitiationReasons.contains(where: { $0.id == reason }) {
                refuse(.notInitiatedReason, "is not a reason in the protocol", "Use one of: "
                       + proto.outcomes.nonInitiationReasons.map(\.id).joined(separator: ", ") + ".")
            }
        }
        if let procedure = o.procedureReceived, proto.condition(id: procedure) == nil {
            refuse(.procedureReceived, "is not a condition of the protocol",
                   "Use one of: " + proto.conditions.map(\.id).joined(separator: ", ") + ".")
        }
        guard issues.isEmpty, let cell else { return .failure(DataFileError(issues: issues)) }
        let primary = !cell.isTransition || proto.transition.includeInPrimary
        return .success(Enrollment(record: record, conditionID: cell.conditionID, period: cell.period,
                                   isTransition: cell.isTransition, isInPrimaryAnalysis: primary))
    }

    /// The schedule's cell for a site on a date: the stamping that enrollment and screening share. An unknown site
    /// or a date outside the study window adds an issue (made by `identify`, which names the record) and gives `nil`.
    ///
    /// - Parameters:
    ///   - siteID: The site.
    ///   - date: The admission or screening date.
    ///   - dateField: The date's field name, for the issue.
    ///   - what: What the dates are, for the advice ("Admissions", "Screenings").
    ///   - issues: Where the problems go.
    ///   - identify: Sets the record's identity on an issue.
    public func stamp(
        siteID: String, on date: CivilDate, dateField: String, what: String, issues: inout [DataIssue],
        identify: (inout DataIssue) -> Void
    ) -> ScheduledCell? {
        let proto = schedule.protocol
        guard proto.site(id: siteID) != nil else {
            var issue = DataIssue(field: "site_id", problem: "names unknown site '\(siteID)'",
                                  expected: "Use one of: " + proto.sites.map(\.id).joined(separator: ", ") + ".")
            identify(&issue)
            issues.append(issue)
            return nil
        }
        guard let cell = schedule.cell(siteID: siteID, on: date) else {
            var issue = DataIssue(field: dateField, problem: "is outside the study window",
                                  expected: "\(what) must fall from \(proto.calendar.startDate.iso) to \(proto.calendar.endDate.iso).")
            identify(&issue)
            issues.append(issue)
            return nil
        }
        return cell
    }

    /// The review flags of an enrollment.
    public func flags(_ enrollment: Enrollment) -> [OutcomeFlag] {
        let o = enrollment.record.outcome
        let defs = schedule.protocol.outcomes
        var flags: [OutcomeFlag] = []
        if enrollment.isDeviation { flags.append(.deviation) }
        if let first = o.firstInjectionDate, let discharge = o.dischargeDate, first > discharge {
            flags.append(.firstInjectionAfterDischarge)
        }
        if let first = o.firstInjectionDate, let second = o.secondInjectionDate,
            !defs.secondInjectionWindow.contains(first.days(to: second)) {
            flags.append(.secondInjectionOutsideWindow)
        }
        if let second = o.secondInjectionDate, let third = o.thirdInjectionDate,
            !defs.thirdInjectionWindow.contains(second.days(to: third)) {
            flags.append(.thirdInjectionOutsideWindow)
        }
        if enrollment.isTransition { flags.append(.transitionAdmission) }
        return flags
    }
}
