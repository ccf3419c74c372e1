// SPDX-License-Identifier: Apache-2.0

import WedgeCore

/// A participant as the tables hold it: the stamped enrollment, its review flags and whether it was deleted.
struct StoredParticipant: Sendable, Equatable {
    /// The record and its stamped condition.
    var enrollment: Enrollment
    /// The review flags, in ``WedgeCore/OutcomeFlag`` declaration order.
    var flags: [OutcomeFlag]
    /// Whether the participant was soft-deleted.
    var isDeleted: Bool

    /// The participant id.
    var id: String { enrollment.record.id }

    /// The canonical state (see ``ParticipantState``).
    var state: [String: String] {
        ParticipantState.fields(of: enrollment, flags: flags, isDeleted: isDeleted)
    }
}
