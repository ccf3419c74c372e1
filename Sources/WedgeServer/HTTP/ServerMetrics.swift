// SPDX-License-Identifier: Apache-2.0

import Foundation

/// Counters for `GET /metrics`, in Prometheus's text exposition format (version 0.0.4): requests by method and
/// status class, a latency histogram, errors (5xx), and the group committer's committed writes and groups. Written by
/// hand: a dozen lines of text do not need swift-prometheus's build.
final class ServerMetrics: @unchecked Sendable {
    /// The histogram's upper bounds, in seconds.
    static let buckets: [Double] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5]

    private let lock = NSLock()
    private var requests: [String: Int] = [:]
    private var bucketCounts = Array(repeating: 0, count: ServerMetrics.buckets.count)
    private var count = 0
    private var sum = 0.0

    /// Counts one request.
    func record(method: String, status: Int, seconds: Double) {
        lock.lock()
        defer { lock.unlock() }
        requests["method=\"\(method)\",status=\"\(status / 100)xx\"", default: 0] += 1
        for (index, bound) in Self.buckets.enumerated() where seconds <= bound { bucketCounts[index] += 1 }
        count += 1
        sum += seconds
    }

    /// The exposition text, with the committer's counts.
    func text(groups: Int, writes: Int) -> String {
        lock.lock()
        defer { lock.unlock() }
        var lines = [
            "# HELP wedge_http_requests_total HTTP requests answered, by method and status class.",
            "# TYPE wedge_http_requests_total counter",
        ]
        for key in requests.keys.sorted() { lines.append("wedge_http_requests_total{\(key)} \(requests[key]!)") }
        lines += ["# HELP wedge_http_errors_total Requests answered with a 5xx status.", "# TYPE wedge_http_errors_total counter",
                  "wedge_http_errors_total \(requests.filter { $0.key.contains("5xx") }.values.reduce(0, +))"]
        lines += ["# HELP wedge_http_request_duration_seconds Time from request to response.",
                  "# TYPE wedge_http_request_duration_seconds histogram"]
        for (bound, value) in zip(Self.buckets, bucketCounts) {
            lines.append("wedge_http_request_duration_seconds_bucket{le=\"\(bound)\"} \(value)")
        }
        lines += ["wedge_http_request_duration_seconds_bucket{le=\"+Inf\"} \(count)",
                  "wedge_http_request_duration_seconds_sum \(sum)", "wedge_http_request_duration_seconds_count \(count)"]
        lines += ["# HELP wedge_writes_committed_total Participant writes committed (refused ones included).",
                  "# TYPE wedge_writes_committed_total counter", "wedge_writes_committed_total \(writes)",
                  "# HELP wedge_write_groups_committed_total Group-commit transactions.",
                  "# TYPE wedge_write_groups_committed_total counter", "wedge_write_groups_committed_total \(groups)"]
        return lines.joined(separator: "\n") + "\n"
    }
}
