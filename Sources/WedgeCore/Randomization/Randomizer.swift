// SPDX-License-Identifier: Apache-2.0

internal import WedgeStats

/// Assigns sites to design sequences, reproducibly from a seed.
///
/// **Simple** (`wedge-hmac-sha256-fisher-yates/1`):
/// 1. List the sites in protocol order and the design's sequence slots in order (a sequence of
///    multiplicity `m` contributes `m` consecutive slots).
/// 2. Shuffle the list of sites with Fisher–Yates driven by ``KeyedRandomStream`` (label `"randomize"`).
/// 3. The site at shuffled position `k` follows the sequence of slot `k`.
///
/// **Constrained** (`wedge-hmac-sha256-constrained/1`):
/// 1. Candidates: every distinct allocation in lexicographic order when there are at most
///    ``enumerationLimit``; otherwise ``sampleSize`` Fisher–Yates shuffles of the slot list (label
///    `"candidates"`), de-duplicated and sorted lexicographically.
/// 2. Score each with ``ImbalanceScore``. With `k = ⌈q·N⌉` (q the admissible fraction, N the candidates),
///    the admissible set is every candidate whose score is at most the k-th smallest score.
/// 3. Draw index `uniform(below: admissible.count)` from the `"randomize"` stream.
///
/// `docs/randomization.md` gives the byte-level specification and test vectors.
public enum Randomizer {
    /// The algorithm identifier recorded with simple randomization.
    public static let simpleAlgorithm = "wedge-hmac-sha256-fisher-yates/1"
    /// The algorithm identifier recorded with constrained randomization.
    public static let constrainedAlgorithm = "wedge-hmac-sha256-constrained/1"
    /// Enumerate every allocation when there are at most this many.
    public static let enumerationLimit = 1_000_000
    /// Otherwise, sample this many candidate allocations.
    public static let sampleSize = 100_000

    /// Randomizes the protocol's sites to its design's sequences, by the protocol's method.
    /// - Parameters:
    ///   - protocol: A validated protocol.
    ///   - seed: The seed; record it. Use ``SeedGenerator/secureSeed()`` when the user gives none.
    /// - Returns: The dated schedule, with its admissible set when the method is constrained.
    public static func randomize(_ protocol: StudyProtocol, seed: String) -> Schedule {
        switch `protocol`.randomization.method {
        case .simple:
            var stream = KeyedRandomStream(seed: seed, label: "randomize")
            var sites = Array(`protocol`.sites.indices)
            stream.shuffle(&sites)
            var allocation = Array(repeating: 0, count: sites.count)
            for (slot, site) in sites.enumerated() { allocation[site] = `protocol`.design.slots[slot] }
            return schedule(`protocol`, seed: seed, algorithm: simpleAlgorithm, allocation: allocation, admissible: nil)
        case .constrained:
            let admissible = admissibleSet(`protocol`, seed: seed)
            var stream = KeyedRandomStream(seed: seed, label: "randomize")
            let allocation = admissible.allocations[stream.uniform(below: admissible.allocations.count)]
            return schedule(`protocol`, seed: seed, algorithm: constrainedAlgorithm, allocation: allocation,
                            admissible: admissible)
        }
    }

    /// The admissible set of constrained randomization (steps 1 and 2 above).
    public static func admissibleSet(_ protocol: StudyProtocol, seed: String) -> AdmissibleSet {
        let settings = `protocol`.randomization
        let slots = `protocol`.design.slots
        let candidates: [[Int]]
        let source: AdmissibleSet.Source
        if let count = MultisetPermutations.count(slots), count <= enumerationLimit {
            candidates = MultisetPermutations.all(slots)
            source = .enumerated
        } else {
            var stream = KeyedRandomStream(seed: seed, label: "candidates")
            var seen = Set<[Int]>()
            for _ in 0..<sampleSize {
                var allocation = slots
                stream.shuffle(&allocation)
                seen.insert(allocation)
            }
            candidates = seen.sorted { $0.lexicographicallyPrecedes($1) }
            source = .sampled
        }
        let scorer = ImbalanceScore(protocol: `protocol`, covariates: settings.balanceCovariates)
        let scores = candidates.map(scorer.score)
        let k = max(1, Int((settings.admissibleFraction * Double(candidates.count) - 1e-9).rounded(.up)))
        let cutoff = scores.sorted()[min(k, scores.count) - 1]
        let admitted = candidates.indices.filter { scores[$0] <= cutoff }.map { candidates[$0] }
        return AdmissibleSet(source: source, candidateCount: candidates.count, covariates: settings.balanceCovariates,
                             fraction: settings.admissibleFraction, cutoffScore: cutoff, allocations: admitted)
    }

    private static func schedule(
        _ protocol: StudyProtocol, seed: String, algorithm: String, allocation: [Int], admissible: AdmissibleSet?
    ) -> Schedule {
        let assignments = zip(`protocol`.sites, allocation).map { SiteAssignment(siteID: $0.id, sequenceIndex: $1) }
        return Schedule(protocol: `protocol`, seed: seed, algorithm: algorithm, assignments: assignments,
                        admissibleSet: admissible)
    }
}
