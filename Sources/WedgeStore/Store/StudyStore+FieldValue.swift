// SPDX-License-Identifier: Apache-2.0

import WedgeCore

extension StudyStore {
    /// `record` with one field set from its data-file text, checked for type (rules are checked later).
    ///
    /// - Throws: ``StoreError/unknownField(field:suggestion:known:)``, or ``WedgeCore/DataFileError`` for a
    ///   malformed value (described by its shape only).
    static func record(
        _ record: ParticipantRecord, setting field: String, to raw: String?, protocol proto: StudyProtocol
    ) throws -> ParticipantRecord {
        let text = raw.map(\.trimmed).flatMap { $0.isEmpty ? nil : $0 }
        func refuse(_ problem: String, _ expected: String, shape: String? = nil) -> DataFileError {
            DataFileError(issues: [DataIssue(participantID: record.id, field: field, valueShape: shape,
                                             problem: problem, expected: expected)])
        }
        func date() throws -> CivilDate? {
            guard let text else { return nil }
            guard let date = CivilDate(iso: text) else {
                throw refuse("is not a date", "Write dates as YYYY-MM-DD.", shape: ValueShape.of(text))
            }
            return date
        }
        var result = record
        if let covariate = proto.baseline.first(where: { $0.id == field }) {
            guard let text else {
                if covariate.isRequired { throw refuse("is empty", "This covariate is required.") }
                result.baseline[field] = nil
                return result
            }
            switch BaselineValueParser.canonical(text, for: covariate) {
            case .success(let canonical): result.baseline[field] = canonical
            case .failure(let problem): throw refuse(problem.problem, problem.expected, shape: ValueShape.of(text))
            }
            return result
        }
        guard let known = ParticipantField(rawValue: field), known != .participantID else {
            let names = ParticipantField.identity.dropFirst().map(\.rawValue) + proto.baseline.map(\.id)
                + ParticipantField.outcomes.map(\.rawValue)
            throw StoreError.unknownField(field: field, suggestion: Suggestion.closest(to: field, among: names),
                                          known: names)
        }
        switch known {
        case .participantID:
            throw StoreError.fieldNotCorrectable(field: field)
        case .siteID:
            guard let text else { throw refuse("is empty", "Give the site id.") }
            result.siteID = text
        case .admissionDate:
            guard let admission = try date() else { throw refuse("is empty", "Give the admission date as YYYY-MM-DD.") }
            result.admissionDate = admission
        case .procedureReceived:
            result.outcome.procedureReceived = text
        case .notInitiatedReason:
            result.outcome.notInitiatedReason = text
        default:
            guard let path = ParticipantField.outcomeDates.first(where: { $0.0 == known })?.1 else {
                throw StoreError.fieldNotCorrectable(field: field)
            }
            result.outcome[keyPath: path] = try date()
        }
        return result
    }
}
