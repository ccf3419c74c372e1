// SPDX-License-Identifier: Apache-2.0

/// Checks and canonicalizes one baseline value against its protocol definition.
public enum BaselineValueParser {
    /// The canonical text of `raw` for `covariate`, or a problem and advice.
    ///
    /// Numbers are kept as written (trimmed) once they parse and lie within bounds; booleans become `yes`/`no`
    /// (accepting `yes/no`, `y/n`, `true/false`, `1/0`, any case); categorical values must match a level
    /// exactly.
    public static func canonical(_ raw: String, for covariate: BaselineCovariate)
        -> Result<String, BaselineValueProblem>
    {
        let value = raw.trimmingSpaces()
        // Checked first: Double("38\0") is 38, since Swift parses numbers through C strings.
        if value.containsControlCharacter {
            return .failure(.init(problem: "contains a control character (a tab, line break or NUL)",
                                  expected: "Use printable characters only."))
        }
        switch covariate.kind {
        case .number(let lo, let hi):
            let bounds = "between \(lo.map(format) ?? "−∞") and \(hi.map(format) ?? "∞")"
            guard let number = Double(value), number.isFinite else {
                return .failure(.init(problem: "is not a number", expected: "Give a number \(bounds)."))
            }
            if let lo, number < lo { return .failure(.init(problem: "is below \(format(lo))", expected: "Give a number \(bounds).")) }
            if let hi, number > hi { return .failure(.init(problem: "is above \(format(hi))", expected: "Give a number \(bounds).")) }
            return .success(value)
        case .categorical(let levels):
            guard levels.contains(value) else {
                return .failure(.init(problem: "is not one of the levels",
                                      expected: "Use one of: " + levels.joined(separator: ", ") + "."))
            }
            return .success(value)
        case .boolean:
            switch value.lowercased() {
            case "yes", "y", "true", "1": return .success("yes")
            case "no", "n", "false", "0": return .success("no")
            default: return .failure(.init(problem: "is not yes or no", expected: "Use yes or no."))
            }
        }
    }

    static func format(_ x: Double) -> String {
        x.rounded() == x && abs(x) < 1e15 ? String(Int(x)) : String(x)
    }
}
