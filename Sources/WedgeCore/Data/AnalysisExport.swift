// SPDX-License-Identifier: Apache-2.0

/// The analysis-ready export: one row per enrolled participant, with the derived outcomes computed once, here,
/// by the protocol's definitions.
///
/// Columns, in order: ``leadingColumns``, then one per baseline covariate of the protocol, then
/// ``dateColumns``. The definitions (initiation, injections counted only inside the windows, time to first
/// injection, retention and its censoring) are documented in `docs/export-format.md` and restated on each
/// function. Soft-deleted participants are not in a snapshot, so they are not exported.
public enum AnalysisExport {
    /// The columns before the baseline covariates.
    public static let leadingColumns = [
        "participant_id", "site", "period", "condition", "initiated", "second_injection", "third_injection",
        "days_to_first_injection", "retention_days", "retention_event", "in_primary", "transition",
        "procedure_received", "deviation", "not_initiated_reason",
    ]

    /// The date columns after the baseline covariates.
    public static let dateColumns = ["admission_date"] + ParticipantField.outcomeDates.map(\.0.rawValue)

    /// Every column for `protocol`.
    public static func header(for proto: StudyProtocol) -> [String] {
        leadingColumns + proto.baseline.map(\.id) + dateColumns
    }

    /// The rows of `snapshot`, in participant-id order.
    public static func rows(_ snapshot: StudySnapshot) -> [AnalysisRow] {
        snapshot.enrollments.map { row(for: $0, in: snapshot) }
    }

    /// The analysis row of one enrollment.
    ///
    /// - `second_injection`: 1 when the second injection falls `second_injection_window_days` after the first
    ///   (inclusive), 0 when it falls outside, is absent once the window has closed by the data-lock date, or
    ///   the participant dropped out, or there was no first injection; empty while the window is still open.
    /// - `third_injection`: the same after a *counted* second injection; 0 when the second did not count.
    /// - `days_to_first_injection`: first injection − admission, in days (the outcome the issue defines: time from
    ///   admission, so that the rapid and standard procedures are compared from the same origin); empty without
    ///   a first injection.
    /// - `retention_days`/`retention_event`: only for participants with a first injection. Origin: induction
    ///   start (admission when induction start is unknown), so that retention "through 2 months after
    ///   induction" is read at day `retention_follow_up_days`. Follow-up ends `retention_follow_up_days` after
    ///   the origin. A dropout on or before that end is an event (1) at the dropout date; otherwise the time is
    ///   censored (0) at the earlier of that end and the last date the participant was observed (last contact,
    ///   or the latest recorded date). Negative times are set to 0.
    public static func row(for enrollment: Enrollment, in snapshot: StudySnapshot) -> AnalysisRow {
        let defs = snapshot.protocol.outcomes
        let record = enrollment.record
        let o = record.outcome
        let lock = snapshot.dataLockDate
        func counted(after start: CivilDate?, next: CivilDate?, window: ClosedRange<Int>) -> Bool? {
            guard let start else { return false }
            if let next { return window.contains(start.days(to: next)) }
            let closes = start.adding(days: window.upperBound)
            if let dropout = o.dropoutDate, dropout <= closes { return false }
            return closes < lock ? false : nil
        }
        let second = counted(after: o.firstInjectionDate, next: o.secondInjectionDate, window: defs.secondInjectionWindow)
        let third: Bool? = switch second {
        case .some(true): counted(after: o.secondInjectionDate, next: o.thirdInjectionDate, window: defs.thirdInjectionWindow)
        case .some(false): false
        case .none: nil
        }
        var days: Int?
        if let first = o.firstInjectionDate { days = record.admissionDate.days(to: first) }
        var retention: (Int, Bool)?
        if let first = o.firstInjectionDate {
            let origin = o.inductionStartDate ?? record.admissionDate
            let end = origin.adding(days: defs.retentionFollowUpDays)
            if let dropout = o.dropoutDate, dropout <= end {
                retention = (max(0, origin.days(to: dropout)), true)
            } else {
                let observed = [o.lastContactDate, o.dropoutDate, o.firstInjectionDate, o.secondInjectionDate,
                                o.thirdInjectionDate, o.dischargeDate].compactMap { $0 }.max() ?? first
                retention = (max(0, origin.days(to: min(end, observed))), false)
            }
        }
        return AnalysisRow(
            participantID: record.id, site: record.siteID, period: enrollment.period + 1,
            condition: enrollment.conditionID, isTransition: enrollment.isTransition,
            isInPrimary: enrollment.isInPrimaryAnalysis, procedureReceived: o.procedureReceived,
            isDeviation: enrollment.isDeviation, initiated: enrollment.isInitiated(under: defs),
            secondInjection: second, thirdInjection: third, daysToFirstInjection: days, retentionDays: retention?.0,
            retentionEvent: retention?.1, notInitiatedReason: o.notInitiatedReason, record: record)
    }

    /// The values of a row in ``header(for:)`` order, as JSON values (numbers, booleans, strings, `null`).
    public static func values(_ row: AnalysisRow, protocol proto: StudyProtocol) -> [JSONValue] {
        func int(_ x: Int?) -> JSONValue { x.map { .int($0) } ?? .null }
        func bool(_ x: Bool?) -> JSONValue { x.map { .bool($0) } ?? .null }
        let o = row.record.outcome
        var values: [JSONValue] = [
            .string(row.participantID), .string(row.site), .int(row.period), .string(row.condition),
            .bool(row.initiated), bool(row.secondInjection), bool(row.thirdInjection), int(row.daysToFirstInjection),
            int(row.retentionDays), bool(row.retentionEvent), .bool(row.isInPrimary), .bool(row.isTransition),
            .optional(row.procedureReceived), .bool(row.isDeviation), .optional(row.notInitiatedReason),
        ]
        for covariate in proto.baseline {
            guard let text = row.record.baseline[covariate.id] else { values.append(.null); continue }
            if case .number = covariate.kind, let number = Double(text) {
                values.append(number.rounded() == number && abs(number) < 1e15 ? .int(Int(number)) : .double(number))
            } else {
                values.append(.string(text))
            }
        }
        values.append(.string(row.record.admissionDate.iso))
        values += ParticipantField.outcomeDates.map { .optional(o[keyPath: $0.1]?.iso) }
        return values
    }

    /// The CSV document: the header, then one line per row; booleans are `1`/`0`, unknown values empty.
    public static func csv(_ snapshot: StudySnapshot) -> String {
        let proto = snapshot.protocol
        let lines = rows(snapshot).map { row in
            values(row, protocol: proto).map { value -> String in
                switch value {
                case .null: return ""
                case .bool(let b): return b ? "1" : "0"
                case .int(let i): return String(i)
                case .double(let d): return String(d)
                case .string(let s): return s
                default: return value.serialized()
                }
            }
        }
        return CSVWriter.document(header: header(for: proto), rows: lines)
    }

    /// The JSON document: an array with one object per row, keys in ``header(for:)`` order.
    public static func json(_ snapshot: StudySnapshot) -> String {
        let proto = snapshot.protocol
        let keys = header(for: proto)
        let objects = rows(snapshot).map { row in
            JSONValue.object(Array(zip(keys, values(row, protocol: proto))))
        }
        return JSONValue.array(objects).serialized(pretty: true)
    }
}
