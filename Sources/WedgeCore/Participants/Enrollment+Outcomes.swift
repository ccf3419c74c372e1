// SPDX-License-Identifier: Apache-2.0

extension Enrollment {
    /// Whether the participant initiated, by the protocol's definition: a first injection, given on or before
    /// discharge when the protocol requires an inpatient injection (an unknown discharge date counts as inpatient).
    public func isInitiated(under outcomes: OutcomeDefinitions) -> Bool {
        guard let first = record.outcome.firstInjectionDate else { return false }
        guard outcomes.initiationRequiresInpatient, let discharge = record.outcome.dischargeDate else { return true }
        return first <= discharge
    }
}
