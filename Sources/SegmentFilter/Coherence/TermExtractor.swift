/// Turns a paragraph's ICU words into a weighted term vector.
///
/// Function words are down-weighted by how frequent the word is in the document's language,
/// read from the language model's word table (so "the", "ng", "und" weigh almost nothing and
/// every language with a profile gets a stop-word list for free); words the model has never
/// seen, names and numbers weigh most.
public struct TermExtractor: Sendable {
    let model: LanguageModel
    private let languageIndex: [String: Int]
    static let stemLength = 6

    public init(model: LanguageModel) {
        self.model = model
        var idx: [String: Int] = [:]
        for (i, l) in model.languages.enumerated() { idx[l.code] = i }
        languageIndex = idx
    }

    /// The information weight of a word (by its hash) in a language: 0.05 for the most frequent
    /// function words up to 1.5 for rare or unseen words.
    func weight(wordHash: UInt64, language: Int?) -> Float {
        guard let language else { return 1 }
        let floor = model.floor(language: language, order: model.maxOrder)
        var lp = floor
        if let (start, count) = model.lookup(wordHash) {
            for k in start..<(start + count) {
                let p = model.postings[k]
                if Int(p & 0xFF) == language { lp = floor + Float(p >> 8) * model.step; break }
            }
        }
        return min(1.5, max(0.05, (-lp - 5) / 5))
    }

    /// The term vector of `text` (a paragraph's UTF-8 bytes) from its ICU `words`, weighted for
    /// the document language `language` (an ISO code, or `und` for uniform weights).
    public func vector(_ text: UnsafeBufferPointer<UInt8>, words: [Word], language: String) -> TermVector {
        let lang = languageIndex[language]
        var v = TermVector()
        var cache: [UInt64: Float] = [:]
        for w in words {
            let bytes = UnsafeBufferPointer(rebasing: text[w.range])
            switch w.kind {
            case .number:
                var h = (FeatureExtractor.fnvOffset ^ 0x02) &* FeatureExtractor.fnvPrime
                for b in bytes { h = (h ^ UInt64(b)) &* FeatureExtractor.fnvPrime }
                v.add(h, 1)
            case .letters, .kana, .ideographs:
                // The word's hash as the language model computes it: lower-case letters only.
                var h = (FeatureExtractor.fnvOffset ^ 0x01) &* FeatureExtractor.fnvPrime
                var letters: [UInt32] = []
                let s = String(decoding: bytes, as: UTF8.self)
                for scalar in s.unicodeScalars {
                    let v = scalar.value
                    let l: UInt32 = v < 0x10000 ? UInt32(model.caseTable[Int(v)]) : v
                    if l != 0 { h = FeatureExtractor.mix(h, l); letters.append(l) }
                }
                if letters.isEmpty { continue }
                let spaceless = w.kind != .letters || isSpaceless(letters[0])
                if spaceless {
                    // Character bigrams, so related text shares terms however it is segmented.
                    if letters.count == 1 {
                        v.add(h, 1)
                    }
                    for i in 0..<max(0, letters.count - 1) {
                        var b = (FeatureExtractor.fnvOffset ^ 0x03) &* FeatureExtractor.fnvPrime
                        b = FeatureExtractor.mix(b, letters[i])
                        b = FeatureExtractor.mix(b, letters[i + 1])
                        v.add(b, 1)
                    }
                } else {
                    let weight: Float
                    if let c = cache[h] { weight = c } else { weight = self.weight(wordHash: h, language: lang); cache[h] = weight }
                    // The term is the word's first `stemLength` letters: a language-blind stem
                    // that lets "keyring" and "keyrings", "install" and "installation" meet.
                    var term = h
                    if letters.count > TermExtractor.stemLength {
                        term = (FeatureExtractor.fnvOffset ^ 0x04) &* FeatureExtractor.fnvPrime
                        for l in letters.prefix(TermExtractor.stemLength) { term = FeatureExtractor.mix(term, l) }
                    }
                    v.add(term, weight)
                }
            }
        }
        v.finish()
        return v
    }

    /// Scripts written without spaces between words: Thai, Lao, Khmer, Myanmar (ICU reports
    /// their dictionary words as letters), besides Han and kana.
    private func isSpaceless(_ scalar: UInt32) -> Bool {
        (0x0E00...0x0EFF).contains(scalar) || (0x1000...0x109F).contains(scalar) || (0x1780...0x17FF).contains(scalar)
    }
}
