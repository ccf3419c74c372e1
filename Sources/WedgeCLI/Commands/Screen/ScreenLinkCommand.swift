// SPDX-License-Identifier: Apache-2.0

internal import ArgumentParser
internal import WedgeCore
internal import WedgeStore

/// `wedge screen link`: links an enrolled participant to the screening they were enrolled from.
struct ScreenLinkCommand: RecorderCommand {
    static let configuration = CommandConfiguration(
        commandName: "link",
        abstract: "Link an enrolled participant to the screening they were enrolled from.",
        discussion: """
            The participant must be enrolled at the screening's site, the screening eligible and consented, and \
            neither may be linked already. Example:

              wedge screen link --db study.wedge scr-a-0002 P-0042
            """)

    @OptionGroup var study: StudyOptions

    @Argument(help: "The screening id.")
    var screening: String

    @Argument(help: "The participant id.")
    var participant: String

    func execute() throws -> String {
        let store = try study.open()
        let record = try store.linkScreening(screeningID: screening, participantID: participant, actor: study.resolvedActor)
        return "Linked screening \(record.id) to participant \(participant).\n"
    }
}
