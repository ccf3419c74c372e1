// SPDX-License-Identifier: Apache-2.0

package import WedgeCore

extension StudyRow {
    /// The randomized schedule, rebuilt from the stored protocol text, seed, algorithm and site assignments.
    ///
    /// Every protocol site must have exactly one stored assignment to a sequence of the design, and no other site
    /// may be stored.
    ///
    /// - Throws: ``StoreError/storedProtocolInvalid(issues:)``, ``StoreError/inconsistentDatabase(problem:)``.
    package static func schedule(_ study: StudyRow, sites: [SiteRow]) throws(StoreError) -> Schedule {
        let proto = try parse(study.protocolText)
        var stored: [String: Int] = [:]
        for site in sites { stored[site.id] = site.sequenceIndex }
        var assignments: [SiteAssignment] = []
        for site in proto.sites {
            guard let index = stored.removeValue(forKey: site.id) else {
                throw .inconsistentDatabase(problem: "site '\(site.id)' has no stored assignment")
            }
            guard proto.design.sequences.indices.contains(index) else {
                throw .inconsistentDatabase(
                    problem: "site '\(site.id)' is assigned to sequence \(index), which the design does not have")
            }
            assignments.append(SiteAssignment(siteID: site.id, sequenceIndex: index))
        }
        if let extra = stored.keys.sorted().first {
            throw .inconsistentDatabase(problem: "site '\(extra)' is stored but not in the protocol")
        }
        return Schedule(protocol: proto, seed: study.seed, algorithm: study.algorithm, assignments: assignments)
    }

    /// The stored protocol text, parsed.
    ///
    /// - Throws: ``StoreError/storedProtocolInvalid(issues:)`` when it no longer validates.
    package static func parse(_ text: String) throws(StoreError) -> StudyProtocol {
        do {
            return try ProtocolLoader.parse(text, file: "<database>")
        } catch {
            throw .storedProtocolInvalid(issues: error.issues.map(\.description))
        }
    }
}
