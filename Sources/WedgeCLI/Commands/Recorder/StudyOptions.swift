// SPDX-License-Identifier: Apache-2.0

internal import ArgumentParser
internal import WedgeStore

/// The options every recorder command shares: the database, and who is making the change.
struct StudyOptions: ParsableArguments {
    @Option(help: "The study database.", completion: .file())
    var db: String

    @Option(name: .customLong("as"), help: ArgumentHelp(
        "Who makes the change, for the audit trail.", discussion: "Default: $WEDGE_USER, else $USER.",
        valueName: "user"))
    var actor: String?

    /// The actor for audit entries.
    var resolvedActor: String { Clock.actor(actor) }

    /// Opens the study database.
    func open() throws -> StudyStore { try StudyStore.open(at: db) }
}
