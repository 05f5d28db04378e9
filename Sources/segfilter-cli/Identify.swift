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

    @Flag(help: .hidden)
    var rawScores = false

    func validate() throws {
        if top < 1 { throw ValidationError("--top must be at least 1") }
    }

    func run() throws {
        let identifier = LanguageIdentifier()
        let out = ByteWriter.standardOutput()
        for input in files.isEmpty ? ["-"] : files {
            let reader = try LineReader(path: input)
            while try reader.nextLine({ line, _ in
                var text = ""
                if jsonl {
                    do {
                        let (members, _) = try JSON.objectMembers(line)
                        guard let f = members.last(where: { $0.key == textField }), f.valueIsString else {
                            throw DataError(source: reader.displayName, line: reader.lineNumber, reason: "no string \"\(textField)\" field")
                        }
                        text = try JSON.decodeString(line, f.valueRange)
                    } catch let e as JSON.ParseError {
                        throw DataError(source: reader.displayName, line: reader.lineNumber, reason: "invalid JSON: \(e)")
                    }
                } else if rawScores {
                    text = String(decoding: line, as: UTF8.self)
                }
                if rawScores {
                    // For tools/langdata/calibrate.py: features, then code/score pairs.
                    let (scores, features) = identifier.rawScores(text)
                    try out.write(([String(features)] + scores.prefix(12).flatMap { [$0.code, String($0.score)] }).joined(separator: "\t") + "\n")
                    return
                }
                // Plain lines go to the identifier as bytes: no String per line.
                let guess = jsonl ? identifier.identify(text, top: top) : identifier.identify(utf8: line, top: top)
                var fields: [String] = []
                if guess.top.isEmpty { fields = [guess.code, "0"] }
                for t in guess.top.prefix(top) { fields.append(t.code); fields.append(score(t.probability)) }
                try out.write(fields.joined(separator: "\t") + "\n")
            }) {}
        }
        try out.flush()
    }

    func score(_ p: Double) -> String {
        let v = Int((p * 10000).rounded())
        let frac = String(v % 10000)
        return "\(v / 10000)." + String(repeating: "0", count: 4 - frac.count) + frac
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
