// SPDX-License-Identifier: Apache-2.0

internal import ArgumentParser
internal import WedgeCore
internal import WedgeStore

/// `wedge audit head`: the audit log's entry count, head hash and time, to publish or send to a monitor.
struct AuditHeadCommand: RecorderCommand {
    static let configuration = CommandConfiguration(
        commandName: "head",
        abstract: "Print the audit log's head (entry count, hash, time), to publish or send to a monitor.",
        discussion: """
            The hash chain cannot show entries cut from the end of the log together with their changes. Publish \
            the head, or email it to the trial's monitor; later, `wedge audit verify --db FILE --expect COUNT:HASH` \
            fails unless the log still extends it.
            """)

    @Option(help: "The study database.", completion: .file())
    var db: String

    func execute() throws -> String {
        let store = try StudyStore.open(at: db)
        let head = try store.auditHead()
        let study = try store.fetchSchedule().protocol.study.id
        return """
            Wedge audit head
            study:   \(study)
            entries: \(head.count)
            hash:    \(head.hash)
            time:    \(head.at ?? "(no entries)")
            check:   wedge audit verify --db FILE --expect \(head)
            """
    }
}
