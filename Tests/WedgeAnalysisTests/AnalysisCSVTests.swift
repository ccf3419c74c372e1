// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing
import WedgeAnalysis
import WedgeTestSupport

@Suite("Analysis CSV")
struct AnalysisCSVTests {
    func write(_ text: String) throws -> String {
        let path = try TestPaths.temporaryDirectory().appendingPathComponent("data.csv").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("Only site, period, condition, initiated are required; absent columns are recorded")
    func minimal() throws {
        let path = try write("site,period,condition,initiated\na,1,standard,0\na,2,rapid,1\nb,1,standard,1\nb,2,standard,0\n")
        let data = try AnalysisDataset.read(csv: path)
        #expect(data.participants.count == 4)
        #expect(data.siteIDs == ["a", "b"])
        #expect(data.missingColumns.contains("retention_days"))
        #expect(data.randomization == nil)  // no schedule: the test permutes sites across observed sequences
        let retention = RetentionAnalysis.run(data)
        #expect(retention.notes.contains { $0.contains("retention_days is absent") })
    }

    @Test("Renamed columns and another control id")
    func renamed() throws {
        let path = try write("cluster,step,arm,y\na,1,usual,0\na,2,new,1\n")
        var columns = AnalysisColumns()
        columns.site = "cluster"; columns.period = "step"; columns.condition = "arm"; columns.initiated = "y"
        let data = try AnalysisDataset.read(csv: path, columns: columns, control: "usual")
        #expect(data.intervention.id == "new" && data.participants[1].treated)
    }

    @Test("A missing required column names the file and the column")
    func missingColumn() throws {
        let path = try write("site,period,condition\na,1,standard\n")
        #expect {
            try AnalysisDataset.read(csv: path)
        } throws: { error in
            let text = (error as? AnalysisCSVError)?.errorDescription ?? ""
            return text.contains(path) && text.contains("'initiated'") && text.contains("--initiated-column")
        }
    }

    @Test("A bad value names line and column, shows the value's shape only")
    func badValue() throws {
        let path = try write("site,period,condition,initiated\na,1,standard,0\na,2,rapid,yes7\n")
        #expect {
            try AnalysisDataset.read(csv: path)
        } throws: { error in
            let text = (error as? AnalysisCSVError)?.errorDescription ?? ""
            return text.contains("\(path):3:") && text.contains("'initiated'") && text.contains("aaa9")
                && !text.contains("yes7")
        }
    }

    @Test("A third condition is refused with advice")
    func thirdCondition() throws {
        let path = try write("site,period,condition,initiated\na,1,standard,0\na,2,rapid,1\nb,2,other,1\n")
        #expect(throws: AnalysisCSVError.self) { try AnalysisDataset.read(csv: path) }
    }
}
