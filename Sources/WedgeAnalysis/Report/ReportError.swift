// SPDX-License-Identifier: Apache-2.0

public import Foundation

/// Why a report could not be made.
public enum ReportError: Error, LocalizedError, Equatable, Sendable {
    /// The table id is not one of ``ReportCatalog/tableIDs``; carries the id and the closest known id, if any.
    case unknownTable(String, suggestion: String?)

    /// What went wrong and what to do.
    public var errorDescription: String? {
        switch self {
        case .unknownTable(let id, let suggestion):
            let hint = suggestion.map { " Did you mean '\($0)'?" } ?? ""
            return "Unknown table '\(id)'.\(hint) Tables: \(ReportCatalog.tableIDs.joined(separator: ", "))."
        }
    }
}
