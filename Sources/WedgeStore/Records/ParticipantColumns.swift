// SPDX-License-Identifier: Apache-2.0

import WedgeCore

/// A participant's row of `participant` joined with its row of `induction`, as plain values: what each engine
/// reads, and what ``StoredParticipant/init(_:baseline:flags:)`` checks and decodes, so both engines decode alike.
package struct ParticipantColumns: Sendable {
    /// `participant.id`.
    package var id: String
    /// `participant.site_id`.
    package var siteID: String
    /// `participant.admission_date`, as stored.
    package var admissionDate: String?
    /// `participant.condition_id`.
    package var conditionID: String
    /// `participant.period`.
    package var period: Int
    /// `participant.is_transition`.
    package var isTransition: Bool
    /// `participant.is_in_primary`.
    package var isInPrimary: Bool
    /// `participant.is_deleted`.
    package var isDeleted: Bool
    /// Whether the participant has its `induction` row.
    package var hasInduction: Bool
    /// The outcome columns of `induction`, in ``ParticipantColumns/outcomeColumns`` order.
    package var outcomes: [String?]

    /// The outcome columns of `induction`, in the order of ``ParticipantState/outcomeValues(_:)``.
    package static let outcomeColumns = [
        "induction_start_date", "procedure_received", "first_injection_date", "not_initiated_reason", "discharge_date",
        "second_injection_date", "third_injection_date", "last_contact_date", "dropout_date",
    ]

    /// The columns of a row.
    package init(
        id: String, siteID: String, admissionDate: String?, conditionID: String, period: Int, isTransition: Bool,
        isInPrimary: Bool, isDeleted: Bool, hasInduction: Bool, outcomes: [String?]
    ) {
        self.id = id
        self.siteID = siteID
        self.admissionDate = admissionDate
        self.conditionID = conditionID
        self.period = period
        self.isTransition = isTransition
        self.isInPrimary = isInPrimary
        self.isDeleted = isDeleted
        self.hasInduction = hasInduction
        self.outcomes = outcomes
    }
}

extension StoredParticipant {
    /// Decodes a participant from its columns, baseline values and flag texts.
    ///
    /// - Throws: ``StoreError/inconsistentDatabase(problem:)`` naming the participant and what is wrong (no
    ///   induction row, a malformed date, an unknown flag), never a value.
    package init(_ columns: ParticipantColumns, baseline: [String: String], flags: [String]) throws(StoreError) {
        let id = columns.id
        func broken(_ what: String) -> StoreError {
            .inconsistentDatabase(problem: "participant '\(id)' has \(what)")
        }
        guard columns.hasInduction, columns.outcomes.count == ParticipantColumns.outcomeColumns.count else {
            throw broken("no induction row")
        }
        func date(_ text: String?, _ field: ParticipantField) throws(StoreError) -> CivilDate? {
            guard let text else { return nil }
            guard let date = CivilDate(stored: text) else { throw broken("a malformed \(field.rawValue)") }
            return date
        }
        guard let admission = try date(columns.admissionDate, .admissionDate) else { throw broken("no admission_date") }
        let o = columns.outcomes
        let outcome = InductionOutcome(
            inductionStartDate: try date(o[0], .inductionStartDate), procedureReceived: o[1],
            firstInjectionDate: try date(o[2], .firstInjectionDate), notInitiatedReason: o[3],
            dischargeDate: try date(o[4], .dischargeDate), secondInjectionDate: try date(o[5], .secondInjectionDate),
            thirdInjectionDate: try date(o[6], .thirdInjectionDate), lastContactDate: try date(o[7], .lastContactDate),
            dropoutDate: try date(o[8], .dropoutDate))
        let record = ParticipantRecord(id: id, siteID: columns.siteID, admissionDate: admission, baseline: baseline,
                                       outcome: outcome)
        let enrollment = Enrollment(record: record, conditionID: columns.conditionID, period: columns.period,
                                    isTransition: columns.isTransition, isInPrimaryAnalysis: columns.isInPrimary)
        var decoded: [OutcomeFlag] = []
        for text in flags {
            guard let flag = OutcomeFlag(rawValue: text) else { throw broken("an unknown flag") }
            decoded.append(flag)
        }
        self.init(enrollment: enrollment, flags: OutcomeFlag.allCases.filter(decoded.contains), isDeleted: columns.isDeleted)
    }
}
