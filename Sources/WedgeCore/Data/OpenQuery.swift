// SPDX-License-Identifier: Apache-2.0

/// Something a data manager must look at for one participant: a missing outcome whose window has passed, or a
/// review flag.
///
/// Queries name the participant, the site and the field, never the values.
public struct OpenQuery: Sendable, Equatable {
    /// What kind of query.
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// An outcome is still empty although its window has passed.
        case missingOutcome = "missing-outcome"
        /// The procedure received differs from the assigned one.
        case deviation
        /// An injection outside the protocol's window, or a first injection after discharge.
        case outOfWindow = "out-of-window"
    }

    /// The participant.
    public var participantID: String
    /// The participant's site.
    public var siteID: String
    /// The kind.
    public var kind: Kind
    /// The field concerned, by its data-file column name.
    public var field: String
    /// What to check, in words, without values.
    public var detail: String
    /// The date since which the query is open: the day after its window closed, or the admission date for a
    /// review flag; `nil` when not known. Worklists show the oldest first.
    public var since: CivilDate?

    /// Creates a query.
    public init(participantID: String, siteID: String, kind: Kind, field: String, detail: String,
                since: CivilDate? = nil) {
        self.participantID = participantID
        self.siteID = siteID
        self.kind = kind
        self.field = field
        self.detail = detail
        self.since = since
    }
}
