import ICUShim

/// Turns a paragraph's ICU words into a weighted term vector.
///
/// Function words are down-weighted by how frequent the word is in the document's language,
/// read from the language model's word table (so "the", "ng", "und" weigh almost nothing and
/// every language with a profile gets a stop-word list for free); words the model has never
/// seen, names and numbers weigh most.
public struct TermExtractor: Sendable {
    let model: LanguageModel
    private let languageIndex: [String: Int]
    /// Arabic's number in the model: its clitics are stripped only in Arabic documents (Persian
    /// and Urdu, in the same letters, write them as words of their own).
    private let arabic: Int?
    static let stemLength = 6

    public init(model: LanguageModel) {
        self.model = model
        var idx: [String: Int] = [:]
        for (i, l) in model.languages.enumerated() { idx[l.code] = i }
        languageIndex = idx
        arabic = idx["ar"]
    }

    /// The information weight of a word (by its hash) in a language: 0.05 for the most frequent
    /// function words up to 1.5 for rare or unseen words.
    func weight(wordHash: UInt64, language: Int?) -> Float {
        guard let language else { return 1 }
        return weight(entry: model.entry(wordHash), language: language)
    }

    /// `weight` given the word's table entry (`LanguageModel.entry`).
    @inline(__always)
    func weight(entry: UInt32, language: Int) -> Float {
        let floor = model.floor(language: language, order: model.maxOrder)
        var lp = floor
        let q = model.weight(entry: entry, language: language)
        if q != 0 { lp = floor + Float(q) * model.step }
        return min(1.5, max(0.05, (-lp - 5) / 5))
    }

    /// Per-worker memory of `vector`: word weights already looked up (a weight depends only on
    /// the word and the language, so the cache is exact) and a letter buffer. Not thread-safe.
    final class Scratch {
        static let slotBits = 14
        /// A remembered weight: the word, the language (-1 for an empty slot) and the weight, in
        /// one 16-byte slot so that a probe touches one cache line.
        struct Slot {
            var hash: UInt64
            var language: Int32
            var weight: Float
        }
        let slots: UnsafeMutablePointer<Slot>
        private(set) var letters: UnsafeMutablePointer<UInt32>
        private(set) var capacity = 256
        /// The terms of a paragraph in order, with their weights, or for a word whose weight
        /// is not known yet (`pending`), its hash and then its table entry.
        private(set) var terms: UnsafeMutablePointer<UInt64>
        private(set) var termWeights: UnsafeMutablePointer<Float>
        private(set) var wordHashes: UnsafeMutablePointer<UInt64>
        private(set) var entries: UnsafeMutablePointer<UInt32>
        private(set) var pending: UnsafeMutablePointer<Bool>
        private(set) var termCapacity = 256

        init() {
            let n = 1 << Scratch.slotBits
            slots = .allocate(capacity: n)
            slots.initialize(repeating: Slot(hash: 0, language: -1, weight: 0), count: n)
            letters = .allocate(capacity: capacity)
            terms = .allocate(capacity: termCapacity)
            termWeights = .allocate(capacity: termCapacity)
            wordHashes = .allocate(capacity: termCapacity)
            entries = .allocate(capacity: termCapacity)
            pending = .allocate(capacity: termCapacity)
        }

        deinit {
            slots.deallocate()
            letters.deallocate()
            terms.deallocate()
            termWeights.deallocate()
            wordHashes.deallocate()
            entries.deallocate()
            pending.deallocate()
        }

        func reserve(_ n: Int) {
            if n > capacity {
                letters.deallocate()
                capacity = max(n, 2 * capacity)
                letters = .allocate(capacity: capacity)
            }
        }

        func reserveTerms(_ n: Int) {
            if n > termCapacity {
                terms.deallocate()
                termWeights.deallocate()
                wordHashes.deallocate()
                entries.deallocate()
                pending.deallocate()
                termCapacity = max(n, 2 * termCapacity)
                terms = .allocate(capacity: termCapacity)
                termWeights = .allocate(capacity: termCapacity)
                wordHashes = .allocate(capacity: termCapacity)
                entries = .allocate(capacity: termCapacity)
                pending = .allocate(capacity: termCapacity)
            }
        }
    }

    @inline(__always)
    static func cacheSlot(_ wordHash: UInt64) -> Int {
        Int(truncatingIfNeeded: (wordHash &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - Scratch.slotBits))
    }

    /// The term vector of `text` (a paragraph's UTF-8 bytes) from its ICU `words`, weighted for
    /// the document language `language` (an ISO code, or `und` for uniform weights).
    public func vector(_ text: UnsafeBufferPointer<UInt8>, words: [Word], language: String) -> TermVector {
        vector(text, words: words, language: self.language(language), scratch: Scratch())
    }

    /// The model's number for the language `code`, as `vector` takes it (nil: uniform weights).
    /// Looked up once per document rather than once per paragraph.
    func language(_ code: String) -> Int? { languageIndex[code] }

    func vector(_ text: UnsafeBufferPointer<UInt8>, words: [Word], language lang: Int?, scratch: Scratch) -> TermVector {
        var v = TermVector()
        scratch.reserve(text.count)
        scratch.reserveTerms(text.count + words.count + 1)
        let letters = scratch.letters
        // Pass 1 lists the terms in order; a word weight not in the cache is left pending and
        // its table slot prefetched. Pass 2 reads the pending words' table entries (prefetching
        // their postings), pass 3 their weights, and the terms are added in their order.
        let terms = scratch.terms, termWeights = scratch.termWeights, pending = scratch.pending
        let wordHashes = scratch.wordHashes, entries = scratch.entries
        let table = model.table, mask = model.slotMask
        var n = 0
        var pendingCount = 0
        @inline(__always) func add(_ term: UInt64, _ weight: Float) {
            terms[n] = term
            termWeights[n] = weight
            pending[n] = false
            n &+= 1
        }
        let caseTable = model.caseTable
        for w in words {
            let bytes = UnsafeBufferPointer(rebasing: text[w.range])
            switch w.kind {
            case .number:
                var h = (FeatureExtractor.fnvOffset ^ 0x02) &* FeatureExtractor.fnvPrime
                for b in bytes { h = (h ^ UInt64(b)) &* FeatureExtractor.fnvPrime }
                add(h, 1)
            case .letters, .kana, .ideographs:
                // The word's hash as the language model computes it: lower-case letters only.
                var h = (FeatureExtractor.fnvOffset ^ 0x01) &* FeatureExtractor.fnvPrime
                var count = 0
                @inline(__always) func letter(_ scalar: UInt32) {
                    let l: UInt32 = scalar < 0x10000 ? UInt32(caseTable[Int(scalar)]) : scalar
                    if l != 0 { h = FeatureExtractor.mix(h, l); letters[count] = l; count &+= 1 }
                }
                if !decodeUTF8(bytes, letter) {
                    // Not valid UTF-8: as the repairing String decoding reads it.
                    h = (FeatureExtractor.fnvOffset ^ 0x01) &* FeatureExtractor.fnvPrime
                    count = 0
                    // (No more code points than bytes, so `letters` has room.)
                    let s = String(decoding: bytes, as: UTF8.self)
                    for scalar in s.unicodeScalars { letter(scalar.value) }
                }
                if count == 0 { continue }
                let spaceless = w.kind != .letters || isSpaceless(letters[0])
                if spaceless {
                    // Character bigrams, so related text shares terms however it is segmented.
                    if count == 1 {
                        add(h, 1)
                    }
                    for i in 0..<max(0, count - 1) {
                        var b = (FeatureExtractor.fnvOffset ^ 0x03) &* FeatureExtractor.fnvPrime
                        b = FeatureExtractor.mix(b, letters[i])
                        b = FeatureExtractor.mix(b, letters[i + 1])
                        add(b, 1)
                    }
                } else {
                    // The term is the word's first `stemLength` letters: a language-blind stem
                    // that lets "keyring" and "keyrings", "install" and "installation" meet;
                    // in Hebrew and Arabic, after the one-letter words written onto the next
                    // one ("and", "the", "in", "to": הפסטיבל is ה + פסטיבל).
                    let start = TermExtractor.cliticLength(letters, count, arabic: lang != nil && lang == arabic)
                    @inline(__always) func hash(_ tag: UInt64, _ range: Range<Int>) -> UInt64 {
                        var t = (FeatureExtractor.fnvOffset ^ tag) &* FeatureExtractor.fnvPrime
                        for i in range { t = FeatureExtractor.mix(t, letters[i]) }
                        return t
                    }
                    // A short remainder hashes as the bare word does (`h`); a long one, as a stem.
                    let term = count - start > TermExtractor.stemLength ? hash(0x04, start..<(start + TermExtractor.stemLength))
                        : start > 0 ? hash(0x01, start..<count) : h
                    guard lang != nil else {
                        add(term, 1)
                        continue
                    }
                    terms[n] = term
                    wordHashes[n] = h
                    pending[n] = true
                    sf_prefetch(scratch.slots + TermExtractor.cacheSlot(h))
                    n &+= 1
                    pendingCount &+= 1
                }
            }
        }
        if pendingCount > 0, let lang {
            // The weights in the cache; the table slots of the others prefetched.
            for i in 0..<n where pending[i] {
                let h = wordHashes[i]
                let cached = scratch.slots[TermExtractor.cacheSlot(h)]
                if cached.language == Int32(lang) && cached.hash == h {
                    termWeights[i] = cached.weight
                    pending[i] = false
                } else {
                    sf_prefetch(table + Int(h & mask) &* 2)
                }
            }
            let postings = model.postings
            for i in 0..<n where pending[i] {
                let e = model.entry(wordHashes[i])
                entries[i] = e
                // A dense block's weight for the language is `lang` into it.
                // (A single posting is in the entry.)
                if e & 0xFF > 1 { sf_prefetch(postings + Int(e >> 8) + (Int(e & 0xFF) >= model.denseMinimum ? lang / 2 : 0)) }
            }
            for i in 0..<n where pending[i] {
                let w = weight(entry: entries[i], language: lang)
                termWeights[i] = w
                let h = wordHashes[i]
                let slot = TermExtractor.cacheSlot(h)
                scratch.slots[slot] = Scratch.Slot(hash: h, language: Int32(lang), weight: w)
            }
        }
        v.add(terms, termWeights, count: n)
        v.finish()
        return v
    }

    /// How many leading letters of a Hebrew word (or, with `arabic`, an Arabic one) are
    /// prefixed particles: every leading letter that can be one (Hebrew ו ה ב ל מ ש כ; Arabic
    /// و ف ب ك ل and the article's ا), down to three letters. Stripping all of them, not a
    /// guess at where the prefixes end, is what keeps it consistent: a prefixed form and the
    /// bare word always reduce to the same letters (והממשלה, הממשלה and ממשלה all to שלה),
    /// at the price of merging a few unrelated words.
    @inline(__always)
    static func cliticLength(_ letters: UnsafeMutablePointer<UInt32>, _ count: Int, arabic: Bool) -> Int {
        guard count > 3 else { return 0 }
        let first = letters[0]
        var start = 0
        if (0x05D0...0x05EA).contains(first) {
            while count - start > 3 {
                switch letters[start] {
                case 0x05D5, 0x05D4, 0x05D1, 0x05DC, 0x05DE, 0x05E9, 0x05DB: start += 1
                default: return start
                }
            }
        } else if arabic && (0x0621...0x064A).contains(first) {
            while count - start > 3 {
                switch letters[start] {
                case 0x0648, 0x0641, 0x0628, 0x0643, 0x0644, 0x0627: start += 1
                default: return start
                }
            }
        }
        return start
    }

    /// Scripts written without spaces between words: Thai, Lao, Khmer, Myanmar (ICU reports
    /// their dictionary words as letters), besides Han and kana.
    private func isSpaceless(_ scalar: UInt32) -> Bool {
        (0x0E00...0x0EFF).contains(scalar) || (0x1000...0x109F).contains(scalar) || (0x1780...0x17FF).contains(scalar)
    }
}
