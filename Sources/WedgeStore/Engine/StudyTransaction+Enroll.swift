// SPDX-License-Identifier: Apache-2.0

package import WedgeCore

extension StudyTransaction {
    /// Enrolls one participant: refuses an id already stored, stamps the condition from the schedule, stores the
    /// participant and appends its `insert` audit entry. See ``StudyStore/enroll(_:actor:today:)``.
    package mutating func enroll(_ record: ParticipantRecord, today: CivilDate) throws -> (enrollment: Enrollment, flags: [OutcomeFlag]) {
        if try contains(record.id) {
            throw DataFileError(issues: [DataIssue(
                participantID: record.id, field: ParticipantField.participantID.rawValue,
                problem: StudyWrite.alreadyStored,
                expected: "Participant ids are never reused; to change a stored participant, correct it with a reason.")])
        }
        let rules = ParticipantRules(schedule: try schedule(), today: today)
        let enrollment = try rules.enroll(record).get()
        let participant = StoredParticipant(enrollment: enrollment, flags: rules.flags(enrollment), isDeleted: false)
        try insert(participant)
        try append(AuditChange(action: .insert, table: "participant", recordID: participant.id,
                               newValue: ParticipantState.json(participant.state)))
        return (enrollment, participant.flags)
    }

    /// The participant to change: stored and not deleted.
    package func changeableParticipant(_ id: String) throws -> StoredParticipant {
        guard let participant = try participant(id) else { throw StoreError.participantNotFound(id: id) }
        guard !participant.isDeleted else { throw StoreError.participantDeleted(id: id) }
        return participant
    }
}
