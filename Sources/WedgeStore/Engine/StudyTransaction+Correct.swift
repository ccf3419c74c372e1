// SPDX-License-Identifier: Apache-2.0

package import WedgeCore

extension StudyTransaction {
    /// Corrects one field, re-validating the whole record, with a `correct` entry and a `restamp` entry per derived
    /// change. See ``StudyStore/correct(participantID:field:value:reason:actor:today:)``.
    package mutating func correct(participantID: String, field: String, value: String?, reason: String, today: CivilDate) throws {
        guard !reason.isBlank else { throw StoreError.reasonRequired(participantID: participantID) }
        guard field != ParticipantField.participantID.rawValue else { throw StoreError.fieldNotCorrectable(field: field) }
        let schedule = try schedule()
        let old = try changeableParticipant(participantID)
        let record = try StudyStore.record(old.enrollment.record, setting: field, to: value, protocol: schedule.protocol)
        let rules = ParticipantRules(schedule: schedule, today: today)
        let enrollment = try rules.enroll(record).get()
        let new = StoredParticipant(enrollment: enrollment, flags: rules.flags(enrollment), isDeleted: false)
        let before = old.state, after = new.state
        guard before[field] != after[field] else {
            throw StoreError.unchangedValue(participantID: participantID, field: field)
        }
        try replace(new)
        try append(AuditChange(action: .correct, table: StudyStore.table(of: field), recordID: participantID,
                               field: field, oldValue: before[field], newValue: after[field], reason: reason))
        try appendRestamps(participantID, before: before, after: after, except: [field], reason: reason)
    }

    /// Soft-deletes a participant, with a `delete` entry. See ``StudyStore/softDelete(participantID:reason:actor:)``.
    package mutating func softDelete(participantID: String, reason: String) throws {
        guard !reason.isBlank else { throw StoreError.reasonRequired(participantID: participantID) }
        _ = try changeableParticipant(participantID)
        try markDeleted(participantID)
        try append(AuditChange(action: .softDelete, table: "participant", recordID: participantID,
                               field: ParticipantState.deleted, newValue: "1", reason: reason))
    }
}
