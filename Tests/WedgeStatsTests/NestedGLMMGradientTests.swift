// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing
@testable import WedgeStats

/// The exact gradient of the nested Laplace deviance against central differences of its value.
///
/// Central differences with step 1e-5 have truncation error about 1e-10 · f‴ and rounding error about
/// 1e-13 · |F| / 1e-5 ≈ 1e-6 for these deviances (|F| ≈ 100–500), so the two must agree to 1e-5 absolute; a
/// wrong term (a missing mode derivative, a sign) is off by far more (order 0.1–10).
@Suite("Nested GLMM gradient")
struct NestedGLMMGradientTests {
    @Test("analytic gradient = central differences", arguments: ModelReferenceData.names)
    func gradient(_ name: String) throws {
        let data = try ModelReferenceData.load(name)
        for model in [ExposureTimeModel.immediate, .indicators] {
            let cells = data.cells(model)
            let objective = NestedGLMMObjective(cells, period: data.period)
            let p = cells.design.columns
            for theta in [(0.4, 0.3), (0.05, 0.6), (0.7, 0.0)] {
                let phi = [theta.0, theta.1] + (0..<p).map { 0.1 * Double($0 % 3) - 0.3 }
                let (value, gradient) = objective.valueAndGradient(phi)
                #expect(abs(value - objective.value(phi)) < 1e-9)
                for k in phi.indices {
                    var up = phi, down = phi
                    up[k] += 1e-5
                    down[k] -= 1e-5
                    let numeric = (objective.value(up) - objective.value(down)) / 2e-5
                    #expect(abs(gradient[k] - numeric) < 1e-5 * max(1, abs(numeric)),
                            "\(name) θ = \(theta) component \(k): \(gradient[k]) vs \(numeric)")
                }
            }
        }
    }
}
