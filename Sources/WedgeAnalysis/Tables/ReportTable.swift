// SPDX-License-Identifier: Apache-2.0

/// A table computed by the analysis layer, ready for any renderer (text, Markdown, CSV, …).
///
/// Cells are already formatted text, so every format shows the same numbers (see ``NumberFormat``).
public struct ReportTable: Sendable, Equatable {
    /// How a column's cells align in fixed-width output.
    public enum Alignment: Sendable, Equatable {
        /// Left-aligned (labels).
        case left
        /// Right-aligned (numbers).
        case right
    }

    /// A stable identifier, used for CSV file names and `wedge report TABLE`.
    public var id: String
    /// The title.
    public var title: String
    /// The column headers.
    public var columns: [String]
    /// The alignment of each column.
    public var alignments: [Alignment]
    /// The rows; each has one cell per column.
    public var rows: [[String]]
    /// Footnotes: definitions, abbreviations, methods.
    public var notes: [String]

    /// Creates a table. Alignments default to left for the first column and right for the others.
    public init(id: String, title: String, columns: [String], alignments: [Alignment]? = nil, rows: [[String]],
                notes: [String] = []) {
        self.id = id
        self.title = title
        self.columns = columns
        self.alignments = alignments ?? columns.indices.map { $0 == 0 ? .left : .right }
        self.rows = rows
        self.notes = notes
    }
}
