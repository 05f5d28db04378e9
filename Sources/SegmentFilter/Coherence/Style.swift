/// How a paragraph is written, apart from what it says: its register.
///
/// Material appended from another source is often written differently from the document it
/// follows even where the words give nothing away: interface strings after a manual (short,
/// questions, no sentences), a command reference after a help page (options, paths, symbols),
/// a bio after an article. Each measurement is a per-paragraph number; a cut's
/// ``Coherence/CutBlocks/styleShift`` compares the tail's mean with the primary paragraphs'
/// spread.
public struct ParagraphStyle: Sendable, Equatable {
    /// ln(1 + code points).
    public var length: Float = 0
    /// Punctuation (general category P) per code point.
    public var punctuation: Float = 0
    /// Code and markup symbols (`()[]{}<>/\|_=*#$%&@~` and the backquote) per code point.
    public var symbols: Float = 0
    /// Letters (categories L and M) per whitespace-separated word.
    public var wordLength: Float = 0
    /// Sentence ends (`.`, `!`, `?` and their full-width forms) per word.
    public var sentences: Float = 0
    /// 1 when the paragraph ends with a question mark.
    public var question: Float = 0
    /// The share of words holding something other than letters (digits, punctuation, symbols).
    public var mixedWords: Float = 0

    /// The measurements in a fixed order, named by `names` (the order of
    /// ``Coherence/CutBlocks/styleShift`` and of the rule set's `topic_style_*` weights).
    public var values: [Float] { (0..<Self.names.count).map { Float(measurements[$0]) } }
    public static let names = ["length", "punctuation", "symbols", "word_length", "sentences", "question", "mixed_words"]

    /// `values` as one vector (the last lane 0), for the shifts' arithmetic on all of them at
    /// once.
    var measurements: SIMD8<Double> {
        SIMD8(Double(length), Double(punctuation), Double(symbols), Double(wordLength), Double(sentences), Double(question),
              Double(mixedWords), 0)
    }

    public init() {}

    /// Measures UTF-8 text; `caseTable` is the language model's (non-zero for letters), so a
    /// letter is what language identification calls one.
    init(utf8 bytes: UnsafeBufferPointer<UInt8>, caseTable: UnsafePointer<UInt16>) {
        var codePoints = 0, letters = 0, punctuation = 0, symbols = 0, ends = 0
        var words = 0, mixed = 0
        var inWord = false, wordMixed = false
        var last: UInt32 = 0x20
        _ = decodeUTF8(bytes) { v in
            codePoints &+= 1
            let isLetter = FeatureExtractor.letter(v, caseTable: caseTable) != nil
            let isSpace: Bool
            if isLetter {
                letters &+= 1
                isSpace = false
            } else if v < 0x80 {
                isSpace = v == 0x20 || (v >= 0x09 && v <= 0x0D)
                if !isSpace {
                    switch UInt8(v) {
                    case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"):
                        ends &+= 1
                        punctuation &+= 1
                    case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"),
                         UInt8(ascii: "}"), UInt8(ascii: "/"), UInt8(ascii: "\\"), UInt8(ascii: "_"), UInt8(ascii: "*"),
                         UInt8(ascii: "#"), UInt8(ascii: "%"), UInt8(ascii: "&"), UInt8(ascii: "@"):
                        symbols &+= 1
                        punctuation &+= 1   // general category P (Ps, Pe, Po, Pc)
                    case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "|"), UInt8(ascii: "="), UInt8(ascii: "~"),
                         UInt8(ascii: "$"), UInt8(ascii: "`"):
                        symbols &+= 1       // general category S
                    case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "\""), UInt8(ascii: "'"),
                         UInt8(ascii: "-"):
                        punctuation &+= 1
                    default:
                        break
                    }
                }
            } else if let scalar = Unicode.Scalar(v) {
                let p = scalar.properties
                isSpace = isUnicodeSpace(v)
                switch p.generalCategory {
                case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
                     .initialPunctuation, .finalPunctuation, .otherPunctuation:
                    punctuation &+= 1
                    if v == 0x3002 || v == 0xFF01 || v == 0xFF1F || v == 0xFF0E { ends &+= 1 }
                default:
                    break
                }
            } else {
                isSpace = false
            }
            if isSpace {
                if inWord { words &+= 1; if wordMixed { mixed &+= 1 } }
                inWord = false
            } else {
                if !inWord { inWord = true; wordMixed = false }
                if !isLetter { wordMixed = true }
                last = v
            }
        }
        if inWord { words &+= 1; if wordMixed { mixed &+= 1 } }
        let n = Float(max(1, codePoints)), w = Float(max(1, words))
        length = log(1 + Float(codePoints))
        self.punctuation = Float(punctuation) / n
        self.symbols = Float(symbols) / n
        wordLength = Float(letters) / w
        sentences = Float(ends) / w
        question = last == 0x3F || last == 0xFF1F ? 1 : 0
        mixedWords = Float(mixed) / w
    }
}

extension Coherence {
    /// Spread floor of a style measurement, as a share of its mean size over the document: a
    /// primary block whose paragraphs happen to agree (two of them, say) must not turn every
    /// small difference into a large shift.
    static let styleFloor: Float = 0.15
    /// The largest shift one measurement can report, so that one odd number cannot decide.
    static let styleCap: Float = 5

    /// For the cuts before `firstCut..<n`: per style measurement, the distance of the tail
    /// paragraphs' mean from the primary paragraphs' mean, in units of the primary paragraphs'
    /// standard deviation (plus a floor), capped. Prefix sums keep it linear.
    static func styleShifts(_ styles: [ParagraphStyle], firstCut: Int) -> [[Float]] {
        let n = styles.count
        guard firstCut < n else { return [] }
        // The measurements side by side in one vector: each lane's arithmetic is the one a
        // loop over the measurements would do, without an array per sum.
        @inline(__always) func magnitude(_ v: SIMD8<Double>) -> SIMD8<Double> {
            var r = v
            for i in r.indices { r[i] = abs(v[i]) }
            return r
        }
        var sum = SIMD8<Double>(), size = sum, before = sum, before2 = sum
        for (i, s) in styles.enumerated() {
            let x = s.measurements
            sum += x
            size += magnitude(x)
            if i < firstCut { before += x; before2 += x * x }
        }
        let floor = Double(styleFloor) * (size / Double(n) + 1e-3)
        var out: [[Float]] = []
        out.reserveCapacity(n - firstCut)
        for k in firstCut..<n {
            let p = Double(k), t = Double(n - k)
            let mean = before / p
            let sd = pointwiseMax(SIMD8(), before2 / p - mean * mean).squareRoot()
            let tailMean = (sum - before) / t
            let shift = pointwiseMin(SIMD8(repeating: styleCap), SIMD8<Float>(magnitude(tailMean - mean) / (sd + floor)))
            out.append((0..<ParagraphStyle.names.count).map { shift[$0] })
            let x = styles[k].measurements
            before += x
            before2 += x * x
        }
        return out
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
