// SPDX-License-Identifier: Apache-2.0

/// A TOML number that may be written as an integer (`14`) or a float (`14.0`).
///
/// TOMLKit will not decode an integer into a `Double` (it reports a misleading *keyNotFound*), so numeric
/// protocol fields decode through this wrapper. ``wholeNumber`` is non-nil only for values with no
/// fractional part.
struct TOMLNumber: Decodable, Equatable {
    let value: Double
    let wasInteger: Bool

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let int = try? container.decode(Int.self) {
            value = Double(int)
            wasInteger = true
        } else {
            value = try container.decode(Double.self)
            wasInteger = false
        }
    }

    /// The value as an `Int` when it is a whole number, else `nil`.
    var wholeNumber: Int? {
        value.rounded() == value && abs(value) < 1e15 ? Int(value) : nil
    }

    /// The value as written, for error messages.
    var text: String {
        if wasInteger, let whole = wholeNumber { return String(whole) }
        return String(value)
    }
}
