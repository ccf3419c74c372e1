// SPDX-License-Identifier: Apache-2.0

/// Something in a participant's record that is allowed and stored, but that a data manager should review.
public enum OutcomeFlag: String, Sendable, Equatable, CaseIterable {
    /// The procedure received differs from the one the schedule assigned (the analysis stays intention-to-treat).
    case deviation
    /// The first injection came after discharge, so it does not count as inpatient initiation.
    case firstInjectionAfterDischarge = "first-injection-after-discharge"
    /// The second injection falls outside the protocol's window after the first.
    case secondInjectionOutsideWindow = "second-injection-outside-window"
    /// The third injection falls outside the protocol's window after the second.
    case thirdInjectionOutsideWindow = "third-injection-outside-window"
    /// Admission fell in a transition window.
    case transitionAdmission = "transition-admission"
}
