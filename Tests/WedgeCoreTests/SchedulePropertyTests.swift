// SPDX-License-Identifier: Apache-2.0

import Testing
import WedgeCore
import WedgeStats
import WedgeTestSupport

@Suite("Schedule properties")
struct SchedulePropertyTests {
    static let ctn = try! ProtocolLoader.load(path: TestPaths.path("Protocols/ctn-0097.toml")).protocol
    static let general = try! ProtocolLoader.load(path: TestPaths.path("Protocols/general-sw-12x7.toml")).protocol

    /// Checks every invariant of a schedule: one assignment per site, slots filled to their multiplicities,
    /// each site's lookups agree with its sequence on every period's first and last day, crossovers only where
    /// the condition changes, notice dates exactly `notice_weeks` before.
    static func checkValid(_ s: Schedule) {
        let p = s.protocol
        #expect(s.assignments.map(\.siteID) == p.sites.map(\.id))
        #expect(s.allocation.sorted() == p.design.slots)
        for a in s.assignments {
            let row = p.design.sequences[a.sequenceIndex].conditions
            for period in 0..<p.calendar.periodCount {
                for day in [p.calendar.start(ofPeriod: period), p.calendar.end(ofPeriod: period)] {
                    let cell = s.cell(siteID: a.siteID, on: day)
                    #expect(cell?.conditionID == row[period] && cell?.period == period)
                }
            }
            let crossovers = s.crossovers(of: a.siteID)
            #expect(crossovers.count == zip(row, row.dropFirst()).filter { $0 != $1 }.count)
            for c in crossovers {
                #expect(c.noticeDate == c.date.adding(weeks: -p.noticeWeeks))
                #expect(row[c.period] == c.toConditionID && row[c.period - 1] == c.fromConditionID)
            }
        }
    }

    @Test("Every schedule over 200 seeds is valid (ctn-0097 and the 12-site design)")
    func validity() {
        for k in 0..<200 { Self.checkValid(Randomizer.randomize(Self.ctn, seed: "property-\(k)")) }
        var simple = Self.general
        simple.randomization = RandomizationSettings(method: .simple)
        for k in 0..<100 { Self.checkValid(Randomizer.randomize(simple, seed: "property-\(k)")) }
    }

    /// 36,000 seeds over 720 allocations: 50 expected in each. The chi-square statistic has 719 degrees of
    /// freedom; the test fails above the 0.999 quantile (a false alarm once in a thousand seeds of this test,
    /// and with this fixed seed prefix it either always passes or always fails).
    @Test("Simple allocations are uniform over all 720 for ctn-0097")
    func uniformity() {
        let all = MultisetPermutations.all(Self.ctn.design.slots)
        let index = Dictionary(uniqueKeysWithValues: all.enumerated().map { ($1, $0) })
        var counts = Array(repeating: 0, count: all.count)
        let draws = 36_000
        for k in 0..<draws { counts[index[Randomizer.randomize(Self.ctn, seed: "uniform-\(k)").allocation]!] += 1 }
        let expected = Double(draws) / Double(all.count)
        let chi2 = counts.reduce(0.0) { $0 + (Double($1) - expected) * (Double($1) - expected) / expected }
        let critical = ChiSquared.quantile(0.999, degreesOfFreedom: 719)
        #expect(chi2 < critical, "chi-square \(chi2) ≥ \(critical)")
        #expect(counts.allSatisfy { $0 > 0 })
    }

    @Test("Constrained allocations never leave the admissible set and are uniform over it")
    func constrainedUniform() {
        var proto = Self.ctn
        proto.randomization = RandomizationSettings(method: .constrained, balanceCovariates: ["expected_enrollment"],
                                                    admissibleFraction: 0.1)
        let set = Randomizer.admissibleSet(proto, seed: "any")  // enumerated: the same for every seed
        let index = Dictionary(uniqueKeysWithValues: set.allocations.enumerated().map { ($1, $0) })
        var counts = Array(repeating: 0, count: set.allocations.count)
        let draws = 3_600
        for k in 0..<draws {
            let schedule = Randomizer.randomize(proto, seed: "constrained-\(k)")
            guard let i = index[schedule.allocation] else {
                Issue.record("allocation outside the admissible set for seed constrained-\(k)")
                return
            }
            counts[i] += 1
        }
        let expected = Double(draws) / Double(counts.count)
        let chi2 = counts.reduce(0.0) { $0 + (Double($1) - expected) * (Double($1) - expected) / expected }
        #expect(chi2 < ChiSquared.quantile(0.999, degreesOfFreedom: Double(counts.count - 1)))
    }

    @Test("reveal never shows a crossover before its notice date", arguments: ["20210316", "7", "reveal"])
    func concealment(seed: String) {
        for proto in [Self.ctn, Self.general] {
            let schedule = Randomizer.randomize(proto, seed: seed)
            var day = proto.calendar.startDate.adding(weeks: -proto.noticeWeeks - 1)
            while day <= proto.calendar.endDate {
                let d = ScheduleDisclosure(schedule: schedule, asOf: day)
                #expect(d.events.allSatisfy { $0.noticeDate <= day })
                #expect(d.events.allSatisfy { $0.hasStarted == ($0.date <= day) })
                // Everything announced by then is there.
                let due = schedule.allCrossovers.filter { $0.noticeDate <= day }.count
                #expect(d.events.count - (day >= proto.calendar.startDate.adding(weeks: -proto.noticeWeeks)
                                          ? proto.sites.count : 0) == due)
                day = day.adding(days: 3)
            }
        }
    }
}
