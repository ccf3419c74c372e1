// SPDX-License-Identifier: Apache-2.0

/// One participant of the analysis set, reduced to what the models need.
///
/// Indices, not labels: ``site`` indexes ``AnalysisDataset/siteIDs`` and ``period`` is 1-based. Optional
/// outcomes are `nil` where they do not apply (for example no second-injection status for a participant
/// whose window is still open), exactly as a blank cell of `wedge export`.
public struct AnalysisParticipant: Sendable, Equatable {
    /// The site (cluster) index.
    public var site: Int
    /// The period, 1-based.
    public var period: Int
    /// Whether the participant was admitted under the intervention (any non-control condition).
    public var treated: Bool
    /// The primary outcome: first injection received.
    public var initiated: Bool
    /// Second injection inside its window; `nil` when not applicable or unknown.
    public var secondInjection: Bool?
    /// Third injection inside its window; `nil` when not applicable or unknown.
    public var thirdInjection: Bool?
    /// Days from admission to the first injection, for initiators.
    public var daysToFirstInjection: Int?
    /// Days retained in treatment from induction start, for initiators.
    public var retentionDays: Int?
    /// Whether ``retentionDays`` ended in dropout (`true`) or censoring (`false`).
    public var retentionEvent: Bool?

    /// Creates a participant.
    public init(
        site: Int, period: Int, treated: Bool, initiated: Bool, secondInjection: Bool? = nil,
        thirdInjection: Bool? = nil, daysToFirstInjection: Int? = nil, retentionDays: Int? = nil,
        retentionEvent: Bool? = nil
    ) {
        self.site = site
        self.period = period
        self.treated = treated
        self.initiated = initiated
        self.secondInjection = secondInjection
        self.thirdInjection = thirdInjection
        self.daysToFirstInjection = daysToFirstInjection
        self.retentionDays = retentionDays
        self.retentionEvent = retentionEvent
    }
}
