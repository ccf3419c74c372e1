// SPDX-License-Identifier: Apache-2.0

/// The kinds of outcome event an event file may hold, one per row (`event` column), and the outcome fields each
/// fills.
///
/// | event | `date` fills | `value` fills |
/// | --- | --- | --- |
/// | `induction_start` | `induction_start_date` | `procedure_received` (optional) |
/// | `procedure` | — (leave empty) | `procedure_received` (required) |
/// | `first_injection` | `first_injection_date` | — |
/// | `not_initiated` | — (leave empty) | `not_initiated_reason` (required) |
/// | `discharge` | `discharge_date` | — |
/// | `second_injection` | `second_injection_date` | — |
/// | `third_injection` | `third_injection_date` | — |
/// | `last_contact` | `last_contact_date` | — |
/// | `dropout` | `dropout_date` | — |
public enum OutcomeEventKind: String, CaseIterable, Sendable {
    case inductionStart = "induction_start"
    case procedure
    case firstInjection = "first_injection"
    case notInitiated = "not_initiated"
    case discharge
    case secondInjection = "second_injection"
    case thirdInjection = "third_injection"
    case lastContact = "last_contact"
    case dropout

    /// The field the row's `date` fills, or `nil` when the event has no date.
    public var dateField: ParticipantField? {
        switch self {
        case .inductionStart: .inductionStartDate
        case .procedure, .notInitiated: nil
        case .firstInjection: .firstInjectionDate
        case .discharge: .dischargeDate
        case .secondInjection: .secondInjectionDate
        case .thirdInjection: .thirdInjectionDate
        case .lastContact: .lastContactDate
        case .dropout: .dropoutDate
        }
    }

    /// The field the row's `value` fills, or `nil` when the event takes no value.
    public var valueField: ParticipantField? {
        switch self {
        case .inductionStart, .procedure: .procedureReceived
        case .notInitiated: .notInitiatedReason
        default: nil
        }
    }

    /// Whether `value` must be given (it names the procedure or the reason).
    public var requiresValue: Bool { dateField == nil }
}
