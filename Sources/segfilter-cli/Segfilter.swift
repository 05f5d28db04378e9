import ArgumentParser
import SegmentFilter
#if canImport(Glibc)
import Glibc
#endif

/// The `segfilter` command: a thin shell over the SegmentFilter library.
struct Segfilter: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segfilter",
        abstract: "Split documents into primary content and appended material (other-language bios, credits, licence notices, off-topic tails).",
        discussion: """
        Examples:
          segfilter article.txt --appended tail.txt   # primary to stdout
          segfilter --jsonl in.jsonl.zst -o out.jsonl.zst
          segfilter --rules news --explain < page.txt # evidence on stderr
          segfilter identify --top 3 < lines.txt      # language per line
          segfilter rules                             # built-in rule sets

        Exit status:
          0 ok
          1 data error (a bad record under --on-error fail)
          2 usage error (unknown option, unknown or malformed rule set)
          3 I/O error (unreadable input, unwritable output)
        """,
        subcommands: [Filter.self, Identify.self, Languages.self, RulesCommand.self],
        defaultSubcommand: Filter.self
    )
}

struct Filter: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "filter",
        abstract: "Filter documents (the default command).")

    @Argument(help: "Input files; standard input when none or '-'. In plain-text mode each file is one document.")
    var files: [String] = []

    @Flag(help: "Read and write JSON Lines: one document per line.")
    var jsonl = false

    @Option(help: "The JSON member that holds the text.")
    var textField = "text"

    @Option(help: "Rule set: a built-in name (see 'segfilter rules') or a path to a .rules file.")
    var rules = "default"

    @Option(help: "Plain text: write the appended material to this file.")
    var appended: String?

    @Option(name: [.short, .customLong("output")], help: "Write the output here instead of standard output.")
    var output: String?

    @Flag(help: "Print each paragraph's evidence and the decision on standard error.")
    var explain = false

    @Option(help: "Worker threads (JSONL); output keeps input order. Default: the number of cores.")
    var jobs: Int?

    @Option(help: "What to do with a bad record: fail (exit 1), skip (to --rejects), pass (copy unchanged).")
    var onError: ErrorPolicyArgument = .fail

    @Option(help: "With --on-error skip: write rejected records and reasons here (default: standard error).")
    var rejects: String?

    @Option(help: "JSONL lines longer than this many bytes are bad records.")
    var maxLineBytes = 64 << 20

    @Option(help: "Plain-text documents longer than this many bytes are passed through whole, with a warning.")
    var maxDocBytes = 64 << 20

    @Flag(help: "Leave the per-paragraph array out of the segfilter object.")
    var noParagraphs = false

    @Option(help: "JSONL: the member that identifies a record.")
    var idField = "id"

    @Option(help: "JSONL: put the segfilter object inside this object member (e.g. datatrove's 'metadata').")
    var metadataField: String?

    @Flag(help: "JSONL: leave the text field unchanged; only annotate.")
    var annotateOnly = false

    @Flag(help: "JSONL: do not keep the appended text (segfilter.appended is left out).")
    var dropAppended = false

    @Option(help: "JSONL: write Dolma-style attribute lines (code point spans) to this file, one per input record.")
    var attributes: String?

    @Flag(help: .hidden)
    var debugEvidence = false

    @Flag(name: .shortAndLong, help: "No summary on standard error.")
    var quiet = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if maxLineBytes < 1 || maxDocBytes < 1 { throw ValidationError("size limits must be positive") }
        if appended != nil && jsonl { throw ValidationError("--appended is for plain text; in JSONL the appended material is in segfilter.appended") }
        if !jsonl && (attributes != nil || annotateOnly || dropAppended || metadataField != nil) {
            throw ValidationError("--attributes, --annotate-only, --drop-appended and --metadata-field need --jsonl")
        }
    }

    func run() throws {
        let ruleSet = try RuleSet.load(rules)
        let filter = try DocumentFilter(rules: ruleSet)
        let out = try output.map { try ByteWriter(path: $0) } ?? .standardOutput()
        let err = ByteWriter.standardError()
        let explainOut = explain ? err : nil
        let inputs = files.isEmpty ? ["-"] : files
        let clock = ContinuousClock.now
        if jsonl {
            var options = JSONLOptions()
            options.textField = textField
            options.onError = onError.policy
            options.maxLineBytes = maxLineBytes
            options.jobs = workerCount(jobs)
            options.paragraphs = !noParagraphs
            options.idField = idField
            options.debugEvidence = debugEvidence
            options.metadataField = metadataField
            options.annotateOnly = annotateOnly
            options.dropAppended = dropAppended
            options.attributes = attributes != nil
            let attributesOut = try attributes.map { try ByteWriter(path: $0) }
            let processor = JSONLProcessor(filter: filter, options: options)
            let rejectsOut = try rejects.map { try ByteWriter(path: $0) } ?? err
            var total = RunSummary()
            for input in inputs {
                let reader = try LineReader(path: input)
                do {
                    total.add(try processor.run(reader, output: out, rejects: rejectsOut, explain: explainOut, attributes: attributesOut))
                } catch let e as DataError {
                    try? out.close()
                    throw e
                }
            }
            try out.close()
            try attributesOut?.close()
            if rejects != nil { try rejectsOut.close() }
            if !quiet { try err.write(summaryLine(total, seconds: clock.duration(to: .now))); try err.flush() }
            keepUntilExit(processor)
        } else {
            let appendedOut = try appended.map { try ByteWriter(path: $0) }
            let processor = PlainTextProcessor(filter: filter, maxDocumentBytes: maxDocBytes)
            for input in inputs {
                let reader = try LineReader(path: input)
                if try processor.run(reader, output: out, appended: appendedOut, explain: explainOut) == nil {
                    try err.write("segfilter: warning: \(reader.displayName) is larger than --max-doc-bytes (\(maxDocBytes)); passed through whole\n")
                }
            }
            try out.close()
            try appendedOut?.close()
            try err.flush()
            keepUntilExit(processor)
        }
    }

    func summaryLine(_ s: RunSummary, seconds d: Duration) -> String {
        let secs = Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
        let mbps = secs > 0 ? Double(s.bytes) / 1e6 / secs : 0
        // The share of the documents analysed: rejects (skipped or passed through) have no split.
        let analysed = s.written - s.passedThrough
        let share = analysed > 0 ? 100.0 * Double(s.withAppended) / Double(analysed) : 0
        let langs = s.languages.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(8).map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        return "segfilter: \(s.records) records: \(s.written) written (\(s.passedThrough) passed through as bad), \(s.rejected - s.passedThrough) rejected"
            + (s.blankLines > 0 ? ", \(s.blankLines) blank lines skipped" : "")
            + "; \(s.withAppended) with appended material (\(format1(share))%); \(format1(Double(s.bytes) / 1e6)) MB in \(format1(secs)) s (\(format1(mbps)) MB/s); languages: \(langs)\n"
    }
}

func format1(_ x: Double) -> String {
    let v = (x * 10).rounded() / 10
    return String(Int(v)) + "." + String(Int((abs(v) * 10).rounded()) % 10)
}

enum ErrorPolicyArgument: String, ExpressibleByArgument, CaseIterable {
    case fail, skip, pass
    var policy: ErrorPolicy { ErrorPolicy(rawValue: rawValue)! }
}
