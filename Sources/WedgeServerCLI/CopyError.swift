// SPDX-License-Identifier: Apache-2.0

import Foundation

/// Why `wedge-server copy` refused or failed.
enum CopyError: Error, LocalizedError, Equatable {
    /// The source's audit trail does not verify; a damaged study is not copied.
    case sourceBroken(problems: Int)
    /// The target, read back, differs from the source.
    case copyDiffers

    var errorDescription: String? {
        switch self {
        case .sourceBroken(let problems):
            return "The source study's audit trail does not verify (\(problems) problem(s)); it was not copied. "
                + "Run `wedge audit verify` (SQLite) or `wedge-server audit verify` on it, and restore it from a backup."
        case .copyDiffers:
            return "The copy, read back, differs from the source. Delete the target and report this."
        }
    }
}
