// SPDX-License-Identifier: Apache-2.0

extension BinomialCells {
    /// `Σᵢ log C(nᵢ, yᵢ)` over the cells: the difference between the binomial-cell log-likelihood of a fit and the
    /// log-likelihood of the same model on the individual 0/1 rows the cells summarise.
    ///
    /// A participant's Bernoulli likelihood `μ^y (1 − μ)^{1−y}` has no binomial coefficient, so for a cell of `n`
    /// participants with `y` events the cell likelihood `C(n, y) μ^y (1 − μ)^{n−y}` is `C(n, y)` times the product
    /// of its participants' likelihoods. `glmer` on the individual rows therefore reports
    /// ``GLMMFit/logLikelihood`` of the cells minus this sum (−271.13 against −50.08 on CTN-0097's published
    /// counts, 415 rows in 30 cells); the estimates, SEs and likelihood-ratio statistics are the same either way. Zero for
    /// individual rows (`nᵢ = 1`).
    public var logBinomialCoefficientSum: Double { GLMMObjective.constants(self).logChoose }

    /// The number of individual 0/1 rows the cells summarise, `Σᵢ nᵢ` (glmer's `nobs` on those rows).
    public var individualCount: Double { trials.reduce(0, +) }
}
