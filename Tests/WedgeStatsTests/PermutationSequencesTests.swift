// SPDX-License-Identifier: Apache-2.0

import Testing
import WedgeStats

/// Recovering the sequences of a one-way crossover design from per-cell data.
@Suite("Permutation sequences")
struct PermutationSequencesTests {
    @Test("the SWIFT bookend layout gives six sequences in crossover order")
    func bookend() throws {
        let data = try PermutationFixtures.swift()
        let sequences = try ObservedSequences(
            cluster: data.cluster, period: data.period, treated: data.trt.map { $0 == 1 })
        // Cluster c crosses over at period c; cluster 5 never does.
        #expect(sequences.allocation == [0, 1, 2, 3, 4, 5])
        #expect(sequences.crossoverPeriods == [0, 1, 2, 3, 4, nil])
        #expect(sequences.schedule == data.schedule)
    }

    @Test("shared sequences, missing cluster-periods and a parallel arm")
    func sharedAndMissing() throws {
        // Clusters 0 and 2 cross at period 1; cluster 1 never; cluster 3 is unobserved in period 0 and 1,
        // treated from period 2; cluster 4 is treated throughout (parallel arm).
        let cells: [(Int, Int, Bool)] = [
            (0, 0, false), (0, 1, true), (0, 2, true),
            (1, 0, false), (1, 1, false), (1, 2, false),
            (2, 0, false), (2, 1, true), (2, 1, true), (2, 2, true),
            (3, 2, true),
            (4, 0, true), (4, 1, true), (4, 2, true),
        ]
        let sequences = try ObservedSequences(
            cluster: cells.map(\.0), period: cells.map(\.1), treated: cells.map(\.2))
        #expect(sequences.crossoverPeriods == [0, 1, 2, nil])
        #expect(sequences.allocation == [1, 3, 1, 2, 0])
        #expect(sequences.schedule == [
            [true, true, true], [false, true, true], [false, false, true], [false, false, false],
        ])
        #expect(MultisetPermutations.count(sequences.allocation) == 60)  // 5!/2!
    }

    @Test("inconsistent or non-monotone data are rejected with the cluster named")
    func rejected() {
        #expect(throws: RandomizationError.self) {
            try ObservedSequences(cluster: [0, 0], period: [0, 0], treated: [true, false])
        }
        do {
            _ = try ObservedSequences(cluster: [0, 0, 0], period: [0, 1, 2], treated: [false, true, false])
            Issue.record("a switch back to control was accepted")
        } catch {
            #expect(error.description.contains("cluster 0") && error.description.contains("period 2"))
        }
        #expect(throws: RandomizationError.self) {
            try ObservedSequences(cluster: [0, 2], period: [0, 0], treated: [true, false])  // cluster 1 missing
        }
        #expect(throws: RandomizationError.self) {
            try ObservedSequences(cluster: [], period: [], treated: [])
        }
        #expect(throws: RandomizationError.self) {
            try ObservedSequences(cluster: [0], period: [0, 1], treated: [true])
        }
    }
}
