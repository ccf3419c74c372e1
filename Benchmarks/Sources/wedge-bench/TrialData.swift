// SPDX-License-Identifier: Apache-2.0

import Foundation
import WedgeStats

/// A generated stepped-wedge trial, one row per participant, sorted by site and period.
///
/// Site `s` switches from control to intervention at period `crossovers[s]` (0 = treated throughout, `T` = never).
/// Each participant falls in a uniformly drawn site–period cell. Initiation: `logit P(y = 1) = −0.3 + 0.6·treat + 0.04·period + b_s`,
/// `b_s ~ N(0, 0.4²)`. Retention: integer days to dropout, exponential with daily hazard
/// `0.01·exp(−0.35·treat + 0.01·(age − 40))`, censored at `min(180, Exp(0.002))`, so there are many ties.
/// Everything is drawn from ``SeededGenerator`` through `WedgeStats.Sampling`, so a seed gives the same data everywhere.
struct TrialData {
    var sites: Int
    var periods: Int
    var site: [Int] = []
    var period: [Int] = []
    var treat: [Int] = []
    var y: [Int] = []
    var age: [Double] = []
    var time: [Double] = []
    var event: [Bool] = []

    var count: Int { site.count }

    static func generate(crossovers: [Int], periods: Int, participants: Int, seed: UInt64) -> TrialData {
        let sites = crossovers.count
        var rng = SeededGenerator(seed: seed)
        let effects = (0..<sites).map { _ in Sampling.normal(mean: 0, standardDeviation: 0.4, using: &rng) }
        var perCell = Array(repeating: 0, count: sites * periods)
        for _ in 0..<participants { perCell[Sampling.integer(in: 0...(sites * periods - 1), using: &rng)] += 1 }
        var data = TrialData(sites: sites, periods: periods)
        for s in 0..<sites {
            let crossover = crossovers[s]
            for t in 0..<periods {
                for _ in 0..<perCell[s * periods + t] {
                    let treated = t >= crossover ? 1 : 0
                    let eta = -0.3 + 0.6 * Double(treated) + 0.04 * Double(t) + effects[s]
                    let initiated = Sampling.bernoulli(1 / (1 + Foundation.exp(-eta)), using: &rng)
                    let age = min(80, max(18, Sampling.normal(mean: 40, standardDeviation: 11, using: &rng).rounded()))
                    let hazard = 0.01 * Foundation.exp(-0.35 * Double(treated) + 0.01 * (age - 40))
                    let dropout = Sampling.exponential(rate: hazard, using: &rng).rounded(.up)
                    let censor = min(180, Sampling.exponential(rate: 0.002, using: &rng).rounded(.up))
                    data.site.append(s)
                    data.period.append(t)
                    data.treat.append(treated)
                    data.y.append(initiated ? 1 : 0)
                    data.age.append(age)
                    data.time.append(max(1, min(dropout, censor)))
                    data.event.append(dropout <= censor)
                }
            }
        }
        return data
    }

    /// The participant-level CSV that both Wedge and R read: `site,period,treat,age,y,time,event`.
    var individualsCSV: String {
        var text = "site,period,treat,age,y,time,event\n"
        for i in 0..<count {
            text += "\(site[i]),\(period[i]),\(treat[i]),\(Int(age[i])),\(y[i]),\(Int(time[i])),\(event[i] ? 1 : 0)\n"
        }
        return text
    }

    /// One row per site–period cell with at least one participant: `site,period,treat,y,n`.
    var cellsCSV: String {
        var text = "site,period,treat,y,n\n"
        var start = 0
        while start < count {
            var end = start
            var successes = 0
            while end < count && site[end] == site[start] && period[end] == period[start] {
                successes += y[end]
                end += 1
            }
            text += "\(site[start]),\(period[start]),\(treat[start]),\(successes),\(end - start)\n"
            start = end
        }
        return text
    }

    /// The analysis CSV that `wedge analyze --csv` reads (see `docs/export-format.md`): sites `site01`…, periods
    /// from 1, conditions `standard`/`rapid`. Retention columns are derived from the initiators' dropout times: second
    /// and third injections when retained past days 35 and 63 (0 for non-initiators), days to first injection 5–13,
    /// retention days and dropout event (blank for non-initiators).
    var analysisCSV: String {
        var text = "site,period,condition,initiated,second_injection,third_injection,days_to_first_injection,"
            + "retention_days,retention_event\n"
        for i in 0..<count {
            let siteID = "site" + (site[i] < 9 ? "0" : "") + "\(site[i] + 1)"
            text += "\(siteID),\(period[i] + 1),\(treat[i] == 1 ? "rapid" : "standard"),\(y[i]),"
            if y[i] == 1 {
                text += "\(time[i] > 35 ? 1 : 0),\(time[i] > 63 ? 1 : 0),\(5 + i % 9),\(Int(time[i])),\(event[i] ? 1 : 0)\n"
            } else {
                text += "0,0,,,\n"
            }
        }
        return text
    }

    /// Reads ``individualsCSV`` back.
    static func read(individuals path: String, sites: Int, periods: Int) throws -> TrialData {
        let table = try NumericCSV(path: path, columns: ["site", "period", "treat", "age", "y", "time", "event"])
        var data = TrialData(sites: sites, periods: periods)
        data.site = table.column("site").map { Int($0) }
        data.period = table.column("period").map { Int($0) }
        data.treat = table.column("treat").map { Int($0) }
        data.age = table.column("age")
        data.y = table.column("y").map { Int($0) }
        data.time = table.column("time")
        data.event = table.column("event").map { $0 != 0 }
        return data
    }
}
