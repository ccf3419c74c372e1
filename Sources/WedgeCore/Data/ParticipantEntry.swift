// SPDX-License-Identifier: Apache-2.0

/// Builds a participant record from values typed on the command line (`wedge enroll`), checking each one as
/// the CSV reader does.
///
/// Problems are reported like file problems, with the option name as the field and values shown by their
/// shape only.
public enum ParticipantEntry {
    /// The record for an enrollment typed as text.
    ///
    /// - Parameters:
    ///   - id: The participant id.
    ///   - siteID: The site id (checked against the protocol later, by ``ParticipantRules``).
    ///   - admissionDate: The admission date, `YYYY-MM-DD`.
    ///   - baseline: Baseline values as `KEY=VALUE`, keys being the protocol's covariate ids.
    ///   - proto: The protocol that defines the covariates.
    /// - Returns: The record (no outcomes), or every problem found.
    public static func record(
        id: String, siteID: String, admissionDate: String, baseline: [String], protocol proto: StudyProtocol
    ) -> Result<ParticipantRecord, DataFileError> {
        var issues: [DataIssue] = []
        let participant = id.trimmingSpaces()
        func refuse(_ field: String, _ shape: String?, _ problem: String, _ expected: String) {
            issues.append(DataIssue(participantID: participant.isEmpty ? nil : participant, field: field,
                                    valueShape: shape, problem: problem, expected: expected))
        }
        if participant.isEmpty { refuse("participant_id", nil, "is empty", "Give the participant's identifier.") }
        let site = siteID.trimmingSpaces()
        if site.isEmpty { refuse("site_id", nil, "is empty", "Give the site id with --site.") }
        let admittedText = admissionDate.trimmingSpaces()
        let admitted = CivilDate(iso: admittedText)
        if admitted == nil {
            refuse("admission_date", admittedText.isEmpty ? nil : ValueShape.of(admittedText),
                   admittedText.isEmpty ? "is empty" : "is not a date", "Write dates as YYYY-MM-DD.")
        }
        var values: [String: String] = [:]
        let ids = proto.baseline.map(\.id)
        for entry in baseline {
            guard let equals = entry.firstIndex(of: "=") else {
                refuse("--baseline", ValueShape.of(entry), "is not KEY=VALUE",
                       "Write each baseline value as KEY=VALUE, such as age=34. Keys: " + ids.joined(separator: ", ") + ".")
                continue
            }
            let key = String(entry[..<equals]).trimmingSpaces()
            let raw = String(entry[entry.index(after: equals)...])
            guard let covariate = proto.baseline.first(where: { $0.id == key }) else {
                let hint = Suggestion.closest(to: key, among: ids).map { "Did you mean '\($0)'?" }
                    ?? "Known covariates: " + ids.joined(separator: ", ") + "."
                refuse(key.isEmpty ? "--baseline" : key, nil, "is not a baseline covariate of the protocol", hint)
                continue
            }
            guard values[key] == nil else {
                refuse(key, nil, "is given twice", "Give each baseline value once.")
                continue
            }
            if raw.trimmingSpaces().isEmpty { continue }
            switch BaselineValueParser.canonical(raw, for: covariate) {
            case .success(let canonical): values[key] = canonical
            case .failure(let problem): refuse(key, ValueShape.of(raw), problem.problem, problem.expected)
            }
        }
        for covariate in proto.baseline where covariate.isRequired && values[covariate.id] == nil
            && !issues.contains(where: { $0.field == covariate.id }) {
            refuse(covariate.id, nil, "is required", "Add --baseline \(covariate.id)=VALUE.")
        }
        guard issues.isEmpty, let admitted else { return .failure(DataFileError(issues: issues)) }
        return .success(ParticipantRecord(id: participant, siteID: site, admissionDate: admitted, baseline: values))
    }
}
