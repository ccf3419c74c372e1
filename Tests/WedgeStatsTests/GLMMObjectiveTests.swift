// SPDX-License-Identifier: Apache-2.0

import Testing
@testable import WedgeStats

@Suite("GLMM deviance and gradient")
struct GLMMObjectiveTests {
    /// The analytic gradient (implicit differentiation through the modes and scales) against central
    /// differences of the deviance, at a point away from the optimum, for Laplace and 10-point AGQ.
    /// Tolerance 1e-6 relative to the gradient scale: the central-difference truncation error is
    /// about h² = 1e-8 times the third derivative.
    @Test(arguments: [1, 10])
    func gradientMatchesFiniteDifferences(points: Int) throws {
        let cells = try GLMMFixtures.cells("covariate", covariate: true).collapsed()
        let objective = GLMMObjective(cells, rule: GaussHermiteRule(points: points))
        let phi = [0.7, 0.1, 0.8, 0.5, 1.1, 0.9, 0.7]
        var gradient = Array(repeating: 0.0, count: phi.count)
        _ = objective.valueAndGradient(phi, into: &gradient)
        let scale = gradient.map(abs).max()!
        let h = 1e-4
        for j in phi.indices {
            var plus = phi, minus = phi
            plus[j] += h
            minus[j] -= h
            let numeric = (objective.value(plus) - objective.value(minus)) / (2 * h)
            #expect(abs(numeric - gradient[j]) <= 1e-6 * scale, "∂/∂φ\(j): \(gradient[j]) vs \(numeric)")
        }
    }

    /// The deviance is even in θ, which is what lets the optimiser leave θ unconstrained.
    @Test func devianceIsEvenInTheta() throws {
        let objective = GLMMObjective(try GLMMFixtures.cells("swift"), rule: GaussHermiteRule(points: 5))
        let beta = [-0.6, 1.0, 0.1, -0.2, 0.1, 0.3]
        #expect(abs(objective.value([0.4] + beta) - objective.value([-0.4] + beta)) < 1e-10)
    }
}
