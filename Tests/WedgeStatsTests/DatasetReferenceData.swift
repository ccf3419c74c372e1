// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing
import WedgeStats

/// One validation dataset of `Fixtures/datasets/<name>.csv`, one participant per row, in the `wedge export`
/// columns `site,period,condition,initiated,second_injection,retention_days,retention_event`, with the inputs
/// of the three estimators built exactly as `Fixtures/datasets/reference.R` builds R's.
///
/// Sites become 0-based indices in sorted order of their ids (R's factor levels); `period` stays 1-based and
/// enters as R's `factor(period)`: one indicator column per period level except the first present.
struct DatasetReferenceData: Sendable {
    /// The site id of each participant (`site-01`, `unit-a`, …).
    var siteID: [String] = []
    /// The 0-based site index of each participant (sorted site ids).
    var site: [Int] = []
    /// The 1-based enrollment period.
    var period: [Int] = []
    /// 1 for `rapid`, 0 for `standard`.
    var treated: [Double] = []
    /// Initiation, 0 or 1.
    var initiated: [Double] = []
    /// Days retained after the first injection; NaN (a blank field) for participants without one.
    var retentionDays: [Double] = []
    /// Whether retention ended in dropout (false when censored or not applicable).
    var retentionEvent: [Bool] = []

    /// Loads `Fixtures/datasets/<name>.csv` through the suite's ``ReferenceTable``.
    static func load(_ name: String) throws -> DatasetReferenceData {
        let rows = try ReferenceTable.load("datasets/\(name)")
        var data = DatasetReferenceData()
        for row in rows {
            let condition = try #require(row.fields["condition"])
            try #require(condition == "rapid" || condition == "standard", "condition \(condition) in \(name)")
            data.siteID.append(try #require(row.fields["site"]))
            data.period.append(row.int("period"))
            data.treated.append(condition == "rapid" ? 1 : 0)
            data.initiated.append(try #require(row.double("initiated")))
            data.retentionDays.append(row.value("retention_days"))
            data.retentionEvent.append(row.fields["retention_event"] == "1")
        }
        let levels = Array(Set(data.siteID)).sorted()
        let index = Dictionary(uniqueKeysWithValues: levels.enumerated().map { ($1, $0) })
        data.site = data.siteID.map { index[$0]! }
        return data
    }

    /// R's `factor(period)` treatment contrasts for `periods`: one 0/1 column per level after the first.
    static func periodIndicators(_ periods: [Int]) -> [[Double]] {
        let levels = Array(Set(periods)).sorted().dropFirst()
        return periods.map { p in levels.map { p == $0 ? 1.0 : 0.0 } }
    }

    /// Site × period × condition binomial cells of initiation with the design
    /// `(Intercept), treat, factor(period)2…T`, as `glmer(cbind(events, n − events) ~ …)` is fitted.
    var cells: BinomialCells {
        struct Key: Hashable { var site: Int, period: Int, treated: Double }
        var totals: [Key: (events: Double, n: Double)] = [:]
        for i in site.indices {
            totals[Key(site: site[i], period: period[i], treated: treated[i]), default: (0, 0)].events += initiated[i]
            totals[Key(site: site[i], period: period[i], treated: treated[i]), default: (0, 0)].n += 1
        }
        let keys = totals.keys.sorted { ($0.site, $0.period, $0.treated) < ($1.site, $1.period, $1.treated) }
        let indicators = Self.periodIndicators(keys.map(\.period))
        return BinomialCells(
            successes: keys.map { totals[$0]!.events }, trials: keys.map { totals[$0]!.n },
            cluster: keys.map(\.site),
            design: Matrix(keys.indices.map { [1, keys[$0].treated] + indicators[$0] }))
    }

    /// The individual-level design `(Intercept), treat, factor(period)2…T` of the GEE.
    var individualDesign: Matrix {
        let indicators = Self.periodIndicators(period)
        return Matrix(site.indices.map { [1, treated[$0]] + indicators[$0] })
    }

    /// The retention sample: initiators, that is the rows with a retention time.
    var initiators: DatasetReferenceData { subset(retentionDays.indices.filter { !retentionDays[$0].isNaN }) }

    /// The rows of one condition (`treated` 0 or 1).
    func condition(_ value: Double) -> DatasetReferenceData { subset(treated.indices.filter { treated[$0] == value }) }

    /// The given rows, in the given order.
    func subset(_ rows: [Int]) -> DatasetReferenceData {
        func pick<T>(_ values: [T]) -> [T] { rows.map { values[$0] } }
        return DatasetReferenceData(
            siteID: pick(siteID), site: pick(site), period: pick(period), treated: pick(treated),
            initiated: pick(initiated), retentionDays: pick(retentionDays), retentionEvent: pick(retentionEvent))
    }

    /// The Cox covariates `treat, factor(period)2…T` (no intercept), levels from these rows.
    var coxCovariates: Matrix {
        let indicators = Self.periodIndicators(period)
        return Matrix(site.indices.map { [treated[$0]] + indicators[$0] })
    }
}
