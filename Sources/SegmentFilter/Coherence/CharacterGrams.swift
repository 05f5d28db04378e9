extension Coherence {
    /// Reuse of character 4-grams across a document's last paragraphs: the share of a tail's
    /// distinct 4-grams that the primary content also has.
    ///
    /// Words miss what characters catch: inflected and compounded forms ("Druckers",
    /// "nyomtatóját"), stems longer than the term stem, scripts written without spaces,
    /// product names spelled with digits and punctuation. A paragraph that goes on with its
    /// document reuses its character sequences, one from another source brings its own
    /// (lower-cased letters, whitespace runs as one space, everything else as written).
    public struct CharacterGrams: Sendable {
        /// The gram reading of each paragraph stops after this many code points: enough to know
        /// which sequences it uses, and a bound on the table for huge paragraphs.
        static let paragraphLimit = 4096
        /// The first paragraph read: the cuts' primary content reaches back this far before
        /// the first candidate cut, as the cohesion window does, so the work stays bounded.
        let from: Int
        let n: Int
        /// Per paragraph `from..<n`: its distinct grams, and how many of them an earlier
        /// paragraph (from `from`) used.
        var distinct: [Int32] = []
        var usedEarlier: [Int32] = []
        /// Per cut `k` in `from...n`: distinct grams of the paragraphs `k..<n`, and of those the
        /// ones also in `from..<k`.
        var tail: [Int32] = []
        var shared: [Int32] = []

        /// No grams: every share reads as 0.
        public init() { from = 0; n = 0 }

        /// Reads the paragraphs `from..<samples.count` (UTF-8); `caseTable` is the language
        /// model's (lower-case letter or 0 per BMP code point).
        init(_ samples: [UnsafeBufferPointer<UInt8>], from: Int, caseTable: UnsafePointer<UInt16>) {
            self.from = from
            n = samples.count
            let m = n - from
            guard m > 0 else { return }
            var size = 64
            var budget = 0
            for s in samples[from...] { budget += min(s.count, Self.paragraphLimit) }
            while size < 2 * budget { size *= 2 }
            var table = GramTable(size: size)
            distinct = [Int32](repeating: 0, count: m)
            usedEarlier = distinct
            for (j, sample) in samples[from...].enumerated() {
                var d: Int32 = 0, e: Int32 = 0
                Self.forEachGram(sample, caseTable: caseTable) { gram in
                    switch table.visit(gram, paragraph: Int32(j)) {
                    case .new: d += 1
                    case .seenBefore: d += 1; e += 1
                    case .repeated: break
                    }
                }
                distinct[j] = d
                usedEarlier[j] = e
            }
            // A gram is in the tail of cut k when its last paragraph is at or after k, and
            // shared when its first is also before k.
            var lastAt = [Int32](repeating: 0, count: m + 1), sharedDelta = lastAt
            table.forEach { first, last in
                lastAt[Int(last)] += 1
                sharedDelta[Int(first) + 1] += 1
                sharedDelta[Int(last) + 1] -= 1
            }
            tail = [Int32](repeating: 0, count: m + 1)
            shared = tail
            var t: Int32 = 0
            for k in stride(from: m - 1, through: 0, by: -1) { t += lastAt[k]; tail[k] = t }
            var s: Int32 = 0
            for k in 0...m { s += sharedDelta[k]; shared[k] = s }
        }

        /// For the cut before paragraph `k` (`from < k < n`): the share of the tail's distinct
        /// grams the primary content (from `from`) also has, and the same share of the last
        /// primary paragraph against the paragraphs before it, which measures how much this
        /// document's paragraphs usually share.
        func shares(cut k: Int) -> (seen: Float, primarySeen: Float) {
            guard k > from, k < n else { return (0, 0) }
            let i = k - from
            let seen = tail[i] > 0 ? Float(shared[i]) / Float(tail[i]) : 0
            let last = i - 1
            let own = last > 0 && distinct[last] > 0 ? Float(usedEarlier[last]) / Float(distinct[last]) : 0
            return (seen, own)
        }

        /// Calls `body` with a hash of every run of four code points of the normalised text.
        static func forEachGram(_ bytes: UnsafeBufferPointer<UInt8>, caseTable: UnsafePointer<UInt16>, _ body: (UInt64) -> Void) {
            var a: UInt32 = 0, b: UInt32 = 0, c: UInt32 = 0   // the three code points before
            var have = 0, read = 0
            var pendingSpace = false
            @inline(__always) func emit(_ d: UInt32) {
                if have >= 3 {
                    let hi = (UInt64(a) << 21 | UInt64(b)) &* 0x9E37_79B9_7F4A_7C15
                    let lo = (UInt64(c) << 21 | UInt64(d)) &* 0xC2B2_AE3D_27D4_EB4F
                    let h = (hi ^ (lo >> 29) ^ (lo << 35)) | 1
                    body(h)
                } else {
                    have += 1
                }
                a = b; b = c; c = d
            }
            _ = decodeUTF8(bytes) { v in
                guard read < paragraphLimit else { return }
                read &+= 1
                var x = v
                if v < 0x10000 {
                    let l = caseTable[Int(v)]
                    if l != 0 {
                        x = UInt32(l)
                    } else if v == 0x20 || (v >= 0x09 && v <= 0x0D) || (v >= 0x80 && (Unicode.Scalar(v)?.properties.isWhitespace ?? false)) {
                        // Runs of whitespace are one space, and only between other characters.
                        pendingSpace = have > 0
                        return
                    }
                } else if let l = FeatureExtractor.letterOutsideBMP(Unicode.Scalar(v) ?? " ") {
                    x = l
                }
                if pendingSpace {
                    pendingSpace = false
                    emit(0x20)
                }
                emit(x)
            }
        }
    }

    /// Each gram's first and last paragraph, in an open-addressing table (0 marks a free slot;
    /// gram hashes are odd).
    struct GramTable {
        enum Visit { case new, seenBefore, repeated }
        private var keys: [UInt64]
        private var first: [Int32]
        private var last: [Int32]
        private let mask: Int

        init(size: Int) {
            keys = [UInt64](repeating: 0, count: size)
            first = [Int32](repeating: 0, count: size)
            last = first
            mask = size - 1
        }

        /// Records `gram` in `paragraph` (paragraphs visited in order): whether the gram is new,
        /// was used by an earlier paragraph, or already by this one.
        @inline(__always)
        mutating func visit(_ gram: UInt64, paragraph: Int32) -> Visit {
            var i = Int(truncatingIfNeeded: gram >> 40) & mask
            while true {
                let key = keys[i]
                if key == gram {
                    if last[i] == paragraph { return .repeated }
                    last[i] = paragraph
                    return .seenBefore
                }
                if key == 0 {
                    keys[i] = gram
                    first[i] = paragraph
                    last[i] = paragraph
                    return .new
                }
                i = (i &+ 1) & mask
            }
        }

        func forEach(_ body: (_ first: Int32, _ last: Int32) -> Void) {
            for i in keys.indices where keys[i] != 0 { body(first[i], last[i]) }
        }
    }
}
