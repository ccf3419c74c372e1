// SPDX-License-Identifier: Apache-2.0

/// The participant fields every study has, with their column names in data files.
///
/// Baseline covariates come from the protocol and sit between ``admissionDate`` and the outcome columns.
public enum ParticipantField: String, Sendable, CaseIterable {
    case participantID = "participant_id"
    case siteID = "site_id"
    case admissionDate = "admission_date"
    case inductionStartDate = "induction_start_date"
    case procedureReceived = "procedure_received"
    case firstInjectionDate = "first_injection_date"
    case notInitiatedReason = "not_initiated_reason"
    case dischargeDate = "discharge_date"
    case secondInjectionDate = "second_injection_date"
    case thirdInjectionDate = "third_injection_date"
    case lastContactDate = "last_contact_date"
    case dropoutDate = "dropout_date"

    /// The identifying columns, before the baseline covariates.
    public static let identity: [ParticipantField] = [.participantID, .siteID, .admissionDate]

    /// The outcome columns, after the baseline covariates.
    public static let outcomes: [ParticipantField] = Array(allCases.dropFirst(3))

    /// The outcome date fields and their key paths, in column order.
    public static var outcomeDates: [(ParticipantField, WritableKeyPath<InductionOutcome, CivilDate?>)] {
        [
        (.inductionStartDate, \.inductionStartDate), (.firstInjectionDate, \.firstInjectionDate),
        (.dischargeDate, \.dischargeDate), (.secondInjectionDate, \.secondInjectionDate),
        (.thirdInjectionDate, \.thirdInjectionDate), (.lastContactDate, \.lastContactDate),
        (.dropoutDate, \.dropoutDate),
        ]
    }
}
