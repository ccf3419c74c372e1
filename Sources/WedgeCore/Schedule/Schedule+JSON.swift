// SPDX-License-Identifier: Apache-2.0

import Foundation
internal import WedgeStats

extension Schedule {
    /// The schema identifier of ``jsonDocument(protocolDigest:)``; documented in `docs/schedule-json.md`.
    public static let jsonSchema = "wedge.schedule/1"

    /// The schedule as a JSON document with a documented schema (`docs/schedule-json.md`): study, seed, algorithm,
    /// calendar, conditions, periods, and per site its sequence index (1-based), sequence and crossover dates,
    /// followed by the admissible set's definition.
    public func jsonDocument(protocolDigest: String) -> JSONValue {
        let proto = `protocol`
        let cal = proto.calendar
        let sites: [JSONValue] = assignments.map { a in
            let site = proto.site(id: a.siteID)!
            let sequence = proto.design.sequences[a.sequenceIndex].conditions
            let crossovers = self.crossovers(of: a.siteID)
            return .object([
                ("id", .string(site.id)), ("name", .string(site.name)),
                ("sequence_index", .int(a.sequenceIndex + 1)),
                ("sequence", .array(sequence.map { .string($0) })),
                ("sequence_codes", .string(String(sequence.map { proto.condition(id: $0)!.code }))),
                ("crossover_date", .optional(crossovers.first?.date.iso)),
                ("notice_date", .optional(crossovers.first?.noticeDate.iso)),
                ("transition_end", .optional(crossovers.first?.transitionEnd?.iso)),
                ("crossovers", .array(crossovers.map { c in
                    .object([("period", .int(c.period + 1)), ("from", .string(c.fromConditionID)),
                             ("to", .string(c.toConditionID)), ("date", .string(c.date.iso)),
                             ("notice_date", .string(c.noticeDate.iso)),
                             ("transition_end", .optional(c.transitionEnd?.iso))])
                })),
            ])
        }
        var admissible: [(String, JSONValue)] = [("method", .string(proto.randomization.method.rawValue))]
        if let set = admissibleSet {
            admissible += [("source", .string(set.source.rawValue)), ("candidates", .int(set.candidateCount)),
                           ("size", .int(set.allocations.count)), ("covariates", .array(set.covariates.map { .string($0) })),
                           ("fraction", .double(set.fraction)), ("cutoff_score", .double(set.cutoffScore)),
                           ("allocations_sha256", .string(Digest.sha256Hex(of: Data(Self.allocationsText(set).utf8))))]
        } else {
            admissible += [("size", MultisetPermutations.count(proto.design.slots).map { .int($0) } ?? .null)]
        }
        return .object([
            ("schema", .string(Self.jsonSchema)),
            ("study", .string(proto.study.id)),
            ("protocol_sha256", .string(protocolDigest)),
            ("seed", .string(seed)),
            ("algorithm", .string(algorithm)),
            ("calendar", .object([("start_date", .string(cal.startDate.iso)), ("end_date", .string(cal.endDate.iso)),
                                  ("period_weeks", .int(cal.periodWeeks)), ("periods", .int(cal.periodCount))])),
            ("notice_weeks", .int(proto.noticeWeeks)),
            ("transition_weeks", .int(proto.transition.weeks)),
            ("conditions", .array(proto.conditions.map { c in
                .object([("id", .string(c.id)), ("code", .string(String(c.code))), ("label", .string(c.label)),
                         ("control", .bool(c.isControl))])
            })),
            ("periods", .array((0..<cal.periodCount).map { p in
                .object([("index", .int(p + 1)), ("start", .string(cal.start(ofPeriod: p).iso)),
                         ("end", .string(cal.end(ofPeriod: p).iso))])
            })),
            ("sites", .array(sites)),
            ("admissible_set", .object(admissible)),
        ])
    }

    /// The public commitment: SHA-256 of the compact canonical JSON of ``jsonDocument(protocolDigest:)``, which
    /// includes the seed. Publish it before the trial starts; ``ScheduleVerifier`` checks it afterwards.
    public func commitment(protocolDigest: String) -> String {
        Digest.sha256Hex(of: Data(jsonDocument(protocolDigest: protocolDigest).serialized().utf8))
    }

    /// The admissible allocations as text, one per line, 1-based sequence indices separated by commas.
    public static func allocationsText(_ set: AdmissibleSet) -> String {
        set.allocations.map { $0.map { String($0 + 1) }.joined(separator: ",") + "\n" }.joined()
    }
}
