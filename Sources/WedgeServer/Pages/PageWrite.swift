// SPDX-License-Identifier: Apache-2.0

import Foundation
import WedgeCore
import WedgeStore

/// A form's write, committed through the instance's group committer exactly as the API's writes are, with the
/// store's refusals turned into what a form shows: a message next to each field at fault, or the conflict with
/// the current values when someone else saved first. Nothing is written in either case.
enum PageWrite {
    /// What happened to a form's write.
    enum Outcome {
        /// Saved.
        case saved(StudyWriteResult)
        /// Refused: messages by field name (`""` for the form as a whole).
        case refused([String: [String]])
        /// Someone else changed the participant since the form was read; the participant as the refusing
        /// transaction read it.
        case conflict(VersionedParticipant?)
    }

    /// Commits `write` as `principal`. Other refusals (the participant is gone or another site's, the database
    /// is down) are thrown as the API's problems.
    static func commit(_ write: StudyWrite, by principal: Principal, _ services: ServerServices) async throws -> Outcome {
        switch await services.commit(write, by: principal) {
        case .success(let result):
            return .saved(result)
        case .failure(.versionConflict(_, _, let current)):
            return .conflict(current)
        case .failure(.dataRejected(let error)):
            var messages: [String: [String]] = [:]
            for issue in error.issues {
                if issue.field == ParticipantField.participantID.rawValue, issue.problem == StudyWrite.alreadyStored {
                    messages[issue.field, default: []].append("This participant ID is already enrolled; IDs are never reused.")
                } else {
                    messages[issue.field, default: []].append(sentence(issue.problem, issue.expected))
                }
            }
            return .refused(messages)
        case .failure(.alreadyRecorded(_, let field)):
            return .refused([field: ["already holds a different value. A data manager can correct it, with a reason."]])
        case .failure(.unchangedValue(_, let field)):
            return .refused([field: ["already holds this value; nothing to correct."]])
        case .failure(.reasonRequired):
            return .refused(["reason": ["is required."]])
        case .failure(let error):
            throw StoreProblem.from(error)
        }
    }

    /// A rule's message with field names in words: "is before admission date. Check both dates."
    static func sentence(_ problem: String, _ expected: String) -> String {
        var text = problem
        for field in ParticipantField.allCases {
            text = text.replacingOccurrences(of: field.rawValue, with: FieldLabels.label(field.rawValue).lowercased())
        }
        let advice = expected.contains("--") ? "" : " " + expected
        return text + "." + advice
    }

    /// The template data of a form's fields: for each, its name, label, value, and messages with an id for
    /// `aria-describedby`.
    static func fields(
        _ names: [String], values: [String: String], messages: [String: [String]]
    ) -> [String: [String: Any]] {
        var result: [String: [String: Any]] = [:]
        for name in names {
            let errors = messages[name] ?? []
            result[name] = ["name": name, "label": FieldLabels.label(name), "value": values[name] ?? "",
                            "errors": errors, "invalid": !errors.isEmpty, "error_id": "\(name)-error"]
        }
        return result
    }
}
