// SPDX-License-Identifier: Apache-2.0

/// What happened to a participant during induction and follow-up. Every field may be unknown (`nil`).
public struct InductionOutcome: Sendable, Equatable, Hashable {
    /// The day induction started.
    public var inductionStartDate: CivilDate?
    /// The condition id of the procedure actually received; it may differ from the assigned one (a deviation).
    public var procedureReceived: String?
    /// The day of the first XR-naltrexone injection.
    public var firstInjectionDate: CivilDate?
    /// Why there was no first injection: a reason id from the protocol.
    public var notInitiatedReason: String?
    /// The day of discharge from the inpatient unit.
    public var dischargeDate: CivilDate?
    /// The day of the second injection.
    public var secondInjectionDate: CivilDate?
    /// The day of the third injection.
    public var thirdInjectionDate: CivilDate?
    /// The last day the participant was in contact with the programme.
    public var lastContactDate: CivilDate?
    /// The day the participant dropped out of treatment.
    public var dropoutDate: CivilDate?

    /// Creates an outcome; every field defaults to unknown.
    public init(
        inductionStartDate: CivilDate? = nil, procedureReceived: String? = nil, firstInjectionDate: CivilDate? = nil,
        notInitiatedReason: String? = nil, dischargeDate: CivilDate? = nil, secondInjectionDate: CivilDate? = nil,
        thirdInjectionDate: CivilDate? = nil, lastContactDate: CivilDate? = nil, dropoutDate: CivilDate? = nil
    ) {
        self.inductionStartDate = inductionStartDate
        self.procedureReceived = procedureReceived
        self.firstInjectionDate = firstInjectionDate
        self.notInitiatedReason = notInitiatedReason
        self.dischargeDate = dischargeDate
        self.secondInjectionDate = secondInjectionDate
        self.thirdInjectionDate = thirdInjectionDate
        self.lastContactDate = lastContactDate
        self.dropoutDate = dropoutDate
    }

    /// Whether the participant received a first injection.
    public var isInitiated: Bool { firstInjectionDate != nil }
}
