// SPDX-License-Identifier: Apache-2.0

/// What a server account may do (the role table in `docs/server.md`). A site coordinator belongs to one site; the
/// other roles see every site.
public enum AccountRole: String, Sendable, CaseIterable, Codable {
    /// Screens, enrolls and records at one site.
    case siteCoordinator = "site_coordinator"
    /// Enrolls and records at every site; corrects, soft-deletes and exports.
    case dataManager = "data_manager"
    /// The unblinded statistician: the sealed schedule, analyses and reports.
    case statistician
    /// Reads participants and reports; writes nothing.
    case monitor
    /// Manages accounts and tokens; sees no participant data.
    case admin
}
