// SPDX-License-Identifier: Apache-2.0

/// The fields of a screening, by their column names in the screening CSV: one name everywhere (files,
/// `wedge screen`, corrections, the audit log).
public enum ScreeningField: String, Sendable, CaseIterable {
    case screeningID = "screening_id"
    case siteID = "site_id"
    case screeningDate = "screening_date"
    case eligible
    case ineligibleReason = "ineligible_reason"
    case consented
    case participantID = "participant_id"

    /// The columns of a screening file, in the order written.
    public static let columns = allCases.map(\.rawValue)
    /// The columns a screening file may leave out.
    public static let optionalColumns: Set<String> = [ineligibleReason.rawValue, consented.rawValue, participantID.rawValue]
    /// The fields a correction may change (the id never changes; a link is made with `linkScreening`).
    public static let correctable: [ScreeningField] = [.siteID, .screeningDate, .eligible, .ineligibleReason, .consented]

    /// `yes`/`no` (also `y/n`, `true/false`, `1/0`, any case) as a Boolean; `nil` for anything else.
    public static func boolean(_ text: String) -> Bool? {
        switch text.trimmingSpaces().lowercased() {
        case "yes", "y", "true", "1": true
        case "no", "n", "false", "0": false
        default: nil
        }
    }

    /// A Boolean as written in files: `yes` or `no`.
    public static func text(_ value: Bool) -> String { value ? "yes" : "no" }
}
