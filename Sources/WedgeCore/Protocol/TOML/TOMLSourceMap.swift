// SPDX-License-Identifier: Apache-2.0

/// Maps key paths in a TOML document to the lines that define them, so that validation errors can name a line.
///
/// TOMLKit reports line numbers for syntax errors only; decoding errors carry a coding path. This scanner
/// reads the text once and records the 1-based line of every table header (`[calendar]`,
/// `[[sites]]` → `sites[2]`), every key (`calendar.start_date`), every element of an array value
/// (`design.sequences[3]`) and every key of an inline table (`sites[0].covariates.expected_enrollment`).
/// It runs before the document is parsed, so it must survive malformed input: it diagnoses nothing, but every
/// loop consumes at least one character per turn and nesting deeper than ``maximumDepth`` is skipped rather than
/// followed, so no text can make it loop forever or overflow the stack.
struct TOMLSourceMap {
    /// How deeply nested arrays and inline tables are followed; deeper values are skipped as plain text. It is
    /// above toml++'s own limit (256), so that every array toml++ would read is checked for ``syntaxProblem``.
    static let maximumDepth = 300

    /// The first `}` where an array expects a value (`a = [ } ]`), as line, column and text, or `nil`.
    ///
    /// toml++ 3 (inside TOMLKit 0.6.0) does not diagnose this: its `parse_value()` asserts
    /// `!is_value_terminator(*cp)`, which aborts the process. ``ProtocolLoader`` reports it as a syntax error
    /// before TOMLKit sees the text.
    private(set) var syntaxProblem: (line: Int, column: Int, problem: String)?

    private var lineOfPath: [String: Int] = [:]

    init(text: String) {
        // "\r\n" is one Character in Swift: read it as "\n", so that CRLF files get their line numbers too.
        var scanner = Scanner(chars: text.map { $0 == "\r\n" ? "\n" : $0 })
        scanner.run()
        lineOfPath = scanner.lines
        syntaxProblem = scanner.problem
    }

    /// The line of `path`, or of its nearest recorded ancestor (`a.b[2].c` → `a.b[2]` → `a.b` → `a`).
    func line(for path: String) -> Int? {
        var candidate = path
        while !candidate.isEmpty {
            if let line = lineOfPath[candidate] { return line }
            guard let cut = candidate.lastIndex(where: { $0 == "." || $0 == "[" }) else { break }
            candidate = String(candidate[..<cut])
        }
        return nil
    }

    /// The exact line of `path`, without falling back to an ancestor.
    func exactLine(for path: String) -> Int? { lineOfPath[path] }

    /// Joins a path and a key the way the map records them.
    static func join(_ prefix: String, _ key: String) -> String { prefix.isEmpty ? key : prefix + "." + key }

    private struct Scanner {
        let chars: [Character]
        var i = 0
        var line = 1
        var lines: [String: Int] = [:]
        var arrayTableCounts: [String: Int] = [:]
        var prefix = ""
        var depth = 0
        var lineStart = 0
        var problem: (line: Int, column: Int, problem: String)?

        init(chars: [Character]) { self.chars = chars }

        var atEnd: Bool { i >= chars.count }
        var current: Character { chars[i] }

        mutating func advance() {
            if chars[i] == "\n" {
                line += 1
                lineStart = i + 1
            }
            i += 1
        }

        mutating func record(_ path: String, at line: Int) {
            if lines[path] == nil { lines[path] = line }
        }

        mutating func skipSpaces() {
            while !atEnd, current == " " || current == "\t" || current == "\r" { advance() }
        }

        mutating func skipSpacesNewlinesComments() {
            while !atEnd {
                if current == "#" {
                    while !atEnd, current != "\n" { advance() }
                } else if current.isWhitespace {
                    advance()
                } else {
                    return
                }
            }
        }

        mutating func skipToLineEnd() {
            while !atEnd, current != "\n" { advance() }
        }

        mutating func run() {
            while true {
                skipSpacesNewlinesComments()
                if atEnd { return }
                if current == "[" {
                    header()
                } else {
                    keyValue(in: prefix)
                    skipToLineEnd()
                }
            }
        }

        mutating func header() {
            let headerLine = line
            advance()
            let isArray = !atEnd && current == "["
            if isArray { advance() }
            checkTableName()
            let name = readKey()
            skipToLineEnd()
            if isArray {
                let index = arrayTableCounts[name, default: -1] + 1
                arrayTableCounts[name] = index
                prefix = "\(name)[\(index)]"
                record(name, at: headerLine)
            } else {
                prefix = name
            }
            record(prefix, at: headerLine)
        }

        /// toml++ asserts (and aborts) when a table header's name starts with anything but a key character, a
        /// quote or `]` (`[\x]`, `[.a]`, `[=]`, or `[` alone on its line): record that as the syntax problem.
        mutating func checkTableName() {
            var j = i
            while j < chars.count, chars[j] == " " || chars[j] == "\t" { j += 1 }
            let first = j < chars.count ? chars[j] : "\n"
            let fine = first == "\"" || first == "'" || first == "]" || first == "_" || first == "-"
                || (first.isASCII && (first.isLetter || first.isNumber))
            if !fine, problem == nil {
                problem = (line, j - lineStart + 1, "expected a table name after '[', saw \(String(reflecting: first))")
            }
        }

        /// Reads a bare, quoted or dotted key and returns it dotted, without quotes.
        mutating func readKey() -> String {
            var parts: [String] = []
            var part = ""
            while !atEnd {
                let c = current
                if c == "\"" || c == "'" {
                    advance()
                    while !atEnd, current != c, current != "\n" {
                        part.append(current)
                        advance()
                    }
                    if !atEnd, current == c { advance() }
                } else if c == "." {
                    parts.append(part.trimmingSpaces())
                    part = ""
                    advance()
                } else if c == "=" || c == "]" || c == "\n" || c == "#" {
                    break
                } else {
                    part.append(c)
                    advance()
                }
            }
            parts.append(part.trimmingSpaces())
            return parts.joined(separator: ".")
        }

        mutating func keyValue(in table: String) {
            let keyLine = line
            let key = readKey()
            let path = TOMLSourceMap.join(table, key)
            record(path, at: keyLine)
            if !atEnd, current == "=" { advance() }
            skipSpaces()
            value(at: path)
        }

        mutating func value(at path: String) {
            guard !atEnd else { return }
            guard depth < TOMLSourceMap.maximumDepth else {
                skipToLineEnd()
                return
            }
            depth += 1
            defer { depth -= 1 }
            switch current {
            case "[":
                advance()
                var index = 0
                while true {
                    skipSpacesNewlinesComments()
                    if atEnd { return }
                    if current == "]" {
                        advance()
                        return
                    }
                    if current == "," {
                        advance()
                        continue
                    }
                    if current == "}", problem == nil {
                        problem = (line, i - lineStart + 1, "expected a value or ']', saw '}'")
                    }
                    record("\(path)[\(index)]", at: line)
                    let start = i
                    value(at: "\(path)[\(index)]")
                    index += 1
                    // Malformed input (`[ } ]`): a value that consumed nothing is skipped, one character.
                    if i == start { advance() }
                }
            case "{":
                advance()
                while true {
                    skipSpaces()
                    if atEnd || current == "\n" { return }
                    if current == "}" {
                        advance()
                        return
                    }
                    if current == "," {
                        advance()
                        continue
                    }
                    let start = i
                    keyValue(in: path)
                    // Malformed input (`{ key value } # note`): a pair that consumed nothing is skipped.
                    if i == start, !atEnd { advance() }
                }
            case "\"", "'":
                string()
            default:
                while !atEnd, !",]}\n#".contains(current) { advance() }
            }
        }

        mutating func string() {
            let quote = current
            let isMultiline = i + 2 < chars.count && chars[i + 1] == quote && chars[i + 2] == quote
            if isMultiline {
                advance(); advance(); advance()
                while !atEnd {
                    if current == "\\" && quote == "\"" {
                        advance()
                        if !atEnd { advance() }
                        continue
                    }
                    if current == quote, i + 2 < chars.count, chars[i + 1] == quote, chars[i + 2] == quote {
                        advance(); advance(); advance()
                        return
                    }
                    advance()
                }
                return
            }
            advance()
            while !atEnd, current != quote, current != "\n" {
                if current == "\\" && quote == "\"" { advance() }
                if !atEnd { advance() }
            }
            if !atEnd, current == quote { advance() }
        }
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    func trimmingSpaces() -> String {
        // Most values have nothing to trim: return them without copying.
        let utf8 = self.utf8
        if let first = utf8.first, let last = utf8.last, first != 0x20, first != 0x09, last != 0x20, last != 0x09 {
            return self
        }
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }
}
