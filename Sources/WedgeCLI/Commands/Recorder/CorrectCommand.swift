// SPDX-License-Identifier: Apache-2.0

internal import ArgumentParser
internal import WedgeCore
internal import WedgeStore

/// `wedge correct`: changes one recorded field, with a reason.
struct CorrectCommand: RecorderCommand {
    static let configuration = CommandConfiguration(
        commandName: "correct",
        abstract: "Correct one field of a participant's record, with a reason; the old value stays in the audit trail.",
        discussion: """
            FIELD is a data-file column: site_id, admission_date, a baseline covariate, or an outcome column such \
            as discharge_date. Give an empty VALUE ("") or --clear to empty a field. Correcting site_id or \
            admission_date re-stamps the condition and period from the schedule. Example:

              wedge correct --db study.wedge P-0042 discharge_date 2021-04-12 --reason "transcription error"
            """)

    @OptionGroup var study: StudyOptions

    @Argument(help: "The participant id.")
    var participant: String

    @Argument(help: "The field to correct, by its column name.")
    var field: String

    @Argument(help: "The new value (\"\" to empty the field).")
    var value: String?

    @Flag(help: "Empty the field.")
    var clear = false

    @Option(help: "Why the value changes (required).")
    var reason: String

    func validate() throws {
        if clear, value != nil, value != "" { throw ValidationError("Give either a VALUE or --clear, not both.") }
        if !clear, value == nil { throw ValidationError("Give the new VALUE, or --clear to empty the field.") }
    }

    func execute() throws -> String {
        let store = try study.open()
        let before = try store.auditTrail(participantID: participant).count
        try store.correct(participantID: participant, field: field, value: clear ? nil : value, reason: reason,
                          actor: study.resolvedActor, today: Clock.today())
        let entries = try store.auditTrail(participantID: participant).dropFirst(before)
        let restamped = entries.filter { $0.action == .restamp }.compactMap(\.field)
        var lines = ["Corrected \(field) of \(participant)" + (clear || value == "" ? " (now empty)." : ".")]
        if !restamped.isEmpty { lines.append("Re-stamped: " + restamped.joined(separator: ", ") + ".") }
        return lines.joined(separator: "\n") + "\n"
    }
}
