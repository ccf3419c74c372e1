// SPDX-License-Identifier: Apache-2.0


/// The imbalance of an allocation over site covariates, for covariate-constrained randomization.
///
/// Each balance covariate is first standardized across sites, `z = (x − x̄) / s` (sample SD; a covariate with
/// `s = 0` contributes nothing). For every period `p` in which both the control and some other condition run,
/// let `d(c, p)` be the mean `z` of the sites off control minus the mean `z` of the sites on control. The score is
///
///     B = Σ_c Σ_p d(c, p)²
///
/// so it is small when large and small sites cross evenly early and late. It is the stepped-wedge form of the
/// `B` balance metric of Raab & Butcher (2001), Stat Med 20:351–365, and of cvcrand's `l2` metric
/// (Yu et al. 2019, Stata J 19:100–121), summed over periods. Scores are rounded to 9 decimal places
/// (``quantize(_:)``) so that ties do not depend on the order of floating-point sums.
public struct ImbalanceScore: Sendable {
    private let z: [[Double]]            // [covariate][site]
    private let offControl: [[Bool]]     // [sequence][period]

    /// Prepares the score for a protocol's sites, design and balance covariates.
    public init(protocol: StudyProtocol, covariates: [String]) {
        let sites = `protocol`.sites
        z = covariates.map { name in
            let x = sites.map { $0.covariates[name] ?? 0 }
            let mean = x.reduce(0, +) / Double(x.count)
            let variance = x.count > 1 ? x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(x.count - 1) : 0
            let sd = variance.squareRoot()
            return x.map { sd > 0 ? ($0 - mean) / sd : 0 }
        }
        let control = `protocol`.control.id
        offControl = `protocol`.design.sequences.map { $0.conditions.map { $0 != control } }
    }

    /// The score `B` of `allocation` (the sequence index of each site, in protocol order).
    public func score(_ allocation: [Int]) -> Double {
        let periods = offControl.first?.count ?? 0
        var total = 0.0
        for zc in z {
            for p in 0..<periods {
                var sumOn = 0.0, nOn = 0, sumOff = 0.0, nOff = 0
                for (site, sequence) in allocation.enumerated() {
                    if offControl[sequence][p] {
                        sumOff += zc[site]
                        nOff += 1
                    } else {
                        sumOn += zc[site]
                        nOn += 1
                    }
                }
                guard nOn > 0, nOff > 0 else { continue }
                let d = sumOff / Double(nOff) - sumOn / Double(nOn)
                total += d * d
            }
        }
        return Self.quantize(total)
    }

    /// `x` rounded to 9 decimal places, exactly `floor(x·10⁹ + 0.5) / 10⁹`.
    static func quantize(_ x: Double) -> Double {
        (x * 1e9 + 0.5).rounded(.down) / 1e9
    }
}
