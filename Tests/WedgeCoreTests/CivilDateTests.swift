// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing
import WedgeCore

@Suite("Civil dates")
struct CivilDateTests {
    @Test("Day numbers agree with Foundation's UTC calendar over 1900–2100")
    func matchesFoundation() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        for dayNumber in stride(from: -25_567, through: 47_482, by: 97) {
            let date = Date(timeIntervalSince1970: Double(dayNumber) * 86_400)
            let c = calendar.dateComponents([.year, .month, .day], from: date)
            let civil = try #require(CivilDate(year: c.year!, month: c.month!, day: c.day!))
            #expect(civil.dayNumber == dayNumber)
            #expect(civil.components == (c.year!, c.month!, c.day!))
        }
    }

    @Test("ISO parsing is strict and round-trips")
    func iso() {
        #expect(CivilDate(iso: "2021-03-16")?.iso == "2021-03-16")
        #expect(CivilDate(iso: "2024-02-29") != nil)
        for bad in ["2023-02-29", "2021-13-01", "2021-3-16", "16/03/2021", "2021-03-16T00:00", "", "abcd-ef-gh"] {
            #expect(CivilDate(iso: bad) == nil, "\(bad) should not parse")
        }
    }

    @Test("ISO text is zero-padded YYYY-MM-DD for every day of years 1 to 9999, and parses back")
    func isoFormatting() {
        #expect(CivilDate(year: 1, month: 1, day: 1)?.iso == "0001-01-01")
        #expect(CivilDate(year: 987, month: 10, day: 9)?.iso == "0987-10-09")
        #expect(CivilDate(year: 9999, month: 12, day: 31)?.iso == "9999-12-31")
        #expect(CivilDate(year: 10_000, month: 1, day: 2)?.iso == "10000-01-02")
        let first = CivilDate(year: 1, month: 1, day: 1)!.dayNumber
        let last = CivilDate(year: 9999, month: 12, day: 31)!.dayNumber
        var mismatches = 0
        for day in stride(from: first, through: last, by: 37) {
            let date = CivilDate(dayNumber: day)
            let (y, m, d) = date.components
            let expected = String(format: "%04d-%02d-%02d", y, m, d)
            if date.iso != expected || CivilDate(iso: date.iso) != date { mismatches += 1 }
        }
        #expect(mismatches == 0)
    }

    @Test("Arithmetic")
    func arithmetic() throws {
        let start = try #require(CivilDate(iso: "2021-03-16"))
        #expect(start.adding(weeks: 70).adding(days: -1).iso == "2022-07-18")
        #expect(start.days(to: start.adding(days: 45)) == 45)
    }
}
