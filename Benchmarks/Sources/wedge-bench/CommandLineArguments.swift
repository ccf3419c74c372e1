// SPDX-License-Identifier: Apache-2.0

/// `wedge-bench [COMMAND] [POSITIONAL…] [--option VALUE…] [--flag…]`, parsed by hand to keep the package free of
/// dependencies beyond Wedge.
struct CommandLineArguments {
    static let options: Set<String> = ["filter", "json", "tsv", "data", "root", "wedge", "budget", "out"]
    static let flagNames: Set<String> = ["--force", "--help", "-h"]

    var command = "run"
    var positional: [String] = []
    var values: [String: String] = [:]
    var flags: Set<String> = []

    init(_ arguments: [String]) throws {
        var rest = arguments[...]
        if let first = rest.first, !first.hasPrefix("-") {
            command = first
            rest = rest.dropFirst()
        }
        while let argument = rest.popFirst() {
            if Self.flagNames.contains(argument) {
                flags.insert(argument)
            } else if argument.hasPrefix("--") {
                let name = String(argument.dropFirst(2))
                guard Self.options.contains(name) else { throw BenchError("unknown option \(argument)") }
                guard let value = rest.popFirst() else { throw BenchError("\(argument) needs a value") }
                values[name] = value
            } else {
                positional.append(argument)
            }
        }
    }
}
