// SPDX-License-Identifier: Apache-2.0

/// A later injection (second or third) by condition, with both denominators, each labelled.
public struct InjectionOutcome: Sendable, Equatable {
    /// "Second injection" or "Third injection".
    public var name: String
    /// Among all participants in the analysis set (non-initiators count as not receiving it).
    public var amongAll: [ConditionProportion]
    /// Among initiators only.
    public var amongInitiators: [ConditionProportion]
}
