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

    @Test("Arithmetic")
    func arithmetic() throws {
        let start = try #require(CivilDate(iso: "2021-03-16"))
        #expect(start.adding(weeks: 70).adding(days: -1).iso == "2022-07-18")
        #expect(start.days(to: start.adding(days: 45)) == 45)
    }
}
