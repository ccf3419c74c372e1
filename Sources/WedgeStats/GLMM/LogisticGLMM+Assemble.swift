// SPDX-License-Identifier: Apache-2.0

extension LogisticGLMM {
    /// Builds the reported fit from the optimum: covariances, log-likelihood on the scale of `data`.
    static func assemble(
        _ data: BinomialCells, _ cells: BinomialCells, _ method: GLMMMethod, _ options: GLMMOptions,
        _ objective: GLMMObjective, _ outcome: GLMMNewton.Outcome, _ hessian: Matrix
    ) -> GLMMFit {
        let p = data.design.columns
        var phi = outcome.parameters
        phi[0] = abs(phi[0])
        let value = objective.value(phi)
        let conditional = objective.conditional(phi)
        // Constants refer to the rows as passed, even when the fit used collapsed cells.
        let original = GLMMObjective.constants(data)
        let collapsedConstants = (objective.logChooseSum, objective.saturatedKernel)
        let logLikelihood = -0.5 * value + (original.logChoose - collapsedConstants.0)
        let deviance = conditional.devianceResidualSum + 2 * (original.saturatedKernel - collapsedConstants.1)

        let conditionalCovariance = Cholesky(conditional.information)?.inverse ?? nanMatrix(p)
        var message = outcome.message
        var covariance = conditionalCovariance
        var fromHessian = false
        if let factor = Cholesky(hessian) {
            let inverse = factor.inverse
            for i in 0..<p { for j in 0..<p { covariance[i, j] = 2 * inverse[i + 1, j + 1] } }
            fromHessian = true
        } else {
            message += "; the Hessian over (θ, β) is not positive definite, so standard errors are conditional on τ"
        }
        let tau = phi[0]
        let singular = tau < options.singularTolerance
        if singular { message += "; singular fit (τ = \(tau) < \(options.singularTolerance))" }
        return GLMMFit(
            method: method,
            coefficients: Array(phi[1...]),
            standardErrors: covariance.diagonal.map { $0.squareRoot() },
            covariance: covariance,
            conditionalStandardErrors: conditionalCovariance.diagonal.map { $0.squareRoot() },
            conditionalCovariance: conditionalCovariance,
            hasHessianCovariance: fromHessian,
            siteSD: tau,
            clusterEffects: conditional.clusterEffects,
            logLikelihood: logLikelihood,
            saturatedLogLikelihood: original.logChoose + original.saturatedKernel,
            deviance: deviance,
            iterations: outcome.iterations,
            evaluations: objective.evaluations,
            converged: outcome.converged,
            isSingular: singular,
            message: message)
    }

    /// A fit of NaNs for data or settings that cannot be fitted.
    static func failed(_ data: BinomialCells, _ method: GLMMMethod, _ reason: String) -> GLMMFit {
        let p = data.design.columns
        let nans = Array(repeating: Double.nan, count: p)
        return GLMMFit(
            method: method, coefficients: nans, standardErrors: nans, covariance: nanMatrix(p),
            conditionalStandardErrors: nans, conditionalCovariance: nanMatrix(p), hasHessianCovariance: false,
            siteSD: .nan, clusterEffects: Array(repeating: .nan, count: data.clusterCount),
            logLikelihood: .nan, saturatedLogLikelihood: .nan, deviance: .nan, iterations: 0, evaluations: 0,
            converged: false, isSingular: false, message: reason)
    }

    static func nanMatrix(_ p: Int) -> Matrix {
        var m = Matrix(rows: p, columns: p)
        for k in m.storage.indices { m.storage[k] = .nan }
        return m
    }
}
