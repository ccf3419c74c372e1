// SPDX-License-Identifier: Apache-2.0

/// Reads a participant CSV and checks every record against the protocol and schedule, without writing anything.
///
/// The store writes the result in one transaction; because everything is checked first, an import either
/// writes every row or none.
public enum ParticipantImport {
    /// Parses and validates `text`.
    /// - Parameters:
    ///   - text: The CSV text.
    ///   - file: The name to quote in errors.
    ///   - schedule: The study's schedule, which assigns conditions.
    ///   - today: No date may be later than this.
    /// - Returns: The enrollments, in file order, each with its review flags.
    /// - Throws: ``DataFileError`` with every problem found, each naming the file and line.
    public static func validate(
        _ text: String, file: String, schedule: Schedule, today: CivilDate
    ) throws(DataFileError) -> [(enrollment: Enrollment, flags: [OutcomeFlag])] {
        let rows = try ParticipantCSVFormat(protocol: schedule.protocol).read(text, file: file)
        let rules = ParticipantRules(schedule: schedule, today: today)
        var issues: [DataIssue] = []
        var firstLine: [String: Int] = [:]
        var result: [(Enrollment, [OutcomeFlag])] = []
        for (line, record) in rows {
            if let earlier = firstLine[record.id] {
                issues.append(DataIssue(file: file, line: line, participantID: record.id, field: "participant_id",
                                        problem: "repeats the participant on line \(earlier)",
                                        expected: "Give each participant one row; use `wedge correct` to change a record."))
                continue
            }
            firstLine[record.id] = line
            switch rules.enroll(record) {
            case .success(let enrollment):
                result.append((enrollment, rules.flags(enrollment)))
            case .failure(let error):
                issues += error.issues.map { issue in
                    var located = issue
                    located.file = file
                    located.line = line
                    return located
                }
            }
        }
        guard issues.isEmpty else { throw DataFileError(issues: issues) }
        return result
    }
}
