// SPDX-License-Identifier: Apache-2.0

import WedgeStore

/// Who may do what: the role table of `docs/server.md`, in one place. Every route asks it before doing anything,
/// and nothing is allowed that it does not list (deny by default).
///
/// Two questions, as hummingbird-examples' `auth-abac` splits them: may this role use this operation at all
/// (``permits(_:_:)``, else 403), and may this principal reach this site's data (``reaches(_:site:)``, else 404,
/// so that another site's participant is not even known to exist).
public enum AccessPolicy {
    /// The roles allowed each operation.
    static let table: [APIOperation: Set<AccountRole>] = {
        let everyone = Set(AccountRole.allCases)
        let capture: Set<AccountRole> = [.siteCoordinator, .dataManager]
        let readers: Set<AccountRole> = [.siteCoordinator, .dataManager, .statistician, .monitor]
        let management: Set<AccountRole> = [.dataManager]
        let admin: Set<AccountRole> = [.admin]
        return [
            .me: everyone,
            .listParticipants: readers, .getParticipant: readers, .participantAudit: readers,
            .enrollParticipant: capture, .recordOutcomes: capture, .recordAdverseEvent: capture,
            .correctParticipant: management, .deleteParticipant: management,
            .listScreenings: readers, .screenPerson: capture,
            .correctScreening: management, .deleteScreening: management,
            .schedule: readers,
            .verifyAudit: [.dataManager, .statistician, .monitor],
            .status: [.siteCoordinator, .dataManager, .statistician],
            .queries: [.siteCoordinator, .dataManager, .statistician],
            .exportParticipants: [.dataManager, .statistician],
            .analysis: [.statistician],
            .report: [.statistician, .monitor],
            .listUsers: admin, .createUser: admin, .disableUser: admin, .setUserRole: admin, .resetPassword: admin,
            .listTokens: admin, .createToken: admin, .revokeToken: admin,
        ]
    }()

    /// Whether `principal`'s role may use `operation`.
    public static func permits(_ principal: Principal, _ operation: APIOperation) -> Bool {
        table[operation]?.contains(principal.role) ?? false
    }

    /// Whether `principal` may see or change data of `site`: a site coordinator only their own site.
    public static func reaches(_ principal: Principal, site: String) -> Bool {
        principal.role != .siteCoordinator || principal.siteID == site
    }

    /// Whether `principal` sees the whole sealed schedule (every crossover, announced or not): the unblinded
    /// statistician only. Everyone else sees what `wedge schedule reveal` shows on the day.
    public static func seesSealedSchedule(_ principal: Principal) -> Bool { principal.role == .statistician }
}
