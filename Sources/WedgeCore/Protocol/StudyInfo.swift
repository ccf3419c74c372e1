// SPDX-License-Identifier: Apache-2.0

/// A study's identity, from the protocol's `[study]` table.
public struct StudyInfo: Sendable, Equatable {
    /// A short, stable identifier such as `ctn-0097`.
    public var id: String
    /// The full title.
    public var title: String
    /// A trial registry number such as `NCT04762537`, when there is one.
    public var registry: String?

    /// Creates a study identity.
    public init(id: String, title: String, registry: String? = nil) {
        self.id = id
        self.title = title
        self.registry = registry
    }
}
