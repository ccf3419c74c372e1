// SPDX-License-Identifier: Apache-2.0

package import WedgeCore

extension StudyDump {
    /// The rows of a new study: the study row, one row per site with its sequence, and the study-creation audit
    /// entry; no participants. Both engines create a study by writing these rows.
    ///
    /// - Throws: ``StoreError/invalidStudy(problem:)`` when the schedule does not belong to the protocol, the
    ///   protocol text does not describe the protocol, or a baseline covariate takes a reserved name.
    package static func newStudy(
        _ loaded: LoadedProtocol, _ schedule: Schedule, createdAt: String
    ) throws(StoreError) -> StudyDump {
        try check(loaded, schedule)
        let proto = loaded.protocol
        let study = StudyRow(id: proto.study.id, title: proto.study.title, protocolText: loaded.text,
                             protocolDigest: loaded.digest, seed: schedule.seed, algorithm: schedule.algorithm,
                             wedgeVersion: WedgeVersion.current, createdAt: createdAt)
        let sites = proto.sites.enumerated().map { position, site in
            SiteRow(id: site.id, position: position, name: site.name, sequenceIndex: schedule.sequenceIndex(of: site.id)!)
        }
        var head = AuditChainHead(lastID: nil, lastHash: nil, at: createdAt, actor: "wedge")
        let summary = ParticipantState.json([
            "protocol_digest": loaded.digest, "seed": schedule.seed, "algorithm": schedule.algorithm,
            "wedge_version": WedgeVersion.current, "assignments": SiteRow.assignmentText(sites),
        ])
        let creation = head.next(AuditChange(action: .createStudy, table: "study", recordID: proto.study.id,
                                             newValue: summary))
        return StudyDump(study: study, sites: sites, participants: [], adverseEvents: [], auditLog: [creation])
    }

    private static func check(_ loaded: LoadedProtocol, _ schedule: Schedule) throws(StoreError) {
        let proto = loaded.protocol
        guard schedule.protocol == proto else {
            throw .invalidStudy(problem: "the schedule was drawn for a different protocol")
        }
        let reparsed: StudyProtocol
        do {
            reparsed = try ProtocolLoader.parse(loaded.text, file: "<protocol text>")
        } catch {
            throw .invalidStudy(problem: "the protocol text does not parse on its own (\(error.issues.count) problem(s))")
        }
        guard reparsed == proto else {
            throw .invalidStudy(problem: "the protocol text does not describe the given protocol")
        }
        let sites = proto.sites.map(\.id)
        guard schedule.assignments.map(\.siteID).sorted() == sites.sorted() else {
            throw .invalidStudy(problem: "the schedule does not assign every protocol site exactly once")
        }
        if let bad = schedule.assignments.first(where: { !proto.design.sequences.indices.contains($0.sequenceIndex) }) {
            throw .invalidStudy(problem: "site '\(bad.siteID)' is assigned to sequence \(bad.sequenceIndex), "
                                + "which the design does not have")
        }
        let reserved = Set(ParticipantState.derivedKeys + ParticipantField.allCases.map(\.rawValue))
        if let clash = proto.baseline.first(where: { reserved.contains($0.id) }) {
            throw .invalidStudy(problem: "baseline covariate id '\(clash.id)' is a reserved participant field name; "
                                + "rename it in the protocol")
        }
    }

}
