// SPDX-License-Identifier: Apache-2.0

/// The raw shape of a simulation parameters file (TOML), decoded strictly; see `docs/simulation.md`.
struct SimulationParametersFile: Decodable {
    var siteSD: TOMLNumber?
    var periodEffect: TOMLNumber?
    var dropoutHazard: TOMLNumber?
    var deviation: TOMLNumber?
    var daysBetweenInjections: [TOMLNumber]?
    var initiation: [String: TOMLNumber]?
    var secondInjection: [String: TOMLNumber]?
    var thirdInjection: [String: TOMLNumber]?
    var daysToFirstInjection: [String: [TOMLNumber]]?
    var enrollment: [String: TOMLNumber]?
    var covariates: [String: CovariateTable]?

    enum CodingKeys: String, CodingKey {
        case siteSD = "site_sd", periodEffect = "period_effect", dropoutHazard = "dropout_hazard", deviation
        case daysBetweenInjections = "days_between_injections", initiation
        case secondInjection = "second_injection", thirdInjection = "third_injection"
        case daysToFirstInjection = "days_to_first_injection", enrollment, covariates
    }

    struct CovariateTable: Decodable {
        var mean: TOMLNumber?
        var sd: TOMLNumber?
        var siteSD: TOMLNumber?
        var decimals: TOMLNumber?
        var p: TOMLNumber?
        var weights: [String: TOMLNumber]?

        enum CodingKeys: String, CodingKey {
            case mean, sd, siteSD = "site_sd", decimals, p, weights
        }
    }

    /// Every key the format knows, by table path, for "did you mean" suggestions.
    static let knownKeys: [String: [String]] = [
        "": CodingKeys.allNames,
        "covariates": [],
    ]
}

extension SimulationParametersFile.CodingKeys {
    static var allNames: [String] {
        ["site_sd", "period_effect", "dropout_hazard", "deviation", "days_between_injections", "initiation",
         "second_injection", "third_injection", "days_to_first_injection", "enrollment", "covariates"]
    }
}
