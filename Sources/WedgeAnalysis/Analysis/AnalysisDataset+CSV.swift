// SPDX-License-Identifier: Apache-2.0

internal import Foundation
internal import WedgeCore

extension AnalysisDataset {
    /// Reads an analysis CSV, such as `wedge export` writes.
    ///
    /// Only `site, period, condition, initiated` are required; a blank cell means not applicable. A missing
    /// optional column is recorded in ``missingColumns`` so the analyses that need it are skipped. When an
    /// `in_primary` column is present, rows with 0 are left out. Booleans are `1`/`0` or `true`/`false`. The
    /// data must hold the control and at most one other condition. Sites are ordered by first appearance.
    ///
    /// A CSV carries no schedule (``randomization`` is `nil`), so the permutation test permutes the sites
    /// across the sequences observed in the data (``WedgeStats/ObservedSequences``).
    /// - Throws: ``AnalysisCSVError`` naming the file, line, column and the shape of the bad value.
    public static func read(csv path: String, columns: AnalysisColumns = .init(), control: String = "standard")
        throws -> AnalysisDataset
    {
        do { try InputFile.check(path, limit: InputFile.dataLimit) } catch {
            throw AnalysisCSVError(path: path, line: 0, problem: "the file \(error.problem). \(error.expected)")
        }
        // Streamed, as imports are: a record over 1 MiB or bytes that are not UTF-8 are refused with their line.
        var records: [CSVRecord] = []
        do { try CSVFileRecords(path: path).read { records.append($0) } } catch let error as DataFileError {
            let issue = error.issues[0]
            throw AnalysisCSVError(path: path, line: issue.line ?? 0, problem: "\(issue.problem). \(issue.expected)")
        }
        guard let header = records.first else {
            throw AnalysisCSVError(path: path, line: 0, problem: "the file is empty; expected a header line with "
                                   + "\(columns.required.map(\.1).joined(separator: ", ")).")
        }
        var reader = AnalysisCSVReader(path: path, header: header, columns: columns, control: control)
        try reader.checkHeader()
        for record in records.dropFirst() where !(record.fields.count == 1 && record.fields[0].isEmpty) {
            try reader.add(record)
        }
        return try reader.dataset()
    }
}
