// SPDX-License-Identifier: Apache-2.0

extension String {
    /// Whether the text holds a control character (a tab, a line break, NUL, DEL, …): not allowed in a
    /// participant id, and escaped when an id is shown.
    var containsControlCharacter: Bool {
        unicodeScalars.contains { $0.properties.generalCategory == .control }
    }
}
