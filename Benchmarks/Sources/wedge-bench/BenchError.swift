// SPDX-License-Identifier: Apache-2.0

/// A benchmark harness failure, with what to do about it.
struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
