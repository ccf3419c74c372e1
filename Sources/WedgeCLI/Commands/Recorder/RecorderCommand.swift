// SPDX-License-Identifier: Apache-2.0

internal import ArgumentParser

/// A recorder command whose whole output is computed first, then printed: so that tests (and the fuzzing
/// suite) can run it in-process and read what it would print.
protocol RecorderCommand: ParsableCommand {
    /// Does the work and returns the text for standard output.
    func execute() throws -> String
}

extension RecorderCommand {
    func run() throws {
        print(try execute(), terminator: "")
    }
}
