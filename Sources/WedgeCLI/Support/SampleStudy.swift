// SPDX-License-Identifier: Apache-2.0

/// The shipped example study: where its files live (built into wedge, see ``WedgeCore/EmbeddedFiles``), and
/// the seed its sample data were simulated with.
///
/// `SampleData/README.md` records the command that regenerates the data; the demo uses the same seed so that
/// its schedule matches the one the data were simulated under.
enum SampleStudy {
    /// The built-in example protocol the demo runs (``WedgeCore/EmbeddedFiles``).
    static let example = "ctn-0097"
    /// The protocol, relative to the package root.
    static let protocolPath = "Protocols/ctn-0097.toml"
    /// The participant data, relative to the package root.
    static let dataPath = "SampleData/ctn-0097-participants.csv"
    /// The simulation parameters, relative to the package root.
    static let parametersPath = "SampleData/ctn-0097.simulation.toml"
    /// The seed of the sample data (see SampleData/README.md).
    static let seed = "swift-129"
    /// The demo's data-lock date: after the last date in the sample data (2022-09-15), fixed so that the
    /// demo prints the same tables on every day it is run.
    static let dataLockDate = "2023-01-01"
}
