// SPDX-License-Identifier: Apache-2.0

/// A cluster: the unit of randomization, such as an inpatient addiction treatment unit.
public struct Site: Sendable, Equatable, Hashable {
    /// A stable identifier such as `site-a`.
    public var id: String
    /// A display name.
    public var name: String
    /// Site-level covariates, by name, such as `expected_enrollment`. Used by constrained randomization
    /// and by the simulator.
    public var covariates: [String: Double]

    /// Creates a site.
    public init(id: String, name: String, covariates: [String: Double] = [:]) {
        self.id = id
        self.name = name
        self.covariates = covariates
    }

    /// The expected number of participants over the whole study, when the protocol gives it.
    public var expectedEnrollment: Double? { covariates[Site.expectedEnrollmentKey] }

    /// The covariate name that carries expected enrollment.
    public static let expectedEnrollmentKey = "expected_enrollment"
}
