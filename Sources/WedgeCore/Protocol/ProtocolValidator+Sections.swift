// SPDX-License-Identifier: Apache-2.0

extension ProtocolValidator {
    mutating func study(_ t: ProtocolFile.StudyTable?) -> StudyInfo? {
        guard let t = require(t, "study", "Add a [study] table with id and title.") else { return nil }
        let id = identifier(t.id, "study.id")
        let title = text(t.title, "study.title", "the study title")
        guard let id, let title else { return nil }
        return StudyInfo(id: id, title: title, registry: t.registry)
    }

    mutating func conditions(_ tables: [ProtocolFile.ConditionTable]?) -> [Condition]? {
        let advice = "Add [[conditions]] tables, one per arm, each with id, code, label, description and control."
        guard let tables = require(tables, "conditions", advice) else { return nil }
        if tables.count < 2 {
            report("conditions", "\(tables.count) condition(s)", "too few conditions", "A trial compares at least two.")
        }
        var result: [Condition] = []
        var seenIDs: [String: Int] = [:]
        var seenCodes: [Character: Int] = [:]
        for (i, t) in tables.enumerated() {
            let base = "conditions[\(i)]"
            let id = identifier(t.id, base + ".id")
            let label = text(t.label, base + ".label", "a label for tables")
            let description = text(t.description, base + ".description", "a description of the procedure")
            var code: Character?
            let codeAdvice = "Give a one-letter code used in sequences, such as \"S\"."
            if let raw = require(t.code, base + ".code", codeAdvice) {
                if raw.count == 1, let c = raw.first, c.isLetter || c.isNumber {
                    code = c
                } else {
                    report(base + ".code", quoted(raw), "is not a single letter or digit", codeAdvice)
                }
            }
            if let id, let first = seenIDs[id] {
                report(base + ".id", quoted(id), "repeats the id of conditions[\(first)]", "Give each condition its own id.")
            }
            if let code, let first = seenCodes[code] {
                report(base + ".code", quoted(String(code)), "repeats the code of conditions[\(first)]",
                       "Give each condition its own one-letter code.")
            }
            if let id { seenIDs[id] = seenIDs[id] ?? i }
            if let code { seenCodes[code] = seenCodes[code] ?? i }
            if let id, let code, let label, let description {
                result.append(Condition(id: id, code: code, label: label, description: description,
                                        isControl: t.control ?? false))
            }
        }
        let controls = tables.indices.filter { tables[$0].control == true }
        if controls.count != 1 {
            report(controls.count > 1 ? "conditions[\(controls[1])].control" : "conditions",
                   "\(controls.count) control conditions", "needs exactly one control condition",
                   "Mark exactly one condition with control = true.")
        }
        return result.count == tables.count && controls.count == 1 ? result : nil
    }

    mutating func sites(_ tables: [ProtocolFile.SiteTable]?) -> [Site]? {
        let advice = "Add [[sites]] tables, one per site, each with id and name."
        guard let tables = require(tables, "sites", advice) else { return nil }
        if tables.isEmpty { report("sites", "[]", "has no sites", advice) }
        var result: [Site] = []
        var seen: [String: Int] = [:]
        for (i, t) in tables.enumerated() {
            let base = "sites[\(i)]"
            let id = identifier(t.id, base + ".id")
            let name = text(t.name, base + ".name", "the site's name")
            if let id, let first = seen[id] {
                report(base + ".id", quoted(id), "repeats the id of sites[\(first)]", "Give each site its own id.")
            } else if let id {
                seen[id] = i
            }
            var covariates: [String: Double] = [:]
            for (key, number) in t.covariates ?? [:] {
                guard number.value.isFinite else {
                    report(base + ".covariates." + key, number.text, "is not finite", "Give a finite number.")
                    continue
                }
                covariates[key] = number.value
            }
            if let enrollment = covariates[Site.expectedEnrollmentKey], enrollment < 0 {
                report(base + ".covariates." + Site.expectedEnrollmentKey, String(enrollment), "is negative",
                       "Give the expected number of participants as 0 or more.")
            }
            if let id, let name { result.append(Site(id: id, name: name, covariates: covariates)) }
        }
        return result.count == tables.count && Set(result.map(\.id)).count == result.count ? result : nil
    }

    mutating func transition(_ t: ProtocolFile.TransitionTable?, periodWeeks: Int?) -> TransitionRule? {
        guard let t else { return TransitionRule.none }
        let limit = max(0, (periodWeeks ?? Int.max) - 1)
        let weeks = whole(t.weeks, "transition.weeks", in: 0...limit, "weeks of transition shorter than a period")
        guard let weeks else { return nil }
        if weeks > 0, t.includeInPrimary == nil {
            report("transition.include_in_primary", nil, "is missing",
                   "Transition weeks are set: say whether participants admitted during them count in the primary "
                       + "analysis with include_in_primary = true or false.")
            return nil
        }
        return TransitionRule(weeks: weeks, includeInPrimary: t.includeInPrimary ?? true)
    }

    mutating func baseline(_ tables: [ProtocolFile.BaselineTable]?) -> [BaselineCovariate]? {
        var result: [BaselineCovariate] = []
        var seen: Set<String> = []
        for (i, t) in (tables ?? []).enumerated() {
            let base = "baseline[\(i)]"
            guard let id = identifier(t.id, base + ".id") else { continue }
            if !seen.insert(id).inserted {
                report(base + ".id", quoted(id), "repeats an earlier baseline id", "Give each covariate its own id.")
            }
            let label = t.label ?? id
            let kinds = "\"number\", \"categorical\" or \"boolean\""
            guard let type = require(t.type, base + ".type", "Give the type: \(kinds).") else { continue }
            let kind: BaselineCovariate.Kind
            switch type {
            case "number":
                let lo = t.min?.value, hi = t.max?.value
                if let lo, let hi, lo > hi {
                    report(base + ".min", t.min?.text, "is above max", "Give min ≤ max.")
                }
                kind = .number(min: lo, max: hi)
            case "categorical":
                guard let levels = t.levels, !levels.isEmpty else {
                    report(base + ".levels", nil, "is missing or empty", "List the levels, such as [\"male\", \"female\"].")
                    continue
                }
                kind = .categorical(levels: levels)
            case "boolean":
                kind = .boolean
            default:
                report(base + ".type", quoted(type), "is not a known type", "Use \(kinds).")
                continue
            }
            result.append(BaselineCovariate(id: id, label: label, kind: kind, isRequired: t.required ?? false))
        }
        return result
    }

    mutating func outcomes(_ t: ProtocolFile.OutcomesTable?) -> OutcomeDefinitions? {
        guard let t = require(t, "outcomes", "Add an [outcomes] table.") else { return nil }
        let initiation = text(t.initiation, "outcomes.initiation", "the definition of initiation")
        let second = window(t.secondInjectionWindowDays, "outcomes.second_injection_window_days")
        let third = window(t.thirdInjectionWindowDays, "outcomes.third_injection_window_days")
        let followUp = whole(t.retentionFollowUpDays, "outcomes.retention_follow_up_days", in: 1...3650,
                             "days of retention follow-up after induction")
        let inductionQuery = whole(t.inductionStartQueryDays, "outcomes.induction_start_query_days", in: 1...365,
                                   "days after admission before a missing induction start is queried", required: false)
        let stayQuery = whole(t.inpatientStayQueryDays, "outcomes.inpatient_stay_query_days", in: 1...365,
                              "days after admission before a missing discharge or first injection is queried",
                              required: false)
        let advice = "List them as [{ id = \"declined\", label = \"Declined injection\" }, …]."
        let reasons = require(t.nonInitiationReasons, "outcomes.non_initiation_reasons", advice)
            .map { reasonList($0, "outcomes.non_initiation_reasons", advice) } ?? []
        let screeningReasons = t.screeningExclusionReasons.map {
            reasonList($0, "outcomes.screening_exclusion_reasons",
                       "List them as [{ id = \"pregnant\", label = \"Pregnant or breastfeeding\" }, …], or leave the key out.")
        }
        if let model = t.primaryModel, !OutcomeDefinitions.primaryModels.contains(model) {
            report("outcomes.primary_model", quoted(model), "is not a model Wedge fits",
                   "Use one of \(OutcomeDefinitions.primaryModels.map { "\"\($0)\"" }.joined(separator: ", ")).")
        }
        guard let initiation, let second, let third, let followUp else { return nil }
        // A query delay given but invalid was reported above; the default only stands in for an absent key.
        var definitions = OutcomeDefinitions(
            initiation: initiation, initiationRequiresInpatient: t.initiationRequiresInpatient ?? true,
            secondInjectionWindow: second, thirdInjectionWindow: third, retentionFollowUpDays: followUp,
            nonInitiationReasons: reasons,
            inductionStartQueryDays: inductionQuery ?? OutcomeDefinitions.defaultInductionStartQueryDays,
            inpatientStayQueryDays: stayQuery ?? OutcomeDefinitions.defaultInpatientStayQueryDays)
        definitions.primaryModel = t.primaryModel
        if let screeningReasons { definitions.screeningExclusionReasons = screeningReasons }
        return definitions
    }

    /// A list of `{ id, label }` reasons at `path`: not empty, each id an identifier given once.
    private mutating func reasonList(
        _ tables: [ProtocolFile.ReasonTable], _ path: String, _ advice: String
    ) -> [OutcomeDefinitions.Reason] {
        var reasons: [OutcomeDefinitions.Reason] = []
        if tables.isEmpty { report(path, "[]", "is empty", advice) }
        for (i, r) in tables.enumerated() {
            if let id = identifier(r.id, "\(path)[\(i)].id") {
                if reasons.contains(where: { $0.id == id }) {
                    report("\(path)[\(i)].id", quoted(id), "repeats an earlier reason", "Give each reason its own id.")
                }
                reasons.append(.init(id: id, label: r.label ?? id))
            }
        }
        return reasons
    }
}
