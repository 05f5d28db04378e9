import ArgumentParser
import SegmentFilter

struct Identify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Identify the language of each input line: LANG<TAB>SCORE (like fastText predict).")

    @Argument(help: "Input files; standard input when none.")
    var files: [String] = []

    @Option(help: "Print the best K languages per line: LANG<TAB>SCORE pairs.")
    var top = 1

    @Flag(help: "Input is JSON Lines; identify the text field of each record.")
    var jsonl = false

    @Option(help: "The JSON member that holds the text (with --jsonl).")
    var textField = "text"

    @Option(help: "Worker threads (default: the number of cores); output stays in input order.")
    var jobs: Int?

    @Flag(help: .hidden)
    var rawScores = false

    func validate() throws {
        if top < 1 { throw ValidationError("--top must be at least 1") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        var options = IdentifyOptions()
        options.top = top
        options.jsonl = jsonl
        options.textField = textField
        options.rawScores = rawScores
        options.jobs = workerCount(jobs)
        let processor = IdentifyProcessor(options: options)
        let out = ByteWriter.standardOutput()
        for input in files.isEmpty ? ["-"] : files {
            try processor.run(try LineReader(path: input), output: out)
        }
        try out.flush()
        keepUntilExit(processor)
    }
}

struct Languages: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the languages the identifier knows: code, name, scripts, training text.")

    func run() throws {
        let out = ByteWriter.standardOutput()
        let model = LanguageModel.embedded
        for l in model.languages.sorted(by: { $0.code < $1.code }) {
            try out.write("\(l.code)\t\(l.name)\t\(l.scripts.joined(separator: ","))\t\(l.trainingCharacters)\n")
        }
        try out.write("# \(model.languages.count) languages\n")
        try out.flush()
    }
}
