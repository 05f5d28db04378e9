import ArgumentParser

extension Filter {
    /// The filter command line read without ArgumentParser, when every argument has one of the
    /// plain forms: a flag spelled exactly, an option spelled exactly followed by a value that
    /// does not start with `-` (each named once), or a file name that does not start with `-`.
    /// Anything else (and a value that does not convert, or a command that `validate()`
    /// rejects) gives nil, and ArgumentParser parses the line as before, with its messages.
    /// ArgumentParser builds its argument tables by reflection twice per run (once to look for
    /// a completion request): a third of start-up.
    static func parsePlain(_ args: [String]) -> Filter? {
        let flags: Set<String> = ["--jsonl", "--explain", "--no-paragraphs", "--annotate-only", "--drop-appended",
                                  "--debug-evidence", "--quiet"]
        let options: Set<String> = ["--text-field", "--rules", "--appended", "--output", "--jobs", "--on-error",
                                    "--rejects", "--max-line-bytes", "--max-doc-bytes", "--id-field",
                                    "--metadata-field", "--attributes"]
        var seen: Set<String> = []
        var values: [String: String] = [:]
        var files: [String] = []
        var i = 0
        while i < args.count {
            var a = args[i]
            if a == "-q" { a = "--quiet" }
            if a == "-o" { a = "--output" }
            if flags.contains(a) {
                guard seen.insert(a).inserted else { return nil }
                i += 1
            } else if options.contains(a) {
                guard i + 1 < args.count, let v = args[i + 1].first, v != "-", seen.insert(a).inserted else { return nil }
                values[a] = args[i + 1]
                i += 2
            } else {
                guard let c = a.first, c != "-" else { return nil }
                files.append(a)
                i += 1
            }
        }
        func int(_ name: String, _ fallback: Int) -> Int?? {
            guard let v = values[name] else { return .some(nil) }
            guard let n = Int(v) else { return nil }
            return .some(n)
        }
        var f = Filter()
        f.files = files
        f.jsonl = seen.contains("--jsonl")
        f.textField = values["--text-field"] ?? "text"
        f.rules = values["--rules"] ?? "default"
        f.appended = values["--appended"]
        f.output = values["--output"]
        f.explain = seen.contains("--explain")
        guard let jobs = int("--jobs", 0) else { return nil }
        f.jobs = jobs
        if let v = values["--on-error"] {
            guard let p = ErrorPolicyArgument(argument: v) else { return nil }
            f.onError = p
        } else {
            f.onError = .fail
        }
        f.rejects = values["--rejects"]
        guard let line = int("--max-line-bytes", 0), let doc = int("--max-doc-bytes", 0) else { return nil }
        f.maxLineBytes = line ?? 64 << 20
        f.maxDocBytes = doc ?? 64 << 20
        f.noParagraphs = seen.contains("--no-paragraphs")
        f.idField = values["--id-field"] ?? "id"
        f.metadataField = values["--metadata-field"]
        f.annotateOnly = seen.contains("--annotate-only")
        f.dropAppended = seen.contains("--drop-appended")
        f.attributes = values["--attributes"]
        f.debugEvidence = seen.contains("--debug-evidence")
        f.quiet = seen.contains("--quiet")
        guard (try? f.validate()) != nil else { return nil }
        return f
    }
}
