// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import WedgeServerCLI

/// The `wedge-server` executable.
@main
enum WedgeServerMain {
    static func main() async {
        await WedgeServerCommand.main(nil)
    }
}
