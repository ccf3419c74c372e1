// SPDX-License-Identifier: Apache-2.0

import WedgeStats

/// Kaplan–Meier, log-rank and Cox (Efron ties, cluster-robust SE) on the 20,000-participant dataset.
enum SurvivalBenchmarks {
    static var tasks: [BenchTask] {
        let shape = Datasets.large
        return [
            BenchTask(id: "km-20k", title: "Kaplan–Meier with Greenwood CIs and median", size: shape.label,
                      rEquivalent: "survival::survfit(Surv(time, event) ~ 1)") { context in
                let data = try ModelData.individuals(context, shape)
                var km = KaplanMeier(time: data.time, event: data.event)
                let sample = Stopwatch.measure(budget: context.budget) {
                    km = KaplanMeier(time: data.time, event: data.event)
                    _ = km.median
                }
                return TaskResult(sample, estimates: [
                    "times": Double(km.times.count), "median_survival": km.median.estimate,
                    "survival_last": km.survival.last ?? .nan, "survival_90": km.survival(at: 90),
                ])
            },
            BenchTask(id: "logrank-20k", title: "Log-rank test by condition", size: shape.label,
                      rEquivalent: "survival::survdiff(Surv(time, event) ~ treat)") { context in
                let data = try ModelData.individuals(context, shape)
                var test = LogRankTest(time: data.time, event: data.event, group: data.treat)
                let sample = Stopwatch.measure(budget: context.budget) {
                    test = LogRankTest(time: data.time, event: data.event, group: data.treat)
                }
                return TaskResult(sample, estimates: ["chisq": test.chiSquared, "observed_0": test.observed[0]])
            },
            BenchTask(id: "cox-20k", title: "Cox (Efron), treat + age, cluster-robust SE by site", size: shape.label,
                      rEquivalent: "survival::coxph(Surv(time, event) ~ treat + age, cluster = site)") { context in
                let data = try ModelData.individuals(context, shape)
                var x = Matrix(rows: data.count, columns: 2)
                for i in 0..<data.count {
                    x[i, 0] = Double(data.treat[i])
                    x[i, 1] = data.age[i]
                }
                var fit = CoxModel(time: data.time, event: data.event, covariates: x, cluster: data.site)
                let sample = Stopwatch.measure(budget: context.budget) {
                    fit = CoxModel(time: data.time, event: data.event, covariates: x, cluster: data.site)
                }
                guard fit.isConverged else { throw BenchError("Cox fit did not converge") }
                return TaskResult(sample, estimates: [
                    "beta_treat": fit.coefficients[0], "beta_age": fit.coefficients[1],
                    "se_robust_treat": fit.robustStandardErrors?[0] ?? .nan, "se_treat": fit.standardErrors[0],
                    "logLik": fit.logLikelihood, "iterations": Double(fit.iterations),
                ])
            },
        ]
    }
}
