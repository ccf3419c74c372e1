// SPDX-License-Identifier: Apache-2.0

import WedgeStats

/// Seeded random changes to the bytes of an input file: byte-level (deletions, insertions, truncation, invalid
/// UTF-8, NUL, a byte-order mark, CRLF and CR line endings), structural (duplicated and deleted lines, a key's `=`
/// removed, wrong types, empty values), numbers and dates (huge numbers, NaN and infinities, impossible dates),
/// and, rarely, a 10 MB line.
enum FuzzMutator {
    /// Values that replace a field or a TOML value: wrong types, empty values, huge and special numbers, bad dates.
    static let junk: [String] = [
        "", " ", "\"\"", "\"", "''", "[]", "{}", "[", "{", "=", ",", "#", "true", "false", "yes", "0", "-1",
        "99999999999999999999999999", "-99999999999999999999", "1e309", "-1e309", "NaN", "nan", "inf", "-inf",
        "+inf", "0x7fffffffffffffff", "1_000", "3.5", "-0.0", "2021-02-30", "2021-13-01", "0000-00-00",
        "9999-99-99", "2021-04-01T25:61:00Z", "1979-05-27", "é", "\u{FEFF}", "\\", "\"\\u0000\"", "unit-z",
        "rapid", "standard", "{ a = 1 }", "[1, \"a\"]", "{ expected_enrollment true 55 }    # note",
    ]

    /// Single bytes worth inserting: separators, quotes, brackets, controls and bytes that are not UTF-8.
    static let bytes: [UInt8] = [0x00, 0x0A, 0x0D, 0x09, 0x20, 0x22, 0x27, 0x2C, 0x3D, 0x23, 0x5B, 0x5D, 0x7B,
                                 0x7D, 0x5C, 0x2E, 0x80, 0xBF, 0xC3, 0xE2, 0xF0, 0xFE, 0xFF]

    /// One to three random changes to `input`, and a short description of them.
    static func mutate(_ input: [UInt8], long: Bool, using rng: inout SeededGenerator) -> (bytes: [UInt8], what: String) {
        var bytes = input
        var what: [String] = []
        for _ in 0..<Int.random(in: 1...3, using: &rng) {
            what.append(mutateOnce(&bytes, using: &rng))
        }
        if long {
            what.append(insertLongLine(&bytes, using: &rng))
        }
        return (bytes, what.joined(separator: ", "))
    }

    static func mutateOnce(_ bytes: inout [UInt8], using rng: inout SeededGenerator) -> String {
        let at = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &rng)
        switch Int.random(in: 0..<16, using: &rng) {
        case 0:
            let end = min(bytes.count, at + Int.random(in: 1...16, using: &rng))
            bytes.removeSubrange(at..<end)
            return "deleted bytes \(at)..<\(end)"
        case 1:
            bytes.insert(Self.bytes.randomElement(using: &rng)!, at: at)
            return "inserted a byte at \(at)"
        case 2:
            bytes = Array(bytes.prefix(at))
            return "truncated at \(at)"
        case 3:
            bytes.insert(contentsOf: [[0xFF, 0xFE], [0x80], [0xC3], [0xED, 0xA0, 0x80]].randomElement(using: &rng)!, at: at)
            return "inserted invalid UTF-8 at \(at)"
        case 4:
            bytes.insert(0, at: at)
            return "inserted NUL at \(at)"
        case 5:
            bytes.insert(contentsOf: [0xEF, 0xBB, 0xBF], at: 0)
            return "byte-order mark"
        case 6:
            bytes = replacingNewlines(bytes, with: [0x0D, 0x0A])
            return "CRLF line endings"
        case 7:
            bytes = replacingNewlines(bytes, with: [0x0D])
            return "CR line endings"
        default:
            return mutateLines(&bytes, using: &rng)
        }
    }

    static func mutateLines(_ bytes: inout [UInt8], using rng: inout SeededGenerator) -> String {
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        guard !lines.isEmpty else { return "nothing" }
        let n = Int.random(in: 0..<lines.count, using: &rng)
        let what: String
        switch Int.random(in: 0..<8, using: &rng) {
        case 0:
            lines.insert(lines[n], at: Int.random(in: 0...lines.count, using: &rng))
            what = "duplicated line \(n + 1)"
        case 1:
            lines.remove(at: n)
            what = "deleted line \(n + 1)"
        case 2:
            lines[n].removeAll { $0 == 0x3D }
            what = "removed '=' from line \(n + 1)"
        case 3:
            let junk = Array(Self.junk.randomElement(using: &rng)!.utf8)
            if let eq = lines[n].firstIndex(of: 0x3D) {
                lines[n] = Array(lines[n][...eq]) + [0x20] + junk
            } else {
                var fields = lines[n].split(separator: 0x2C, omittingEmptySubsequences: false).map(Array.init)
                fields[Int.random(in: 0..<fields.count, using: &rng)] = junk
                lines[n] = Array(fields.joined(separator: [0x2C]))
            }
            what = "replaced a value on line \(n + 1)"
        case 4:
            lines[n] = replacingDigits(lines[n], using: &rng)
            what = "replaced a number or date on line \(n + 1)"
        case 5:
            var fields = lines[n].split(separator: 0x2C, omittingEmptySubsequences: false).map(Array.init)
            fields.remove(at: Int.random(in: 0..<fields.count, using: &rng))
            lines[n] = Array(fields.joined(separator: [0x2C]))
            what = "deleted a field on line \(n + 1)"
        case 6:
            let m = Int.random(in: 0..<lines.count, using: &rng)
            lines.swapAt(n, m)
            what = "swapped lines \(n + 1) and \(m + 1)"
        default:
            lines.insert(Array(Self.junk.randomElement(using: &rng)!.utf8), at: n)
            what = "inserted a line at \(n + 1)"
        }
        bytes = Array(lines.joined(separator: [0x0A]))
        return what
    }

    /// The first run of digits on the line, replaced by a huge or special number or an impossible date.
    static func replacingDigits(_ line: [UInt8], using rng: inout SeededGenerator) -> [UInt8] {
        guard let start = line.firstIndex(where: { (0x30...0x39).contains($0) }) else { return line }
        var end = start
        while end < line.count, (0x30...0x39).contains(line[end]) || line[end] == 0x2D || line[end] == 0x2E { end += 1 }
        let replacement = ["99999999999999999999999", "1e309", "NaN", "inf", "-0", "2021-02-30", "0000-00-00",
                           "9999-12-31", "2021-13-45", "-2147483649", "18446744073709551616", "4.9e-324"]
        return Array(line[..<start]) + Array(replacement.randomElement(using: &rng)!.utf8) + Array(line[end...])
    }

    static func replacingNewlines(_ bytes: [UInt8], with newline: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 16)
        for byte in bytes {
            if byte == 0x0A { out.append(contentsOf: newline) } else { out.append(byte) }
        }
        return out
    }

    /// A 10 MB line (or field, or value) at a random line.
    static func insertLongLine(_ bytes: inout [UInt8], using rng: inout SeededGenerator) -> String {
        let filler: UInt8 = [0x61, 0x31, 0x2C, 0x22, 0x5B].randomElement(using: &rng)!
        let long = [UInt8](repeating: filler, count: 10 << 20)
        let at = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &rng)
        bytes.insert(contentsOf: long, at: at)
        return "inserted 10 MB of \(String(UnicodeScalar(filler))) at \(at)"
    }
}
