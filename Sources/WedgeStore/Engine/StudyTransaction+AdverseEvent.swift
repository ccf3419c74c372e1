// SPDX-License-Identifier: Apache-2.0

package import WedgeCore

extension StudyTransaction {
    /// Checks and stores an adverse event with its `adverse-event` entry. See
    /// ``StudyStore/recordAdverseEvent(participantID:date:description:isSerious:actor:today:)``.
    package mutating func recordAdverseEvent(
        participantID: String, date: CivilDate, description: String, isSerious: Bool, today: CivilDate
    ) throws -> AdverseEvent {
        let text = description.trimmed
        let participant = try changeableParticipant(participantID)
        var issues: [DataIssue] = []
        func refuse(_ field: String, _ problem: String, _ expected: String) {
            issues.append(DataIssue(participantID: participantID, field: field, problem: problem, expected: expected))
        }
        if date < participant.enrollment.record.admissionDate {
            refuse("date", "is before admission_date", "Check both dates.")
        }
        if date > today { refuse("date", "is in the future", "Dates may not be later than \(today.iso).") }
        if text.isEmpty { refuse("description", "is empty", "Describe what happened.") }
        if text.count > StudyStore.adverseEventDescriptionLimit {
            refuse("description", "is longer than \(StudyStore.adverseEventDescriptionLimit) characters",
                   "Shorten it; keep the full narrative in the source document.")
        }
        guard issues.isEmpty else { throw DataFileError(issues: issues) }
        let row = try insertAdverseEvent(AdverseEventRow(id: nil, participantID: participantID, date: date.iso,
                                                         description: text, serious: isSerious))
        try append(AuditChange(action: .adverseEvent, table: "adverse_event", recordID: participantID,
                               field: "adverse_event", newValue: ParticipantState.json(row.state)))
        return row.event!
    }
}
