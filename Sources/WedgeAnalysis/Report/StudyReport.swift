// SPDX-License-Identifier: Apache-2.0

public import WedgeCore

/// The whole study report: a header naming the study, then every table and figure, computed once from one
/// snapshot. Render it with ``render(as:)``, ``csvFiles()``, ``json()`` or ``html()``.
///
/// Reproducible: the same snapshot gives byte-identical output in every format. No wall-clock time appears;
/// the report is dated by the snapshot's data-lock date.
///
/// ```swift
/// let report = StudyReport(snapshot)
/// let page = report.html()
/// ```
public struct StudyReport: Sendable {
    /// A chart of the report.
    public struct Figure: Sendable, Equatable {
        /// A stable id (`design`, `initiation-period`, …).
        public var id: String
        /// The caption.
        public var title: String
        /// The SVG text.
        public var svg: String
    }

    /// The study id, such as `ctn-0097`.
    public let studyID: String
    /// The study title.
    public let studyTitle: String
    /// The trial registry id, when the protocol gives one.
    public let registry: String?
    /// The data-lock date the report is dated by.
    public let dataLockDate: CivilDate
    /// The SHA-256 digest of the protocol text.
    public let protocolDigest: String
    /// The Wedge version that made the report.
    public let wedgeVersion: String
    /// The head of the study database's audit log the report was computed from (`COUNT:HASH`), when known.
    public var auditHead: String?
    /// Enrolled participants.
    public let participantCount: Int
    /// Randomized sites.
    public let siteCount: Int
    /// The tables, in report order (ids as in ``ReportCatalog/tableIDs``).
    public let tables: [ReportTable]
    /// The figures, in report order.
    public let figures: [Figure]

    /// Computes every table and figure of `snapshot`.
    public init(_ snapshot: StudySnapshot) {
        let context = ReportContext(ReportData(snapshot))
        let proto = snapshot.protocol
        studyID = proto.study.id
        studyTitle = proto.study.title
        registry = proto.study.registry
        dataLockDate = snapshot.dataLockDate
        protocolDigest = snapshot.loadedProtocol.digest
        wedgeVersion = WedgeVersion.current
        participantCount = snapshot.enrollments.count
        siteCount = snapshot.schedule.assignments.count
        tables = ReportCatalog.tables.map { $0.make(context) }
        figures = ReportCatalog.figures.map { Figure(id: $0.id, title: $0.title, svg: $0.make(context)) }
    }

    /// The header lines every format starts with.
    var headerLines: [String] {
        ["Study: \(studyID): \(studyTitle)" + (registry.map { " (\($0))" } ?? ""),
         "Data lock: \(dataLockDate.iso). Participants: \(participantCount). Sites: \(siteCount).",
         "Protocol SHA-256: \(protocolDigest)",
         "Made by Wedge \(wedgeVersion)."] + (auditHead.map { ["Audit head: \($0)"] } ?? [])
    }
}
