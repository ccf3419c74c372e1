// SPDX-License-Identifier: Apache-2.0

/// How the Cox partial likelihood treats tied event times.
///
/// With `d` events at a time, risk set sum `S` and events' sum `S_D` of `exp(xβ)`:
/// - ``efron``: `Π_{k=0}^{d−1} (S − (k/d)·S_D)` in the denominator (Efron 1977), `coxph`'s default and
///   close to the exact partial likelihood;
/// - ``breslow``: `S^d` (Breslow 1974), what many other packages use.
///
/// Without ties the two coincide.
///
/// References: B. Efron (1977), "The efficiency of Cox's likelihood function for censored data",
/// *JASA* 72, 557–565. N. Breslow (1974), "Covariance analysis of censored survival data",
/// *Biometrics* 30, 89–99.
public enum CoxTies: String, Sendable, CaseIterable {
    /// Efron's approximation (R `coxph(ties = "efron")`, the default).
    case efron
    /// Breslow's approximation (R `coxph(ties = "breslow")`).
    case breslow
}
