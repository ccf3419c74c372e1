// SPDX-License-Identifier: Apache-2.0

/// A calendar date with no time of day and no time zone, as written in a trial's records.
///
/// Trial dates (admission, injection, crossover) are civil dates: "2021-03-16" means the same day at every
/// site, whatever the clock or time zone of the machine. `CivilDate` stores the proleptic Gregorian
/// day number relative to 1970-01-01, so that date arithmetic is integer arithmetic and reproducible.
///
/// The conversions use Howard Hinnant's `days_from_civil` / `civil_from_days` algorithms
/// (<https://howardhinnant.github.io/date_algorithms.html>).
public struct CivilDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01 (negative before it).
    public let dayNumber: Int

    /// Creates a date from its day number relative to 1970-01-01.
    public init(dayNumber: Int) {
        self.dayNumber = dayNumber
    }

    /// Creates a date from its year, month (1–12) and day (1–31), or returns `nil` when the day does not exist.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= CivilDate.daysIn(month: month, year: year) else {
            return nil
        }
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        self.dayNumber = era * 146_097 + doe - 719_468
    }

    /// Parses an ISO 8601 calendar date, `YYYY-MM-DD`, and nothing else.
    public init?(iso string: some StringProtocol) {
        // Fast path over the UTF-8 bytes (an import parses several dates per row); it accepts exactly the
        // strings the former split-based parser accepted: four, two and two ASCII digits separated by hyphens.
        var bytes = string.utf8.makeIterator()
        var fields = (0, 0, 0)
        for position in 0..<10 {
            guard let byte = bytes.next() else { return nil }
            if position == 4 || position == 7 {
                guard byte == UInt8(ascii: "-") else { return nil }
                continue
            }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            let digit = Int(byte - UInt8(ascii: "0"))
            switch position {
            case 0..<4: fields.0 = fields.0 * 10 + digit
            case 5..<7: fields.1 = fields.1 * 10 + digit
            default: fields.2 = fields.2 * 10 + digit
            }
        }
        guard bytes.next() == nil else { return nil }
        self.init(year: fields.0, month: fields.1, day: fields.2)
    }

    /// The year, month and day of this date.
    public var components: (year: Int, month: Int, day: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// The date as `YYYY-MM-DD`.
    public var iso: String {
        let (y, m, d) = components
        guard (0...9999).contains(y) else {
            return Self.pad(y, 4) + "-" + Self.pad(m, 2) + "-" + Self.pad(d, 2)
        }
        // The common case writes ten ASCII bytes, which Swift stores inline (no allocation): an import formats
        // several dates per participant.
        let zero = UInt8(ascii: "0")
        let hyphen = UInt8(ascii: "-")
        let bytes: [UInt8] = [
            zero + UInt8(y / 1000), zero + UInt8(y / 100 % 10), zero + UInt8(y / 10 % 10), zero + UInt8(y % 10),
            hyphen, zero + UInt8(m / 10), zero + UInt8(m % 10), hyphen, zero + UInt8(d / 10), zero + UInt8(d % 10),
        ]
        return String(decoding: bytes, as: UTF8.self)
    }

    public var description: String { iso }

    /// The date `days` later (earlier when negative).
    public func adding(days: Int) -> CivilDate { CivilDate(dayNumber: dayNumber + days) }

    /// The date `weeks` later (earlier when negative).
    public func adding(weeks: Int) -> CivilDate { adding(days: 7 * weeks) }

    /// The number of days from `self` to `other` (positive when `other` is later).
    public func days(to other: CivilDate) -> Int { other.dayNumber - dayNumber }

    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool { lhs.dayNumber < rhs.dayNumber }

    /// The number of days in a month of the proleptic Gregorian calendar.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(abs(value))
        return (value < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
