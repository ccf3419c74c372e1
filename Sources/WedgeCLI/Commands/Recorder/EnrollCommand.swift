// SPDX-License-Identifier: Apache-2.0

internal import ArgumentParser
internal import WedgeCore
internal import WedgeStore

/// `wedge enroll`: enrolls one participant, with the condition stamped from the schedule.
struct EnrollCommand: RecorderCommand {
    static let configuration = CommandConfiguration(
        commandName: "enroll",
        abstract: "Enroll a participant; the condition is looked up from the schedule, never typed.",
        discussion: """
            The site and admission date decide the condition and period. An unknown site or an admission outside \
            the study window is refused; an admission in a transition window is enrolled and flagged, and counts \
            in the primary analysis only if the protocol says so. Baseline covariates are the protocol's; \
            required ones must be given. Example:

              wedge enroll --db study.wedge P-0042 --site unit-a --admitted 2021-04-01 \\
                --baseline age=34 --baseline sex=female
            """)

    @OptionGroup var study: StudyOptions

    @Argument(help: "The participant id (never reused).")
    var participant: String

    @Option(help: "The site id.")
    var site: String

    @Option(help: ArgumentHelp("The admission date.", valueName: "YYYY-MM-DD"))
    var admitted: String

    @Option(parsing: .singleValue, help: ArgumentHelp("A baseline value; repeat for each covariate.", valueName: "key=value"))
    var baseline: [String] = []

    func execute() throws -> String {
        let store = try study.open()
        let schedule = try store.fetchSchedule()
        let record = try ParticipantEntry.record(id: participant, siteID: site, admissionDate: admitted,
                                                 baseline: baseline, protocol: schedule.protocol).get()
        let (enrollment, flags) = try store.enroll(record, actor: study.resolvedActor, today: Clock.today())
        let proto = schedule.protocol
        let label = proto.condition(id: enrollment.conditionID).map { " (\($0.label))" } ?? ""
        var lines = ["Enrolled \(record.id) at \(record.siteID): condition \(enrollment.conditionID)\(label), "
                     + "period \(enrollment.period + 1) of \(proto.calendar.periodCount)."]
        if enrollment.isTransition {
            lines.append("Admitted in a transition window: "
                         + (enrollment.isInPrimaryAnalysis ? "counts in the primary analysis." : "left out of the primary analysis."))
        }
        lines.append(FlagText.line(flags))
        return lines.joined(separator: "\n") + "\n"
    }
}
