import Foundation
import Testing
@testable import SegmentFilter

/// The word segmentation fast path (`FastWordBreak`) against ICU, the authority: wherever the
/// fast path takes a text, its words (ranges and kinds) must be ICU's.
@Suite struct FastWordBreakTests {
    struct Outcome {
        var checked = 0, covered = 0, mismatches: [String] = []
    }

    /// Compares the fast path with ICU on `text`; returns whether the fast path covered it.
    @discardableResult
    static func compare(_ seg: Segmenter, _ text: String, into outcome: inout Outcome) -> Bool {
        var t = text
        return t.withUTF8 { b in
            var fast: [Word] = [], icu: [Word] = []
            outcome.checked += 1
            seg.icuWords(in: b, into: &icu)
            guard seg.fastWords(in: b, into: &fast) else { return false }
            outcome.covered += 1
            if fast != icu && outcome.mismatches.count < 20 {
                let show = { (w: [Word]) in w.map { "\(String(decoding: UnsafeBufferPointer(rebasing: b[$0.range]), as: UTF8.self))/\($0.kind)" } }
                outcome.mismatches.append("\(text.unicodeScalars.map { String($0.value, radix: 16) }): fast \(show(fast)) icu \(show(icu))")
            }
            return true
        }
    }

    /// Many short strings in one text: a line feed is a word boundary on both of its sides for
    /// ICU (WB3a/b), so each piece is segmented as if alone.
    static func batches(_ pieces: [String], size: Int = 4000) -> [String] {
        stride(from: 0, to: pieces.count, by: size).map { pieces[$0..<min(pieces.count, $0 + size)].joined(separator: "\n") }
    }

    @Test func theProbesAgreeWithThisICU() throws {
        #expect(try Segmenter().usesFastPath)
        #expect(try Segmenter().copy().usesFastPath)
        // A locale whose rules differ from the root's on a probe (Swedish joins "c:d") gets ICU.
        let sv = try Segmenter(locale: "sv")
        var t = "c:d"
        let joined = t.withUTF8 { b in var w: [Word] = []; sv.icuWords(in: b, into: &w); return w.count == 1 }
        if joined { #expect(!sv.usesFastPath) }
    }

    @Test func everyShortASCIIString() throws {
        let seg = try Segmenter()
        var alphabet: [String] = (0..<128).map { String(UnicodeScalar(UInt8($0))) }
        alphabet.removeAll { $0 == "\n" }
        var pieces: [String] = []
        for a in alphabet { pieces.append(a); for b in alphabet { pieces.append(a + b) } }
        // All three-character strings over the printable characters and the line ends.
        let printable = alphabet.filter { $0.unicodeScalars.first!.value >= 0x20 || $0 == "\r" || $0 == "\t" }
        for a in printable { for b in printable { for c in printable { pieces.append(a + b + c) } } }
        // Four characters over one of each class (and '@', ':', which ICU 72 treats apart).
        let reps = ["a", "Z", "7", "_", ".", "'", ",", ";", ":", "@", " ", "-", "\r"]
        for a in reps { for b in reps { for c in reps { for d in reps { pieces.append(a + b + c + d) } } } }
        var o = Outcome()
        for text in FastWordBreakTests.batches(pieces) { FastWordBreakTests.compare(seg, text, into: &o) }
        #expect(o.covered == o.checked)
        #expect(o.mismatches.isEmpty, "\(o.mismatches)")
    }

    /// Characters that stand for each class in the contexts below.
    static let contexts = ["a", "1", "_", ".", "'", ",", ";", ":", " ", "\u{301}", "\u{B7}", "é", "\u{AD}",
                           "a.", "1.", "a'", "1,", "a\u{B7}", "1\u{301}", "a\u{301}."]
    static let followers = ["a", "1", "_", ".", "'", ",", " ", "\u{301}", "\u{B7}", "é", ".a", ".1", ",1", "\u{B7}a", "\u{301}a"]

    @Test func everyCoveredCodePointInContext() throws {
        let seg = try Segmenter()
        var o = Outcome()
        var cps = 0
        for v in UInt32(0x80)..<0x10000 {
            guard let c = UnicodeScalar(v), FastWordBreak.classify(v) != FastWordBreak.fallback else { continue }
            cps += 1
            let s = String(c)
            var pieces = [s, s + s, s + s + s]
            for x in FastWordBreakTests.contexts + [s] {
                for y in FastWordBreakTests.followers + [s] { pieces.append(x + s + y) }
            }
            for text in FastWordBreakTests.batches(pieces) { FastWordBreakTests.compare(seg, text, into: &o) }
        }
        #expect(cps > 10000)
        #expect(o.covered == o.checked)
        #expect(o.mismatches.isEmpty, "\(o.mismatches)")
    }

    @Test func randomStrings() throws {
        let seg = try Segmenter()
        // Code points of every class the fast path covers, a few it does not, and the reps.
        var covered: [UnicodeScalar] = []
        for v in UInt32(0x80)..<0x10000 where FastWordBreak.classify(v) != FastWordBreak.fallback {
            if let c = UnicodeScalar(v) { covered.append(c) }
        }
        let common = Array("aZk@7_.',;: -\r\t\u{301}\u{B7}é’\u{AD}\u{200C}©®™".unicodeScalars)
        var rng = SplitMix(seed: 29)
        var o = Outcome()
        for _ in 0..<30000 {
            var s = String.UnicodeScalarView()
            for _ in 0..<(1 + Int(rng.next() % 24)) {
                s.append(rng.next() % 3 == 0 ? covered[Int(rng.next() % UInt64(covered.count))] : common[Int(rng.next() % UInt64(common.count))])
            }
            FastWordBreakTests.compare(seg, String(s), into: &o)
        }
        #expect(o.covered == o.checked)
        #expect(o.mismatches.isEmpty, "\(o.mismatches)")
    }

    /// Random strings over one character of each class: deep mixes of joins, marks and breaks.
    @Test func randomStringsOfClassRepresentatives() throws {
        let seg = try Segmenter()
        let alphabet = Array("a1_.,;:' \u{301}\u{AD}\u{A9}\u{2122}\u{2019}\u{B7}\u{203F}\u{660}\u{5D0}\r".unicodeScalars)
        var rng = SplitMix(seed: 7)
        var pieces: [String] = []
        for _ in 0..<200_000 {
            var s = String.UnicodeScalarView()
            for _ in 0..<(1 + Int(rng.next() % 12)) { s.append(alphabet[Int(rng.next() % UInt64(alphabet.count))]) }
            pieces.append(String(s))
        }
        var o = Outcome()
        // Hebrew (U+05D0) sends a piece to ICU: whole batches without it are compared.
        for text in FastWordBreakTests.batches(pieces.filter { !$0.unicodeScalars.contains("\u{5D0}") }, size: 500) { FastWordBreakTests.compare(seg, text, into: &o) }
        #expect(o.covered == o.checked)
        #expect(o.mismatches.isEmpty, "\(o.mismatches)")
    }

    /// Every paragraph of the development corpus and of the fixtures, through `words(in:)`
    /// (fast path or ICU), against ICU.
    @Test func developmentCorpusAndFixtures() throws {
        let seg = try Segmenter()
        var texts: [String] = []
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        let fixtures = root.appendingPathComponent("Fixtures")
        for name in (try? FileManager.default.contentsOfDirectory(atPath: fixtures.path)) ?? [] where name.hasSuffix(".txt") {
            if let t = try? String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8) { texts.append(t) }
        }
        for file in ["docs.jsonl", "paragraphs.jsonl"] {
            let path = "/work/shared/data/dev/" + file
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            for line in data.split(separator: UInt8(ascii: "\n")) {
                if let obj = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any], let t = obj["text"] as? String {
                    texts.append(t)
                }
            }
        }
        var o = Outcome()
        var fastBytes = 0, allBytes = 0
        for text in texts {
            var t = text
            t.withUTF8 { b in
                for r in ParagraphSplitter.paragraphs(in: b) {
                    let p = UnsafeBufferPointer(rebasing: b[r])
                    var viaWords: [Word] = [], icu: [Word] = [], fast: [Word] = []
                    seg.words(in: p, into: &viaWords)
                    seg.icuWords(in: p, into: &icu)
                    o.checked += 1
                    allBytes += p.count
                    if seg.fastWords(in: p, into: &fast) { o.covered += 1; fastBytes += p.count }
                    if viaWords != icu && o.mismatches.count < 20 {
                        o.mismatches.append(String(decoding: p, as: UTF8.self))
                    }
                }
            }
        }
        print("fast word break: \(o.covered) of \(o.checked) paragraphs, \(fastBytes) of \(allBytes) bytes")
        #expect(o.mismatches.isEmpty, "\(o.mismatches)")
    }
}

/// A small deterministic generator for the random strings.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
