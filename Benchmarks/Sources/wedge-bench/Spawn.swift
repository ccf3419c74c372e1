// SPDX-License-Identifier: Apache-2.0

import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a program as a child process and reports its wall time, exit status and peak resident memory
/// (`ru_maxrss` from `wait4`, which is the child's own high-water mark, not the parent's).
enum Spawn {
    struct Outcome {
        var seconds: Double
        var status: Int32
        /// Peak resident set size in bytes.
        var peakBytes: Double
        /// User + system processor time of the child, seconds.
        var cpuSeconds: Double
    }

    /// Runs `path` with `arguments`; standard output and error go to `output` (default: discarded).
    static func run(_ path: String, _ arguments: [String], output: String = "/dev/null") throws -> Outcome {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = ([path] + arguments).map { strdup($0) }
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let start = DispatchTime.now().uptimeNanoseconds
        let spawned = posix_spawn(&pid, path, &actions, nil, argv + [nil], environ)
        guard spawned == 0 else { throw BenchError("cannot start \(path): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else { throw BenchError("wait4 failed for \(path)") }
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let exited = status & 0x7f == 0
        #if canImport(Darwin)
        let peak = Double(usage.ru_maxrss)  // bytes on macOS
        #else
        let peak = Double(usage.ru_maxrss) * 1024  // kilobytes on Linux
        #endif
        let cpu = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
            + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
        return Outcome(seconds: seconds, status: exited ? (status >> 8) & 0xff : 128 + (status & 0x7f), peakBytes: peak,
                       cpuSeconds: cpu)
    }
}
