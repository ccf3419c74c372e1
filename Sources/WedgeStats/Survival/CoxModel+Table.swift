// SPDX-License-Identifier: Apache-2.0

import RealModule

extension CoxModel {
    /// Hazard ratios with Wald intervals and p-values, as `summary(coxph(...))`.
    ///
    /// For each coefficient, with `se` the robust standard error when clusters were given and the
    /// model-based one otherwise (as summary.coxph does): `z = β̂/se`, `p = 2·(1 − Φ(|z|))`,
    /// hazard ratio `exp(β̂)` with interval `exp(β̂ ± z_{1−α/2}·se)`. Large-sample normal theory;
    /// with few clusters the robust interval is too narrow.
    /// - Parameter confidenceLevel: Two-sided coverage (default 0.95); outside (0, 1) the limits are NaN.
    /// - Returns: One ``CoxCoefficient`` per covariate column.
    public func coefficientTable(confidenceLevel: Double = 0.95) -> [CoxCoefficient] {
        let se = robustStandardErrors ?? standardErrors
        let critical = IntervalEstimate.criticalValue(confidenceLevel)
        return coefficients.indices.map { j in
            let beta = coefficients[j]
            let z = beta / se[j]
            return CoxCoefficient(
                estimate: beta, standardError: se[j], modelStandardError: standardErrors[j],
                isRobust: robustVariance != nil, z: z, pValue: 2 * Normal.complementaryCDF(abs(z)),
                hazardRatio: IntervalEstimate(
                    estimate: Double.exp(beta), lower: Double.exp(beta - critical * se[j]),
                    upper: Double.exp(beta + critical * se[j]), confidenceLevel: confidenceLevel))
        }
    }
}
