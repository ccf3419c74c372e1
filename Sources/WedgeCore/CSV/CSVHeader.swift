// SPDX-License-Identifier: Apache-2.0

/// Checks a file's header against the columns a format expects, in any order.
public enum CSVHeader {
    /// Where each of `columns` is in the file: `positions[k]` is the field index of `columns[k]`, or `nil` for an
    /// optional column the file does not have. Names are compared trimmed of spaces; the first of two equal
    /// names is the one used.
    ///
    /// - Throws: ``DataFileError`` listing every repeated, unknown (with a "did you mean" suggestion) and missing
    ///   required column, at the header's line.
    public static func positions(
        of head: CSVRecord, columns: [String], optional: Set<String> = [], file: String
    ) throws(DataFileError) -> [Int?] {
        var index: [String: Int] = [:]
        var issues: [DataIssue] = []
        for (i, raw) in head.fields.enumerated() {
            let name = raw.trimmingSpaces()
            if index[name] != nil {
                issues.append(DataIssue(file: file, line: head.line, field: name, problem: "appears twice in the header",
                                        expected: "Keep one column of each name."))
            } else if !columns.contains(name) {
                let hint = Suggestion.closest(to: name, among: columns).map { "Did you mean '\($0)'?" }
                    ?? "Known columns: " + columns.joined(separator: ", ") + "."
                issues.append(DataIssue(file: file, line: head.line, field: name, problem: "is not a known column",
                                        expected: hint))
            }
            index[name] = index[name] ?? i
        }
        for name in columns where index[name] == nil && !optional.contains(name) {
            issues.append(DataIssue(file: file, line: head.line, field: name, problem: "is missing from the header",
                                    expected: "Add the column (it may be empty in every row)."))
        }
        guard issues.isEmpty else { throw DataFileError(issues: issues) }
        return columns.map { index[$0] }
    }
}
