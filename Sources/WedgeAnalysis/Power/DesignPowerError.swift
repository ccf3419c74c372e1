// SPDX-License-Identifier: Apache-2.0

public import Foundation

/// Why a protocol's design cannot be used for a power calculation.
public enum DesignPowerError: Error, LocalizedError, Equatable, Sendable {
    /// Power compares one intervention with the control; the design's sequences use more than one intervention.
    case notTwoConditions(study: String, conditions: [String])
    /// Every cell runs the same condition, so there is no treatment contrast.
    case noContrast(study: String)

    /// What went wrong and what to do.
    public var errorDescription: String? {
        switch self {
        case .notTwoConditions(let study, let conditions):
            return "\(study): power compares the control with one intervention, but the design's sequences use "
                + "\(conditions.count) conditions: \(conditions.joined(separator: ", ")). Write a protocol whose "
                + "sequences use only the two conditions to compare."
        case .noContrast(let study):
            return "\(study): every site runs the same condition in every period, so the design has no treatment "
                + "contrast. Check the [design] sequences."
        }
    }
}
