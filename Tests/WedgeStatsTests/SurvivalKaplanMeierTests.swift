// SPDX-License-Identifier: Apache-2.0

import RealModule
import Testing
import WedgeStats

/// Kaplan–Meier, Greenwood, pointwise intervals, summaries and medians against `survfit`.
///
/// Tolerance 1e-10 relative: the estimator is a finite product and sum, so the only differences
/// from R are rounding (observed worst case is a few ulps; see the report in `kaplanMeierRows`).
@Suite("Survival: Kaplan–Meier")
struct SurvivalKaplanMeierTests {
    static let confidenceTypes: [String: SurvivalConfidenceType] = [
        "log": .log, "log-log": .logLog, "plain": .plain,
    ]

    static func curve(_ name: String, _ type: SurvivalConfidenceType) throws -> KaplanMeier {
        if name == "small" {
            return KaplanMeier(
                time: SurvivalFixture.small.time, event: SurvivalFixture.small.event, confidenceType: type)
        }
        var d = try SurvivalFixture.data()
        if name == "rapid" { d = d.filter { d.rapid[$0] == 1 } }
        if name == "standard" { d = d.filter { d.rapid[$0] == 0 } }
        return KaplanMeier(time: d.time, event: d.event, confidenceType: type)
    }

    @Test(
        "every survfit row: times, counts, survival, std.err, limits", arguments: ["all", "rapid", "standard", "small"])
    func kaplanMeierRows(curve name: String) throws {
        let rows = try SurvivalFixture.load("km").filter { $0.fields["curve"] == name }
        for (conf, type) in Self.confidenceTypes {
            let expected = rows.filter { $0.fields["conf"] == conf }
            if expected.isEmpty { continue }
            let km = try Self.curve(name, type)
            try #require(km.times.count == expected.count, "\(name) \(conf): row count")
            for (i, row) in expected.enumerated() {
                let context = "\(name) \(conf) t=\(km.times[i])"
                #expect(km.times[i] == row.value("time"), "\(context)")
                #expect(km.numberAtRisk[i] == row.int("n_risk"), "\(context)")
                #expect(km.events[i] == row.int("n_event"), "\(context)")
                #expect(km.censored[i] == row.int("n_censor"), "\(context)")
                expectSurvivalClose(km.survival[i], row.value("surv"), tolerance: 1e-10, "\(context) surv")
                expectSurvivalClose(km.logStandardError[i], row.value("std_err"), tolerance: 1e-10, "\(context) se")
                expectSurvivalClose(km.lower[i], row.value("lower"), tolerance: 1e-10, "\(context) lower")
                expectSurvivalClose(km.upper[i], row.value("upper"), tolerance: 1e-10, "\(context) upper")
            }
            let worst = [
                maxRelativeError(km.survival, expected.map { $0.value("surv") }),
                maxRelativeError(km.logStandardError, expected.map { $0.value("std_err") }),
                maxRelativeError(km.lower, expected.map { $0.value("lower") }),
                maxRelativeError(km.upper, expected.map { $0.value("upper") }),
            ].max()!
            print("SURVIVAL-REPORT km \(name) \(conf) rows=\(expected.count) maxRelErr=\(worst)")
        }
    }

    @Test("summary(survfit, times = c(0, 7, 30, 45.5, 60))", arguments: ["all", "rapid", "standard"])
    func summaryAtTimes(curve name: String) throws {
        let rows = try SurvivalFixture.load("summary").filter { $0.fields["curve"] == name }
        for (conf, type) in Self.confidenceTypes {
            let expected = rows.filter { $0.fields["conf"] == conf }
            let points = try Self.curve(name, type).summary(at: [60, 0, 30, 7, 45.5, 61])
            try #require(points.count == expected.count, "\(name) \(conf): 61 is past follow-up and dropped")
            for (point, row) in zip(points, expected) {
                let context = "\(name) \(conf) t=\(point.time)"
                #expect(point.time == row.value("time"), "\(context)")
                #expect(point.numberAtRisk == row.int("n_risk"), "\(context)")
                #expect(point.events == row.int("n_event"), "\(context)")
                #expect(point.censored == row.int("n_censor"), "\(context)")
                expectSurvivalClose(point.survival, row.value("surv"), tolerance: 1e-10, "\(context) surv")
                expectSurvivalClose(point.standardError, row.value("std_err"), tolerance: 1e-10, "\(context) se")
                expectSurvivalClose(point.lower, row.value("lower"), tolerance: 1e-10, "\(context) lower")
                expectSurvivalClose(point.upper, row.value("upper"), tolerance: 1e-10, "\(context) upper")
            }
        }
    }

    @Test("median and its CI as print.survfit", arguments: ["all", "rapid", "standard", "small"])
    func median(curve name: String) throws {
        for row in try SurvivalFixture.load("median").filter({ $0.fields["curve"] == name }) {
            let conf = row.fields["conf"]!
            let median = try Self.curve(name, Self.confidenceTypes[conf]!).median
            let context = "\(name) \(conf)"
            expectSurvivalClose(median.estimate, row.value("median"), tolerance: 1e-12, "\(context) median")
            expectSurvivalClose(median.lower, row.value("lower"), tolerance: 1e-12, "\(context) lower")
            expectSurvivalClose(median.upper, row.value("upper"), tolerance: 1e-12, "\(context) upper")
        }
    }

    @Test("survival and number at risk read at arbitrary times (plot at-risk table)")
    func stepFunction() throws {
        let km = try Self.curve("all", .log)
        let d = try SurvivalFixture.data()
        for t in [0.0, 0.5, 1, 7, 29.5, 30, 59, 60, 61, 1000] {
            #expect(km.numberAtRisk(at: t) == d.time.filter { $0 >= t }.count, "t=\(t)")
            let before = km.times.lastIndex { $0 <= t }
            #expect(km.survival(at: t) == (before.map { km.survival[$0] } ?? 1), "t=\(t)")
        }
        #expect(km.survival(at: .nan).isNaN)
        #expect(km.numberAtRisk(at: .nan) == 0)
    }

    @Test("hand-computed example and edge cases")
    func handExample() {
        let km = KaplanMeier(time: [3, 5, 5, 8, 12, .nan], event: [true, true, false, true, false, true])
        #expect(km.count == 5)
        #expect(km.times == [3, 5, 8, 12])
        #expect(km.numberAtRisk == [5, 4, 2, 1])
        #expect(km.events == [1, 1, 1, 0])
        #expect(km.censored == [0, 1, 0, 1])
        expectClose(km.survival[1], 0.8 * 0.75)
        expectClose(km.survival(at: 9), 0.8 * 0.75 * 0.5)
        // Greenwood: Σ d/(n(n−d)) = 1/20 + 1/12 + 1/2.
        expectClose(km.logStandardError[2], (1.0 / 20 + 1.0 / 12 + 1.0 / 2).squareRoot())
        #expect(km.median.estimate == 8)
        #expect(km.eventIndices == [0, 1, 2])

        let empty = KaplanMeier(time: [], event: [])
        #expect(empty.times.isEmpty)
        #expect(empty.median.estimate.isNaN)
        #expect(empty.survival(at: 5) == 1)
        #expect(empty.summary(at: [0]).count == 1)

        let allCensored = KaplanMeier(time: [1, 2], event: [false, false], confidenceType: .logLog)
        #expect(allCensored.survival == [1, 1])
        #expect(allCensored.lower[0].isNaN)  // log-log is undefined at S = 1, as R

        let badLevel = KaplanMeier(time: [1, 2], event: [true, false], confidenceLevel: 1.5)
        #expect(badLevel.lower[0].isNaN && badLevel.upper[0].isNaN)
    }
}
