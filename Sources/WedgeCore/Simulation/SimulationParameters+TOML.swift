// SPDX-License-Identifier: Apache-2.0

extension SimulationParameters {
    /// The parameters as a parameters file (TOML) that ``applying(_:file:protocol:)`` reads back, with comments.
    /// Keys are in protocol order, so the text is deterministic.
    public func tomlText(for protocol: StudyProtocol) -> String {
        func number(_ x: Double) -> String {
            x.rounded() == x && abs(x) < 1e15 ? String(Int(x)) + ".0" : "\(x)"
        }
        func key(_ s: String) -> String {
            s.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" } ? s : "\"\(s)\""
        }
        let conditions = `protocol`.conditions.map(\.id)
        var out = [
            "# Simulation parameters for \(`protocol`.study.id). See docs/simulation.md for the model.",
            "site_sd = \(number(siteSD))  # SD of the site intercept, logit scale",
            "period_effect = \(number(periodEffect))  # added to the initiation logit per period (secular trend)",
            "dropout_hazard = \(number(dropoutHazard))  # daily hazard of dropout after the last injection",
            "deviation = \(number(deviation))  # probability of receiving a non-assigned procedure",
            "days_between_injections = [\(daysBetweenInjections.lowerBound), \(daysBetweenInjections.upperBound)]",
            "",
            "[initiation]  # P(first injection) for a typical site in period 1",
        ]
        out += conditions.map { "\(key($0)) = \(number(initiation[$0] ?? 0))" }
        out += ["", "[second_injection]  # P(second | first)"]
        out += conditions.map { "\(key($0)) = \(number(secondInjection[$0] ?? 0))" }
        out += ["", "[third_injection]  # P(third | second)"]
        out += conditions.map { "\(key($0)) = \(number(thirdInjection[$0] ?? 0))" }
        out += ["", "[days_to_first_injection]  # uniform on [first, last] days after admission"]
        out += conditions.map { id in
            let r = daysToFirstInjection[id] ?? 0...0
            return "\(key(id)) = [\(r.lowerBound), \(r.upperBound)]"
        }
        out += ["", "[enrollment]  # expected participants per site over the whole study"]
        out += `protocol`.sites.map { "\(key($0.id)) = \(number(enrollment[$0.id] ?? 0))" }
        for covariate in `protocol`.baseline {
            guard let model = covariates[covariate.id] else { continue }
            out += ["", "[covariates.\(key(covariate.id))]"]
            switch (model, covariate.kind) {
            case (.number(let mean, let sd, let siteSD, let decimals), _):
                out += ["mean = \(number(mean))", "sd = \(number(sd))", "site_sd = \(number(siteSD))",
                        "decimals = \(decimals)"]
            case (.proportion(let p, let siteSD), _):
                out += ["p = \(number(p))", "site_sd = \(number(siteSD))  # logit scale"]
            case (.categorical(let weights, let siteSD), .categorical(let levels)):
                let pairs = zip(levels, weights).map { "\(key($0)) = \(number($1))" }.joined(separator: ", ")
                out += ["weights = { \(pairs) }", "site_sd = \(number(siteSD))  # log scale, per level"]
            default:
                continue
            }
        }
        return out.joined(separator: "\n") + "\n"
    }
}
