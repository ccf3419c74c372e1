// SPDX-License-Identifier: Apache-2.0

public import ArgumentParser
public import WedgeStore

/// `--role site_coordinator`.
extension AccountRole: ExpressibleByArgument {}
