// SPDX-License-Identifier: Apache-2.0

import Foundation
import WedgeCore

/// The words the pages use for data-file fields and query kinds.
enum FieldLabels {
    /// A field's label, such as "Second injection date" for `second_injection_date`; the name itself when unknown
    /// (a baseline covariate).
    static func label(_ field: String) -> String {
        switch field {
        case "participant_id": "Participant ID"
        case "site_id": "Site"
        case "admission_date": "Admission date"
        case "induction_start_date": "Induction start date"
        case "procedure_received": "Procedure received"
        case "first_injection_date": "First injection date (initiation)"
        case "not_initiated_reason": "Reason not initiated"
        case "discharge_date": "Discharge date"
        case "second_injection_date": "Second injection date"
        case "third_injection_date": "Third injection date"
        case "last_contact_date": "Last contact date"
        case "dropout_date": "Dropout date"
        case "is_deleted": "Deleted"
        default: field.replacingOccurrences(of: "_", with: " ").capitalizedFirst
        }
    }

    /// A query kind's label.
    static func label(_ kind: OpenQuery.Kind) -> String {
        switch kind {
        case .missingOutcome: "Missing outcome"
        case .deviation: "Protocol deviation"
        case .outOfWindow: "Out of window"
        }
    }
}

extension String {
    /// The string with its first character upper-cased.
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
