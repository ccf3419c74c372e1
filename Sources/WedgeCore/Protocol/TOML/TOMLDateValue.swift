// SPDX-License-Identifier: Apache-2.0

internal import TOMLKit

/// A date field: a TOML local date (`2021-03-16`) or, leniently, the same text in quotes.
///
/// TOMLKit decodes `TOMLDate` only through a keyed container, so this is read with
/// ``decodeIfPresent(from:forKey:)`` rather than through `Decodable`.
struct TOMLDateValue {
    /// The date, or `nil` when the text is not a real `YYYY-MM-DD` date.
    let date: CivilDate?
    /// The value as written, for error messages.
    let text: String

    static func decodeIfPresent<K: CodingKey>(
        from container: KeyedDecodingContainer<K>, forKey key: K
    ) throws -> TOMLDateValue? {
        guard container.contains(key) else { return nil }
        if let tomlDate = try? container.decode(TOMLDate.self, forKey: key) {
            let text = "\(tomlDate.year)-\(tomlDate.month)-\(tomlDate.day)"
            return TOMLDateValue(date: CivilDate(year: tomlDate.year, month: tomlDate.month, day: tomlDate.day),
                                 text: text)
        }
        let string = try container.decode(String.self, forKey: key)
        return TOMLDateValue(date: CivilDate(iso: string), text: string)
    }
}
