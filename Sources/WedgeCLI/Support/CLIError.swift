// SPDX-License-Identifier: Apache-2.0

internal import Foundation

/// A runtime error of a command, with a message that says what to do. Exits with code 1.
struct CLIError: Error, LocalizedError, Equatable {
    let message: String

    init(_ message: String) { self.message = message }

    var errorDescription: String? { message }
}
