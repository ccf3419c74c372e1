// SPDX-License-Identifier: Apache-2.0

internal import WedgeCore

/// The lines `wedge screen` prints about screenings.
enum ScreenText {
    /// One stored screening, after `verb`: its site, condition and period, and what was decided.
    static func stored(_ verb: String, _ record: ScreeningRecord, protocol proto: StudyProtocol) -> String {
        let label = proto.condition(id: record.conditionID).map { " (\($0.label))" } ?? ""
        var decision = record.isEligible
            ? (record.consented == true ? "eligible, consented" : "eligible, declined consent")
            : "not eligible (\(record.ineligibleReason ?? "?"))"
        if let participant = record.participantID { decision += ", enrolled as \(participant)" }
        return "\(verb) \(record.id) at \(record.siteID) on \(record.screeningDate.iso): condition in effect "
            + "\(record.conditionID)\(label), period \(record.period + 1) of \(proto.calendar.periodCount); \(decision).\n"
    }

    /// The columns of `wedge screen list`.
    static let columns = ["screening_id", "site_id", "screening_date", "eligible", "ineligible_reason", "consented",
                          "condition_id", "period", "participant_id"]

    /// One screening as a row of ``columns`` (periods 1-based, as everywhere a person reads them).
    static func row(_ record: ScreeningRecord) -> [String] {
        [record.id, record.siteID, record.screeningDate.iso, ScreeningField.text(record.isEligible),
         record.ineligibleReason ?? "", record.consented.map(ScreeningField.text) ?? "", record.conditionID,
         String(record.period + 1), record.participantID ?? ""]
    }
}
