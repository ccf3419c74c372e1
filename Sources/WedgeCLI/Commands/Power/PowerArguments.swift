// SPDX-License-Identifier: Apache-2.0

public import ArgumentParser
public import WedgeAnalysis

/// `--icc-scale latent|linearized`.
extension ClusterVarianceScale: ExpressibleByArgument {}

/// `--interval wilson|exact`.
extension PowerSimulationSettings.IntervalMethod: ExpressibleByArgument {}
