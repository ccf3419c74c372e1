// SPDX-License-Identifier: Apache-2.0

internal import ArgumentParser
internal import WedgeCore
internal import WedgeStore

/// `wedge record`: fills a participant's empty outcome fields.
struct RecordCommand: RecorderCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Record induction outcomes for a participant; only empty fields are filled.",
        discussion: """
            The whole record is checked again (dates in order, none in the future, a second injection needs a \
            first, a reason from the protocol's list), and the review flags are recomputed and printed. A field \
            that already holds a different value is refused: change it with `wedge correct`, which asks for a \
            reason. Giving a value that is already recorded changes nothing. Example:

              wedge record --db study.wedge P-0042 --induction-start 2021-04-02 --procedure rapid \\
                --first-injection 2021-04-08 --discharge 2021-04-09
            """)

    @OptionGroup var study: StudyOptions

    @Argument(help: "The participant id.")
    var participant: String

    @Option(help: ArgumentHelp("The day induction started.", valueName: "date"))
    var inductionStart: String?

    @Option(help: ArgumentHelp("The procedure actually received (a condition id).", valueName: "id"))
    var procedure: String?

    @Option(help: ArgumentHelp("The day of the first injection.", valueName: "date"))
    var firstInjection: String?

    @Option(help: ArgumentHelp("Why there was no first injection (a reason id of the protocol).", valueName: "reason"))
    var notInitiated: String?

    @Option(help: ArgumentHelp("The day of discharge.", valueName: "date"))
    var discharge: String?

    @Option(help: ArgumentHelp("The day of the second injection.", valueName: "date"))
    var secondInjection: String?

    @Option(help: ArgumentHelp("The day of the third injection.", valueName: "date"))
    var thirdInjection: String?

    @Option(help: ArgumentHelp("The last day of contact.", valueName: "date"))
    var lastContact: String?

    @Option(help: ArgumentHelp("The day the participant dropped out.", valueName: "date"))
    var dropout: String?

    /// The values given, by field.
    var values: [ParticipantField: String] {
        let pairs: [(ParticipantField, String?)] = [
            (.inductionStartDate, inductionStart), (.procedureReceived, procedure),
            (.firstInjectionDate, firstInjection), (.notInitiatedReason, notInitiated), (.dischargeDate, discharge),
            (.secondInjectionDate, secondInjection), (.thirdInjectionDate, thirdInjection),
            (.lastContactDate, lastContact), (.dropoutDate, dropout),
        ]
        return Dictionary(uniqueKeysWithValues: pairs.compactMap { field, value in value.map { (field, $0) } })
    }

    func validate() throws {
        if firstInjection != nil, notInitiated != nil {
            throw ValidationError("Give either --first-injection or --not-initiated, not both.")
        }
        if values.isEmpty {
            throw ValidationError("Give at least one outcome to record, such as --first-injection YYYY-MM-DD.")
        }
    }

    func execute() throws -> String {
        let store = try study.open()
        let result = try store.recordOutcomes(participantID: participant, values, actor: study.resolvedActor,
                                              today: Clock.today())
        let head = result.recorded.isEmpty
            ? "Nothing new for \(participant): every value given was already recorded."
            : "Recorded for \(participant): " + result.recorded.map(\.rawValue).joined(separator: ", ") + "."
        return head + "\n" + FlagText.line(result.flags) + "\n"
    }
}
