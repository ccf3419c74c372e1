// SPDX-License-Identifier: Apache-2.0

public import WedgeCore

/// The CONSORT flow from "assessed for eligibility" to "enrolled", counted by column: one per condition of the
/// protocol, then the total.
///
/// A screening linked to an enrolled participant counts under the participant's condition (the flow follows the
/// person into the arm they were enrolled in); any other screening under the condition in effect at its site on the
/// screening date. So every step adds up in every column:
///
/// - screened = not eligible + declined consent + consented;
/// - not eligible = the sum over the protocol's exclusion reasons (+ a reason not in the list, which validation
///   prevents);
/// - consented = enrolled from a screening + consented but not enrolled;
/// - enrolled = enrolled from a screening + enrolled without a screening record.
public struct ScreeningFlow: Sendable, Equatable {
    /// People in the screening log (deleted screenings left out).
    public var screened: [Int]
    /// Screened and not eligible.
    public var notEligible: [Int]
    /// Not eligible, by the protocol's screening exclusion reasons, in protocol order.
    public var notEligibleByReason: [[Int]]
    /// Not eligible with a reason the protocol does not list (zero when the data passed validation).
    public var reasonNotListed: [Int]
    /// Eligible and declined consent.
    public var declinedConsent: [Int]
    /// Eligible and consented.
    public var consented: [Int]
    /// Consented, but not linked to an enrolled participant (not yet enrolled, or the enrollment was deleted).
    public var consentedNotEnrolled: [Int]
    /// Enrolled participants linked to their screening.
    public var enrolledFromScreening: [Int]
    /// Enrolled participants no screening links to.
    public var enrolledWithoutScreening: [Int]
    /// Enrolled participants (the snapshot's, soft-deleted ones left out).
    public var enrolled: [Int]

    /// Counts the flow of `snapshot`.
    public init(_ snapshot: StudySnapshot) {
        let proto = snapshot.protocol
        let index = Dictionary(proto.conditions.enumerated().map { ($0.element.id, $0.offset) }) { a, _ in a }
        let columns = proto.conditions.count + 1, total = proto.conditions.count
        let reasons = proto.outcomes.screeningExclusionReasons
        let reasonIndex = Dictionary(reasons.enumerated().map { ($0.element.id, $0.offset) }) { a, _ in a }
        let zero = Array(repeating: 0, count: columns)
        screened = zero; notEligible = zero; reasonNotListed = zero; declinedConsent = zero; consented = zero
        consentedNotEnrolled = zero; enrolledFromScreening = zero; enrolledWithoutScreening = zero; enrolled = zero
        notEligibleByReason = Array(repeating: zero, count: reasons.count)
        func add(_ counts: inout [Int], _ condition: String) {
            counts[total] += 1
            if let g = index[condition] { counts[g] += 1 }
        }
        let enrollments = Dictionary(snapshot.enrollments.map { ($0.record.id, $0) }) { a, _ in a }
        var linked: Set<String> = []
        for screening in snapshot.screenings {
            let participant = screening.participantID.flatMap { enrollments[$0] }
            let condition = participant?.conditionID ?? screening.conditionID
            add(&screened, condition)
            if !screening.isEligible {
                add(&notEligible, condition)
                if let r = screening.ineligibleReason.flatMap({ reasonIndex[$0] }) {
                    add(&notEligibleByReason[r], condition)
                } else {
                    add(&reasonNotListed, condition)
                }
            } else if screening.consented != true {
                add(&declinedConsent, condition)
            } else {
                add(&consented, condition)
                if let participant, !linked.contains(participant.record.id) {
                    linked.insert(participant.record.id)
                    add(&enrolledFromScreening, condition)
                } else {
                    add(&consentedNotEnrolled, condition)
                }
            }
        }
        for enrollment in snapshot.enrollments {
            add(&enrolled, enrollment.conditionID)
            if !linked.contains(enrollment.record.id) { add(&enrolledWithoutScreening, enrollment.conditionID) }
        }
    }

    /// The steps that do not add up, by column, described; empty when the flow is consistent (a test checks it).
    public var inconsistencies: [String] {
        var found: [String] = []
        for c in screened.indices {
            func check(_ name: String, _ whole: Int, _ parts: [Int]) {
                if whole != parts.reduce(0, +) { found.append("column \(c): \(name) \(whole) ≠ \(parts.map(String.init).joined(separator: " + "))") }
            }
            check("screened", screened[c], [notEligible[c], declinedConsent[c], consented[c]])
            check("not eligible", notEligible[c], notEligibleByReason.map { $0[c] } + [reasonNotListed[c]])
            check("consented", consented[c], [enrolledFromScreening[c], consentedNotEnrolled[c]])
            check("enrolled", enrolled[c], [enrolledFromScreening[c], enrolledWithoutScreening[c]])
        }
        let total = screened.count - 1
        for (name, counts) in [("screened", screened), ("enrolled", enrolled), ("consented", consented)]
            where counts[total] != counts[..<total].reduce(0, +) {
            found.append("\(name): the total \(counts[total]) is not the sum of the conditions")
        }
        return found
    }
}
