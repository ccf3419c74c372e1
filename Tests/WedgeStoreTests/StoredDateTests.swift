// SPDX-License-Identifier: Apache-2.0

import Testing
import WedgeCore
@testable import WedgeStore

@Suite("Reading stored dates")
struct StoredDateTests {
    @Test("the fast parser agrees with CivilDate(iso:)",
          arguments: ["2021-03-16", "2020-02-29", "2021-02-29", "1999-12-31", "2021-13-01", "2021-3-16", "21-03-16",
                      "2021/03/16", "2021-03-1a", "", " 2021-03-16", "٢٠٢١-٠٣-١٦", "2021-03-160"])
    func agreesWithISO(text: String) {
        #expect(CivilDate(stored: text) == CivilDate(iso: text))
    }
}
