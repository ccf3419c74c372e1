// SPDX-License-Identifier: Apache-2.0

internal import ArgumentParser
internal import Foundation
internal import WedgeCore
internal import WedgeStore

/// `wedge ae`: records an adverse event.
struct AdverseEventCommand: RecorderCommand {
    static let configuration = CommandConfiguration(
        commandName: "ae",
        abstract: "Record an adverse event for a participant.",
        discussion: """
            The date must fall on or after admission and not in the future. Events are never edited; the audit \
            trail holds each one whole. Example:

              wedge ae --db study.wedge P-0042 --date 2021-04-05 --description "precipitated withdrawal" --serious
            """)

    @OptionGroup var study: StudyOptions

    @Argument(help: "The participant id.")
    var participant: String

    @Option(help: ArgumentHelp("The day of the event.", valueName: "YYYY-MM-DD"))
    var date: String

    @Option(help: "What happened.")
    var description: String

    @Flag(help: "A serious adverse event.")
    var serious = false

    func execute() throws -> String {
        guard let day = CivilDate(iso: date.trimmingCharacters(in: .whitespaces)) else {
            throw DataFileError(issues: [DataIssue(participantID: participant, field: "date",
                                                   valueShape: ValueShape.of(date), problem: "is not a date",
                                                   expected: "Write dates as YYYY-MM-DD.")])
        }
        let store = try study.open()
        let event = try store.recordAdverseEvent(participantID: participant, date: day, description: description,
                                                 isSerious: serious, actor: study.resolvedActor, today: Clock.today())
        return "Recorded adverse event \(event.id) for \(participant)\(serious ? " (serious)" : "").\n"
    }
}
