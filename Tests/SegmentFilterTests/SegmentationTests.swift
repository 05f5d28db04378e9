import Testing
@testable import SegmentFilter

@Suite struct ParagraphTests {
    @Test func everyNonEmptyLineIsAParagraphWithoutBlankLines() {
        #expect(paragraphTexts("one\ntwo\n\nthree") == ["one\ntwo", "three"])
        #expect(paragraphTexts("one\ntwo\nthree\n") == ["one", "two", "three"])
    }

    @Test func blankLinesSeparateBlocksOfWrappedLines() {
        #expect(paragraphTexts("a b\nc d\n\n  \n\ne f\ng\n") == ["a b\nc d", "e f\ng"])
    }

    @Test func crlfAndLoneCRAreLineEnds() {
        #expect(paragraphTexts("one\r\ntwo\rthree") == ["one", "two", "three"])
        #expect(paragraphTexts("one\r\n\r\ntwo") == ["one", "two"])
    }

    @Test func emptyAndWhitespaceDocumentsHaveNoParagraphs() {
        #expect(paragraphTexts("").isEmpty)
        #expect(paragraphTexts("\n\n \t\n").isEmpty)
    }

    @Test func rangesAreExactByteOffsets() {
        var t = "ä\n\nß b\n"
        let ranges = t.withUTF8 { ParagraphSplitter.paragraphs(in: $0) }
        #expect(ranges == [0..<2, 4..<8])
    }
}

@Suite struct ScriptTests {
    @Test func scriptsOfCharacters() {
        #expect(Script(of: "a").shortName == "Latn")
        #expect(Script(of: "ж").shortName == "Cyrl")
        #expect(Script(of: "あ") == .hiragana)
        #expect(Script(of: "漢") == .han)
        #expect(Script(of: "1").isNeutral)
        #expect(Script(of: "\u{10900}").shortName == "Phnx")
    }

    @Test func neutralCharactersJoinTheirNeighbours() {
        let runs = ScriptRuns.runs(of: "«Tokyo» (東京), 2024")
        #expect(runs.map(\.script.shortName) == ["Latn", "Hani"])
        #expect(runs.first?.range.lowerBound == 0)
        #expect(runs.last?.range.upperBound == "«Tokyo» (東京), 2024".unicodeScalars.count)
        #expect(runs.map(\.letters) == [5, 2])
    }

    @Test func noLettersIsOneCommonRun() {
        #expect(ScriptRuns.runs(of: "12, 34!").map(\.script) == [.common])
        #expect(ScriptRuns.runs(of: "").isEmpty)
    }
}

@Suite struct SegmenterTests {
    func words(_ s: String) throws -> [(String, WordKind)] {
        let seg = try Segmenter()
        var t = s
        return t.withUTF8 { b in seg.words(in: b).map { (String(decoding: UnsafeBufferPointer(rebasing: b[$0.range]), as: UTF8.self), $0.kind) } }
    }

    @Test func wordsNumbersAndPunctuation() throws {
        let w = try words("It's 42, isn't it?")
        #expect(w.map(\.0) == ["It's", "42", "isn't", "it"])
        #expect(w.map(\.1) == [.letters, .number, .letters, .letters])
    }

    @Test func dictionaryWordBreakForThaiAndJapanese() throws {
        let thai = try words("ภาษาไทยง่ายนิดเดียว")
        #expect(thai.count >= 3)
        let ja = try words("日本語のテキストです")
        #expect(ja.count >= 3)
        #expect(ja.contains { $0.1 == .ideographs })
    }

    @Test func sentencesKeepAbbreviations() throws {
        let seg = try Segmenter()
        var t = "Mr. Smith arrived on Monday. He left early."
        let ends = t.withUTF8 { seg.sentenceEnds(in: $0) }
        #expect(ends.count == 2)
    }

    @Test func copiesWorkIndependently() throws {
        let a = try Segmenter()
        let b = a.copy()
        var t = "one two"
        #expect(t.withUTF8 { a.words(in: $0).count } == 2)
        #expect(t.withUTF8 { b.words(in: $0).count } == 2)
    }
}

@Suite struct QuotationTests {
    func outside(_ s: String) -> String? {
        Array(s.utf8).withUnsafeBufferPointer { Quotations.outside($0) }.map { String(decoding: $0, as: UTF8.self) }
    }

    /// Each closed quotation becomes one space; marks of every common kind pair up.
    @Test func closedQuotationsAreTakenOut() {
        #expect(outside("\"Masaya kami,\" she said.") == "  she said.")
        #expect(outside("Sie sagte: „Wir sind froh“ und ging.") == "Sie sagte:   und ging.")
        #expect(outside("Il a dit « merci » deux fois, “thanks” once.") == "Il a dit   deux fois,   once.")
        #expect(outside("彼は「ありがとう」と言った。") == "彼は と言った。")
    }

    /// Without a quotation there is nothing to take out; an unclosed mark quotes nothing.
    @Test func unclosedOrMissingQuotationsLeaveTheText() {
        #expect(outside("No quotes here.") == nil)
        #expect(outside("An 8\" screen") == nil)
        #expect(outside("“Open, then \"closed\" later") == "“Open, then   later")
    }
}
