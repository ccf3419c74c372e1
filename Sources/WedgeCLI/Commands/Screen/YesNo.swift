// SPDX-License-Identifier: Apache-2.0

internal import ArgumentParser
internal import WedgeCore

/// A yes/no option value (`yes`, `no`, and the spellings ``WedgeCore/ScreeningField/boolean(_:)`` accepts); any
/// other text is a usage error.
struct YesNo: ExpressibleByArgument {
    let value: Bool

    init?(argument: String) {
        guard let value = ScreeningField.boolean(argument) else { return nil }
        self.value = value
    }

    static var allValueStrings: [String] { ["yes", "no"] }
}
