// SPDX-License-Identifier: Apache-2.0

/// A stored screening: the entry, stamped with the condition and period the schedule gave its site on the
/// screening date, and whether it was soft-deleted.
public struct ScreeningRecord: Sendable, Equatable, Hashable {
    /// The screening as entered (with its participant link, once made).
    public var entry: ScreeningEntry
    /// The condition in effect at the site on the screening date, from the schedule.
    public var conditionID: String
    /// The 0-based period of the screening date.
    public var period: Int
    /// Whether the screening was soft-deleted (kept, audited, and left out of every snapshot).
    public var isDeleted: Bool

    /// Creates a record.
    public init(entry: ScreeningEntry, conditionID: String, period: Int, isDeleted: Bool = false) {
        self.entry = entry
        self.conditionID = conditionID
        self.period = period
        self.isDeleted = isDeleted
    }

    /// The screening id.
    public var id: String { entry.id }
    /// The site id.
    public var siteID: String { entry.siteID }
    /// The day of screening.
    public var screeningDate: CivilDate { entry.screeningDate }
    /// Whether the person was eligible.
    public var isEligible: Bool { entry.isEligible }
    /// The exclusion reason id when not eligible.
    public var ineligibleReason: String? { entry.ineligibleReason }
    /// Whether an eligible person consented (`nil` when not eligible).
    public var consented: Bool? { entry.consented }
    /// The linked participant, once enrolled.
    public var participantID: String? { entry.participantID }
}
