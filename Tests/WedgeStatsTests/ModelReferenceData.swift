// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing
import WedgeStats

/// One dataset of `Fixtures/models/`, written by `Fixtures/models/reference-models.R`: site × period binomial
/// cells (`site, period, treat, exposure, y, n`, 1-based) and the lme4 and geepack fits of `reference.json`.
///
/// The designs follow R's column order: `(Intercept)`, `factor(period)2 … T`, then the effect columns of an
/// ``ExposureTimeModel`` (`treat`, `e_1 … e_S` or the four spline columns).
struct ModelReferenceData: @unchecked Sendable {
    var site: [Int] = []
    var period: [Int] = []
    var exposure: [Int] = []
    var successes: [Double] = []
    var trials: [Double] = []
    /// The dataset's object of `reference.json`.
    var reference: [String: Any] = [:]

    static let names = ["swift_nested", "classic12", "swift_hh"]

    static func load(_ name: String) throws -> ModelReferenceData {
        var data = ModelReferenceData()
        for row in try ReferenceTable.load("models/\(name)") {
            data.site.append(row.int("site") - 1)
            data.period.append(row.int("period"))
            data.exposure.append(row.int("exposure"))
            data.successes.append(try #require(row.double("y")))
            data.trials.append(try #require(row.double("n")))
        }
        let url = try #require(
            Bundle.module.url(forResource: "reference", withExtension: "json", subdirectory: "Fixtures/models"))
        let root = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let datasets = try #require(root["datasets"] as? [String: Any])
        data.reference = try #require(datasets[name] as? [String: Any], "no dataset \(name)")
        return data
    }

    var maxExposure: Int { exposure.max() ?? 0 }

    /// The cells with the design `(Intercept), factor(period)2…T, effect columns of model`.
    func cells(_ model: ExposureTimeModel) -> BinomialCells {
        let periods = Array(Set(period)).sorted().dropFirst()
        let rows = period.indices.map { i in
            [1.0] + periods.map { period[i] == $0 ? 1.0 : 0.0 }
                + model.columns(exposure: exposure[i], maxExposure: maxExposure)
        }
        return BinomialCells(successes: successes, trials: trials, cluster: site, design: Matrix(rows))
    }

    /// The index of the first effect column in ``cells(_:)``.
    var firstEffectColumn: Int { Set(period).count }

    /// `reference[fit][key]` as numbers.
    func numbers(_ fit: String, _ key: String) throws -> [Double] {
        let object = try #require(reference[fit] as? [String: Any], "no fit \(fit)")
        if let n = object[key] as? NSNumber { return [n.doubleValue] }
        let array = try #require(object[key] as? [Any], "\(fit).\(key) missing")
        return array.map { ($0 as? NSNumber)?.doubleValue ?? .nan }
    }

    func number(_ fit: String, _ key: String) throws -> Double { try numbers(fit, key)[0] }

    /// `reference[fit].effects[key]`.
    func effects(_ fit: String, _ key: String) throws -> [Double] {
        let object = try #require(reference[fit] as? [String: Any], "no fit \(fit)")
        let effects = try #require(object["effects"] as? [String: Any], "no effects in \(fit)")
        if let n = effects[key] as? NSNumber { return [n.doubleValue] }
        return try #require(effects[key] as? [Any], "\(fit).effects.\(key) missing").map { ($0 as! NSNumber).doubleValue }
    }

    func flag(_ fit: String, _ key: String) throws -> Bool {
        let object = try #require(reference[fit] as? [String: Any], "no fit \(fit)")
        return try #require(object[key] as? Bool, "\(fit).\(key) missing")
    }
}
