// SPDX-License-Identifier: Apache-2.0

internal import WedgeCore

/// Reads a screening date given on the command line; a malformed one is refused by its shape, as in files.
enum ScreenDate {
    static func parse(_ text: String, screening: String) throws -> CivilDate {
        guard let date = CivilDate(iso: text) else {
            var issue = DataIssue(participantID: screening, field: ScreeningField.screeningDate.rawValue,
                                  valueShape: ValueShape.of(text), problem: "is not a date", expected: "Write dates as YYYY-MM-DD.")
            issue.subject = "screening"
            throw DataFileError(issues: [issue])
        }
        return date
    }
}
