// SPDX-License-Identifier: Apache-2.0

public import WedgeCore

/// One write to a participant, as a value, so that several can be committed in one transaction
/// (``StudyStoring/commit(_:)``): a server's group commit. Each does what the method of the same name does.
public enum StudyWrite: Sendable, Equatable {
    /// ``StudyStoring/enroll(_:actor:today:)``.
    case enroll(ParticipantRecord)
    /// ``StudyStoring/recordOutcomes(participantID:_:actor:today:ifVersion:)``.
    case recordOutcomes(participantID: String, values: [ParticipantField: String], ifVersion: Int64?)
    /// ``StudyStoring/recordAdverseEvent(participantID:date:description:isSerious:actor:today:)``.
    case adverseEvent(participantID: String, date: CivilDate, description: String, isSerious: Bool)
    /// ``StudyStoring/correct(participantID:field:value:reason:actor:today:ifVersion:)``.
    case correct(participantID: String, field: String, value: String?, reason: String, ifVersion: Int64?)
    /// ``StudyStoring/softDelete(participantID:reason:actor:ifVersion:)``.
    case softDelete(participantID: String, reason: String, ifVersion: Int64?)

    /// The problem of a participant id that is already stored (enrollment and import refuse it).
    package static let alreadyStored = "is already in the study database"

    /// The version the write requires the participant to be at, if any.
    public var ifVersion: Int64? {
        switch self {
        case .recordOutcomes(_, _, let version), .correct(_, _, _, _, let version), .softDelete(_, _, let version): version
        case .enroll, .adverseEvent: nil
        }
    }

    /// The participant written.
    public var participantID: String {
        switch self {
        case .enroll(let record): record.id
        case .recordOutcomes(let id, _, _), .adverseEvent(let id, _, _, _), .correct(let id, _, _, _, _),
             .softDelete(let id, _, _): id
        }
    }
}

/// A ``StudyWrite`` with who makes it and the entry date.
public struct StudyWriteRequest: Sendable, Equatable {
    /// The write.
    public var write: StudyWrite
    /// Who makes it; required.
    public var actor: String
    /// The entry date: no date may be later.
    public var today: CivilDate
    /// The only site whose participants the request may change (a site coordinator's), or `nil` for any: a
    /// participant of another site is answered ``StoreError/participantNotFound(id:)``, as if it did not exist.
    public var siteID: String?
    /// The answer to store for the request's `Idempotency-Key` when the write succeeds, in the same transaction.
    public var answer: IdempotentAnswer?

    /// A request.
    public init(_ write: StudyWrite, actor: String, today: CivilDate, siteID: String? = nil, answer: IdempotentAnswer? = nil) {
        self.write = write
        self.actor = actor
        self.today = today
        self.siteID = siteID
        self.answer = answer
    }
}

/// What one committed ``StudyWrite`` did.
public struct StudyWriteResult: Sendable, Equatable {
    /// The participant as stored afterwards, with its new version.
    public var participant: VersionedParticipant
    /// For ``StudyWrite/recordOutcomes(participantID:values:ifVersion:)``: the fields filled.
    public var recorded: [ParticipantField]
    /// For ``StudyWrite/adverseEvent(participantID:date:description:isSerious:)``: the stored event.
    public var adverseEvent: AdverseEvent?
    /// Whether the request's ``StudyWriteRequest/answer`` was stored with the write.
    public var answered: Bool

    /// A result.
    public init(participant: VersionedParticipant, recorded: [ParticipantField] = [], adverseEvent: AdverseEvent? = nil,
                answered: Bool = false) {
        self.participant = participant
        self.recorded = recorded
        self.adverseEvent = adverseEvent
        self.answered = answered
    }
}
