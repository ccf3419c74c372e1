// SPDX-License-Identifier: Apache-2.0

/// The set of allocations a randomization could have produced, over which a permutation test runs.
///
/// An allocation is `[Int]`: entry `c` is the sequence index of cluster `c` (0-based clusters).
public enum AllocationSpace: Sendable, Equatable {
    /// An explicit list, such as the admissible set saved with a constrained schedule. Each listed
    /// allocation is equally likely under the design; duplicates count as listed.
    case listed([[Int]])
    /// Every distinct permutation of the observed sequence labels (see ``MultisetPermutations``): the
    /// space of an unconstrained randomization of clusters to the observed sequences.
    case permutations(of: [Int])

    /// The number of allocations, or `nil` when it exceeds `Int.max`.
    public var count: Int? {
        switch self {
        case .listed(let list): list.count
        case .permutations(let labels): MultisetPermutations.count(labels)
        }
    }

    /// Every allocation (call only when ``count`` is small enough to hold them).
    func enumerated() -> [[Int]] {
        switch self {
        case .listed(let list): list
        case .permutations(let labels): MultisetPermutations.all(labels)
        }
    }

    /// One allocation drawn uniformly: a uniform index into the list (one
    /// ``Sampling/integer(in:using:)`` call) or a Fisher–Yates shuffle of the labels.
    func draw(using generator: inout some RandomNumberGenerator) -> [Int] {
        switch self {
        case .listed(let list): list[Sampling.integer(in: 0...(list.count - 1), using: &generator)]
        case .permutations(let labels): MultisetPermutations.random(labels, using: &generator)
        }
    }

    /// Whether `allocation` belongs to the space.
    func contains(_ allocation: [Int]) -> Bool {
        switch self {
        case .listed(let list): list.contains(allocation)
        case .permutations(let labels): allocation.sorted() == labels.sorted()
        }
    }
}
