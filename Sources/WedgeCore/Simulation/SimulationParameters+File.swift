// SPDX-License-Identifier: Apache-2.0

extension SimulationParameters {
    /// These parameters with the values of a parameters file (TOML) laid over them.
    ///
    /// Keys absent from the file keep their values. Unknown keys, unknown condition, site or covariate ids,
    /// probabilities outside [0, 1] and negative rates are errors that name the file, line and field.
    /// - Parameters:
    ///   - text: The file's text.
    ///   - file: The name to quote in errors.
    ///   - protocol: The protocol whose conditions, sites and covariates the file refers to.
    /// - Throws: ``ProtocolError`` listing every problem.
    public func applying(_ text: String, file: String, protocol: StudyProtocol) throws(ProtocolError) -> SimulationParameters {
        let map = TOMLSourceMap(text: text)
        let raw = try TOMLFileDecoder.decode(SimulationParametersFile.self, from: text, file: file, map: map,
                                             knownKeys: SimulationParametersFile.knownKeys, guide: "docs/simulation.md")
        var v = ProtocolValidator(file: file, map: map)
        var result = self
        let conditionIDs = `protocol`.conditions.map(\.id)
        func probability(_ n: TOMLNumber, _ path: String) -> Double? {
            guard (0...1).contains(n.value) else {
                v.report(path, n.text, "is not a probability", "Give a number from 0 to 1.")
                return nil
            }
            return n.value
        }
        func nonNegative(_ n: TOMLNumber?, _ path: String) -> Double? {
            guard let n else { return nil }
            guard n.value >= 0, n.value.isFinite else {
                v.report(path, n.text, "is negative or not finite", "Give a number of 0 or more.")
                return nil
            }
            return n.value
        }
        func byCondition(_ table: [String: TOMLNumber]?, _ name: String, into target: inout [String: Double]) {
            for (id, n) in table ?? [:] {
                guard conditionIDs.contains(id) else {
                    v.report("\(name).\(id)", nil, "is not a condition of the protocol",
                             "Use one of: " + conditionIDs.joined(separator: ", ") + ".")
                    continue
                }
                if let p = probability(n, "\(name).\(id)") { target[id] = p }
            }
        }
        func range(_ values: [TOMLNumber], _ path: String) -> ClosedRange<Int>? {
            guard values.count == 2, let lo = values[0].wholeNumber, let hi = values[1].wholeNumber, lo >= 0, lo <= hi
            else {
                v.report(path, "[" + values.map(\.text).joined(separator: ", ") + "]", "is not a range of days",
                         "Give [first, last] whole days with 0 ≤ first ≤ last.")
                return nil
            }
            return lo...hi
        }
        if let x = nonNegative(raw.siteSD, "site_sd") { result.siteSD = x }
        if let x = raw.periodEffect?.value { result.periodEffect = x }
        if let x = nonNegative(raw.dropoutHazard, "dropout_hazard") { result.dropoutHazard = x }
        if let n = raw.deviation, let x = probability(n, "deviation") { result.deviation = x }
        if let values = raw.daysBetweenInjections, let r = range(values, "days_between_injections") {
            result.daysBetweenInjections = r
        }
        byCondition(raw.initiation, "initiation", into: &result.initiation)
        byCondition(raw.secondInjection, "second_injection", into: &result.secondInjection)
        byCondition(raw.thirdInjection, "third_injection", into: &result.thirdInjection)
        for (id, values) in raw.daysToFirstInjection ?? [:] {
            guard conditionIDs.contains(id) else {
                v.report("days_to_first_injection.\(id)", nil, "is not a condition of the protocol",
                         "Use one of: " + conditionIDs.joined(separator: ", ") + ".")
                continue
            }
            if let r = range(values, "days_to_first_injection.\(id)") { result.daysToFirstInjection[id] = r }
        }
        for (id, n) in raw.enrollment ?? [:] {
            guard `protocol`.site(id: id) != nil else {
                v.report("enrollment.\(id)", nil, "is not a site of the protocol",
                         "Use one of: " + `protocol`.sites.map(\.id).joined(separator: ", ") + ".")
                continue
            }
            if let x = nonNegative(n, "enrollment.\(id)") { result.enrollment[id] = x }
        }
        for (id, table) in raw.covariates ?? [:] {
            guard let covariate = `protocol`.baseline.first(where: { $0.id == id }) else {
                v.report("covariates.\(id)", nil, "is not a baseline covariate of the protocol",
                         "Use one of: " + `protocol`.baseline.map(\.id).joined(separator: ", ") + ".")
                continue
            }
            let path = "covariates.\(id)"
            let siteSD = nonNegative(table.siteSD, path + ".site_sd")
            switch (covariate.kind, result.covariates[id]) {
            case (.number, .number(let mean, let sd, let oldSiteSD, let decimals)?):
                result.covariates[id] = .number(
                    mean: table.mean?.value ?? mean, sd: nonNegative(table.sd, path + ".sd") ?? sd,
                    siteSD: siteSD ?? oldSiteSD, decimals: table.decimals?.wholeNumber.map { max(0, min($0, 6)) } ?? decimals)
            case (.boolean, .proportion(let p, let oldSiteSD)?):
                result.covariates[id] = .proportion(
                    p: table.p.flatMap { probability($0, path + ".p") } ?? p, siteSD: siteSD ?? oldSiteSD)
            case (.categorical(let levels), .categorical(var weights, let oldSiteSD)?):
                for (level, n) in table.weights ?? [:] {
                    guard let k = levels.firstIndex(of: level) else {
                        v.report("\(path).weights.\(level)", nil, "is not a level of \(id)",
                                 "Use one of: " + levels.joined(separator: ", ") + ".")
                        continue
                    }
                    if let w = nonNegative(n, "\(path).weights.\(level)") { weights[k] = w }
                }
                result.covariates[id] = .categorical(weights: weights, siteSD: siteSD ?? oldSiteSD)
            default:
                v.report(path, nil, "does not match the covariate's type",
                         "Numbers take mean, sd, site_sd, decimals; yes/no takes p, site_sd; categories take weights, site_sd.")
            }
        }
        guard v.issues.isEmpty else { throw ProtocolError(issues: v.issues) }
        return result
    }
}
