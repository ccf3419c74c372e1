// SPDX-License-Identifier: Apache-2.0

internal import ArgumentParser
internal import WedgeCore
internal import WedgeStore

/// `wedge screen add`: records one screened person; the condition in effect is looked up from the schedule.
struct ScreenAddCommand: RecorderCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Record a screened person; the condition in effect at the site is looked up, never typed.",
        discussion: """
            The site and screening date decide the condition and period recorded with the screening. A person \
            not eligible needs --reason, one of the protocol's screening_exclusion_reasons; an eligible person \
            needs --consented. Examples:

              wedge screen add --db study.wedge scr-a-0001 --site unit-a --date 2021-04-01 --eligible no --reason pregnant
              wedge screen add --db study.wedge scr-a-0002 --site unit-a --date 2021-04-02 --eligible yes --consented yes
            """)

    @OptionGroup var study: StudyOptions

    @Argument(help: "The screening id (never reused).")
    var screening: String

    @Option(help: "The site id.")
    var site: String

    @Option(help: ArgumentHelp("The screening date.", valueName: "YYYY-MM-DD"))
    var date: String

    @Option(help: ArgumentHelp("Whether the person was eligible.", valueName: "yes|no"))
    var eligible: YesNo

    @Option(help: ArgumentHelp("Why the person was not eligible: a screening exclusion reason id of the protocol.",
                               valueName: "reason"))
    var reason: String?

    @Option(help: ArgumentHelp("Whether an eligible person consented.", valueName: "yes|no"))
    var consented: YesNo?

    @Option(help: ArgumentHelp("The participant enrolled from this screening, if already enrolled.", valueName: "id"))
    var participant: String?

    func execute() throws -> String {
        let store = try study.open()
        let entry = ScreeningEntry(id: screening, siteID: site, screeningDate: try ScreenDate.parse(date, screening: screening),
                                   isEligible: eligible.value, ineligibleReason: reason, consented: consented?.value,
                                   participantID: participant)
        let record = try store.screen(entry, actor: study.resolvedActor, today: Clock.today())
        return ScreenText.stored("Screened", record, protocol: try store.fetchProtocol().protocol)
    }
}
