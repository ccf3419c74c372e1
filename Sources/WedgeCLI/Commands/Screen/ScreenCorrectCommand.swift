// SPDX-License-Identifier: Apache-2.0

internal import ArgumentParser
internal import WedgeCore
internal import WedgeStore

/// `wedge screen correct`: changes fields of a screening, with a reason.
struct ScreenCorrectCommand: RecorderCommand {
    static let configuration = CommandConfiguration(
        commandName: "correct",
        abstract: "Correct fields of a screening, with a reason; the old values stay in the audit trail.",
        discussion: """
            Give FIELD=VALUE pairs (site_id, screening_date, eligible, ineligible_reason, consented); an empty VALUE \
            empties the field. Several fields change together when one rule ties them, for example:

              wedge screen correct --db study.wedge scr-a-0002 eligible=no ineligible_reason=pregnant consented= \\
                --reason "screening form checked"

            Correcting site_id or screening_date re-stamps the condition and period from the schedule.
            """)

    @OptionGroup var study: StudyOptions

    @Argument(help: "The screening id.")
    var screening: String

    @Argument(help: ArgumentHelp("The fields to change.", valueName: "field=value"))
    var changes: [String]

    @Option(help: "Why the values change (required).")
    var reason: String

    func values() throws -> [ScreeningField: String] {
        var values: [ScreeningField: String] = [:]
        for change in changes {
            guard let equals = change.firstIndex(of: "=") else {
                throw ValidationError("'\(change)' is not FIELD=VALUE.")
            }
            let name = String(change[..<equals])
            guard let field = ScreeningField(rawValue: name), ScreeningField.correctable.contains(field) else {
                throw ValidationError("'\(name)' is not a correctable screening field. Use one of: "
                                      + ScreeningField.correctable.map(\.rawValue).joined(separator: ", ") + ".")
            }
            guard values[field] == nil else { throw ValidationError("'\(name)' is given twice.") }
            values[field] = String(change[change.index(after: equals)...])
        }
        return values
    }

    func validate() throws {
        if changes.isEmpty { throw ValidationError("Give at least one FIELD=VALUE.") }
        _ = try values()
    }

    func execute() throws -> String {
        let store = try study.open()
        let record = try store.correctScreening(screeningID: screening, try values(), reason: reason,
                                                actor: study.resolvedActor, today: Clock.today())
        return ScreenText.stored("Corrected", record, protocol: try store.fetchProtocol().protocol)
    }
}
