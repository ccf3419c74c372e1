// SPDX-License-Identifier: Apache-2.0

/// Why a randomization test or interval could not be computed. Each case carries the offending values.
public enum RandomizationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The allocation space has no allocations.
    case emptySpace
    /// An allocation does not have one entry per cluster.
    case allocationLength(index: Int, length: Int, clusters: Int)
    /// The statistic could not be computed at the observed allocation.
    case observedStatisticFailed
    /// Every allocation's statistic failed, so there is no null distribution.
    case allStatisticsFailed(failed: Int)
    /// An option is out of range.
    case invalidOption(name: String, value: String)
    /// The input arrays are inconsistent.
    case invalidData(String)

    public var description: String {
        switch self {
        case .emptySpace:
            "The allocation space is empty. Pass the admissible set saved with the schedule, or the observed sequences."
        case .allocationLength(let index, let length, let clusters):
            "Allocation \(index) has \(length) entries but there are \(clusters) clusters. Give one sequence per cluster."
        case .observedStatisticFailed:
            "The statistic could not be computed for the observed allocation (for example the model did not converge). Check the data with a plain fit first."
        case .allStatisticsFailed(let failed):
            "The statistic failed for all \(failed) allocations, so there is no permutation distribution. Check the data with a plain fit first."
        case .invalidOption(let name, let value):
            "Option \(name) = \(value) is out of range. See PermutationOptions for the allowed values."
        case .invalidData(let reason):
            "Invalid data: \(reason)."
        }
    }
}
