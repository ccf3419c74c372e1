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

    /// The index in ``conditions`` of each row's condition (`nil` for a condition the protocol lacks).
    let groupOfRow: [Int?]

    /// Derives the analysis rows of `snapshot`.
    public init(_ snapshot: StudySnapshot) {
        self.snapshot = snapshot
        let rows = AnalysisExport.rows(snapshot)
        let index = Dictionary(snapshot.protocol.conditions.enumerated().map { ($0.element.id, $0.offset) },
                               uniquingKeysWith: { a, _ in a })
        self.rows = rows
        self.groupOfRow = rows.map { index[$0.condition] }
    }

    /// The protocol.
    public var `protocol`: StudyProtocol { snapshot.protocol }

    /// The protocol's conditions, in protocol order.
    public var conditions: [Condition] { snapshot.protocol.conditions }

    /// The index of each condition id in ``conditions``.
    var conditionIndex: [String: Int] {
        Dictionary(conditions.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
    }

    /// Participants per condition, in protocol order.
    var groupSizes: [Int] {
        var sizes = Array(repeating: 0, count: conditions.count)
        for g in groupOfRow { if let g { sizes[g] += 1 } }
        return sizes
    }

    /// Calls `body` with each row and its condition's index in ``conditions`` (`nil` for an unknown condition):
    /// one pass, no copies of the rows. Tables with an overall column count every row there as well.
    func forEachRow(_ body: (AnalysisRow, Int?) -> Void) {
        for i in rows.indices { body(rows[i], groupOfRow[i]) }
    }

    /// A column header for a group: `"Rapid procedure (N = 225)"`.
    static func header(_ label: String, _ n: Int) -> String { "\(label) (N = \(n))" }
}
