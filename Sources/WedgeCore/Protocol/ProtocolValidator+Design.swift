// SPDX-License-Identifier: Apache-2.0

extension ProtocolValidator {
    mutating func calendar(_ t: ProtocolFile.CalendarTable?, design: Design?) -> StudyCalendar? {
        guard let t = require(t, "calendar", "Add a [calendar] table with start_date and period_weeks.")
        else { return nil }
        var start: CivilDate?
        let dateAdvice = "Give the first day of period 1 as a date, such as start_date = 2021-03-16."
        if let raw = require(t.startDate, "calendar.start_date", dateAdvice) {
            start = raw.date
            if start == nil { report("calendar.start_date", raw.text, "is not a real date", dateAdvice) }
        }
        let weeks = whole(t.periodWeeks, "calendar.period_weeks", in: 1...520, "the length of each period in weeks")
        let periods = whole(t.periods, "calendar.periods", in: 1...1000, "the number of periods", required: false)
        if let periods, let design, design.periodCount != periods {
            report("calendar.periods", String(periods), "disagrees with the design's \(design.periodCount) periods",
                   "Make calendar.periods match the design, or leave it out.")
            return nil
        }
        guard let start, let weeks, let count = periods ?? design?.periodCount else { return nil }
        return StudyCalendar(startDate: start, periodWeeks: weeks, periodCount: count)
    }

    mutating func design(_ t: ProtocolFile.DesignTable?, conditions: [Condition]?, siteCount: Int?) -> Design? {
        guard let t = require(t, "design", "Add a [design] table with sequences, or with sites_per_step.")
        else { return nil }
        let kinds = DesignKind.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
        let kind = DesignKind(rawValue: t.type ?? DesignKind.steppedWedge.rawValue)
        if kind == nil { report("design.type", t.type.map(quoted), "is not a known design type", "Use one of \(kinds).") }
        guard let kind, let conditions else { return nil }
        let design: Design?
        if let sequences = t.sequences {
            design = explicitDesign(kind: kind, sequences, multiplicities: t.multiplicities, conditions: conditions)
        } else {
            design = generatedDesign(kind: kind, t, conditions: conditions, siteCount: siteCount)
        }
        guard let design else { return nil }
        if let siteCount, design.slotCount != siteCount {
            let path = t.sequences == nil ? "design.sites_per_step" : "design.sequences"
            report(path, "\(design.slotCount) site slots", "does not match the \(siteCount) sites",
                   "Give one sequence per site, or multiplicities that add up to the number of sites.")
            return nil
        }
        return checkShape(design, conditions: conditions) ? design : nil
    }

    private mutating func explicitDesign(
        kind: DesignKind, _ sequences: [String], multiplicities: [TOMLNumber]?, conditions: [Condition]
    ) -> Design? {
        let codes = conditions.map { "\($0.code) (\($0.id))" }.joined(separator: ", ")
        guard !sequences.isEmpty else {
            report("design.sequences", "[]", "is empty", "Give one string of condition codes per sequence.")
            return nil
        }
        var rows: [DesignSequence] = []
        let length = sequences[0].count
        for (i, text) in sequences.enumerated() {
            let path = "design.sequences[\(i)]"
            var cells: [String] = []
            for (p, code) in text.enumerated() {
                if let condition = conditions.first(where: { $0.code == code }) {
                    cells.append(condition.id)
                } else {
                    report(path, quoted(text), "has unknown condition code '\(code)' in period \(p + 1)",
                           "Use the codes of the [[conditions]]: \(codes).")
                }
            }
            if text.count != length {
                report(path, quoted(text), "has \(text.count) periods but sequences[0] has \(length)",
                       "Give every sequence one condition per period.")
            }
            if text.isEmpty { report(path, quoted(text), "is empty", "Give one condition code per period.") }
            rows.append(DesignSequence(conditions: cells))
        }
        if let multiplicities {
            if multiplicities.count != sequences.count {
                report("design.multiplicities", "\(multiplicities.count) values", "does not match the "
                       + "\(sequences.count) sequences", "Give one multiplicity per sequence, or leave it out.")
                return nil
            }
            for i in rows.indices {
                guard let m = whole(multiplicities[i], "design.multiplicities[\(i)]", in: 1...10_000,
                                    "the number of sites on this sequence") else { return nil }
                rows[i].multiplicity = m
            }
        }
        let valid = rows.allSatisfy { $0.conditions.count == length } && !issuesMention("design.sequences")
        return valid ? Design(kind: kind, sequences: rows) : nil
    }

    private mutating func generatedDesign(
        kind: DesignKind, _ t: ProtocolFile.DesignTable, conditions: [Condition], siteCount: Int?
    ) -> Design? {
        guard kind == .steppedWedge else {
            report("design.sequences", nil, "is missing", "A \(kind.rawValue) design needs explicit sequences.")
            return nil
        }
        let perStep = whole(t.sitesPerStep, "design.sites_per_step", in: 1...10_000,
                            "the number of sites that cross at each step (or give explicit sequences)")
        let leading = whole(t.leadingControlPeriods, "design.leading_control_periods", in: 0...100,
                            "all-control periods before the first step", required: false) ?? 1
        let trailing = whole(t.trailingPeriods, "design.trailing_periods", in: 0...100,
                             "all-intervention periods after the last step", required: false) ?? 0
        guard let perStep, let control = conditions.first(where: \.isControl) else { return nil }
        let others = conditions.filter { !$0.isControl }.map(\.id)
        let intervention: String
        if let named = t.intervention {
            guard others.contains(named) else {
                report("design.intervention", quoted(named), "is not a non-control condition",
                       "Use one of: \(others.joined(separator: ", ")).")
                return nil
            }
            intervention = named
        } else if others.count == 1 {
            intervention = others[0]
        } else {
            report("design.intervention", nil, "is missing", "Name the condition sites cross to: "
                   + others.joined(separator: ", ") + ".")
            return nil
        }
        guard let siteCount else { return nil }
        guard siteCount % perStep == 0 else {
            report("design.sites_per_step", String(perStep), "does not divide the \(siteCount) sites",
                   "Choose sites_per_step so that every step has the same number of sites, or give sequences.")
            return nil
        }
        return Design.steppedWedge(
            steps: siteCount / perStep, sitesPerStep: perStep, leadingControlPeriods: leading,
            trailingPeriods: trailing, control: control.id, intervention: intervention)
    }

    /// Checks the rules of the design's family: a stepped wedge crosses at most once, from control.
    private mutating func checkShape(_ design: Design, conditions: [Condition]) -> Bool {
        guard let control = conditions.first(where: \.isControl)?.id else { return false }
        var ok = true
        for (i, sequence) in design.sequences.enumerated() {
            let path = "design.sequences[\(i)]"
            let text = quoted(String(sequence.conditions.compactMap { id in conditions.first { $0.id == id }?.code }))
            let changes = zip(sequence.conditions, sequence.conditions.dropFirst()).filter { $0 != $1 }
            switch design.kind {
            case .steppedWedge:
                if let change = changes.first(where: { $0.0 != control }) ?? (changes.count > 1 ? changes[1] : nil) {
                    report(path, text, "switches from \(change.0) to \(change.1)",
                           "In a stepped wedge a sequence crosses at most once, from the control (\(control)).")
                    ok = false
                }
            case .parallel:
                if !changes.isEmpty {
                    report(path, text, "changes condition", "In a parallel design each sequence runs one condition.")
                    ok = false
                }
            case .crossover:
                break
            }
        }
        return ok
    }

    mutating func randomization(_ t: ProtocolFile.RandomizationTable?, sites: [Site]?) -> RandomizationSettings? {
        guard let t else { return RandomizationSettings(method: .simple) }
        let methods = RandomizationSettings.Method.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: " or ")
        guard let method = RandomizationSettings.Method(rawValue: t.method ?? "simple") else {
            report("randomization.method", t.method.map(quoted), "is not a known method", "Use \(methods).")
            return nil
        }
        guard method == .constrained else { return RandomizationSettings(method: .simple) }
        let balance = t.balance ?? []
        if balance.isEmpty {
            report("randomization.balance", nil, "is missing or empty",
                   "List the site covariates to balance, such as balance = [\"expected_enrollment\"].")
        }
        for (i, name) in balance.enumerated() {
            if let site = sites?.first(where: { $0.covariates[name] == nil }) {
                report("randomization.balance[\(i)]", quoted(name), "is not a covariate of site \(site.id)",
                       "Give every site this covariate under [sites.covariates].")
            }
        }
        let fraction = t.admissibleFraction?.value
        if fraction == nil || !(fraction! > 0 && fraction! <= 1) {
            report("randomization.admissible_fraction", t.admissibleFraction?.text,
                   fraction == nil ? "is missing" : "is out of range",
                   "Give the fraction of best-balanced allocations to draw from, greater than 0 and at most 1.")
            return nil
        }
        return RandomizationSettings(method: method, balanceCovariates: balance, admissibleFraction: fraction!)
    }

    func issuesMention(_ prefix: String) -> Bool { issues.contains { $0.field.hasPrefix(prefix) } }
}
