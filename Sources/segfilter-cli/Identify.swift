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
        var lineOut: [UInt8] = []
        // The options as plain values: reading a property wrapper looks up its generic
        // metadata, which costs more per line than identifying a short one.
        let jsonl = self.jsonl, rawScores = self.rawScores, top = self.top, textField = self.textField
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
                // LANG<TAB>SCORE pairs, written as bytes (no strings per line).
                lineOut.removeAll(keepingCapacity: true)
                // No candidates, or a language without a profile: `und` first (then, for --top,
                // the nearest profiles).
                let undFirst = guess.top.isEmpty || guess.outOfModel
                if undFirst { lineOut.append(contentsOf: guess.code.utf8); lineOut.append(contentsOf: "\t0".utf8) }
                for (i, t) in guess.top.prefix(undFirst ? top - 1 : top).enumerated() {
                    if i > 0 || undFirst { lineOut.append(0x09) }
                    lineOut.append(contentsOf: t.code.utf8)
                    lineOut.append(0x09)
                    appendScore(t.probability, to: &lineOut)
                }
                lineOut.append(0x0A)
                try out.write(lineOut)
            }) {}
        }
        try out.flush()
    }

    /// The probability with four decimals ("0.9731").
    func appendScore(_ p: Double, to out: inout [UInt8]) {
        let v = Int((p * 10000).rounded())
        let whole = v / 10000
        if whole >= 0 && whole < 10 { out.append(UInt8(48 + whole)) } else { out.append(contentsOf: String(whole).utf8) }
        out.append(0x2E)
        var frac = v % 10000
        var d = 1000
        for _ in 0..<4 { out.append(UInt8(48 + frac / d)); frac %= d; d /= 10 }
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
