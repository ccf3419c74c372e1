// SPDX-License-Identifier: Apache-2.0

/// One benchmark: an id for `--filter`, a title and data size for the table, and the body that runs in a child
/// process of its own (so that the peak memory reported is this task's alone).
struct BenchTask {
    /// A short id such as `glmm-laplace-swift`; `--filter glmm` selects every id containing `glmm`.
    var id: String
    /// What is measured, for the table.
    var title: String
    /// The size of the input, for the table (for example "415 participants, 30 cells").
    var size: String
    /// The equivalent R call timed by `compare.R`, if there is one.
    var rEquivalent: String? = nil
    /// Measures the task; runs in the child process.
    var body: (BenchContext) throws -> TaskResult
}
