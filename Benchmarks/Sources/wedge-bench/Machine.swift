// SPDX-License-Identifier: Apache-2.0

import Foundation

/// The machine the numbers were measured on.
struct Machine: Codable {
    var cores: Int
    var cpu: String
    var loadAverage: String
    var swift: String

    static var current: Machine {
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model = cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }
            .map { String($0.split(separator: ":", maxSplits: 1).last ?? "").trimmingCharacters(in: .whitespaces) } ?? "unknown"
        let load = ((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "")
            .split(separator: " ").prefix(3).joined(separator: " ")
        #if compiler(>=6.3)
        let swift = "6.3+"
        #elseif compiler(>=6.2)
        let swift = "6.2"
        #else
        let swift = "6.1"
        #endif
        return Machine(cores: ProcessInfo.processInfo.activeProcessorCount, cpu: model, loadAverage: load, swift: swift)
    }

    var summary: String { "\(cores) cores, \(cpu), load average \(loadAverage) at the end, Swift \(swift), release build" }
}
