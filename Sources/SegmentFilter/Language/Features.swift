/// Feature extraction for the language model. `tools/langdata/features.py` implements the same
/// definition for training; `Tests/SegmentFilterTests/LanguageFeatureTests.swift` pins both to
/// the same hashes.
///
/// 1. Letters are code points of general category L or M, lower-cased by the model's case
///    table (simple mappings, final sigma folded to sigma); everything else separates tokens.
/// 2. Each token is padded with one space on each side; its character n-grams of order
///    1...maxOrder are features (a lone pad is not).
/// 3. A token of at most `maxWordLength` letters is also a word feature.
/// 4. A feature's hash is FNV-1a (64 bit) over its UTF-8 bytes; word features start with byte 0x01.
/// Receives features from `FeatureExtractor`; a protocol rather than a closure so that the
/// scorer's inner loop is specialised and inlined.
protocol FeatureSink {
    /// Called before a token's features. Returning true skips them (the sink knows the token's
    /// contribution already); `endToken` follows either way.
    mutating func beginToken(length: Int, wordHash: UInt64) -> Bool
    mutating func feature(_ hash: UInt64, order: Int)
    mutating func endToken()
    /// Checked after every token: true stops the extraction (the sink has seen enough).
    var finished: Bool { get }
}

extension FeatureSink {
    mutating func beginToken(length: Int, wordHash: UInt64) -> Bool { false }
    mutating func endToken() {}
    var finished: Bool { false }
}

struct FeatureExtractor {
    static let maxWordLength = 24
    static let fnvOffset: UInt64 = 0xcbf2_9ce4_8422_2325
    static let fnvPrime: UInt64 = 0x0000_0100_0000_01b3

    let model: LanguageModel
    private var token: [UInt32] = []

    init(model: LanguageModel) {
        self.model = model
        token.reserveCapacity(64)
    }

    /// The lower-case form of a letter, or nil for a separator.
    @inline(__always)
    func letter(_ scalar: Unicode.Scalar) -> UInt32? { FeatureExtractor.letter(scalar.value, caseTable: model.caseTable) }

    /// The lower-case form of code point `v` if it is a letter, or nil, by a model's case table
    /// (what language identification, the style measurements and the character grams all
    /// call a letter).
    @inline(__always)
    static func letter(_ v: UInt32, caseTable: UnsafePointer<UInt16>) -> UInt32? {
        if v < 0x10000 {
            let l = caseTable[Int(v)]
            return l == 0 ? nil : UInt32(l)
        }
        return letterOutsideBMP(Unicode.Scalar(v) ?? " ")
    }

    /// `letter` for a code point the case table does not cover.
    static func letterOutsideBMP(_ scalar: Unicode.Scalar) -> UInt32? {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark:
            return scalar.properties.lowercaseMapping.unicodeScalars.first?.value ?? scalar.value
        default:
            return nil
        }
    }

    @inline(__always)
    static func mix(_ h: UInt64, _ scalar: UInt32) -> UInt64 {
        var h = h
        if scalar < 0x80 {
            h = (h ^ UInt64(scalar)) &* fnvPrime
        } else if scalar < 0x800 {
            h = (h ^ UInt64(0xC0 | (scalar >> 6))) &* fnvPrime
            h = (h ^ UInt64(0x80 | (scalar & 0x3F))) &* fnvPrime
        } else if scalar < 0x10000 {
            h = (h ^ UInt64(0xE0 | (scalar >> 12))) &* fnvPrime
            h = (h ^ UInt64(0x80 | ((scalar >> 6) & 0x3F))) &* fnvPrime
            h = (h ^ UInt64(0x80 | (scalar & 0x3F))) &* fnvPrime
        } else {
            h = (h ^ UInt64(0xF0 | (scalar >> 18))) &* fnvPrime
            h = (h ^ UInt64(0x80 | ((scalar >> 12) & 0x3F))) &* fnvPrime
            h = (h ^ UInt64(0x80 | ((scalar >> 6) & 0x3F))) &* fnvPrime
            h = (h ^ UInt64(0x80 | (scalar & 0x3F))) &* fnvPrime
        }
        return h
    }

    /// Calls `body(hash, order)` for every feature of `text`; `order` is n - 1 for an n-gram
    /// and `model.maxOrder` for a word.
    mutating func forEachFeature(in text: Substring.UnicodeScalarView, _ body: (UInt64, Int) -> Void) {
        struct Closure: FeatureSink {
            let body: (UInt64, Int) -> Void
            func feature(_ hash: UInt64, order: Int) { body(hash, order) }
        }
        withoutActuallyEscaping(body) { body in
            var sink = Closure(body: body)
            forEachFeature(in: text, into: &sink)
        }
    }

    mutating func forEachFeature<Sink: FeatureSink>(in text: Substring.UnicodeScalarView, into sink: inout Sink) {
        token.removeAll(keepingCapacity: true)
        for scalar in text {
            if let l = letter(scalar) {
                token.append(l)
            } else if !token.isEmpty {
                emit(&sink)
                token.removeAll(keepingCapacity: true)
                if sink.finished { return }
            }
        }
        if !token.isEmpty { emit(&sink) }
    }

    @inline(__always)
    private func emit<Sink: FeatureSink>(_ sink: inout Sink) {
        let maxOrder = model.maxOrder
        let m = token.count
        token.withUnsafeBufferPointer { t in
            var wordHash: UInt64 = 0
            if m <= FeatureExtractor.maxWordLength {
                wordHash = (FeatureExtractor.fnvOffset ^ 0x01) &* FeatureExtractor.fnvPrime
                for s in t { wordHash = FeatureExtractor.mix(wordHash, s) }
            }
            defer { sink.endToken() }
            if sink.beginToken(length: m, wordHash: wordHash) { return }
            // Positions run over the padded token: 0 is the leading space, m + 1 the trailing one.
            @inline(__always) func at(_ i: Int) -> UInt32 { i == 0 || i == m + 1 ? 0x20 : t[i - 1] }
            for i in 0...(m + 1) {
                var h = FeatureExtractor.fnvOffset
                let limit = min(maxOrder, m + 2 - i)
                var n = 1
                while n <= limit {
                    h = FeatureExtractor.mix(h, at(i + n - 1))
                    if !(n == 1 && (i == 0 || i == m + 1)) { sink.feature(h, order: n - 1) }
                    n += 1
                }
            }
            if m <= FeatureExtractor.maxWordLength { sink.feature(wordHash, order: maxOrder) }
        }
    }
}
