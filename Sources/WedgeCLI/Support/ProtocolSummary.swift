// SPDX-License-Identifier: Apache-2.0

internal import WedgeCore

/// A few lines that describe a validated protocol.
enum ProtocolSummary {
    static func describe(_ loaded: LoadedProtocol, path: String) -> String {
        let p = loaded.protocol
        let cal = p.calendar
        let conditions = p.conditions.map { "\($0.id) (\($0.code)\($0.isControl ? ", control" : ""))" }
        var lines = [
            "\(path): OK",
            "  study       \(p.study.id): \(p.study.title)",
            "  conditions  " + conditions.joined(separator: ", "),
            "  sites       \(p.sites.count): " + p.sites.map(\.id).joined(separator: ", "),
            "  calendar    \(cal.periodCount) periods of \(cal.periodWeeks) weeks, \(cal.startDate.iso) to \(cal.endDate.iso)",
            "  design      \(p.design.kind.rawValue), \(p.design.sequences.count) sequences: "
                + p.design.sequences.map { seq in
                    let codes = String(seq.conditions.compactMap { p.condition(id: $0)?.code })
                    return seq.multiplicity > 1 ? "\(codes)×\(seq.multiplicity)" : codes
                }.joined(separator: " "),
            "  transition  " + (p.transition.weeks == 0 ? "none"
                : "\(p.transition.weeks) weeks, \(p.transition.includeInPrimary ? "in" : "excluded from") the primary analysis"),
            "  notice      \(p.noticeWeeks) weeks before each crossover",
            "  randomize   \(p.randomization.method.rawValue)"
                + (p.randomization.method == .constrained
                    ? " on \(p.randomization.balanceCovariates.joined(separator: ", ")), best \(p.randomization.admissibleFraction)"
                    : ""),
            "  sha256      \(loaded.digest)",
        ]
        if !p.baseline.isEmpty { lines.insert("  baseline    " + p.baseline.map(\.id).joined(separator: ", "), at: 8) }
        return lines.joined(separator: "\n")
    }
}
