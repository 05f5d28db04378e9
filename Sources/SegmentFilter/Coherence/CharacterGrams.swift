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

        /// Reads the paragraphs `from..<samples.count` (UTF-8) of `characters` code points each
        /// (an upper bound will do: it sizes the table); `caseTable` is the language model's
        /// (lower-case letter or 0 per BMP code point). `scratch` holds the gram table between
        /// documents (one per worker).
        init(_ samples: [UnsafeBufferPointer<UInt8>], characters: [Int], from: Int, caseTable: UnsafePointer<UInt16>,
             scratch: GramTable = GramTable()) {
            // The table keeps paragraph numbers in a byte.
            let from = max(from, samples.count - 255)
            self.from = from
            n = samples.count
            let m = n - from
            guard m > 0 else { return }
            var budget = 0   // code points read, an upper bound on the distinct grams
            for c in characters[from...] { budget += min(c, Self.paragraphLimit) }
            var table = scratch.begin(grams: budget)
            distinct = [Int32](filled: 0, count: m)
            usedEarlier = distinct
            for (j, sample) in samples[from...].enumerated() {
                table.paragraph = UInt64(j)
                (table.distinct, table.usedEarlier) = (0, 0)
                Self.forEachGram(sample, caseTable: caseTable, into: &table)
                distinct[j] = table.distinct
                usedEarlier[j] = table.usedEarlier
            }
            // A gram is in the tail of cut k when its last paragraph is at or after k, and
            // shared when its first is also before k. Each time a gram recurs in a later
            // paragraph its last paragraph moves on: the counts follow from how many grams each
            // paragraph has and passes on, without visiting the grams again.
            var lastAt = [Int32](filled: 0, count: m + 1), sharedDelta = lastAt
            for k in 0..<m {
                let moved = table.movedOn(from: k)
                lastAt[k] = distinct[k] &- moved
                sharedDelta[k + 1] = moved &- usedEarlier[k]
            }
            tail = [Int32](filled: 0, count: m + 1)
            shared = tail
            var t: Int32 = 0
            for k in stride(from: m - 1, through: 0, by: -1) { t &+= lastAt[k]; tail[k] = t }
            var s: Int32 = 0
            for k in 0...m { s &+= sharedDelta[k]; shared[k] = s }
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

        /// Adds a hash of every run of four code points of the normalised text to `table`
        /// (invalid UTF-8 ends the reading, as it ends language identification's).
        @inline(__always)
        static func forEachGram(_ bytes: UnsafeBufferPointer<UInt8>, caseTable: UnsafePointer<UInt16>, into table: inout GramTable.Document) {
            let bytes = UnsafeBufferPointer(rebasing: bytes[0..<codePointPrefix(bytes, paragraphLimit)])
            // The three code points before, packed 21 bits each (63 bits), and how many there are.
            var window: UInt64 = 0
            var have = 0
            var pendingSpace = false
            _ = decodeUTF8(bytes) { v in
                let x: UInt32
                if let l = FeatureExtractor.letter(v, caseTable: caseTable) {
                    x = l
                } else if v == 0x20 || (v >= 0x09 && v <= 0x0D) || (v >= 0x80 && isUnicodeSpace(v)) {
                    // Runs of whitespace are one space, and only between other characters.
                    pendingSpace = have > 0
                    return
                } else {
                    x = v
                }
                if pendingSpace {
                    pendingSpace = false
                    if have >= 3 { table.add(hash(window, 0x20)) } else { have &+= 1 }
                    window = (window << 21 | 0x20) & 0x7FFF_FFFF_FFFF_FFFF
                }
                if have >= 3 { table.add(hash(window, x)) } else { have &+= 1 }
                window = (window << 21 | UInt64(x)) & 0x7FFF_FFFF_FFFF_FFFF
            }
        }

        /// The length of the bytes of `bytes`' first `limit` code points: the bytes before the
        /// lead byte of the code point after them. (Where the UTF-8 is invalid the decoding
        /// stops at the first bad byte, before any code point this miscounts.)
        static func codePointPrefix(_ bytes: UnsafeBufferPointer<UInt8>, _ limit: Int) -> Int {
            // No more code points than bytes.
            if bytes.count <= limit { return bytes.count }
            var leads = 0
            for (i, b) in bytes.enumerated() where b & 0xC0 != 0x80 {
                if leads == limit { return i }
                leads &+= 1
            }
            return bytes.count
        }

        /// The hash of three packed code points and a fourth.
        @inline(__always)
        static func hash(_ three: UInt64, _ d: UInt32) -> UInt64 {
            let h = (three ^ UInt64(d) &* 0x9E37_79B9_7F4A_7C15) &* 0xC2B2_AE3D_27D4_EB4F
            return h ^ (h >> 29)
        }
    }

    /// Each gram's first and last paragraph, in an open-addressing table kept from one
    /// document to the next. A slot is one word: the gram hash's top 40 bits, the document's
    /// stamp (a byte, never 0), then the first and the last paragraph relative to the window
    /// (at most `maxTail + 2 × cohesionWindow`, so a byte each). A slot stamped by an earlier
    /// document reads as free, so nothing is cleared between documents but once every 255 of
    /// them (clearing the part a document used, at every document, was 2% of the filter's
    /// instructions, and evicted the L1 cache it had just filled). Eight bytes a slot keep a
    /// typical document's table in the L1 cache. Not thread-safe.
    final class GramTable {
        private var slots: UnsafeMutablePointer<UInt64>
        /// Per paragraph of the window, how many grams recurred in a later one.
        private let moved: UnsafeMutablePointer<Int32>
        private var capacity = 1024
        /// The stamp of the document being read (1...255).
        private var stamp: UInt64 = 0

        init() {
            slots = .allocate(capacity: capacity)
            slots.initialize(repeating: 0, count: capacity)
            moved = .allocate(capacity: 256)
        }

        deinit {
            slots.deallocate()
            moved.deallocate()
        }

        /// The table for one document of at most `grams` distinct grams (kept at most half
        /// full). It is sized for this document, not the largest one seen, so that a small
        /// document's grams stay within a few cache lines' reach. The loop works on the
        /// returned value's pointers, not on this object's properties.
        func begin(grams: Int) -> Document {
            var size = 1024
            while size < 2 * grams { size *= 2 }
            if size > capacity {
                slots.deallocate()
                slots = .allocate(capacity: size)
                slots.initialize(repeating: 0, count: size)
                capacity = size
                stamp = 0
            }
            if stamp == 0xFF {
                // Every stamp has been used: the slots of 255 documents ago would read as this one's.
                slots.update(repeating: 0, count: capacity)
                stamp = 0
            }
            stamp &+= 1
            moved.initialize(repeating: 0, count: 256)
            return Document(slots: slots, moved: moved, mask: size - 1, stamp: stamp)
        }

        struct Document {
            let slots: UnsafeMutablePointer<UInt64>
            let moved: UnsafeMutablePointer<Int32>
            let mask: Int
            /// The document's stamp, in its place in a slot (bits 16-23).
            let stamp: UInt64
            /// The paragraph being read (paragraphs are read in order, at most 255 of them),
            /// its distinct grams so far, and how many of those an earlier paragraph used.
            var paragraph: UInt64 = 0
            var distinct: Int32 = 0
            var usedEarlier: Int32 = 0

            init(slots: UnsafeMutablePointer<UInt64>, moved: UnsafeMutablePointer<Int32>, mask: Int, stamp: UInt64) {
                (self.slots, self.moved, self.mask, self.stamp) = (slots, moved, mask, stamp << 16)
            }

            /// Records `gram` (a hash) in `paragraph`.
            @inline(__always)
            mutating func add(_ gram: UInt64) {
                let key = gram & ~0xFF_FFFF | stamp
                var i = Int(truncatingIfNeeded: gram >> 40) & mask
                while true {
                    let slot = slots[i]
                    if slot & ~0xFFFF == key {
                        if slot & 0xFF == paragraph { return }
                        moved[Int(slot & 0xFF)] &+= 1
                        slots[i] = slot & ~0xFF | paragraph
                        distinct &+= 1
                        usedEarlier &+= 1
                        return
                    }
                    // Free: never used, or used by an earlier document.
                    if slot & 0xFF_0000 != stamp {
                        slots[i] = key | paragraph << 8 | paragraph
                        distinct &+= 1
                        return
                    }
                    i = (i &+ 1) & mask
                }
            }

            /// How many grams last seen in paragraph `k` recurred in a later paragraph.
            func movedOn(from k: Int) -> Int32 { moved[k] }
        }
    }
}

/// White_Space above ASCII (U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F,
/// U+205F, U+3000): a comparison chain instead of a property lookup per character.
@inline(__always)
func isUnicodeSpace(_ v: UInt32) -> Bool {
    switch v {
    case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
    default: return false
    }
}
