// SPDX-License-Identifier: Apache-2.0

package import WedgeCore

/// A participant as the tables hold it: the stamped enrollment, its review flags and whether it was deleted.
package struct StoredParticipant: Sendable, Equatable {
    /// The record and its stamped condition.
    package var enrollment: Enrollment
    /// The review flags, in ``WedgeCore/OutcomeFlag`` declaration order.
    package var flags: [OutcomeFlag]
    /// Whether the participant was soft-deleted.
    package var isDeleted: Bool

    /// A stored participant.
    package init(enrollment: Enrollment, flags: [OutcomeFlag], isDeleted: Bool) {
        self.enrollment = enrollment
        self.flags = flags
        self.isDeleted = isDeleted
    }

    /// The participant id.
    package var id: String { enrollment.record.id }

    /// The canonical state (see ``ParticipantState``).
    package var state: [String: String] {
        ParticipantState.fields(of: enrollment, flags: flags, isDeleted: isDeleted)
    }
}
