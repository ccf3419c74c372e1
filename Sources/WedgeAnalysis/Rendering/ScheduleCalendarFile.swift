// SPDX-License-Identifier: Apache-2.0

internal import Foundation
public import WedgeCore

/// The schedule as an iCalendar file (RFC 5545): each site's notice and crossover dates as all-day events.
///
/// For the unblinded team only: it shows every future crossover. Output is deterministic: UIDs derive from
/// the study, site and period, and DTSTAMP is the study start date.
public enum ScheduleCalendarFile {
    /// The `.ics` text, with CRLF line ends and lines folded at 75 octets.
    public static func ics(_ schedule: Schedule) -> String {
        let proto = schedule.protocol
        let stamp = compact(proto.calendar.startDate) + "T000000Z"
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Wedge//Schedule \(WedgeVersion.current)//EN",
                     "CALSCALE:GREGORIAN", "X-WR-CALNAME:\(escape(proto.study.id)) crossover schedule"]
        for c in schedule.allCrossovers {
            let to = proto.condition(id: c.toConditionID)?.label ?? c.toConditionID
            let uidBase = "\(proto.study.id)-\(c.siteID)-p\(c.period + 1)"
            lines += event(uid: uidBase + "-notice@wedge", stamp: stamp, date: c.noticeDate,
                           summary: "\(c.siteID): notice of switch to \(to) on \(c.date.iso)")
            lines += event(uid: uidBase + "-crossover@wedge", stamp: stamp, date: c.date,
                           summary: "\(c.siteID): switches to \(to) (period \(c.period + 1))")
        }
        lines.append("END:VCALENDAR")
        return lines.flatMap(fold).map { $0 + "\r\n" }.joined()
    }

    static func event(uid: String, stamp: String, date: CivilDate, summary: String) -> [String] {
        ["BEGIN:VEVENT", "UID:\(uid)", "DTSTAMP:\(stamp)", "DTSTART;VALUE=DATE:\(compact(date))",
         "DTEND;VALUE=DATE:\(compact(date.adding(days: 1)))", "SUMMARY:\(escape(summary))", "TRANSP:TRANSPARENT",
         "END:VEVENT"]
    }

    static func compact(_ date: CivilDate) -> String { date.iso.replacingOccurrences(of: "-", with: "") }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ";", with: "\\;")
            .replacingOccurrences(of: ",", with: "\\,").replacingOccurrences(of: "\n", with: "\\n")
    }

    /// Folds a content line into pieces of at most 75 octets, continuation lines starting with a space.
    static func fold(_ line: String) -> [String] {
        var pieces: [String] = []
        var current = ""
        var octets = 0
        for ch in line {
            let size = String(ch).utf8.count
            let limit = pieces.isEmpty ? 75 : 74
            if octets + size > limit {
                pieces.append(pieces.isEmpty ? current : " " + current)
                current = ""
                octets = 0
            }
            current.append(ch)
            octets += size
        }
        pieces.append(pieces.isEmpty ? current : " " + current)
        return pieces
    }
}
