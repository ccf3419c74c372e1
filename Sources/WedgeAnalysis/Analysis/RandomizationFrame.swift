// SPDX-License-Identifier: Apache-2.0

/// What a permutation test re-randomizes: the sequences sites could be given, the observed allocation, and
/// the set of allocations the randomization could have produced.
///
/// An allocation gives each site (in ``AnalysisDataset/siteIDs`` order) the index of its sequence in
/// ``sequences``. With a schedule, ``admissible`` is the saved admissible set (constrained randomization) or
/// `nil` for simple randomization, meaning every distinct allocation of sites to the design's sequence
/// slots. Without one (a plain CSV), the sequences are the sites' observed ones and every site permutation
/// of them is admissible.
public struct RandomizationFrame: Sendable, Equatable {
    /// Each sequence as one `0` (control) or `1` (intervention) per period.
    public var sequences: [[Int]]
    /// The observed allocation: each site's sequence index.
    public var observed: [Int]
    /// The admissible allocations when the randomization was constrained, else `nil` (all allocations of
    /// ``observed``'s multiset).
    public var admissible: [[Int]]?
    /// Where the frame came from, for reports: for example "the schedule's admissible set".
    public var source: String

    /// Creates a frame.
    public init(sequences: [[Int]], observed: [Int], admissible: [[Int]]? = nil, source: String) {
        self.sequences = sequences
        self.observed = observed
        self.admissible = admissible
        self.source = source
    }
}
