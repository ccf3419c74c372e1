// SPDX-License-Identifier: Apache-2.0

/// A `site` row: a protocol site and the sequence it was randomized to.
package struct SiteRow: Sendable, Equatable {
    /// The site id.
    package var id: String
    /// The site's position in the protocol, from 0.
    package var position: Int
    /// The site's name.
    package var name: String
    /// The index of the design sequence the site was randomized to.
    package var sequenceIndex: Int

    /// A site row.
    package init(id: String, position: Int, name: String, sequenceIndex: Int) {
        self.id = id
        self.position = position
        self.name = name
        self.sequenceIndex = sequenceIndex
    }

    /// The assignments as the study-creation audit entry records them: `site=index`, in position order,
    /// comma-separated.
    package static func assignmentText(_ sites: [SiteRow]) -> String {
        sites.sorted { $0.position < $1.position }.map { "\($0.id)=\($0.sequenceIndex)" }.joined(separator: ",")
    }
}
