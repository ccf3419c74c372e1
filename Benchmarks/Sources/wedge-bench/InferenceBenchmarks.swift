// SPDX-License-Identifier: Apache-2.0

import Dispatch
import WedgeStats

/// The GLMM's small-sample inference on the SWIFT-size cells: the parametric bootstrap likelihood-ratio test with
/// 1,000 replicates (2,000 refits, on every core) and the profile-likelihood interval of the treatment effect.
enum InferenceBenchmarks {
    static var tasks: [BenchTask] {
        [
            BenchTask(
                id: "glmm-bootstrap-1000-swift", title: "GLMM parametric bootstrap LRT, 1,000 replicates (all cores)",
                size: Datasets.swift.label,
                rEquivalent: "pbkrtest::PBmodcomp(full, null, nsim = 1000, cl = 1) on the glmer cell fits"
            ) { context in try bootstrap(context) },
            BenchTask(
                id: "glmm-profile-swift", title: "GLMM profile-likelihood 95% CI of the treatment effect",
                size: Datasets.swift.label,
                rEquivalent: "confint(glmer(cbind(y, n - y) ~ ...), parm = \"treat\", method = \"profile\")"
            ) { context in try profile(context) },
        ]
    }

    static func bootstrap(_ context: BenchContext) throws -> TaskResult {
        let cells = try ModelData.cells(context, Datasets.swift)
        let replicates = 1_000
        var result: ParametricBootstrapResult?
        let sample = Stopwatch.measure(budget: context.budget) {
            let test = ParametricBootstrap(cells, coefficient: 1)
            let values = UnsafeMutableBufferPointer<Double>.allocate(capacity: replicates)
            defer { values.deallocate() }
            nonisolated(unsafe) let slots = values
            DispatchQueue.concurrentPerform(iterations: replicates / 50) { chunk in
                for r in (chunk * 50)..<((chunk + 1) * 50) { slots[r] = test.replicate(r, seed: 20_210_316) }
            }
            result = test.result(Array(values))
        }
        guard let result, result.failures == 0 else { throw BenchError("bootstrap refits failed") }
        return TaskResult(sample, estimates: [
            "lrt": result.statistic, "p_pb": result.pValue, "positive": Double(result.positive),
        ], note: "2,000 quasi-Newton refits; p = \(result.pValue)")
    }

    static func profile(_ context: BenchContext) throws -> TaskResult {
        let cells = try ModelData.cells(context, Datasets.swift)
        var interval = IntervalEstimate(estimate: .nan, lower: .nan, upper: .nan, confidenceLevel: 0.95)
        let sample = Stopwatch.measure(budget: context.budget) {
            interval = LogisticGLMM.profileInterval(cells, fit: LogisticGLMM.fit(cells), coefficient: 1)
        }
        return TaskResult(sample, estimates: ["profile_lower": interval.lower, "profile_upper": interval.upper],
                          note: "fit plus about 20 refits with the coefficient in the offset")
    }
}
