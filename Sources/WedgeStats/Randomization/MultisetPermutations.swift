// SPDX-License-Identifier: Apache-2.0

/// The distinct permutations of a multiset of sequence labels: every way to re-assign clusters to the
/// observed sequences when clusters on the same sequence are interchangeable.
///
/// With `n_s` clusters on sequence `s` and `N = Σ n_s` clusters there are `N! / Π n_s!` distinct
/// allocations: 720 for six clusters on six sequences, 90 for six clusters on three sequences of two.
/// This is the allocation space for randomization inference when no admissible set was saved with the
/// schedule (a plain CSV): permute the clusters across the observed sequences.
///
/// An allocation is `[Int]`: entry `c` is the sequence index of cluster `c`.
public enum MultisetPermutations {
    /// The number of distinct permutations of `labels`, `N! / Π n_s!`, or `nil` when it exceeds `Int.max`.
    ///
    /// Computed as a product of binomial coefficients `C(remaining, n_s)`, each built so that every
    /// intermediate is an integer. An empty multiset has one (empty) permutation.
    /// - Parameter labels: The observed sequence of each cluster.
    /// - Returns: The count, or `nil` on overflow.
    public static func count(_ labels: [Int]) -> Int? {
        var multiplicity: [Int: Int] = [:]
        for s in labels { multiplicity[s, default: 0] += 1 }
        var result = 1
        var remaining = labels.count
        for n in multiplicity.values.sorted() {
            var c = 1
            for k in 0..<n {
                let (m, overflow) = c.multipliedReportingOverflow(by: remaining - k)
                if overflow { return nil }
                c = m / (k + 1)
            }
            let (r, overflow) = result.multipliedReportingOverflow(by: c)
            if overflow { return nil }
            result = r
            remaining -= n
        }
        return result
    }

    /// Every distinct permutation of `labels` in lexicographic order, starting from the sorted labels.
    ///
    /// Uses the classical next-permutation step (Knuth, *TAOCP* 4A, §7.2.1.2, Algorithm L), which
    /// visits each distinct multiset permutation exactly once. Check ``count(_:)`` first: the list
    /// has that many entries.
    /// - Parameter labels: The observed sequence of each cluster.
    /// - Returns: All distinct allocations.
    public static func all(_ labels: [Int]) -> [[Int]] {
        var current = labels.sorted()
        var result = [current]
        while advance(&current) { result.append(current) }
        return result
    }

    /// Advances `a` to the next lexicographic permutation; returns `false` (leaving `a` unchanged)
    /// after the last one.
    /// - Parameter a: The current permutation, updated in place.
    /// - Returns: Whether there was a next permutation.
    public static func advance(_ a: inout [Int]) -> Bool {
        guard a.count > 1 else { return false }
        var i = a.count - 2
        while i >= 0 && a[i] >= a[i + 1] { i -= 1 }
        if i < 0 { return false }
        var j = a.count - 1
        while a[j] <= a[i] { j -= 1 }
        a.swapAt(i, j)
        a[(i + 1)...].reverse()
        return true
    }

    /// A uniformly random distinct permutation of `labels`, by a Fisher–Yates shuffle.
    ///
    /// For `i` from `N − 1` down to 1, swap entry `i` with entry `j = Sampling.integer(in: 0...i)`
    /// (Durstenfeld 1964; Knuth, *TAOCP* 2, §3.4.2, Algorithm P): exactly `N − 1` calls of
    /// ``Sampling/integer(in:using:)``. Every one of the `N!` orderings is equally likely, and each
    /// distinct multiset permutation is the image of exactly `Π n_s!` of them, so the distinct
    /// allocations are also equally likely.
    /// - Parameters:
    ///   - labels: The observed sequence of each cluster.
    ///   - generator: The source of randomness.
    /// - Returns: A random allocation.
    public static func random(_ labels: [Int], using generator: inout some RandomNumberGenerator) -> [Int] {
        var a = labels
        var i = a.count - 1
        while i > 0 {
            let j = Sampling.integer(in: 0...i, using: &generator)
            a.swapAt(i, j)
            i -= 1
        }
        return a
    }
}
