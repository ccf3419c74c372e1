// SPDX-License-Identifier: Apache-2.0

import Testing
import WedgeCore
import WedgeTestSupport

@Suite("Participant import and rules")
struct ParticipantImportTests {
    static let proto = try! ProtocolLoader.load(path: TestPaths.path("Protocols/ctn-0097.toml")).protocol
    static let schedule = Randomizer.randomize(proto, seed: "20210316")  // unit-f: SRRRR, unit-a: SSSSS
    static let today = CivilDate(iso: "2026-01-01")!
    static let format = ParticipantCSVFormat(protocol: proto)

    /// A valid row for unit-f admitted on 2021-07-01 (rapid), which tests then break one field at a time.
    static func row(_ changes: [String: String] = [:]) -> [String] {
        var values: [String: String] = [
            "participant_id": "P-001", "site_id": "unit-f", "admission_date": "2021-07-01", "age": "41",
            "sex": "female", "race_ethnicity": "white", "insured": "yes", "fentanyl_positive": "no",
            "injection_drug_use": "no", "opioid_days_30": "28", "induction_start_date": "2021-07-01",
            "procedure_received": "rapid", "first_injection_date": "2021-07-07", "discharge_date": "2021-07-08",
            "second_injection_date": "2021-08-05", "last_contact_date": "2021-09-01",
        ]
        for (k, v) in changes { values[k] = v }
        return format.header.map { values[$0] ?? "" }
    }

    static func csv(_ rows: [[String]]) -> String { CSVWriter.document(header: format.header, rows: rows) }

    @Test("A valid row enrolls with the condition stamped from the schedule")
    func stamps() throws {
        let result = try ParticipantImport.validate(Self.csv([Self.row(), Self.row(["participant_id": "P-002",
            "site_id": "unit-a", "procedure_received": "standard", "first_injection_date": "2021-07-13",
            "discharge_date": "2021-07-14"])]), file: "in.csv", schedule: Self.schedule, today: Self.today)
        #expect(result.map(\.enrollment.conditionID) == ["rapid", "standard"])
        #expect(result.map(\.enrollment.period) == [1, 1])
        #expect(result[0].flags.isEmpty)
        #expect(result[0].enrollment.record.baseline["insured"] == "yes")
    }

    @Test("Each broken field is refused with file, line, participant and field", arguments: [
        (["site_id": "unit-z"], "site_id", "unknown site"),
        (["admission_date": "2020-01-01", "induction_start_date": "", "first_injection_date": "",
          "discharge_date": "", "second_injection_date": "", "last_contact_date": ""], "admission_date", "outside the study window"),
        (["admission_date": "01/07/2021"], "admission_date", "is not a date"),
        (["first_injection_date": "2021-06-30"], "first_injection_date", "is before admission_date"),
        (["second_injection_date": "2021-07-05"], "second_injection_date", "is not after first_injection_date"),
        (["first_injection_date": "", "second_injection_date": "2021-08-05"], "second_injection_date", "without a first"),
        (["third_injection_date": "2021-09-01", "second_injection_date": ""], "third_injection_date", "without a second"),
        (["last_contact_date": "2027-01-01"], "last_contact_date", "in the future"),
        (["not_initiated_reason": "declined-injection"], "not_initiated_reason", "although a first injection"),
        (["first_injection_date": "", "second_injection_date": "", "not_initiated_reason": "bored"],
         "not_initiated_reason", "not a reason in the protocol"),
        (["procedure_received": "slow"], "procedure_received", "not a condition"),
        (["age": "12"], "age", "is below 18"),
        (["sex": "M"], "sex", "not one of the levels"),
        (["insured": "maybe"], "insured", "not yes or no"),
        (["age": ""], "age", "is empty"),
    ])
    func refused(changes: [String: String], field: String, problem: String) throws {
        let text = Self.csv([Self.row(["participant_id": "P-000"]), Self.row(changes)])
        let error = try #require(throws: DataFileError.self) {
            try ParticipantImport.validate(text, file: "in.csv", schedule: Self.schedule, today: Self.today)
        }
        let issue = try #require(error.issues.first { $0.field == field }, "\(error.issues)")
        #expect(issue.problem.contains(problem))
        #expect(issue.file == "in.csv" && issue.line == 3 && issue.participantID == "P-001")
        // Participant values never appear in error text; only their shape does.
        let description = error.errorDescription ?? ""
        for value in changes.values where value.count > 2 && !value.hasPrefix("unit-") && !["slow", "bored"].contains(value) {
            #expect(!description.contains(value), "error text leaks \(value)")
        }
    }

    @Test("A participant id with a control character is refused, and shown escaped", arguments: ["P\u{0}1", "P\t1", "P\u{7F}1"])
    func controlCharacterID(id: String) throws {
        let text = Self.csv([Self.row(["participant_id": id])])
        let error = try #require(throws: DataFileError.self) {
            try ParticipantImport.validate(text, file: "in.csv", schedule: Self.schedule, today: Self.today)
        }
        let issue = try #require(error.issues.first { $0.field == "participant_id" }, "\(error.issues)")
        #expect(issue.problem.contains("control character"))
        #expect(!(error.errorDescription ?? "").contains(id))
        #expect((error.errorDescription ?? "").contains(String(reflecting: id)))
    }

    @Test("Header problems: unknown, missing and repeated columns")
    func header() throws {
        var header = Self.format.header
        header[3] = "agee"
        let text = CSVWriter.document(header: header, rows: [Self.row()])
        let error = try #require(throws: DataFileError.self) {
            try ParticipantImport.validate(text, file: "in.csv", schedule: Self.schedule, today: Self.today)
        }
        #expect(error.issues.map(\.field).sorted() == ["age", "agee"])
        #expect(error.issues.first { $0.field == "agee" }?.expected == "Did you mean 'age'?")
    }

    @Test("Duplicate participants are refused")
    func duplicates() throws {
        let text = Self.csv([Self.row(), Self.row()])
        let error = try #require(throws: DataFileError.self) {
            try ParticipantImport.validate(text, file: "in.csv", schedule: Self.schedule, today: Self.today)
        }
        #expect(error.issues.map(\.line) == [3])
        #expect(error.issues.first?.problem == "repeats the participant on line 2")
    }

    @Test("A row with the wrong number of fields is refused before any rule runs")
    func shortRow() throws {
        let text = Self.csv([Self.row()]) + "P-9,unit-a\n"
        let error = try #require(throws: DataFileError.self) {
            try ParticipantImport.validate(text, file: "in.csv", schedule: Self.schedule, today: Self.today)
        }
        #expect(error.issues.map(\.line) == [3])
        #expect(error.issues.map(\.field) == ["(row)"])
        #expect(error.issues.first?.participantID == "P-9")
    }

    @Test("Deviations and out-of-window injections are stored with flags, not refused")
    func flags() throws {
        let text = Self.csv([Self.row(["procedure_received": "standard", "second_injection_date": "2021-09-30",
                                       "last_contact_date": "2021-10-01"])])
        let result = try ParticipantImport.validate(text, file: "in.csv", schedule: Self.schedule, today: Self.today)
        #expect(result[0].flags == [.deviation, .secondInjectionOutsideWindow])
        #expect(result[0].enrollment.conditionID == "rapid")  // intention to treat
    }

    @Test("Value shapes hide the value but show its form")
    func shapes() {
        #expect(ValueShape.of("21/03/2021") == "99/99/9999")
        #expect(ValueShape.of("Male") == "Aaaa")
    }
}
