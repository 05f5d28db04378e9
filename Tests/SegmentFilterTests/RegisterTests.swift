#if canImport(Glibc)
import Glibc
#endif
import PropertyBased
import Testing
@testable import SegmentFilter

/// The register comparisons of a cut: character 4-gram reuse and style shift.
@Suite struct RegisterTests {
    static var caseTable: UnsafePointer<UInt16> { LanguageModel.embedded.caseTable }

    static func withUTF8<R>(_ texts: [String], _ body: ([UnsafeBufferPointer<UInt8>]) -> R) -> R {
        let bytes = texts.map { Array($0.utf8) }
        let pointers = bytes.map { b -> UnsafeMutableBufferPointer<UInt8> in
            let p = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, b.count))
            _ = p.initialize(from: b)
            return UnsafeMutableBufferPointer(rebasing: p[0..<b.count])
        }
        defer { for p in pointers { p.baseAddress?.deallocate() } }
        return body(pointers.map { UnsafeBufferPointer($0) })
    }

    static func style(_ text: String) -> ParagraphStyle {
        withUTF8([text]) { ParagraphStyle(utf8: $0[0], caseTable: caseTable) }
    }

    @Test func styleMeasuresRegister() {
        let s = RegisterTests.style("Cancel all downloads?")
        #expect(abs(s.length - log(22)) < 1e-5)
        #expect(s.question == 1)
        #expect(abs(s.wordLength - 18.0 / 3) < 1e-5)             // 18 letters, 3 words
        #expect(abs(s.sentences - 1.0 / 3) < 1e-5)
        #expect(abs(s.punctuation - 1.0 / 21) < 1e-5)
        #expect(abs(s.mixedWords - 1.0 / 3) < 1e-5)              // "downloads?"
        #expect(s.symbols == 0)
        let code = RegisterTests.style("Run make_install --prefix=/usr/local (see §3).")
        #expect(code.question == 0)
        #expect(code.symbols > 0.1)
        #expect(code.mixedWords > 0.5)
        // Letters with combining marks are letters; other scripts' sentence ends count.
        let hindi = RegisterTests.style("यह किताब है। वह घर है।")
        #expect(hindi.mixedWords == 2.0 / 6)                     // the two words carrying "।"
        let japanese = RegisterTests.style("これはペンです。")
        #expect(japanese.sentences == 1)
        #expect(RegisterTests.style("") == ParagraphStyle())
    }

    /// The White_Space list above ASCII against Unicode's property, for every code point.
    @Test func unicodeSpaceIsTheWhiteSpaceProperty() {
        for v in UInt32(0x80)...0x10FFFF {
            guard let scalar = Unicode.Scalar(v) else { continue }
            if isUnicodeSpace(v) != scalar.properties.isWhitespace { Issue.record("U+\(String(v, radix: 16))") }
        }
    }

    /// Prefix sums against the means and standard deviations computed directly.
    @Test func styleShiftsEqualDirectComputation() async {
        let gen = Gen<Int>.int(in: 1...400).array(of: 2...12)
        await propertyCheck(count: 100, input: gen) { lengths in
            let styles = lengths.map { l in
                var s = ParagraphStyle()
                s.length = log(1 + Float(l)); s.question = Float(l % 2); s.wordLength = Float(l % 7)
                s.punctuation = Float(l % 5) / 10; s.symbols = Float(l % 3) / 20
                return s
            }
            let shifts = Coherence.styleShifts(styles, firstCut: 1)
            let n = styles.count
            let size = (0..<ParagraphStyle.names.count).map { f in styles.map { abs(Double($0.values[f])) }.reduce(0, +) / Double(n) }
            for k in 1..<n {
                for f in 0..<ParagraphStyle.names.count {
                    let p = styles[0..<k].map { Double($0.values[f]) }, t = styles[k..<n].map { Double($0.values[f]) }
                    let mean = p.reduce(0, +) / Double(k)
                    let sd = (p.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(k)).squareRoot()
                    let tailMean = t.reduce(0, +) / Double(t.count)
                    let z = min(Double(Coherence.styleCap), abs(tailMean - mean) / (sd + Double(Coherence.styleFloor) * (size[f] + 1e-3)))
                    #expect(abs(Double(shifts[k - 1][f]) - z) < 1e-3, "cut \(k), measurement \(f) of \(lengths)")
                }
            }
        }
    }

    /// The gram reading's byte prefix holds exactly the first code points, valid or not as the
    /// decoding meets them.
    @Test func gramPrefixHoldsTheFirstCodePoints() {
        var g = SystemRandomNumberGenerator()
        let pieces: [[UInt8]] = [[0x61], [0x20], [0xC3, 0xA9], [0xE2, 0x80, 0x99], [0xF0, 0x9F, 0x98, 0x80], [0x80], [0xFF]]
        for n in 0..<400 {
            let bytes = (0..<(n % 30)).flatMap { _ in pieces[Int.random(in: 0..<pieces.count, using: &g)] }
            let limit = n % 7
            bytes.withUnsafeBufferPointer { b in
                var decoded: [UInt32] = []
                _ = decodeUTF8(b) { if decoded.count < limit { decoded.append($0) } }
                var prefixDecoded: [UInt32] = []
                _ = decodeUTF8(UnsafeBufferPointer(rebasing: b[0..<Coherence.CharacterGrams.codePointPrefix(b, limit)])) { prefixDecoded.append($0) }
                #expect(prefixDecoded == decoded, "\(bytes), limit \(limit)")
            }
        }
    }

    /// The vector arithmetic against a loop over the measurements, to the bit (the shifts
    /// feed the topic logit, which can move a cut).
    @Test func styleShiftsEqualTheLoopOverMeasurements() {
        var g = SystemRandomNumberGenerator()
        let values: [Float] = [0, 0, 0.1, 0.25, 1, 2.5, 3, 7.75]
        for round in 0..<200 {
            let styles = (0..<(2 + round % 29)).map { _ -> ParagraphStyle in
                let v = (0..<7).map { _ in values[Int.random(in: 0..<values.count, using: &g)] }
                var s = ParagraphStyle()
                (s.length, s.punctuation, s.symbols, s.wordLength, s.sentences, s.question, s.mixedWords) = (v[0], v[1], v[2], v[3], v[4], v[5], v[6])
                return s
            }
            let n = styles.count, m = ParagraphStyle.names.count
            for firstCut in 1..<n {
                var sum = [Double](repeating: 0, count: m), size = sum, before = sum, before2 = sum
                for i in 0..<n {
                    for f in 0..<m {
                        let x = Double(styles[i].values[f])
                        sum[f] += x
                        size[f] += abs(x)
                        if i < firstCut { before[f] += x; before2[f] += x * x }
                    }
                }
                let floor = size.map { Double(Coherence.styleFloor) * ($0 / Double(n) + 1e-3) }
                var expected: [[Float]] = []
                for k in firstCut..<n {
                    let p = Double(k), t = Double(n - k)
                    var shift = [Float](repeating: 0, count: m)
                    for f in 0..<m {
                        let mean = before[f] / p
                        let sd = max(0, before2[f] / p - mean * mean).squareRoot()
                        let tailMean = (sum[f] - before[f]) / t
                        shift[f] = min(Coherence.styleCap, Float(abs(tailMean - mean) / (sd + floor[f])))
                        let x = Double(styles[k].values[f])
                        before[f] += x
                        before2[f] += x * x
                    }
                    expected.append(shift)
                }
                let shifts = Coherence.styleShifts(styles, firstCut: firstCut)
                #expect(shifts.map { $0.map(\.bitPattern) } == expected.map { $0.map(\.bitPattern) }, "first cut \(firstCut)")
            }
        }
    }

    /// The normalised text the grams are read from: lower case, whitespace runs as one space,
    /// none at the ends.
    static func grams(_ text: String) -> Set<[Unicode.Scalar]> {
        let normal = Array(text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ").unicodeScalars)
        guard normal.count >= 4 else { return [] }
        return Set((0...(normal.count - 4)).map { Array(normal[$0..<($0 + 4)]) })
    }

    /// The shares from first and last occurrences against set operations done directly.
    @Test func gramSharesEqualDirectComputation() async {
        let word = Gen<String?>.element(of: ["ab", "Ab", "ba", "abc", "ca", "b.", "7a", "é", "ÉA"])
        let paragraph = word.array(of: 0...12).map { $0.compactMap { $0 }.joined(separator: " ") }
        await propertyCheck(count: 150, input: paragraph.array(of: 2...10)) { texts in
            let sets = texts.map(RegisterTests.grams)
            let g = RegisterTests.withUTF8(texts) { Coherence.CharacterGrams($0, characters: $0.map(\.count), from: 0, caseTable: RegisterTests.caseTable) }
            for k in 1..<texts.count {
                let primary = sets[0..<k].reduce(into: Set()) { $0.formUnion($1) }
                let tail = sets[k...].reduce(into: Set()) { $0.formUnion($1) }
                let seen: Float = tail.isEmpty ? 0 : Float(tail.intersection(primary).count) / Float(tail.count)
                let before = sets[0..<(k - 1)].reduce(into: Set()) { $0.formUnion($1) }
                let last = sets[k - 1]
                let own: Float = k - 1 > 0 && !last.isEmpty ? Float(last.intersection(before).count) / Float(last.count) : 0
                let s = g.shares(cut: k)
                #expect(abs(s.seen - seen) < 1e-5, "cut \(k) of \(texts)")
                #expect(abs(s.primarySeen - own) < 1e-5, "cut \(k) of \(texts)")
            }
        }
    }

    /// One worker's gram table serves document after document without being cleared (a slot
    /// of an earlier document reads as free): through more documents than it has stamps, and
    /// sizes that grow and shrink, each reads as it does in a table of its own.
    @Test func reusedGramTableReadsAsAFreshOne() {
        let words = ["harbour", "ferry", "timetable", "council", "budget", "ab", "ba", "abc", "Ab", "café", "7a"]
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ n: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int(seed >> 33) % n
        }
        let shared = Coherence.GramTable()
        for doc in 0..<700 {
            // Now and then a document large enough to grow the table.
            let paragraphs = 2 + next(6)
            let length = doc % 97 == 0 ? 900 : 1 + next(14)
            let texts = (0..<paragraphs).map { _ in (0..<length).map { _ in words[next(words.count)] }.joined(separator: " ") }
            let reused = RegisterTests.withUTF8(texts) {
                Coherence.CharacterGrams($0, characters: $0.map(\.count), from: 0, caseTable: RegisterTests.caseTable, scratch: shared)
            }
            let fresh = RegisterTests.withUTF8(texts) { Coherence.CharacterGrams($0, characters: $0.map(\.count), from: 0, caseTable: RegisterTests.caseTable) }
            for k in 1..<paragraphs {
                #expect(reused.shares(cut: k) == fresh.shares(cut: k), "document \(doc), cut \(k)")
            }
        }
    }

    /// Only the paragraphs from `from` count as primary content.
    @Test func gramWindowLeavesEarlyParagraphsOut() {
        let texts = ["shared words here", "nothing alike", "other text", "shared words here"]
        let all = RegisterTests.withUTF8(texts) { Coherence.CharacterGrams($0, characters: $0.map(\.count), from: 0, caseTable: RegisterTests.caseTable) }
        let late = RegisterTests.withUTF8(texts) { Coherence.CharacterGrams($0, characters: $0.map(\.count), from: 1, caseTable: RegisterTests.caseTable) }
        #expect(all.shares(cut: 3).seen == 1)
        #expect(late.shares(cut: 3).seen < 0.5)
        #expect(late.shares(cut: 1).seen == 0)                    // no primary content in the window
    }
}
