// SPDX-License-Identifier: Apache-2.0

/// The injections due soon: for each participant with no dropout, the second injection when the first is recorded
/// and the second is not, and the third likewise, whose window `[previous + first day, previous + last day]`
/// (``OutcomeDefinitions/secondInjectionWindow``, ``OutcomeDefinitions/thirdInjectionWindow``) overlaps
/// `[today, today + days]`. A window that has closed is an open query instead (``OpenQueries``).
public enum DueInjections {
    /// The injections due within `days` days of `today`, soonest-closing first (then by participant id).
    public static func find(in snapshot: StudySnapshot, today: CivilDate, days: Int = 7) -> [DueInjection] {
        let defs = snapshot.protocol.outcomes
        let horizon = today.adding(days: days)
        var due: [DueInjection] = []
        for enrollment in snapshot.enrollments {
            let record = enrollment.record, o = record.outcome
            guard o.dropoutDate == nil else { continue }
            let next: (ParticipantField, CivilDate, ClosedRange<Int>)?
            if let first = o.firstInjectionDate, o.secondInjectionDate == nil {
                next = (.secondInjectionDate, first, defs.secondInjectionWindow)
            } else if let second = o.secondInjectionDate, o.thirdInjectionDate == nil {
                next = (.thirdInjectionDate, second, defs.thirdInjectionWindow)
            } else {
                next = nil
            }
            guard let (field, previous, window) = next else { continue }
            let opens = previous.adding(days: window.lowerBound), closes = previous.adding(days: window.upperBound)
            guard closes >= today, opens <= horizon else { continue }
            due.append(DueInjection(participantID: record.id, siteID: record.siteID, field: field, opens: opens,
                                    closes: closes))
        }
        return due.sorted { ($0.closes, $0.participantID) < ($1.closes, $1.participantID) }
    }
}
