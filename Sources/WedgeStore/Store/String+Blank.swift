// SPDX-License-Identifier: Apache-2.0

import Foundation

extension String {
    /// The string without leading and trailing white space.
    package var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }

    /// Whether the string is empty or only white space.
    package var isBlank: Bool { trimmed.isEmpty }
}
