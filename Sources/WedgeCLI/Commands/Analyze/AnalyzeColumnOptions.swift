// SPDX-License-Identifier: Apache-2.0

internal import ArgumentParser
internal import WedgeAnalysis

/// Column names of an analysis CSV, each renameable; defaults are those of `wedge export`.
struct AnalyzeColumnOptions: ParsableArguments {
    @Option(help: "The control condition's id in the CSV.")
    var control = "standard"
    @Option(help: "Site column.") var siteColumn = "site"
    @Option(help: "Period column (1, 2, …).") var periodColumn = "period"
    @Option(help: "Condition column.") var conditionColumn = "condition"
    @Option(help: "Initiation column (1/0).") var initiatedColumn = "initiated"
    @Option(help: "Second-injection column (1/0/blank).") var secondInjectionColumn = "second_injection"
    @Option(help: "Third-injection column (1/0/blank).") var thirdInjectionColumn = "third_injection"
    @Option(help: "Days-to-first-injection column.") var daysToFirstInjectionColumn = "days_to_first_injection"
    @Option(help: "Retention-days column.") var retentionDaysColumn = "retention_days"
    @Option(help: "Retention-event column (1 dropout, 0 censored).") var retentionEventColumn = "retention_event"

    /// The names as the analysis layer takes them.
    var columns: AnalysisColumns {
        var c = AnalysisColumns()
        c.site = siteColumn
        c.period = periodColumn
        c.condition = conditionColumn
        c.initiated = initiatedColumn
        c.secondInjection = secondInjectionColumn
        c.thirdInjection = thirdInjectionColumn
        c.daysToFirstInjection = daysToFirstInjectionColumn
        c.retentionDays = retentionDaysColumn
        c.retentionEvent = retentionEventColumn
        return c
    }
}
