// SPDX-License-Identifier: Apache-2.0

import Foundation

/// Re-derives a schedule from its protocol and seed, and checks a sealed file, a commitment and a stored schedule
/// against it.
public enum ScheduleVerifier {
    /// What `verify` confirmed.
    public struct Report: Sendable, Equatable {
        /// The re-derived schedule.
        public var schedule: Schedule
        /// Its commitment.
        public var commitment: String
        /// Whether a commitment was given and matched.
        public var commitmentChecked: Bool
        /// Whether a stored schedule was given and matched.
        public var storedChecked: Bool
    }

    /// The seed recorded in a sealed schedule file.
    public static func seed(inSealed text: String, file: String) throws(ScheduleError) -> String {
        try sealedObject(text, file: file).seed
    }

    /// Verifies a sealed file (the pretty JSON `wedge schedule seal` wrote) against the protocol it names.
    /// - Parameters:
    ///   - sealedText: The sealed file's text.
    ///   - file: Its name, for messages.
    ///   - loaded: The protocol file.
    ///   - commitment: A published commitment to check, if any.
    ///   - stored: The schedule stored in a study database, if any.
    /// - Throws: ``ScheduleError`` naming the first site (or line) that differs.
    public static func verify(
        sealedText: String, file: String, protocol loaded: LoadedProtocol, commitment: String? = nil,
        stored: Schedule? = nil
    ) throws(ScheduleError) -> Report {
        let sealed = try sealedObject(sealedText, file: file)
        guard sealed.digest == loaded.digest else {
            throw .protocolMismatch(file: file, sealedDigest: sealed.digest, protocolDigest: loaded.digest)
        }
        let derived = Randomizer.randomize(loaded.protocol, seed: sealed.seed)
        for a in derived.assignments {
            let sealedIndex = sealed.sequenceBySite[a.siteID]
            guard sealedIndex == a.sequenceIndex + 1 else {
                throw .siteDiffers(file: file, siteID: a.siteID, sealed: sealedIndex.map(String.init) ?? "none",
                                   derived: String(a.sequenceIndex + 1))
            }
        }
        let expected = derived.jsonDocument(protocolDigest: loaded.digest).serialized(pretty: true)
        if expected != sealedText {
            let a = sealedText.split(separator: "\n", omittingEmptySubsequences: false)
            let b = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let line = ((0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)) + 1
            throw .documentAltered(file: file, line: line)
        }
        let derivedCommitment = derived.commitment(protocolDigest: loaded.digest)
        if let commitment, commitment.lowercased() != derivedCommitment {
            throw .commitmentMismatch(given: commitment, derived: derivedCommitment)
        }
        if let stored {
            for a in derived.assignments where stored.sequenceIndex(of: a.siteID) != a.sequenceIndex {
                throw .storedDiffers(siteID: a.siteID, stored: stored.sequenceIndex(of: a.siteID).map { String($0 + 1) } ?? "none",
                                     derived: String(a.sequenceIndex + 1))
            }
        }
        return Report(schedule: derived, commitment: derivedCommitment, commitmentChecked: commitment != nil,
                      storedChecked: stored != nil)
    }

    private struct Sealed {
        var seed: String
        var digest: String
        var sequenceBySite: [String: Int]
    }

    private static func sealedObject(_ text: String, file: String) throws(ScheduleError) -> Sealed {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
            throw .malformed(file: file, problem: "it is not a JSON object")
        }
        guard object["schema"] as? String == Schedule.jsonSchema else {
            throw .malformed(file: file, problem: "its schema is not \(Schedule.jsonSchema)")
        }
        guard let seed = object["seed"] as? String, let digest = object["protocol_sha256"] as? String,
              let sites = object["sites"] as? [[String: Any]] else {
            throw .malformed(file: file, problem: "it lacks seed, protocol_sha256 or sites")
        }
        var bySite: [String: Int] = [:]
        for site in sites {
            guard let id = site["id"] as? String, let index = site["sequence_index"] as? Int else {
                throw .malformed(file: file, problem: "a site lacks id or sequence_index")
            }
            bySite[id] = index
        }
        return Sealed(seed: seed, digest: digest, sequenceBySite: bySite)
    }
}
