// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing
import WedgeAnalysis
import WedgeTestSupport

/// A later injection is impossible without the first: in an analysis CSV a blank second or third injection of a
/// non-initiator is "no", and a 1 is an error naming the row.
@Suite("Analysis CSV: later injections of non-initiators")
struct LaterInjectionCSVTests {
    func write(_ text: String) throws -> String { try AnalysisCSVTests().write(text) }

    /// Three initiators (second injection 1, 0, blank) and three non-initiators with blank later injections per arm.
    static let blankNonInitiators = """
        site,period,condition,initiated,second_injection,third_injection
        a,1,standard,1,1,0
        a,1,standard,1,0,
        a,1,standard,1,,
        a,1,standard,0,,
        a,1,standard,0,,
        a,2,rapid,1,1,1
        a,2,rapid,0,,
        b,1,standard,0,,
        b,2,rapid,1,0,
        b,2,rapid,1,1,

        """

    @Test("Blank later injections of non-initiators count as no among all; initiators' blanks stay unknown")
    func blankIsNo() throws {
        let data = try AnalysisDataset.read(csv: try write(Self.blankNonInitiators))
        let retention = RetentionAnalysis.run(data)
        let all = retention.secondInjection.amongAll, initiators = retention.secondInjection.amongInitiators
        // Standard: initiators 3 (one blank, unknown), non-initiators 3 (blank → no).
        #expect(all[0].events == 1 && all[0].total == 5)
        #expect(initiators[0].events == 1 && initiators[0].total == 2)
        // Rapid: initiators 3, non-initiators 1.
        #expect(all[1].events == 2 && all[1].total == 4)
        #expect(initiators[1].events == 2 && initiators[1].total == 3)
        // "Among all" must differ from "among initiators" whenever anyone did not initiate.
        #expect(all[0].total > initiators[0].total && all[1].total > initiators[1].total)
        let third = retention.thirdInjection.amongAll
        #expect(third[0].total == 4 && third[0].events == 0)  // standard: 1 known initiator + 3 non-initiators
        #expect(third[1].total == 2 && third[1].events == 1)  // rapid: 1 known initiator + 1 non-initiator
    }

    @Test("A later injection of 1 for a non-initiator is an error naming the line and the column", arguments: [
        ("second_injection", "a,1,standard,0,1,\n"), ("third_injection", "a,1,standard,0,0,1\n"),
    ])
    func oneIsError(column: String, row: String) throws {
        let path = try write("site,period,condition,initiated,second_injection,third_injection\n"
                             + "a,1,standard,1,1,1\na,2,rapid,1,0,\n" + row)
        do {
            _ = try AnalysisDataset.read(csv: path)
            Issue.record("expected an error")
        } catch let error as AnalysisCSVError {
            #expect(error.line == 4)
            #expect(error.errorDescription?.contains(":4:") == true)
            #expect(error.problem.contains("'\(column)'") && error.problem.contains("did not initiate"))
        }
    }

    @Test("Without later-injection columns nothing is invented")
    func absentColumns() throws {
        let data = try AnalysisDataset.read(csv: try write("site,period,condition,initiated\na,1,standard,0\na,2,rapid,1\n"))
        #expect(data.participants.allSatisfy { $0.secondInjection == nil && $0.thirdInjection == nil })
    }
}
