// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import Testing
import WedgeCore
@testable import WedgeServer
import WedgeStore
import WedgeTestSupport
import WedgeTestSupportPostgres

/// The pages as a coordinator and a data manager use them: rule messages beside their field with nothing saved,
/// the conflict of two sessions, post/redirect/get, corrections in the audit history, the condition shown (never
/// chosen) at enrollment, and the session's cookie and lifecycle.
@Suite("Server: pages, forms and sessions")
struct PageBehaviourTests {
    @Test("A rule breach shows its message next to the field, tied by aria-describedby, and saves nothing",
          arguments: Engine.available)
    func ruleMessage(engine: Engine) async throws {
        let fixture = try await ServerFixture.make(engine)
        let store = fixture.engine
        let before = try #require(try await store.participant("P-A1"))
        let answer = try await fixture.test(closing: false) { client in
            let coordinator = try await PageClient.signIn(client, "coord-a")
            // Admitted 2021-04-01: a first injection on 2021-03-20 is before admission.
            return try await coordinator.post(client, "/participants/P-A1/outcomes", [
                ("induction_start_date", "2021-04-02"), ("first_injection_date", "2021-03-20"),
                ("version", "\(before.version)"),
            ])
        }
        #expect(answer.status == 422)
        #expect(answer.body.contains("Nothing was saved"))
        #expect(answer.body.contains(#"id="first_injection_date" name="first_injection_date" value="2021-03-20" aria-invalid="true" aria-describedby="first_injection_date-error""#))
        #expect(answer.body.contains(#"<p class="error" id="first_injection_date-error"><span class="message">First injection date (initiation) is before admission date."#))
        // The other field keeps what was typed and has no message.
        #expect(answer.body.contains(#"id="induction_start_date" name="induction_start_date" value="2021-04-02">"#))
        #expect(try await store.participant("P-A1") == before)
        await store.close()
    }

    @Test("Two sessions edit one participant: the second sees the conflict beside its values and writes nothing",
          arguments: Engine.available)
    func conflict(engine: Engine) async throws {
        let fixture = try await ServerFixture.make(engine)
        let store = fixture.engine
        let version = try #require(try await store.participant("P-A1")).version
        let (first, second) = try await fixture.test(closing: false) { client in
            let coordinator = try await PageClient.signIn(client, "coord-a")
            let manager = try await PageClient.signIn(client, "datamanager")
            // Both opened the form at `version`; the coordinator saves first.
            let first = try await coordinator.post(client, "/participants/P-A1/outcomes", [
                ("induction_start_date", "2021-04-02"), ("version", "\(version)"),
            ])
            let second = try await manager.post(client, "/participants/P-A1/outcomes", [
                ("induction_start_date", "2021-04-03"), ("procedure_received", "rapid"), ("version", "\(version)"),
            ])
            return (first, second)
        }
        #expect(first.status == 303)
        #expect(first.headers[.location] == "/participants/P-A1?saved=outcomes")
        #expect(second.status == 409)
        #expect(second.body.contains("Someone else saved first"))
        #expect(second.body.contains(#"<th scope="row">Induction start date</th><td>2021-04-02</td><td>2021-04-03 <span class="badge warn">differs</span>"#))
        let stored = try #require(try await store.participant("P-A1"))
        #expect(stored.enrollment.record.outcome.inductionStartDate?.iso == "2021-04-02")
        #expect(stored.enrollment.record.outcome.procedureReceived == nil)
        await store.close()
    }

    @Test("A data manager's correction shows on the timeline's audit history: who, old → new, why",
          arguments: Engine.available)
    func correction(engine: Engine) async throws {
        let fixture = try await ServerFixture.make(engine)
        let store = fixture.engine
        let version = try #require(try await store.participant("P-A1")).version
        let (saved, page) = try await fixture.test(closing: false) { client in
            let manager = try await PageClient.signIn(client, "datamanager")
            let saved = try await manager.post(client, "/participants/P-A1/correct", [
                ("field", "age"), ("value", "44"), ("reason", "typo against the source document"), ("version", "\(version)"),
            ])
            return (saved, try await manager.get(client, saved.headers[.location] ?? "/"))
        }
        #expect(saved.status == 303)
        #expect(page.status == 200)
        #expect(page.body.contains("Correction saved"))
        #expect(page.body.contains("<td>datamanager (data_manager)</td><td>correct</td><td>Age</td><td><del>41</del> → 44</td><td>typo against the source document</td>"))
        #expect(try await store.participant("P-A1")?.enrollment.record.baseline["age"] == "44")
        await store.close()
    }

    @Test("Enrollment shows the condition the schedule stamps for a day that has come, and stamps exactly it")
    func enrollment() async throws {
        let fixture = try await ServerFixture.make(.sqlite)
        let store = fixture.engine
        let schedule = fixture.services.schedule
        let expected = try #require(schedule.cell(siteID: "unit-a", on: ServerFixture.today))
        let label = try #require(schedule.protocol.condition(id: expected.conditionID)).label
        let (form, future, saved) = try await fixture.test(closing: false) { client in
            let coordinator = try await PageClient.signIn(client, "coord-a")
            let form = try await coordinator.get(client, "/enroll")
            let future = try await coordinator.post(client, "/enroll", [("action", "preview"), ("site_id", "unit-a"),
                                                                         ("admission_date", "2021-09-01")])
            let saved = try await coordinator.post(client, "/enroll", [
                ("participant_id", "NEW-1"), ("site_id", "unit-a"), ("admission_date", ServerFixture.today.iso),
                ("age", "33"), ("sex", "male"), ("insured", "no"), ("opioid_days_30", "12"),
            ])
            return (form, future, saved)
        }
        #expect(form.status == 200)
        #expect(form.body.contains("Condition to be stamped: \(label)"))
        #expect(!form.body.contains("<option value=\"rapid\"") && !form.body.contains("name=\"condition"))
        // A day that has not come discloses nothing.
        #expect(future.body.contains("Admission dates may not be in the future."))
        #expect(!future.body.contains("Condition to be stamped"))
        #expect(saved.status == 303)
        #expect(try await store.participant("NEW-1")?.enrollment.conditionID == expected.conditionID)
        await store.close()
    }

    @Test("Login sets a new HttpOnly, SameSite=Strict session; a planted or logged-out session is worthless")
    func sessions() async throws {
        let fixture = try await ServerFixture.make(.sqlite)
        let store = fixture.engine
        try await fixture.test(closing: false) { client in
            let first = try await client.send(.post, "/login", [.contentType: "application/x-www-form-urlencoded"],
                                              "username=coord-a&password=correct+horse+battery")
            let cookie = try #require(first.headers[values: .setCookie].first { $0.hasPrefix("wedge_session=") })
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Path=/"))
            #expect(!cookie.contains("Secure"))
            let old = try #require(PageClient.sessionCookie(first.headers))
            // Logging in again from the same browser replaces the session: new id, the old one deleted.
            let again = try await client.send(.post, "/login", [.contentType: "application/x-www-form-urlencoded",
                                                                .cookie: "wedge_session=\(old)"],
                                              "username=coord-a&password=correct+horse+battery")
            let new = try #require(PageClient.sessionCookie(again.headers))
            #expect(new != old)
            #expect(try await PageClient(cookie: old, csrf: "").get(client, "/").status == 303)
            var session = PageClient(cookie: new, csrf: "")
            let home = try await session.get(client, "/")
            #expect(home.status == 200)
            session.csrf = PageClient.csrf(in: home.body) ?? ""
            // A wrong password is refused on the page, with the API's words, and sets no session.
            let wrong = try await client.send(.post, "/login", [.contentType: "application/x-www-form-urlencoded"],
                                              "username=coord-a&password=wrong+password+here")
            #expect(wrong.status == 401 && wrong.body.contains("The username or password is wrong"))
            #expect(PageClient.sessionCookie(wrong.headers) == nil)
            // Logout deletes the session.
            let out = try await session.post(client, "/logout", [])
            #expect(out.status == 303 && out.headers[.location] == "/login?signed_out=1")
            #expect(try await session.get(client, "/").status == 303)
        }
        await store.close()
    }

    @Test("Another site's participant is 404 on every page and form, by link or typed URL")
    func otherSite() async throws {
        let fixture = try await ServerFixture.make(.sqlite)
        let store = fixture.engine
        let version = try #require(try await store.participant("P-A1")).version
        let answers = try await fixture.test(closing: false) { client in
            let other = try await PageClient.signIn(client, "coord-b")
            var answers = [try await other.get(client, "/participants/P-A1"),
                           try await other.get(client, "/participants/P-A1/outcomes"),
                           try await other.post(client, "/participants/P-A1/outcomes",
                                                [("induction_start_date", "2021-04-02"), ("version", "\(version)")])]
            let list = try await other.get(client, "/participants")
            answers.append(list)
            return answers
        }
        for answer in answers.dropLast() {
            #expect(answer.status == 404)
            #expect(answer.body.contains("There is no participant &#39;P-A1&#39; that you can see."))
        }
        #expect(answers.last?.status == 200 && !(answers.last?.body.contains("P-A1") ?? true))
        #expect(try await store.participant("P-A1")?.version == version)
        await store.close()
    }

    @Test("A coordinator screens two people and enrolls the eligible one from the log; the report's CONSORT counts both",
          arguments: Engine.available)
    func screening(engine: Engine) async throws {
        let fixture = try await ServerFixture.make(engine)
        let store = fixture.engine
        let (before, after, pages) = try await fixture.test(closing: false) { client in
            let coordinator = try await PageClient.signIn(client, "coord-a")
            let statistician = try await PageClient.signIn(client, "statistician")
            let before = try await statistician.get(client, "/reports/study.html").body
            var pages: [Answer] = []
            pages.append(try await coordinator.post(client, "/screening/new", [
                ("screening_id", "scr-new-1"), ("site_id", "unit-a"), ("screening_date", "2021-04-12"),
                ("eligible", "no"), ("ineligible_reason", "pregnant")]))
            // Eligible without a consent answer: refused, with the message by the consent question.
            pages.append(try await coordinator.post(client, "/screening/new", [
                ("screening_id", "scr-new-2"), ("site_id", "unit-a"), ("screening_date", "2021-04-12"), ("eligible", "yes")]))
            pages.append(try await coordinator.post(client, "/screening/new", [
                ("screening_id", "scr-new-2"), ("site_id", "unit-a"), ("screening_date", "2021-04-12"), ("eligible", "yes"),
                ("consented", "yes")]))
            pages.append(try await coordinator.get(client, "/screening"))
            pages.append(try await coordinator.get(client, "/enroll?screening=scr-new-2"))
            pages.append(try await coordinator.post(client, "/enroll", [
                ("participant_id", "NEW-S2"), ("site_id", "unit-a"), ("admission_date", "2021-04-12"), ("screening_id", "scr-new-2"),
                ("age", "29"), ("sex", "female")]))
            let after = try await statistician.get(client, "/reports/study.html").body
            return (before, after, pages)
        }
        #expect(pages[0].status == 303 && pages[0].headers[.location] == "/screening?saved=1")
        #expect(pages[1].status == 422)
        #expect(pages[1].body.contains(#"<p class="error" id="consented-error"><span class="message">Consented is empty although the person is eligible."#))
        #expect(pages[1].body.contains(#"id="consented-yes" name="consented" value="yes" aria-invalid="true" aria-describedby="consented-error""#))
        #expect(pages[2].status == 303)
        #expect(pages[3].body.contains(#"href="/enroll?screening=scr-new-2""#))
        #expect(pages[4].status == 200 && pages[4].body.contains(#"name="screening_id" value="scr-new-2""#))
        #expect(pages[5].status == 303 && pages[5].headers[.location] == "/participants/NEW-S2?saved=enrolled-screened")
        let linked = try await store.screenings(siteID: "unit-a").first { $0.id == "scr-new-2" }
        #expect(linked?.participantID == "NEW-S2")
        #expect(try Self.assessed(after) == Self.assessed(before) + 2)
        await store.close()
    }

    /// The total of the CONSORT row "Assessed for eligibility" in a report's HTML.
    static func assessed(_ html: String) throws -> Int {
        let start = try #require(html.range(of: "Assessed for eligibility"))
        let row = html[start.upperBound...].prefix { $0 != "\n" }.prefix(while: { _ in true })
        let end = row.range(of: "</tr>").map { row[..<$0.lowerBound] } ?? row
        let numbers = end.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        return try #require(numbers.last)
    }

    @Test("The served templates and style sheet are the files in Resources, byte for byte")
    func embedded() throws {
        let directory = TestPaths.path("Sources/WedgeServer/Resources/templates")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".mustache") }
        #expect(Set(names.map { String($0.dropLast(".mustache".count)) }) == Set(PageResources.templates.keys))
        for name in names {
            let text = try String(contentsOfFile: "\(directory)/\(name)", encoding: .utf8)
            #expect(PageResources.templates[String(name.dropLast(".mustache".count))] == text,
                    "run python3 scripts/embed-resources.py")
        }
        let css = try String(contentsOfFile: TestPaths.path("Sources/WedgeServer/Resources/static/wedge.css"), encoding: .utf8)
        #expect(PageResources.statics["wedge.css"] == css)
        // Every template parses (the server refuses to start otherwise).
        _ = try PageRenderer(study: "TEST")
    }
}
