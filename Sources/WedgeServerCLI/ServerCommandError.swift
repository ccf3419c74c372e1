// SPDX-License-Identifier: Apache-2.0

import Foundation

/// A failure whose text is already written for the user; exits with code 1.
struct ServerCommandError: Error, LocalizedError {
    /// The text.
    let message: String

    init(_ message: String) {
        self.message = message
    }

    var errorDescription: String? { message }
}
