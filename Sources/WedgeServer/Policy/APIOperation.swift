// SPDX-License-Identifier: Apache-2.0

/// Every operation of the API that needs an account, named as in the OpenAPI document (`operationId`).
public enum APIOperation: String, Sendable, CaseIterable {
    case me
    case listParticipants, enrollParticipant, getParticipant, recordOutcomes, recordAdverseEvent
    case correctParticipant, deleteParticipant, participantAudit
    case listScreenings, screenPerson, correctScreening, deleteScreening
    case schedule, verifyAudit, status, queries, exportParticipants, analysis, report
    case listUsers, createUser, disableUser, setUserRole, resetPassword
    case listTokens, createToken, revokeToken
}
