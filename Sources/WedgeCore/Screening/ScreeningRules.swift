// SPDX-License-Identifier: Apache-2.0

/// The validation rules for a screening, and its stamping: the condition and period in effect at the site on the
/// screening date, looked up from the schedule exactly as enrollment stamps a participant
/// (``ParticipantRules/stamp(siteID:on:dateField:what:issues:identify:)``).
///
/// Refused: an empty screening id or one holding a control character; an unknown site; a screening date outside the
/// study's enrollment window, or after `today`; a person not eligible without a reason, or with a reason that is
/// not one of the protocol's `screening_exclusion_reasons`; an eligible person with an exclusion reason, or without
/// a consent answer; a consent answer for a person who was not eligible; a participant link on a screening that is
/// not eligible and consented. Whether the linked participant exists, is of the same site and is not linked
/// elsewhere is checked by the store, which knows the participants.
public struct ScreeningRules: Sendable {
    /// The schedule that gives the condition in effect.
    public let schedule: Schedule
    /// The date after which no screening date may fall (the data-entry date).
    public let today: CivilDate

    /// Creates the rules for a schedule and an entry date.
    public init(schedule: Schedule, today: CivilDate) {
        self.schedule = schedule
        self.today = today
    }

    /// Checks every rule and stamps the condition and period.
    /// - Returns: The record (not deleted), or every violation found (with no file or line; the caller adds them).
    public func stamp(_ entry: ScreeningEntry) -> Result<ScreeningRecord, DataFileError> {
        var issues: [DataIssue] = []
        func identify(_ issue: inout DataIssue) {
            issue.participantID = entry.id.isEmpty ? nil : entry.id
            issue.subject = "screening"
        }
        func refuse(_ field: ScreeningField, _ problem: String, _ expected: String) {
            var issue = DataIssue(field: field.rawValue, problem: problem, expected: expected)
            identify(&issue)
            issues.append(issue)
        }
        let proto = schedule.protocol
        let reasons = proto.outcomes.screeningExclusionReasons
        if entry.id.isEmpty { refuse(.screeningID, "is empty", "Give the screening log number.") }
        if entry.id.containsControlCharacter {
            refuse(.screeningID, "contains a control character (a tab, line break or NUL)",
                   "Use printable characters only, such as letters, digits and hyphens.")
        }
        let cell = ParticipantRules(schedule: schedule, today: today).stamp(
            siteID: entry.siteID, on: entry.screeningDate, dateField: ScreeningField.screeningDate.rawValue,
            what: "Screenings", issues: &issues, identify: identify)
        if entry.screeningDate > today {
            refuse(.screeningDate, "is in the future", "Dates may not be later than \(today.iso).")
        }
        let reasonList = "Use one of: " + reasons.map(\.id).joined(separator: ", ") + "."
        if entry.isEligible {
            if entry.ineligibleReason != nil {
                refuse(.ineligibleReason, "is given although the person is eligible",
                       "Leave ineligible_reason empty when eligible is yes.")
            }
            if entry.consented == nil {
                refuse(.consented, "is empty although the person is eligible",
                       "Give consented as yes or no for every eligible person.")
            }
        } else {
            if let reason = entry.ineligibleReason {
                if !reasons.contains(where: { $0.id == reason }) {
                    refuse(.ineligibleReason, "is not a screening exclusion reason of the protocol", reasonList)
                }
            } else {
                refuse(.ineligibleReason, "is empty although the person is not eligible",
                       "Give the reason the person was not eligible. " + reasonList)
            }
            if entry.consented != nil {
                refuse(.consented, "is given although the person is not eligible",
                       "Leave consented empty when eligible is no: consent is asked of eligible people only.")
            }
        }
        if let participant = entry.participantID {
            if participant.isEmpty || participant.containsControlCharacter {
                refuse(.participantID, "is not a participant identifier", "Give the enrolled participant's id, or leave it empty.")
            } else if !entry.isEnrollable {
                refuse(.participantID, "links a screening that is not eligible and consented",
                       "Only an eligible person who consented can be enrolled; correct eligible or consented first.")
            }
        }
        guard issues.isEmpty, let cell else { return .failure(DataFileError(issues: issues)) }
        return .success(ScreeningRecord(entry: entry, conditionID: cell.conditionID, period: cell.period))
    }
}
