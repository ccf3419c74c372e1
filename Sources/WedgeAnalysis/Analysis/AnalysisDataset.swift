// SPDX-License-Identifier: Apache-2.0

public import WedgeCore

/// The primary analysis set as plain arrays: what `wedge analyze` and the report's model-based tables read.
///
/// Built from a study snapshot (through ``WedgeCore/AnalysisExport``, the one definition of every derived
/// outcome) or from an analysis CSV. Two conditions: the control and one intervention.
public struct AnalysisDataset: Sendable {
    /// The site ids; ``AnalysisParticipant/site`` indexes this array.
    public var siteIDs: [String]
    /// The number of periods in the design (periods with no participants included).
    public var periodCount: Int
    /// The control condition's id and label.
    public var control: (id: String, label: String)
    /// The intervention condition's id and label.
    public var intervention: (id: String, label: String)
    /// The participants.
    public var participants: [AnalysisParticipant]
    /// What the permutation test re-randomizes, or `nil` when it cannot be known.
    public var randomization: RandomizationFrame?
    /// Columns that were absent from the source, so analyses that need them are skipped.
    public var missingColumns: Set<String>

    /// Creates a dataset.
    public init(
        siteIDs: [String], periodCount: Int, control: (id: String, label: String),
        intervention: (id: String, label: String), participants: [AnalysisParticipant],
        randomization: RandomizationFrame? = nil, missingColumns: Set<String> = []
    ) {
        self.siteIDs = siteIDs
        self.periodCount = periodCount
        self.control = control
        self.intervention = intervention
        self.participants = participants
        self.randomization = randomization
        self.missingColumns = missingColumns
    }

    /// The primary analysis set of a snapshot: participants counted in the primary analysis (transition
    /// admissions excluded when the protocol says so), with the schedule's admissible set for the permutation
    /// test.
    public init(snapshot: StudySnapshot) {
        let proto = snapshot.protocol
        let control = proto.control
        let intervention = proto.conditions.first { !$0.isControl } ?? control
        let siteIDs = proto.sites.map(\.id)
        let index = Dictionary(uniqueKeysWithValues: siteIDs.enumerated().map { ($1, $0) })
        let participants = AnalysisExport.rows(snapshot).compactMap { row -> AnalysisParticipant? in
            guard row.isInPrimary, let site = index[row.site] else { return nil }
            return AnalysisParticipant(
                site: site, period: row.period, treated: row.condition != control.id, initiated: row.initiated,
                secondInjection: row.secondInjection, thirdInjection: row.thirdInjection,
                daysToFirstInjection: row.daysToFirstInjection, retentionDays: row.retentionDays,
                retentionEvent: row.retentionEvent)
        }
        let designSequences = proto.design.sequences.map { sequence in
            sequence.conditions.map { $0 == control.id ? 0 : 1 }
        }
        let admissible = snapshot.schedule.admissibleSet?.allocations
        self.init(
            siteIDs: siteIDs, periodCount: proto.design.periodCount,
            control: (control.id, control.label), intervention: (intervention.id, intervention.label),
            participants: participants,
            randomization: RandomizationFrame(
                sequences: designSequences, observed: snapshot.schedule.allocation, admissible: admissible,
                source: admissible == nil ? "every allocation of the sites to the design's sequences"
                    : "the schedule's admissible set"))
    }
}
