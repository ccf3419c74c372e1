// SPDX-License-Identifier: Apache-2.0

internal import ArgumentParser
internal import Foundation
internal import WedgeStore

/// `wedge audit log`: prints the history, oldest first.
struct AuditLogCommand: RecorderCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Print the audit trail: who, when, what, old → new, and why.",
        discussion: """
            Without PARTICIPANT, every entry (study creation and import batches included); with it, that \
            participant's entries. The output holds participant values, as the audit trail does: keep it as \
            confidential as the database.
            """)

    @Option(help: "The study database.", completion: .file())
    var db: String

    @Argument(help: "A participant id.")
    var participant: String?

    func execute() throws -> String {
        let entries = try StudyStore.open(at: db).auditTrail(participantID: participant)
        if entries.isEmpty, let participant { return "No audit entries for participant \(participant).\n" }
        return entries.map(Self.line).joined(separator: "\n") + "\n"
    }

    /// One entry as one line (values with line breaks are escaped).
    static func line(_ e: AuditEntry) -> String {
        func show(_ value: String?) -> String {
            guard let value else { return "∅" }
            return value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n")
                .replacingOccurrences(of: "\r", with: "\\r")
        }
        var text = "#\(e.id) \(e.at) \(e.actor) \(e.action) \(e.table)"
        if let record = e.recordID { text += " \(record)" }
        if let field = e.field { text += " \(field):" }
        if e.oldValue != nil || e.action == .correct || e.action == .restamp || e.action == .record {
            text += " \(show(e.oldValue)) → \(show(e.newValue))"
        } else if e.newValue != nil {
            text += " \(show(e.newValue))"
        }
        if let reason = e.reason { text += " (reason: \(show(reason)))" }
        return text
    }
}
