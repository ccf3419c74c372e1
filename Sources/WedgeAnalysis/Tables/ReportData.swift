// SPDX-License-Identifier: Apache-2.0

public import WedgeCore

/// A study snapshot with its analysis rows derived once, shared by every table and plot of a report.
///
/// The rows come from ``AnalysisExport/rows(_:)``, the one definition of the derived outcomes (initiation,
/// injections in their windows, days to first injection, retention), so the report and `wedge export` never
/// disagree.
public struct ReportData: Sendable {
    /// The snapshot the report describes.
    public let snapshot: StudySnapshot
    /// One row per enrolled participant, in participant-id order.
    public let rows: [AnalysisRow]

    /// Derives the analysis rows of `snapshot`.
    public init(_ snapshot: StudySnapshot) {
        self.snapshot = snapshot
        self.rows = AnalysisExport.rows(snapshot)
    }

    /// The protocol.
    public var `protocol`: StudyProtocol { snapshot.protocol }

    /// The protocol's conditions, in protocol order.
    public var conditions: [Condition] { snapshot.protocol.conditions }

    /// The rows of the primary analysis set.
    var primaryRows: [AnalysisRow] { rows.filter(\.isInPrimary) }

    /// The index of each condition id in ``conditions``.
    var conditionIndex: [String: Int] {
        Dictionary(uniqueKeysWithValues: conditions.enumerated().map { ($0.element.id, $0.offset) })
    }

    /// `rows` split by condition, in protocol order (rows of an unknown condition are left out).
    func byCondition(_ rows: [AnalysisRow]) -> [[AnalysisRow]] {
        let index = conditionIndex
        var groups = Array(repeating: [AnalysisRow](), count: conditions.count)
        for row in rows { if let i = index[row.condition] { groups[i].append(row) } }
        return groups
    }

    /// A column header for a group: `"Rapid procedure (N = 225)"`.
    static func header(_ label: String, _ n: Int) -> String { "\(label) (N = \(n))" }
}
