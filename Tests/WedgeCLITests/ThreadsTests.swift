// SPDX-License-Identifier: Apache-2.0

import Testing
import WedgeTestSupport

/// `--threads N` on `analyze` and `power`: the output is the same bytes with 1 thread and with 2.
@Suite("Thread count never changes the output")
struct ThreadsTests {
    static let commands: [[String]] = [
        ["analyze", "--csv", "Tests/WedgeStatsTests/Fixtures/datasets/swift.csv", "--format", "json"],
        ["analyze", "--csv", "Tests/WedgeStatsTests/Fixtures/datasets/twelve.csv", "--format", "json", "--draws", "200"],
        ["power", "--protocol", "Protocols/ctn-0097.toml", "--p0", "0.36", "--p1", "0.63", "--icc", "0.05",
         "--per-cluster-period", "14", "--simulate", "200", "--seed", "7", "--format", "json"],
    ]

    @Test("1 and 2 threads give the same bytes", arguments: commands)
    func sameBytes(_ arguments: [String]) throws {
        let one = try CommandResult.wedge(arguments + ["--threads", "1"])
        let two = try CommandResult.wedge(arguments + ["--threads", "2"])
        #expect(one.status == 0, "\(one.stderr)")
        #expect(!one.stdout.isEmpty && one.stdout == two.stdout)
        #expect(try CommandResult.wedge(arguments + ["--threads", "0"]).status == 64)
    }
}
