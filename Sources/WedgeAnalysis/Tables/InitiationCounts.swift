// SPDX-License-Identifier: Apache-2.0

internal import WedgeCore

/// Initiated and enrolled counts by condition in the primary analysis set.
struct InitiationCounts {
    /// (initiated, enrolled) by condition id.
    let byCondition: [String: (Int, Int)]
    /// How many enrollments the primary analysis set leaves out.
    let excluded: Int

    init(_ snapshot: StudySnapshot) {
        var counts: [String: (Int, Int)] = [:]
        var excluded = 0
        for e in snapshot.enrollments {
            guard e.isInPrimaryAnalysis else {
                excluded += 1
                continue
            }
            let initiated = e.isInitiated(under: snapshot.protocol.outcomes) ? 1 : 0
            let (x, n) = counts[e.conditionID] ?? (0, 0)
            counts[e.conditionID] = (x + initiated, n + 1)
        }
        byCondition = counts
        self.excluded = excluded
    }

    /// `""`, or `" (N transition admissions left out)"`.
    var exclusionNote: String {
        excluded == 0 ? "" : " (\(excluded) transition admission\(excluded == 1 ? "" : "s") left out)"
    }
}
