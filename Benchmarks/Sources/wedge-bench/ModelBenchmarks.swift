// SPDX-License-Identifier: Apache-2.0

import WedgeStats

/// GLMM (Laplace and 10-point adaptive Gauss–Hermite) and GEE fits on the SWIFT-size and large datasets, and the
/// nested-exchangeable GLMM at SWIFT size.
enum ModelBenchmarks {
    static var tasks: [BenchTask] {
        var tasks: [BenchTask] = []
        for shape in [Datasets.swift, Datasets.large] {
            for (label, method) in [("laplace", GLMMMethod.laplace), ("agq10", .adaptiveGaussHermite(points: 10))] {
                let nAGQ = method.points
                tasks.append(BenchTask(
                    id: "glmm-\(label)-\(shape.name)",
                    title: "GLMM \(nAGQ == 1 ? "Laplace" : "AGQ(10)") fit, binomial cells",
                    size: shape.label,
                    rEquivalent: "lme4::glmer(cbind(y, n - y) ~ treat + factor(period) + (1 | site), binomial, nAGQ = \(nAGQ))"
                ) { context in try glmm(context, shape, method) })
            }
        }
        tasks.append(BenchTask(
            id: "glmm-nested-swift", title: "Nested-exchangeable GLMM (site and site × period intercepts), Laplace",
            size: Datasets.swift.label,
            rEquivalent: "lme4::glmer(cbind(y, n - y) ~ treat + factor(period) + (1 | site) + (1 | site:period), binomial)"
        ) { context in try nested(context, Datasets.swift) })
        for shape in [Datasets.swift, Datasets.large] {
            tasks.append(BenchTask(
                id: "gee-\(shape.name)", title: "GEE exchangeable, robust + KC + MD SEs, individual rows", size: shape.label,
                rEquivalent: "geepack::geeglm(y ~ treat + factor(period), id = site, binomial, corstr = \"exchangeable\")"
            ) { context in try gee(context, shape) })
        }
        return tasks
    }

    static func glmm(_ context: BenchContext, _ shape: Datasets.Shape, _ method: GLMMMethod) throws -> TaskResult {
        let cells = try ModelData.cells(context, shape)
        var fit = LogisticGLMM.fit(cells, method: method)
        let sample = Stopwatch.measure(budget: context.budget) { fit = LogisticGLMM.fit(cells, method: method) }
        guard fit.converged else { throw BenchError("GLMM did not converge: \(fit.message)") }
        let lme4Scale = method.points == 1 ? fit.logLikelihood : fit.logLikelihood - fit.saturatedLogLikelihood
        return TaskResult(sample, estimates: [
            "logLik": lme4Scale, "beta_treat": fit.coefficients[1], "se_treat": fit.standardErrors[1],
            "tau": fit.siteSD, "evaluations": Double(fit.evaluations), "iterations": Double(fit.iterations),
            "cells": Double(cells.count), "coefficients": Double(cells.coefficientCount),
        ], note: "\(fit.iterations) Newton iterations, \(fit.evaluations) deviance evaluations")
    }

    static func nested(_ context: BenchContext, _ shape: Datasets.Shape) throws -> TaskResult {
        let (cells, period) = try ModelData.cellsWithPeriods(context, shape)
        var fit = NestedGLMM.fit(cells, period: period)
        let sample = Stopwatch.measure(budget: context.budget) { fit = NestedGLMM.fit(cells, period: period) }
        guard fit.converged else { throw BenchError("nested GLMM did not converge: \(fit.message)") }
        return TaskResult(sample, estimates: [
            "logLik": fit.logLikelihood, "beta_treat": fit.coefficients[1], "se_treat": fit.standardErrors[1],
            "site_sd": fit.siteSD, "site_period_sd": fit.sitePeriodSD, "evaluations": Double(fit.evaluations),
            "iterations": Double(fit.iterations), "cells": Double(cells.count),
        ], note: "\(fit.iterations) Newton iterations, \(fit.evaluations) deviance evaluations\(fit.isSingular ? ", singular" : "")")
    }

    static func gee(_ context: BenchContext, _ shape: Datasets.Shape) throws -> TaskResult {
        let data = try ModelData.individuals(context, shape)
        let x = ModelData.design(treat: data.treat, period: data.period, periods: shape.periods)
        let y = data.y.map(Double.init)
        var fit = LogisticGEE.fit(y: y, design: x, cluster: data.site)
        let sample = Stopwatch.measure(budget: context.budget) { fit = LogisticGEE.fit(y: y, design: x, cluster: data.site) }
        guard fit.converged else { throw BenchError("GEE did not converge: \(fit.status)") }
        return TaskResult(sample, estimates: [
            "beta_treat": fit.coefficients[1], "se_robust_treat": fit.standardErrors(.robust)[1],
            "se_kc_treat": fit.standardErrors(.kauermannCarroll)[1], "se_md_treat": fit.standardErrors(.manclDeRouen)[1],
            "alpha": fit.alpha, "iterations": Double(fit.iterations),
        ], note: "\(fit.iterations) iterations to 1e-10 (geepack's default stops at 1e-4)")
    }
}
