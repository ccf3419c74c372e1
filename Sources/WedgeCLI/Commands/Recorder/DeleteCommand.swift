// SPDX-License-Identifier: Apache-2.0

internal import ArgumentParser
internal import WedgeStore

/// `wedge delete`: soft-deletes a participant, with a reason.
struct DeleteCommand: RecorderCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete a participant (soft delete, with a reason): kept in the database, left out of every analysis.",
        discussion: "The participant's id is never reused. Example: wedge delete --db study.wedge P-0042 --reason \"duplicate entry of P-0041\"")

    @OptionGroup var study: StudyOptions

    @Argument(help: "The participant id.")
    var participant: String

    @Option(help: "Why (required).")
    var reason: String

    func execute() throws -> String {
        try study.open().softDelete(participantID: participant, reason: reason, actor: study.resolvedActor)
        return "Deleted \(participant); the record is kept and its audit trail says why.\n"
    }
}
