// SPDX-License-Identifier: Apache-2.0

package import WedgeCore

/// Everything a study database holds, row for row, in an engine-neutral form: what `wedge-server copy` moves
/// between engines.
///
/// Two dumps are equal exactly when the two databases hold the same study: the same protocol text, schedule,
/// participants (deleted ones included), adverse events with their ids, screenings, and audit log with its hashes. Restoring a
/// dump writes these rows as they are; nothing is re-derived, so the audit chain still verifies afterwards.
package struct StudyDump: Sendable, Equatable {
    /// The study row.
    package var study: StudyRow
    /// The sites, by position.
    package var sites: [SiteRow]
    /// Every participant, soft-deleted ones included, by id.
    package var participants: [StoredParticipant]
    /// Every adverse event, by id.
    package var adverseEvents: [AdverseEventRow]
    /// The whole audit log, by id.
    package var auditLog: [AuditEntry]
    /// Every screening, soft-deleted ones included, by id.
    package var screenings: [ScreeningRecord]

    /// A dump.
    package init(
        study: StudyRow, sites: [SiteRow], participants: [StoredParticipant], adverseEvents: [AdverseEventRow],
        auditLog: [AuditEntry], screenings: [ScreeningRecord] = []
    ) {
        self.study = study
        self.sites = sites
        self.participants = participants
        self.adverseEvents = adverseEvents
        self.auditLog = auditLog
        self.screenings = screenings
    }
}
