// SPDX-License-Identifier: Apache-2.0

internal import ArgumentParser
internal import WedgeStore

/// `wedge screen delete`: soft-deletes a screening, with a reason.
struct ScreenDeleteCommand: RecorderCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Soft-delete a screening (kept, and audited), with a reason.")

    @OptionGroup var study: StudyOptions

    @Argument(help: "The screening id.")
    var screening: String

    @Option(help: "Why (required).")
    var reason: String

    func execute() throws -> String {
        try study.open().softDeleteScreening(screeningID: screening, reason: reason, actor: study.resolvedActor)
        return "Deleted screening \(screening).\n"
    }
}
