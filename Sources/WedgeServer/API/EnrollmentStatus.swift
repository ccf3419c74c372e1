// SPDX-License-Identifier: Apache-2.0

import WedgeCore

/// Enrollment by site and period, limited to the sites a principal reaches: what `GET /api/v1/status` answers
/// and the dashboard shows. Periods are calendar facts, and counts are of enrolled participants, whose conditions
/// had started, so the table discloses no crossover.
struct EnrollmentStatus {
    /// One site's row.
    struct Site {
        /// The site id.
        var id: String
        /// The site's name.
        var name: String
        /// Participants enrolled in each period.
        var counts: [Int]
        /// Their sum.
        var total: Int
    }

    /// The snapshot's data-lock date.
    var asOf: CivilDate
    /// The number of periods.
    var periods: Int
    /// The rows, in protocol order.
    var sites: [Site]
    /// Participants enrolled at those sites.
    var total: Int

    /// The status of `snapshot` as `principal` may see it.
    init(_ snapshot: StudySnapshot, for principal: Principal) {
        asOf = snapshot.dataLockDate
        periods = snapshot.protocol.calendar.periodCount
        sites = []
        for site in snapshot.protocol.sites where AccessPolicy.reaches(principal, site: site.id) {
            var counts = Array(repeating: 0, count: periods)
            for enrollment in snapshot.enrollments where enrollment.record.siteID == site.id {
                if counts.indices.contains(enrollment.period) { counts[enrollment.period] += 1 }
            }
            sites.append(Site(id: site.id, name: site.name, counts: counts, total: counts.reduce(0, +)))
        }
        total = sites.map(\.total).reduce(0, +)
    }
}
