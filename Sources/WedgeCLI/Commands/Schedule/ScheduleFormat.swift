// SPDX-License-Identifier: Apache-2.0

internal import ArgumentParser

/// The output formats of `wedge schedule generate`.
enum ScheduleFormat: String, ExpressibleByArgument, CaseIterable {
    case text, md, csv, json, ics, svg
}
