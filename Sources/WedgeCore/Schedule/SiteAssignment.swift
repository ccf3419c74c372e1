// SPDX-License-Identifier: Apache-2.0

/// One site's place in the allocation: the sequence it follows.
public struct SiteAssignment: Sendable, Equatable, Hashable {
    /// The site id.
    public var siteID: String
    /// The 0-based index of the design sequence the site follows.
    public var sequenceIndex: Int

    /// Creates an assignment.
    public init(siteID: String, sequenceIndex: Int) {
        self.siteID = siteID
        self.sequenceIndex = sequenceIndex
    }
}
