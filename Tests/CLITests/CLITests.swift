import Foundation
import Testing

/// The built `segfilter` binary: beside the test bundle in the build folder.
let binary: URL = {
    let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    var dir = exe.deletingLastPathComponent()
    while !dir.path.isEmpty && dir.path != "/" {
        let candidate = dir.appendingPathComponent("segfilter")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        dir = dir.deletingLastPathComponent()
    }
    return URL(fileURLWithPath: ".build/debug/segfilter")
}()

let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

struct Run {
    var status: Int32
    var stdout: Data
    var stderr: String
    var out: String { String(decoding: stdout, as: UTF8.self) }
}

func run(_ args: [String], stdin: Data = Data()) throws -> Run {
    let p = Process()
    p.executableURL = binary
    p.arguments = args
    let inPipe = Pipe(), outPipe = Pipe(), errPipe = Pipe()
    p.standardInput = inPipe
    p.standardOutput = outPipe
    p.standardError = errPipe
    try p.run()
    let writer = Thread { inPipe.fileHandleForWriting.write(stdin); try? inPipe.fileHandleForWriting.close() }
    writer.start()
    final class Box: @unchecked Sendable { var data = Data(); var done = false }
    let err = Box()
    let errReader = Thread { err.data = errPipe.fileHandleForReading.readDataToEndOfFile(); err.done = true }
    errReader.start()
    let out = outPipe.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    while !err.done { Thread.sleep(forTimeInterval: 0.01) }
    return Run(status: p.terminationStatus, stdout: out, stderr: String(decoding: err.data, as: UTF8.self))
}

/// One test's folder for the files it hands the binary. The test removes it in a `defer` (not in
/// a deinit, which ARC may run right after the last use) so that runs leave nothing behind.
struct Scratch {
    let folder: URL

    init() {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("segfilter-cli-\(UInt64.random(in: 0...UInt64.max))")
        try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> URL { folder.appendingPathComponent(name) }

    func remove() { try? FileManager.default.removeItem(at: folder) }
}

@Suite struct PlainTextCLITests {
    @Test func primaryOnStdoutAndBioInAppendedFile() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let input = try Data(contentsOf: fixtures.appendingPathComponent("article-with-tagalog-bio.txt"))
        let tail = scratch.file("tail.txt")
        let r = try run(["--appended", tail.path], stdin: input)
        #expect(r.status == 0, "\(r.stderr)")
        let appended = try Data(contentsOf: tail)
        #expect(r.stdout + appended == input)
        #expect(String(decoding: appended, as: UTF8.self).hasPrefix("Si Maria Clara Dizon"))
    }

    @Test func filesAreDocumentsAndExplainGoesToStderr() throws {
        let r = try run(["--explain", fixtures.appendingPathComponent("article-only.txt").path, fixtures.appendingPathComponent("article-copyright.txt").path, "--rules", "news"])
        #expect(r.status == 0)
        #expect(r.stderr.contains("primary language en"))
        #expect(r.stderr.contains("APPENDED"))
        #expect(!r.out.contains("All rights reserved"))
    }

    @Test func invalidUTF8BytesSurviveExactly() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        var input = try Data(contentsOf: fixtures.appendingPathComponent("article-with-tagalog-bio.txt"))
        input.insert(contentsOf: [0xFF, 0xFE, 0x00, 0xC3], at: 20)
        let tail = scratch.file("tail2.txt")
        let r = try run(["--appended", tail.path], stdin: input)
        #expect(r.status == 0)
        #expect(r.stdout + (try Data(contentsOf: tail)) == input)
    }

    @Test func oversizedDocumentPassesThroughWithAWarning() throws {
        let input = Data(String(repeating: "A line of text.\n", count: 100).utf8)
        let r = try run(["--max-doc-bytes", "100"], stdin: input)
        #expect(r.status == 0)
        #expect(r.stdout == input)
        #expect(r.stderr.contains("larger than --max-doc-bytes"))
    }
}

@Suite struct JSONLCLITests {
    func record(_ id: String, _ text: String, extra: String = "") -> String {
        let data = try! JSONSerialization.data(withJSONObject: ["text": text], options: [])
        let textJSON = String(decoding: data, as: UTF8.self).dropFirst(8).dropLast(1)
        return #"{"id":"\#(id)","text":\#(textJSON)\#(extra)}"#
    }

    @Test func oneOutputLinePerRecordWithTheContractFields() throws {
        let doc = try String(contentsOf: fixtures.appendingPathComponent("article-with-tagalog-bio.txt"), encoding: .utf8)
        let input = [record("a", doc, extra: #","score":1.0e0"#), record("b", "Short text."), record("c", "")].joined(separator: "\n") + "\n"
        let r = try run(["--jsonl", "--jobs", "2"], stdin: Data(input.utf8))
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.out.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[0].contains(#""score":1.0e0"#))
        let o = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as! [String: Any]
        let seg = o["segfilter"] as! [String: Any]
        #expect(o["id"] as? String == "a")
        #expect((o["text"] as! String) + (seg["appended"] as! String) == doc)
        #expect(seg["language"] as? String == "en")
        #expect((seg["appended"] as! String).hasPrefix("Si Maria"))
        let split = seg["split"] as! Int
        #expect(split == (o["text"] as! String).unicodeScalars.count)
        let paragraphs = seg["paragraphs"] as! [[String: Any]]
        #expect(paragraphs.count == 8)
        #expect(paragraphs.last?["label"] as? String == "appended")
        #expect(paragraphs.last?["language"] as? String == "tl")
        for key in ["start", "end", "language", "language_score", "coherence", "label", "rules"] { #expect(paragraphs[0][key] != nil, "\(key)") }
        #expect(r.stderr.contains("3 records"))
    }

    /// Several batches in flight (the workers analyse one while the next is read and the one
    /// before is written): the output is the one-job output, in input order, and a reject is
    /// named by its line across the batches' boundaries.
    @Test func manyBatchesWithSeveralJobsKeepOrderAndLineNumbers() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let doc = try String(contentsOf: fixtures.appendingPathComponent("article-with-tagalog-bio.txt"), encoding: .utf8)
        let texts = [doc, "Short text.", "", "Ein kurzer deutscher Satz über das Wetter."]
        var lines: [String] = []
        for i in 0..<1_300 {
            lines.append(i == 700 || i == 1_100 ? "{broken \(i)" : record("r\(i)", texts[i % texts.count]))
        }
        let input = Data((lines.joined(separator: "\n") + "\n").utf8)
        let rejects1 = scratch.file("rejects-1"), rejects3 = scratch.file("rejects-3")
        let one = try run(["--jsonl", "--jobs", "1", "--on-error", "skip", "--rejects", rejects1.path, "-q"], stdin: input)
        let three = try run(["--jsonl", "--jobs", "3", "--on-error", "skip", "--rejects", rejects3.path, "-q"], stdin: input)
        #expect(one.status == 0 && three.status == 0, "\(one.stderr) \(three.stderr)")
        #expect(three.stdout == one.stdout)
        let out = three.out.split(separator: "\n")
        #expect(out.count == 1_298)
        #expect(out[699].hasPrefix(#"{"id":"r699""#) && out[700].hasPrefix(#"{"id":"r701""#))
        #expect(out.last?.hasPrefix(#"{"id":"r1299""#) == true)
        let rejected = try String(contentsOf: rejects3, encoding: .utf8)
        #expect(rejected == (try String(contentsOf: rejects1, encoding: .utf8)))
        #expect(rejected.contains(":701: ") && rejected.contains(":1101: "), "\(rejected)")
    }

    /// The summary's share is of the documents analysed (a reject has no split), and languages
    /// with equal counts are listed by code, so the line is the same from run to run.
    @Test func summaryShareIsOfAnalysedDocuments() throws {
        let doc = try String(contentsOf: fixtures.appendingPathComponent("article-with-tagalog-bio.txt"), encoding: .utf8)
        let input = [record("a", doc), "{broken", record("b", "Ein kurzer deutscher Satz über das Wetter in der Stadt.")].joined(separator: "\n") + "\n"
        let r = try run(["--jsonl", "--on-error", "skip", "--rejects", "/dev/null"], stdin: Data(input.utf8))
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("1 with appended material (50.0%)"), "\(r.stderr)")
        #expect(r.stderr.contains("languages: de 1, en 1"), "\(r.stderr)")
    }

    @Test func badLineIsAnErrorNamingTheLine() throws {
        let input = record("a", "Fine.") + "\n{not json\n" + record("c", "Fine too.") + "\n"
        let r = try run(["--jsonl"], stdin: Data(input.utf8))
        #expect(r.status == 1)
        #expect(r.stderr.contains("<stdin>:2:"))
        #expect(r.out.split(separator: "\n").count == 1)
    }

    @Test func skipAndPassPolicies() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let input = record("a", "Fine.") + "\n{\"id\":\"b\",\"text\":5}\n{\"id\":\"c\"}\n" + record("d", "Fine too.") + "\n"
        let rejects = scratch.file("rejects.txt")
        let skip = try run(["--jsonl", "--on-error", "skip", "--rejects", rejects.path], stdin: Data(input.utf8))
        #expect(skip.status == 0)
        #expect(skip.out.split(separator: "\n").count == 2)
        let rej = try String(contentsOf: rejects, encoding: .utf8)
        #expect(rej.contains(":2: the \"text\" field is not a string"))
        #expect(rej.contains(":3: no \"text\" field"))
        #expect(skip.stderr.contains("4 records: 2 written"))
        let pass = try run(["--jsonl", "--on-error", "pass"], stdin: Data(input.utf8))
        #expect(pass.status == 0)
        #expect(pass.out.split(separator: "\n").count == 4)
        #expect(pass.out.contains("{\"id\":\"c\"}\n"))
    }

    /// A byte order mark before the first record is dropped (the filter and `identify`); one
    /// anywhere else is a bad record, as any stray byte before a JSON object is.
    @Test func byteOrderMarkBeforeTheFirstRecordIsDropped() throws {
        let bom = Data([0xEF, 0xBB, 0xBF])
        let input = bom + Data((record("a", "Hello world, this is a test of the filter.") + "\n" + record("b", "Fine too.") + "\n").utf8)
        let r = try run(["--jsonl", "-q"], stdin: input)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.out.hasPrefix("{\"id\":\"a\"") && r.out.split(separator: "\n").count == 2)
        let i = try run(["identify", "--jsonl"], stdin: input)
        #expect(i.status == 0, "\(i.stderr)")
        #expect(i.out.hasPrefix("en\t"))
        let later = Data((record("a", "Fine.") + "\n").utf8) + bom + Data((record("b", "Fine too.") + "\n").utf8)
        let bad = try run(["--jsonl", "-q"], stdin: later)
        #expect(bad.status == 1 && bad.stderr.contains("<stdin>:2:"))
    }

    @Test func customTextField() throws {
        let r = try run(["--jsonl", "--text-field", "body"], stdin: Data(#"{"body":"Hello world, this is a test.","text":7}"#.utf8))
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.out.contains(#""text":7"#))
    }
}

@Suite struct CommandTests {
    @Test func rulesListsTheBuiltIns() throws {
        let r = try run(["rules"])
        #expect(r.status == 0)
        for name in ["default", "news", "web", "strict"] { #expect(r.out.contains(name)) }
    }

    @Test func unknownRuleSetIsAUsageError() throws {
        let r = try run(["--rules", "nosuch"], stdin: Data("x".utf8))
        #expect(r.status == 2)
        #expect(r.stderr.contains("valid names: default, news, web, strict"))
    }

    @Test func malformedRuleFileNamesTheLine() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let f = scratch.file("bad.rules")
        try "name = bad\n[split]\nmargin = x\n".write(to: f, atomically: true, encoding: .utf8)
        let r = try run(["rules", "check", f.path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("bad.rules:3:"))
    }

    /// A rule file saved by a Windows editor (a byte order mark, CR LF line ends) is the same
    /// rule set: before, CR LF made the whole file one comment line, "ok" with no patterns.
    @Test func windowsEditedRuleFileReadsTheSame() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let f = scratch.file("win.rules")
        let text = "name = win\nextends = default\n[pattern]\nid = my-footer\nkind = source\nweight = 3\nregex = (?i)^\\s*brought to you by\\b\n"
        try (Data([0xEF, 0xBB, 0xBF]) + Data(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)).write(to: f)
        let r = try run(["rules", "check", f.path])
        #expect(r.status == 0, "\(r.stderr)")
        // Its own pattern on top of `default`'s (as `rules` lists them: "(N patterns)").
        let list = try run(["rules"]).out
        let line = try #require(list.split(separator: "\n").first { $0.hasPrefix("default") })
        let count = try #require(Int(line.split(separator: "(").last!.split(separator: " ").first!))
        #expect(r.out.contains("rule set 'win', \(count + 1) patterns"), "\(r.out)")
    }

    @Test func unknownOptionIsAUsageError() throws {
        #expect(try run(["--no-such-option"]).status == 2)
    }

    @Test func missingFileIsAnIOError() throws {
        let r = try run(["/nonexistent/file.txt"])
        #expect(r.status == 3)
        #expect(r.stderr.contains("cannot open"))
    }

    @Test func identifyPrintsLanguageAndScore() throws {
        let r = try run(["identify", "--top", "2"], stdin: Data("The weather is nice today.\nAng panahon ay maganda ngayon.\n12345\n".utf8))
        #expect(r.status == 0)
        let lines = r.out.split(separator: "\n").map { $0.split(separator: "\t") }
        #expect(lines.count == 3)
        #expect(lines[0].first == "en" && lines[0].count == 4)
        #expect(lines[1].first == "tl")
        #expect(lines[2].first == "und")
    }

    /// A language without a profile: `und` first, then the nearest profile.
    @Test func identifyPrintsUndForALanguageWithoutAProfile() throws {
        let text = "Ri ajq’ij xuk’ut ri rub’eyal ri jun samaj chi kiwäch ri ak’wal pa ri tijob’äl richin nkitamaj.\n"
        let r = try run(["identify", "--top", "2"], stdin: Data(text.utf8))
        let fields = r.out.split(separator: "\n").first?.split(separator: "\t") ?? []
        #expect(fields.count == 4 && fields.first == "und" && fields[1] == "0", "\(r.out)")
    }

    /// 9,000 lines (three batches, many chunks per worker) through three jobs: the one-job
    /// output, line for line; as JSONL with a broken record after the first batch, the lines
    /// before it are written and the error names its line.
    @Test func identifyWithSeveralJobsKeepsOrderAndLineNumbers() throws {
        let samples = ["The council approved the new budget on Tuesday.", "Ang panahon ay maganda ngayon sa Maynila.",
                       "Die Stadt plant einen neuen Radweg.", "Η βροχή σταμάτησε το απόγευμα.", "東京では雨が降っています。",
                       "12345", "", "Le musée ouvre ses portes samedi."]
        let lines = (0..<9000).map { i in samples[(i * 7 + i / 13) % samples.count] + (i % 5 == 0 ? " \(i)" : "") }
        let plain = Data((lines.joined(separator: "\n") + "\n").utf8)
        let one = try run(["identify", "--top", "2", "--jobs", "1"], stdin: plain)
        let three = try run(["identify", "--top", "2", "--jobs", "3"], stdin: plain)
        #expect(one.status == 0 && three.status == 0, "\(one.stderr) \(three.stderr)")
        #expect(one.out.split(separator: "\n", omittingEmptySubsequences: false).count == 9001)
        #expect(three.stdout == one.stdout)

        var records = lines.map { l -> String in
            let data = try! JSONSerialization.data(withJSONObject: ["text": l])
            return String(decoding: data, as: UTF8.self)
        }
        records[5000] = "{\"text\": broken"
        let r = try run(["identify", "--jsonl", "--top", "2", "--jobs", "3"], stdin: Data((records.joined(separator: "\n") + "\n").utf8))
        #expect(r.status == 1)
        #expect(r.stderr.contains(":5001: invalid JSON"), "\(r.stderr)")
        let expected = one.out.split(separator: "\n", omittingEmptySubsequences: false).prefix(5000)
        #expect(r.out == expected.joined(separator: "\n") + "\n")
    }

    @Test func languagesListsAtLeastAHundred() throws {
        let r = try run(["languages"])
        #expect(r.status == 0)
        #expect(r.out.split(separator: "\n").filter { !$0.hasPrefix("#") }.count >= 100)
        #expect(r.out.contains("tl\t"))
    }
}

@Suite struct CompressionCLITests {
    @Test func gzipInZstdOutAndBack() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let doc = try String(contentsOf: fixtures.appendingPathComponent("article-with-tagalog-bio.txt"), encoding: .utf8)
        let data = try JSONSerialization.data(withJSONObject: ["id": "z", "text": doc])
        let plain = scratch.file("in.jsonl"), gz = scratch.file("in.jsonl.gz"), zst = scratch.file("out.jsonl.zst"), back = scratch.file("back.jsonl")
        try (data + Data("\n".utf8)).write(to: plain)
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/bin/sh")
        gzip.arguments = ["-c", "gzip -c '\(plain.path)' > '\(gz.path)'"]
        try gzip.run(); gzip.waitUntilExit()
        #expect(try run(["--jsonl", gz.path, "-o", zst.path, "-q"]).status == 0)
        #expect(try run(["--jsonl", "--on-error", "pass", zst.path, "-o", back.path, "-q"]).status == 0)
        let lines = try String(contentsOf: back, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 1)
        let o = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as! [String: Any]
        #expect((o["segfilter"] as! [String: Any])["appended"] as? String == "")
        #expect((o["text"] as! String).hasSuffix("safety course.\n"))
    }

    @Test func corruptCompressedInputIsAnIOError() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let bad = scratch.file("bad.jsonl.gz")
        try Data("this is not gzip".utf8).write(to: bad)
        let r = try run(["--jsonl", bad.path])
        #expect(r.status == 3)
        #expect(r.stderr.contains("cannot decompress"))
    }
}

/// Tests/BadInput/cases.tsv: each bad input with its expected exit status and message. Plain-text
/// cases must also give back their bytes exactly (primary + appended).
@Suite struct BadInputTests {
    struct Case: CustomStringConvertible, Sendable {
        var file: String, mode: String, status: Int32, message: String
        var description: String { file }
    }

    static let cases: [Case] = {
        let folder = fixtures.deletingLastPathComponent().appendingPathComponent("BadInput")
        let table = (try? String(contentsOf: folder.appendingPathComponent("cases.tsv"), encoding: .utf8)) ?? ""
        return table.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line in
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return Case(file: folder.appendingPathComponent(f[0]).path, mode: f[1], status: Int32(f[2])!, message: f.count > 3 ? f[3] : "")
        }
    }()

    @Test func theTableIsThere() { #expect(Self.cases.count >= 10) }

    @Test(arguments: cases)
    func badInput(_ c: Case) throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let input = try Data(contentsOf: URL(fileURLWithPath: c.file))
        let tail = scratch.file("bad-tail-\(URL(fileURLWithPath: c.file).lastPathComponent)")
        let args = c.mode == "plain" ? ["--appended", tail.path] : [c.mode]
        let r = try run(args, stdin: input)
        #expect(r.status == c.status, "\(r.stderr)")
        if !c.message.isEmpty { #expect(r.stderr.contains(c.message), "\(r.stderr)") }
        if c.mode == "plain" { #expect(r.stdout + (try Data(contentsOf: tail)) == input) }
    }
}

/// Dolma attributes read back by Python: its string slices at the code point offsets must give
/// exactly the primary content, the appended material and each paragraph.
@Suite struct AttributesCLITests {
    @Test func pythonSlicesMatch() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") else {
            Issue.record("python3 is needed for this test (Debian: apt-get install python3)")
            return
        }
        let doc = try String(contentsOf: fixtures.appendingPathComponent("article-with-tagalog-bio.txt"), encoding: .utf8)
        let docs = [["id": "a", "text": "😀 Ünïcödé " + doc], ["id": "b", "text": "Short 日本語 text.\nSecond line 😀."], ["id": "c", "text": ""]]
        let input = scratch.file("attr-in.jsonl"), out = scratch.file("attr-out.jsonl"), attrs = scratch.file("attr.jsonl")
        try docs.map { String(decoding: try JSONSerialization.data(withJSONObject: $0), as: UTF8.self) }.joined(separator: "\n").appending("\n").write(to: input, atomically: true, encoding: .utf8)
        #expect(try run(["--jsonl", "--annotate-only", "--attributes", attrs.path, "-o", out.path, "-q", input.path]).status == 0)
        let script = """
        import json, sys
        src = [json.loads(l) for l in open(sys.argv[1])]
        out = [json.loads(l) for l in open(sys.argv[2])]
        att = [json.loads(l) for l in open(sys.argv[3])]
        assert len(src) == len(out) == len(att), (len(src), len(out), len(att))
        for s, o, a in zip(src, out, att):
            t = s["text"]
            assert o["text"] == t, "annotate-only changed the text"
            assert a["id"] == s["id"]
            A = a["attributes"]
            prim = "".join(t[x:y] for x, y, _ in A["segfilter__primary"])
            app = "".join(t[x:y] for x, y, _ in A["segfilter__appended"])
            assert prim + app == t, (prim, app)
            assert app == o["segfilter"]["appended"], (app, o["segfilter"]["appended"])
            for p in o["segfilter"]["paragraphs"]:
                key = "segfilter__lang__" + p["language"]
                assert [p["start"], p["end"]] in [[x, y] for x, y, _ in A[key]], key
                assert t[p["start"]:p["end"]].strip() == t[p["start"]:p["end"]]
        print("ok", len(src))
        """
        let py = scratch.file("check.py")
        try script.write(to: py, atomically: true, encoding: .utf8)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        p.arguments = [py.path, input.path, out.path, attrs.path]
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        try p.run()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 0, "\(text)")
        #expect(text.contains("ok 3"))
    }
}

/// Degenerate sizes: a paragraph of 10^6 repetitions of one letter and a document of 10^4
/// paragraphs are handled and given back byte for byte. (Their running times are measured by
/// hand in release builds, not asserted here.)
@Suite struct DegenerateSizeTests {
    @Test(arguments: ["repeated", "many-paragraphs"])
    func handledWhole(_ kind: String) throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let text: String
        if kind == "repeated" {
            text = String(repeating: "a", count: 1_000_000) + "\n"
        } else {
            text = (0..<10_000).map { "Paragraph \($0) of the river council report on water and plans." }.joined(separator: "\n") + "\n"
        }
        let tail = scratch.file("degenerate-\(kind).txt")
        let r = try run(["--appended", tail.path], stdin: Data(text.utf8))
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout + (try Data(contentsOf: tail)) == Data(text.utf8))
    }
}
