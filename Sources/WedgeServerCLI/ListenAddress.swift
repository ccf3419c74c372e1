// SPDX-License-Identifier: Apache-2.0

import ArgumentParser

/// `--listen HOST:PORT`, such as `127.0.0.1:8080`.
struct ListenAddress: ExpressibleByArgument, Sendable {
    var host: String
    var port: Int

    init?(argument: String) {
        guard let colon = argument.lastIndex(of: ":"), let port = Int(argument[argument.index(after: colon)...]),
              (0...65_535).contains(port), colon > argument.startIndex else { return nil }
        host = String(argument[..<colon])
        self.port = port
    }

    init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    static let `default` = ListenAddress(host: "127.0.0.1", port: 8080)

    var url: String { "http://\(host.contains(":") ? "[\(host)]" : host):\(port)" }
}
