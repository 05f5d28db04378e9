import Foundation
import Testing

/// The documentation a command-line user reaches for: help with examples, completions, the
/// committed man page (which must describe the options the binary has).
@Suite struct DocumentationCLITests {
    @Test func helpHasExamplesAndExitStatuses() throws {
        let r = try run(["--help"])
        #expect(r.status == 0)
        #expect(r.out.contains("Examples:"))
        #expect(r.out.contains("3 I/O error"))
        let filter = try run(["filter", "--help"])
        for option in ["--jsonl", "--rules", "--appended", "--on-error", "--attributes", "--jobs"] {
            #expect(filter.out.contains(option), "filter --help lacks \(option)")
        }
    }

    @Test(arguments: ["bash", "zsh", "fish"])
    func completionScriptsNameTheOptions(shell: String) throws {
        let r = try run(["--generate-completion-script", shell])
        #expect(r.status == 0)
        #expect(r.out.contains("segfilter"))
        #expect(r.out.contains("jsonl"))
        #expect(r.out.contains("text-field"))
    }

    @Test func manPageDescribesEveryFilterOption() throws {
        let page = try String(contentsOf: fixtures.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/man/segfilter.1"), encoding: .utf8)
        let help = try run(["filter", "--help"]).out
        // Every long option the binary documents appears in the committed man page; a stale page
        // (regenerate: see the README) fails here.
        let options = Set(help.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "-" })
            .filter { $0.hasPrefix("--") && $0.count > 3 }.map(String.init))
        #expect(options.count > 10)
        for option in options where option != "--help" {
            // mdoc spells "--jsonl" as "Fl -jsonl", and "-o, --output" as "Fl o , -output".
            #expect(page.contains("Fl \(option.dropFirst())") || page.contains(", \(option.dropFirst())"), "man page lacks \(option)")
        }
    }
}
