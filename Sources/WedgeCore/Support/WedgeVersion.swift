// SPDX-License-Identifier: Apache-2.0

/// The version of the Wedge toolkit, printed by `wedge --version` and recorded in reports and databases.
public enum WedgeVersion {
    /// The semantic version of this build.
    public static let current = "0.1.0"
}
