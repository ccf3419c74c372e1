// SPDX-License-Identifier: Apache-2.0

internal import Foundation

/// The one way Wedge formats numbers, in every table and every format.
///
/// Percentages to one decimal; ratios and estimates to two decimals; p-values to three decimals, or `< 0.001`;
/// intervals as `lower–upper` with an en dash. Formatting uses the POSIX locale, so output never depends on the
/// machine's language settings.
public enum NumberFormat {
    /// `0.627` → `"62.7"`.
    public static func percent(_ fraction: Double) -> String { fixed(100 * fraction, 1) }

    /// `141, 225` → `"141 (62.7%)"`.
    public static func countPercent(_ count: Int, of total: Int) -> String {
        total > 0 ? "\(count) (\(percent(Double(count) / Double(total)))%)" : "\(count) (–)"
    }

    /// A percentage interval: `"56.2–68.8"`.
    public static func percentInterval(_ lower: Double, _ upper: Double) -> String {
        interval(100 * lower, 100 * upper, digits: 1)
    }

    /// An interval with an en dash: `"2.12–6.10"`. Both limits undefined give `"–"`; one undefined limit is
    /// written `"NR"` (not reached, as for a median survival time whose band never crosses ½).
    public static func interval(_ lower: Double, _ upper: Double, digits: Int = 2) -> String {
        if lower.isNaN && upper.isNaN { return "–" }
        return (lower.isNaN ? "NR" : fixed(lower, digits)) + "–" + (upper.isNaN ? "NR" : fixed(upper, digits))
    }

    /// A p-value: `"< 0.001"` below 0.001, else three decimals.
    public static func pValue(_ p: Double) -> String {
        guard p.isFinite else { return "–" }
        return p < 0.001 ? "< 0.001" : fixed(p, 3)
    }

    /// `x` with `digits` decimals; `–` for NaN, `∞`/`−∞` for infinities. Negative values use a minus sign
    /// (U+2212); negative zero prints as zero.
    public static func fixed(_ x: Double, _ digits: Int) -> String {
        if x.isNaN { return "–" }
        if x.isInfinite { return x > 0 ? "∞" : "−∞" }
        let text = String(format: "%.\(digits)f", locale: Locale(identifier: "en_US_POSIX"), x)
        if text.hasPrefix("-") {
            let magnitude = String(text.dropFirst())
            return magnitude.allSatisfy { $0 == "0" || $0 == "." } ? magnitude : "−" + magnitude
        }
        return text
    }
}
