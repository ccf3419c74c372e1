// SPDX-License-Identifier: Apache-2.0

internal import WedgeCore
internal import WedgeStats

/// Table 1: baseline characteristics by condition and overall, with missing counts and standardized mean
/// differences.
public enum BaselineTable {
    /// Table 1 of all enrolled participants by assigned condition.
    ///
    /// Numbers: mean (SD) and median [IQR] (type-7 quartiles); categorical and yes/no covariates as n (%) of
    /// the participants with a value; a "missing" row whenever any value is missing. The SMD column compares
    /// each non-control condition with the control (``StandardizedDifference``): continuous, binary, or the
    /// multinomial form of Yang & Dalton (2012) for categories. Cells of an empty group show "–".
    public static func table(_ data: ReportData) -> ReportTable {
        let proto = data.protocol
        let sizes = data.groupSizes + [data.rows.count]
        let controlIndex = data.conditions.firstIndex(where: \.isControl) ?? 0
        let compared = data.conditions.indices.filter { $0 != controlIndex }
        let smdColumns = compared.map { i in
            compared.count == 1 ? "SMD" : "SMD \(data.conditions[i].code) vs \(data.conditions[controlIndex].code)"
        }
        var rows: [[String]] = []
        rows.append(["Participants, n"] + sizes.map { "\($0)" } + compared.map { _ in "" })
        for covariate in proto.baseline {
            var values = sizes.map { size -> [String?] in
                var column: [String?] = []
                column.reserveCapacity(size)
                return column
            }
            let overall = data.conditions.count
            data.forEachRow { row, group in
                let value = row.record.baseline[covariate.id]
                values[overall].append(value)
                if let group { values[group].append(value) }
            }
            switch covariate.kind {
            case .number:
                rows += numberRows(covariate.label, values, controlIndex: controlIndex, compared: compared)
            case .categorical(let levels):
                rows += categoricalRows(covariate.label, levels: levels, values, controlIndex: controlIndex,
                                        compared: compared)
            case .boolean:
                rows += booleanRows(covariate.label, values, controlIndex: controlIndex, compared: compared)
            }
        }
        return ReportTable(
            id: "baseline", title: "Baseline characteristics by condition",
            columns: ["Characteristic"] + data.conditions.enumerated().map { i, c in ReportData.header(c.label, sizes[i]) }
                + [ReportData.header("Overall", data.rows.count)] + smdColumns,
            rows: rows,
            notes: ["All enrolled participants by assigned condition. Mean (SD), median [IQR] (type-7 quartiles), or "
                    + "n (%) of those with a value; missing values are counted, not imputed.",
                    "SMD: absolute standardized mean difference against \(data.conditions[controlIndex].label) "
                    + "(Austin 2009; categorical: Yang & Dalton 2012); above 0.1 is conventionally read as imbalance."])
    }

    static func numberRows(_ label: String, _ values: [[String?]], controlIndex: Int, compared: [Int]) -> [[String]] {
        let summaries = values.map { SampleSummary($0.map { $0.flatMap(Double.init) ?? .nan }) }
        let smd = compared.map { i -> String in
            let a = summaries[i], b = summaries[controlIndex]
            return NumberFormat.fixed(StandardizedDifference.continuous(
                mean1: a.mean, sd1: a.standardDeviation, mean2: b.mean, sd2: b.standardDeviation), 2)
        }
        var rows = [[label + ", mean (SD)"] + summaries.map { s in
            s.count == 0 ? "–" : "\(NumberFormat.fixed(s.mean, 1)) (\(NumberFormat.fixed(s.standardDeviation, 1)))"
        } + smd]
        rows.append(["  median [IQR]"] + summaries.map { s in
            s.count == 0 ? "–" : "\(NumberFormat.fixed(s.median, 1)) [\(NumberFormat.interval(s.lowerQuartile, s.upperQuartile, digits: 1))]"
        } + compared.map { _ in "" })
        if summaries.contains(where: { $0.missing > 0 }) {
            rows.append(["  missing"] + summaries.map { "\($0.missing)" } + compared.map { _ in "" })
        }
        return rows
    }

    static func categoricalRows(_ label: String, levels: [String], _ values: [[String?]], controlIndex: Int,
                                compared: [Int]) -> [[String]] {
        let counts = values.map { group -> [Int] in
            var c = Array(repeating: 0, count: levels.count)
            for v in group { if let v, let i = levels.firstIndex(of: v) { c[i] += 1 } }
            return c
        }
        let known = counts.map { $0.reduce(0, +) }
        func proportions(_ g: Int) -> [Double] { counts[g].map { known[g] > 0 ? Double($0) / Double(known[g]) : .nan } }
        let smd = compared.map { i -> String in
            known[i] == 0 || known[controlIndex] == 0 ? "–"
                : NumberFormat.fixed(StandardizedDifference.categorical(proportions(i), proportions(controlIndex)), 2)
        }
        var rows = [[label + ", n (%)"] + values.map { _ in "" } + smd]
        for (l, level) in levels.enumerated() {
            rows.append(["  " + level] + values.indices.map { g in
                known[g] == 0 ? "–" : NumberFormat.countPercent(counts[g][l], of: known[g])
            } + compared.map { _ in "" })
        }
        let missing = values.indices.map { values[$0].count - known[$0] }
        if missing.contains(where: { $0 > 0 }) {
            rows.append(["  missing"] + missing.map(String.init) + compared.map { _ in "" })
        }
        return rows
    }

    static func booleanRows(_ label: String, _ values: [[String?]], controlIndex: Int, compared: [Int]) -> [[String]] {
        let yes = values.map { $0.filter { $0 == "yes" }.count }
        let known = values.map { $0.filter { $0 == "yes" || $0 == "no" }.count }
        func p(_ g: Int) -> Double { known[g] > 0 ? Double(yes[g]) / Double(known[g]) : .nan }
        let smd = compared.map { i in NumberFormat.fixed(StandardizedDifference.binary(p(i), p(controlIndex)), 2) }
        var rows = [[label + ", n (%)"] + values.indices.map { g in
            known[g] == 0 ? "–" : NumberFormat.countPercent(yes[g], of: known[g])
        } + smd]
        let missing = values.indices.map { values[$0].count - known[$0] }
        if missing.contains(where: { $0 > 0 }) {
            rows.append(["  missing"] + missing.map(String.init) + compared.map { _ in "" })
        }
        return rows
    }
}
