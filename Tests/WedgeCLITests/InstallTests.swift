// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing
import WedgeCore
import WedgeTestSupport

/// An installed `wedge`: a binary copied alone into a folder runs the demo from there, and writes the example
/// protocols, because the examples and the sample data are compiled in (``EmbeddedFiles``).
@Suite("Installed wedge")
struct InstallTests {
    /// The shipped files that must be embedded: every protocol, and the sample data but its README and the
    /// screening log, which `wedge` regenerates from the embedded participants (a test in `ScreenCommandTests`
    /// checks that this gives the committed file byte for byte).
    static func shippedFiles() throws -> [String] {
        let fm = FileManager.default
        let protocols = try fm.contentsOfDirectory(atPath: TestPaths.path("Protocols")).map { "Protocols/" + $0 }
        let sample = try fm.contentsOfDirectory(atPath: TestPaths.path("SampleData"))
            .filter { $0 != "README.md" && $0 != "ctn-0097-screening.csv" }
            .map { "SampleData/" + $0 }
        return (protocols + sample).sorted()
    }

    @Test("Embedded files equal the files on disk, byte for byte (else run scripts/embed-resources.py)")
    func embeddedFilesMatch() throws {
        #expect(EmbeddedFiles.byPath.keys.sorted() == (try Self.shippedFiles()))
        for (path, text) in EmbeddedFiles.byPath {
            let file = try Data(contentsOf: URL(fileURLWithPath: TestPaths.path(path)))
            #expect(Data(text.utf8) == file, "\(path) differs from its embedded copy")
        }
    }

    /// A folder holding only a copy of the built `wedge`.
    static func installed() throws -> (folder: URL, wedge: URL) {
        let folder = try TestPaths.temporaryDirectory()
        let wedge = folder.appendingPathComponent("wedge")
        try FileManager.default.copyItem(at: TestPaths.productsDirectory.appendingPathComponent("wedge"), to: wedge)
        return (folder, wedge)
    }

    @Test("A wedge copied alone into an empty folder runs the demo there, as it does in the repository")
    func demoFromAnyFolder() throws {
        let (folder, wedge) = try Self.installed()
        defer { try? FileManager.default.removeItem(at: folder) }
        let away = try CommandResult.run(wedge, ["demo"], in: folder)
        #expect(away.status == 0, "\(away.stderr)")
        #expect(away.stdout.contains("Imported 410 participants from SampleData/ctn-0097-participants.csv"))
        #expect(away.stdout.contains("Primary outcome: initiation (first XR-naltrexone injection)"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["wedge"], "the demo left files")
        let home = try CommandResult.wedge(["demo"])
        #expect(away.stdout == home.stdout)
        // The files on disk, named explicitly, give the same demo.
        let explicit = try CommandResult.wedge(["demo", "--protocol", "Protocols/ctn-0097.toml",
                                                "--data", "SampleData/ctn-0097-participants.csv",
                                                "--screening", "SampleData/ctn-0097-screening.csv"])
        #expect(explicit.stdout == home.stdout)
    }

    @Test("init --example writes a commented protocol that checks, and never overwrites a file")
    func initExample() throws {
        let (folder, wedge) = try Self.installed()
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in EmbeddedFiles.exampleNames {
            let result = try CommandResult.run(wedge, ["init", "--example", name, "--out", "\(name).toml"], in: folder)
            #expect(result.status == 0, "\(result.stderr)")
            let written = try Data(contentsOf: folder.appendingPathComponent("\(name).toml"))
            #expect(written == (try Data(contentsOf: URL(fileURLWithPath: TestPaths.path("Protocols/\(name).toml")))))
            #expect(try CommandResult.run(wedge, ["check", "\(name).toml"], in: folder).status == 0)
        }
        let again = try CommandResult.run(wedge, ["init", "--example", "ctn-0097", "--out", "ctn-0097.toml"], in: folder)
        #expect(again.status == 1 && again.stderr.contains("already exists"))
        let created = try CommandResult.run(wedge, ["init", "--protocol", "ctn-0097.toml", "--db", "s.sqlite"], in: folder)
        #expect(created.status == 0, "\(created.stderr)")
    }

    static let usageErrors: [[String]] = [
        ["init", "--example", "no-such-study", "--out", "x.toml"],
        ["init", "--example", "ctn-0097"],
        ["init", "--example", "ctn-0097", "--out", "x.toml", "--db", "x.sqlite"],
        ["init", "--protocol", "Protocols/ctn-0097.toml"],
        ["init", "--db", "x.sqlite"],
        ["init"],
    ]

    @Test("init's two uses do not mix: usage errors", arguments: usageErrors)
    func initUsage(_ arguments: [String]) throws {
        let result = try CommandResult.wedge(arguments)
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains("--example") || result.stderr.contains("Examples: "), "\(result.stderr)")
    }

    @Test("--version prints the version; completion scripts are generated for bash, zsh and fish",
          arguments: ["bash", "zsh", "fish"])
    func versionAndCompletions(_ shell: String) throws {
        let version = try CommandResult.wedge(["--version"])
        #expect(version.status == 0 && version.stdout == WedgeVersion.current + "\n")
        let script = try CommandResult.wedge(["--generate-completion-script", shell])
        #expect(script.status == 0 && script.stdout.contains("init") && script.stdout.contains("demo"))
    }
}
