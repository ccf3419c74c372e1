// SPDX-License-Identifier: Apache-2.0

@testable import WedgeStore

extension StudyStore {
    /// Every stored participant, ordered by id (soft-deleted ones when asked).
    func participants(includeDeleted: Bool = false) throws -> [StoredParticipant] {
        try read("read the participants") { db in try ParticipantTables.fetchAll(db, includeDeleted: includeDeleted) }
    }
}
