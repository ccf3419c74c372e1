// SPDX-License-Identifier: Apache-2.0

/// Lists the distinct allocations of sites to sequence slots.
///
/// With `n_s` sites on sequence `s`, there are `N! / Π n_s!` distinct allocations (sites on the same sequence
/// are interchangeable): 720 for six sites on six sequences.
public enum AllocationEnumerator {
    /// The number of distinct allocations, or `nil` when it exceeds `Int.max`.
    public static func count(slots: [Int]) -> Int? {
        var counts: [Int: Int] = [:]
        for s in slots { counts[s, default: 0] += 1 }
        // Multiply binomials C(remaining, n_s) one at a time; each intermediate product is an integer.
        var result = 1
        var remaining = slots.count
        for n in counts.values.sorted() {
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

    /// Every distinct allocation in lexicographic order: the multiset permutations of `slots`.
    public static func all(slots: [Int]) -> [[Int]] {
        var current = slots.sorted()
        var result = [current]
        while nextPermutation(&current) { result.append(current) }
        return result
    }

    /// Advances `a` to the next lexicographic permutation; returns `false` after the last.
    static func nextPermutation(_ a: inout [Int]) -> Bool {
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
}
