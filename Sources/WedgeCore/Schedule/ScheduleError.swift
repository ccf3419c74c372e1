// SPDX-License-Identifier: Apache-2.0

public import Foundation

/// A sealed schedule that cannot be read, or that does not verify.
public enum ScheduleError: Error, LocalizedError, Equatable, Sendable {
    /// The sealed file is not a Wedge schedule document.
    case malformed(file: String, problem: String)
    /// The sealed schedule was made from another protocol file.
    case protocolMismatch(file: String, sealedDigest: String, protocolDigest: String)
    /// A site's sequence in the sealed file differs from the one the protocol and seed give.
    case siteDiffers(file: String, siteID: String, sealed: String, derived: String)
    /// The sealed file differs from the re-derived schedule at a line, although every allocation agrees.
    case documentAltered(file: String, line: Int)
    /// The commitment does not match the re-derived schedule.
    case commitmentMismatch(given: String, derived: String)
    /// The schedule stored in a study database differs from the re-derived one.
    case storedDiffers(siteID: String, stored: String, derived: String)

    public var errorDescription: String? {
        switch self {
        case .malformed(let file, let problem):
            return "'\(file)' is not a sealed Wedge schedule: \(problem). Give the file `wedge schedule seal` wrote."
        case .protocolMismatch(let file, let sealed, let digest):
            return "'\(file)': the sealed schedule was made from a protocol with sha256 \(sealed.prefix(16))…, but the protocol "
                + "given has sha256 \(digest.prefix(16))…. Use the exact protocol file the schedule was sealed with."
        case .siteDiffers(let file, let site, let sealed, let derived):
            return "'\(file)': site \(site) differs: the sealed schedule gives sequence \(sealed), but the protocol and seed give "
                + "\(derived). The sealed file or the seed has been changed."
        case .documentAltered(let file, let line):
            return "'\(file)' has been altered at line \(line): it differs from the schedule the protocol and seed give, "
                + "although every site's sequence agrees. Restore the sealed file from its original copy."
        case .commitmentMismatch(let given, let derived):
            return "The commitment \(given) does not match the schedule, whose commitment is \(derived). "
                + "The schedule, its seed or the protocol differs from what was committed to."
        case .storedDiffers(let site, let stored, let derived):
            return "The study database's schedule differs at site \(site): it stores sequence \(stored), but the protocol "
                + "and seed give \(derived)."
        }
    }
}
