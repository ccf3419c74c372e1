// SPDX-License-Identifier: Apache-2.0

import GRDB
import WedgeCore

extension StudyStore {
    /// One participant, deleted or not, with its version; `nil` when there is none.
    public func participant(_ id: String) async throws(StoreError) -> VersionedParticipant? {
        try await asyncRead("read participant '\(id)'") { db in
            try ParticipantTables.fetchOne(db, id: id).map {
                VersionedParticipant($0, version: try ParticipantTables.version(db, id: id))
            }
        }
    }

    /// The participants that are not deleted, of one site (every site when `siteID` is `nil`), by id, with
    /// their versions.
    public func participants(siteID: String?) async throws(StoreError) -> [VersionedParticipant] {
        try await asyncRead("list participants") { db in
            let versions = try ParticipantTables.versions(db)
            return try ParticipantTables.fetchAll(db, includeDeleted: false)
                .filter { siteID == nil || $0.enrollment.record.siteID == siteID }
                .map { VersionedParticipant($0, version: versions[$0.id] ?? 0) }
        }
    }
}
