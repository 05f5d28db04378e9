/// Lexical cohesion of each paragraph with the rest of its document (TextTiling's block
/// similarity reduced to what a tail decision needs), and for each candidate cut the register
/// comparisons beside it: character 4-gram reuse (``CharacterGrams``) and style shift
/// (``ParagraphStyle``).
public enum Coherence {
    /// How many trailing paragraphs can start appended material: the cut search and the
    /// cut-dependent similarities below are limited to them, which keeps the work linear in
    /// the document's length.
    public static let maxTail = 24

    /// How well each paragraph belongs with the document.
    public struct Scores: Sendable {
        /// Cosine similarity to the sum of all other paragraphs (leave-one-out centroid), 0...1.
        public var withRest: [Float]
        /// Cosine similarity to the sum of the paragraphs before it; for the first paragraph,
        /// `withRest`.
        public var withPreceding: [Float]
        /// For a cut before paragraph `k` (one of the last `maxTail`): each tail paragraph's
        /// similarity to the primary content the cut leaves, `atCut[k - firstCut][i - k]`.
        public var atCut: [[Float]]
        /// The first paragraph index `atCut` and `cuts` cover.
        public var firstCut: Int
        /// For a cut before paragraph `k` (one of the last `maxTail`): the two blocks it makes,
        /// compared, `cuts[k - firstCut]`.
        public var cuts: [CutBlocks]

        /// The block comparison of the cut before paragraph `k`, if `k` is a candidate cut.
        public func blocks(cut k: Int) -> CutBlocks? {
            k >= firstCut && k - firstCut < cuts.count ? cuts[k - firstCut] : nil
        }

        /// Similarity of paragraph `i` to the paragraphs before cut `k` (k ≤ i).
        public func similarity(_ i: Int, cut k: Int) -> Float {
            k >= firstCut && k - firstCut < atCut.count ? atCut[k - firstCut][i - k] : withPreceding[i]
        }
    }

    /// TextTiling's view of a gap: the primary block before a candidate cut and the tail
    /// after it, each compared with the other and with itself. An appended tail from another
    /// source shares little vocabulary with the primary content *relative to how much the
    /// primary paragraphs share among themselves*, and its own paragraphs (a bio, a second
    /// article) hang together.
    public struct CutBlocks: Sendable, Equatable {
        /// Cosine similarity of the summed primary paragraphs and the summed tail paragraphs.
        public var across: Float
        /// Mean leave-one-out similarity of the last `cohesionWindow` primary paragraphs to the
        /// rest of the primary content (0 with one primary paragraph).
        public var primaryCohesion: Float
        /// Mean leave-one-out similarity of the tail's paragraphs to the rest of the tail (0
        /// for a one-paragraph tail).
        public var tailCohesion: Float
        /// The highest similarity of the tail block to one of the last `cohesionWindow`
        /// primary paragraphs: a continuation picks up some nearby paragraph's vocabulary even
        /// where the block as a whole dilutes it.
        public var nearest: Float = 0
        /// The share of the tail's term weight on terms the primary content also uses. Unlike
        /// a cosine it is not diluted by a long primary block: a paragraph that goes on with
        /// the document reuses its words, one from another source brings its own.
        public var seen: Float = 1
        /// The same share for each of the last `cohesionWindow` primary paragraphs against the
        /// rest of the primary content, averaged: how much this document's paragraphs usually
        /// repeat each other, which `seen` is measured against.
        public var primarySeen: Float = 0
        /// The smallest share of any one tail paragraph (paragraphs without terms skipped).
        public var leastSeen: Float = 1
        /// The share of the tail's distinct character 4-grams the primary content also has
        /// (``CharacterGrams``).
        public var gramSeen: Float = 0
        /// The same share for the last primary paragraph against the primary paragraphs before it.
        public var primaryGramSeen: Float = 0
        /// How far the tail's style lies from the primary paragraphs', per measurement of
        /// ``ParagraphStyle`` (in its `values` order), in units of the primary paragraphs'
        /// spread; empty without styles.
        public var styleShift: [Float] = []
    }

    /// How many primary paragraphs before a cut measure the primary content's own cohesion:
    /// a local window, as in TextTiling, so that long documents cost no more per cut.
    public static let cohesionWindow = 8

    /// The first paragraph whose character grams ``CharacterGrams`` reads for a document of
    /// `paragraphs` paragraphs.
    static func gramWindowStart(paragraphs n: Int) -> Int { max(0, n - maxTail - 2 * cohesionWindow) }

    /// Scores the paragraphs' term vectors; `styles` (one per paragraph) and `grams` (read
    /// from `gramWindowStart`) add the register and character comparisons to each cut's
    /// blocks.
    public static func scores(_ vectors: [TermVector], styles: [ParagraphStyle] = [],
                              grams: CharacterGrams = CharacterGrams()) -> Scores {
        let n = vectors.count
        // Running prefix sum with its squared norm kept incrementally, so the pass is linear in
        // the number of terms rather than quadratic in the number of paragraphs.
        var prefix = TermVector()
        // Room for every term at once, rather than growing the sum paragraph by paragraph.
        prefix.reserve(vectors.reduce(0) { $0 + $1.count })
        var prefixNorm2 = [Float](filled: 0, count: n + 1)
        var dotPreceding = [Float](filled: 0, count: n)
        // (Through buffer pointers here and below: indexing the array retained and released
        // each vector's arrays.)
        vectors.withUnsafeBufferPointer { vs in
            for i in 0..<n {
                dotPreceding[i] = vs[i].dot(prefix)
                prefixNorm2[i] = prefix.normSquared
                prefix.accumulate(vs[i])
            }
        }
        prefixNorm2[n] = prefix.normSquared
        // The full prefix is the document's sum, built by the same additions in the same order.
        let total = prefix
        var withRest = [Float](filled: 0, count: n)
        var withPreceding = [Float](filled: 0, count: n)
        var dotTotal = [Float](filled: 0, count: n)
        vectors.withUnsafeBufferPointer { vs in
            for i in 0..<n {
                let vDotTotal = vs[i].dot(total), v2 = vs[i].normSquared
                dotTotal[i] = vDotTotal
                let restNorm2 = total.normSquared - 2 * vDotTotal + v2
                let restDot = vDotTotal - v2
                withRest[i] = (restNorm2 > 1e-9 && v2 > 0) ? clamp(restDot / (restNorm2 * v2).squareRoot()) : 0
                withPreceding[i] = i == 0 ? withRest[i] : cosine(dotPreceding[i], prefixNorm2[i], v2)
            }
        }

        // dot(v_i, C_k) = dot(v_i, C_i) − Σ_{k ≤ j < i} dot(v_i, v_j), over the last maxTail paragraphs.
        let firstCut = max(1, n - maxTail)
        var atCut: [[Float]] = []
        var cuts: [CutBlocks] = []
        if firstCut < n {
            let pairs = Pairs(vectors, from: max(0, firstCut - cohesionWindow))
            for k in firstCut..<n {
                var row: [Float] = []
                row.reserveCapacity(n - k)
                for i in k..<n {
                    var d = dotPreceding[i]
                    for j in k..<i { d -= pairs[i, j] }
                    row.append(cosine(d, prefixNorm2[k], vectors[i].normSquared))
                }
                atCut.append(row)
            }
            cuts = cutBlocks(vectors, firstCut: firstCut, pairs: pairs, total: total, dotTotal: dotTotal, prefixNorm2: prefixNorm2)
            let shifts = styles.count == n ? styleShifts(styles, firstCut: firstCut) : []
            for k in firstCut..<n {
                (cuts[k - firstCut].gramSeen, cuts[k - firstCut].primaryGramSeen) = grams.shares(cut: k)
                if !shifts.isEmpty { cuts[k - firstCut].styleShift = shifts[k - firstCut] }
            }
        }
        return Scores(withRest: withRest, withPreceding: withPreceding, atCut: atCut, firstCut: firstCut, cuts: cuts)
    }

    /// The dot products of the paragraphs `from..<n` with each other (a paragraph with itself:
    /// its squared norm), computed once for the cut similarities and the block comparisons.
    struct Pairs {
        let from: Int, m: Int
        private var dots: [Float]

        init(_ vectors: [TermVector], from: Int) {
            self.from = from
            m = vectors.count - from
            dots = [Float](filled: 0, count: m * m)
            let m = self.m
            // (Through buffer pointers: indexing the arrays retained and released each vector.)
            vectors.withUnsafeBufferPointer { v in
                dots.withUnsafeMutableBufferPointer { dots in
                    for a in 0..<m {
                        dots[a * m + a] = v[from + a].normSquared
                        for b in 0..<a {
                            // Always the later paragraph's `dot`, so that both triangles hold one value.
                            let d = v[from + a].dot(v[from + b])
                            dots[a * m + b] = d
                            dots[b * m + a] = d
                        }
                    }
                }
            }
        }

        @inline(__always)
        subscript(i: Int, j: Int) -> Float { dots[(i - from) * m + (j - from)] }
    }

    /// Block comparisons for the cuts before `firstCut..<n`, from the dot products of the last
    /// `maxTail + cohesionWindow` paragraphs with each other and every paragraph's dot product
    /// with the whole document: the work is bounded whatever the document's length.
    static func cutBlocks(_ vectors: [TermVector], firstCut: Int, pairs: Pairs, total: TermVector, dotTotal: [Float],
                          prefixNorm2: [Float]) -> [CutBlocks] {
        let n = vectors.count
        let w0 = pairs.from
        @inline(__always) func dot(_ i: Int, _ j: Int) -> Double { Double(pairs[i, j]) }
        @inline(__always) func cos(_ d: Double, _ a: Double, _ b: Double) -> Float {
            a > 1e-9 && b > 1e-9 ? clamp(Float(d / (a * b).squareRoot())) : 0
        }
        let reuse = VocabularyReuse(vectors, firstCut: firstCut, w0: w0)
        var primaryDotTotal = 0.0   // P_k · total, summed as k advances
        for i in 0..<firstCut { primaryDotTotal += Double(dotTotal[i]) }
        let total2 = Double(total.normSquared)
        var out: [CutBlocks] = []
        out.reserveCapacity(n - firstCut)
        for k in firstCut..<n {
            let p2 = Double(prefixNorm2[k])
            let t2 = max(0, total2 - 2 * primaryDotTotal + p2)
            let across = cos(primaryDotTotal - p2, p2, t2)
            // Within the tail: each paragraph against the others.
            var tailSum: Float = 0
            if n - k >= 2 {
                for i in k..<n {
                    var d = 0.0
                    for j in k..<n where j != i { d += dot(i, j) }
                    let vi2 = dot(i, i)
                    tailSum += cos(d, vi2, max(0, t2 - 2 * (d + vi2) + vi2))
                }
                tailSum /= Float(n - k)
            }
            // Within the primary block: its last paragraphs against the rest of it, and each
            // of them against the tail block (the nearest one counts).
            var primarySum: Float = 0
            var nearest: Float = 0
            let from = max(0, k - cohesionWindow)
            for i in from..<k {
                var toTail = 0.0                            // v_i · T_k
                for j in k..<n { toTail += dot(i, j) }
                let vi2 = dot(i, i)
                nearest = max(nearest, cos(toTail, vi2, t2))
                if k >= 2 {
                    let dp = Double(dotTotal[i]) - toTail   // v_i · P_k = v_i · total − v_i · T_k
                    primarySum += cos(dp - vi2, vi2, max(0, p2 - 2 * dp + vi2))
                }
            }
            if k >= 2 { primarySum /= Float(k - from) }
            var b = CutBlocks(across: across, primaryCohesion: primarySum, tailCohesion: tailSum, nearest: nearest)
            reuse.share(cut: k, into: &b)
            out.append(b)
            primaryDotTotal += Double(dotTotal[k])
        }
        return out
    }

    /// The first two paragraphs each term of a document occurs in, in an open-addressing table
    /// over the term hashes (which need no hashing again).
    struct Occurrences {
        /// A term and its first two paragraphs (`first` is `empty` for an unused slot); one
        /// array, so that a probe touches one cache line.
        private struct Slot {
            var key: UInt64
            var first: Int32
            var second: Int32
        }
        private static let empty = Int32.min
        private var slots: [Slot]
        private let mask: Int

        init(_ vectors: [TermVector]) {
            var terms = 0
            for v in vectors { terms += v.count }
            var size = 16
            while size < 2 * terms { size *= 2 }
            mask = size - 1
            slots = [Slot](repeating: Slot(key: 0, first: Occurrences.empty, second: Int32.max), count: size)
            let mask = self.mask
            slots.withUnsafeMutableBufferPointer { s in
                for (i, v) in vectors.enumerated() {
                    // A term occurs once per vector, so a term met again is in a later paragraph.
                    v.forEachTerm { term, _ in
                        let slot = Occurrences.slot(term, s, mask)
                        if s[slot].first != Occurrences.empty {
                            if s[slot].second == Int32.max { s[slot].second = Int32(i) }
                        } else {
                            s[slot] = Slot(key: term, first: Int32(i), second: Int32.max)
                        }
                    }
                }
            }
        }

        @inline(__always)
        private static func slot(_ term: UInt64, _ s: UnsafeMutableBufferPointer<Slot>, _ mask: Int) -> Int {
            var i = Int(truncatingIfNeeded: (term &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
            while s[i].first != empty && s[i].key != term { i = (i &+ 1) & mask }
            return i
        }

        @inline(__always)
        private func slot(_ term: UInt64) -> Int {
            var i = Int(truncatingIfNeeded: (term &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
            while slots[i].first != Occurrences.empty && slots[i].key != term { i = (i &+ 1) & mask }
            return i
        }

        /// The paragraphs of `term`, which must be a term of one of the vectors (`second` is
        /// `Int32.max` for a term of one paragraph).
        subscript(term: UInt64) -> (first: Int32, second: Int32) {
            let e = slots[slot(term)]
            return (e.first, e.second)
        }
    }

    /// Where each paragraph's terms occur elsewhere in the document, reduced to what the
    /// `seen` shares of ``CutBlocks`` need for the cuts before `firstCut..<n`.
    struct VocabularyReuse {
        let firstCut: Int, n: Int, w0: Int
        /// Per paragraph `w0..<n`: its total term weight.
        var total: [Float] = []
        /// Per tail paragraph `i ≥ firstCut`: weight on terms first used before cut k, for
        /// k in `firstCut...i`, at `seenBefore[seenStart[i - firstCut] + k − firstCut]` (one
        /// array for all paragraphs).
        var seenBefore: [Float] = []
        var seenStart: [Int] = []
        /// Per paragraph `i` in `w0..<n`: weight on terms that an earlier paragraph used, and
        /// `alsoLater[laterStart[i - w0] + d]`: weight on terms first used in `i` and again in a
        /// paragraph at most `i + 1 + d`; together the weight `i` shares with the rest of the
        /// primary content of a cut after it.
        var usedEarlier: [Float] = []
        var alsoLater: [Float] = []
        var laterStart: [Int] = []

        init(_ vectors: [TermVector], firstCut: Int, w0: Int) {
            n = vectors.count
            self.firstCut = firstCut
            self.w0 = w0
            let occurrence = Occurrences(vectors)
            var laterCount = 0, seenCount = 0
            for i in w0..<n {
                laterCount += max(0, n - i - 1)
                if i >= firstCut { seenCount += i - firstCut + 1 }
            }
            alsoLater = [Float](filled: 0, count: laterCount)
            seenBefore = [Float](filled: 0, count: seenCount)
            total.reserveCapacity(n - w0)
            usedEarlier.reserveCapacity(n - w0)
            laterStart.reserveCapacity(n - w0)
            seenStart.reserveCapacity(max(0, n - firstCut))
            var laterAt = 0, seenAt = 0
            alsoLater.withUnsafeMutableBufferPointer { later in
                seenBefore.withUnsafeMutableBufferPointer { before in
                    for i in w0..<n {
                        var sum: Float = 0, earlier: Float = 0
                        let laterCount = max(0, n - i - 1)
                        let beforeCount = i >= firstCut ? i - firstCut + 1 : 0
                        var always: Float = 0
                        vectors[i].forEachTerm { term, w in
                            let o = occurrence[term]
                            let first = Int(o.first)
                            sum += w
                            if first < i {
                                earlier += w
                            } else if o.second != Int32.max {
                                later[laterAt + Int(o.second) - i - 1] += w
                            }
                            if i >= firstCut && first < i {
                                if first < firstCut { always += w } else { before[seenAt + first - firstCut + 1] += w }
                            }
                        }
                        if laterCount > 1 { for d in 1..<laterCount { later[laterAt + d] += later[laterAt + d - 1] } }
                        if beforeCount > 0 {
                            before[seenAt] += always
                            if beforeCount > 1 { for d in 1..<beforeCount { before[seenAt + d] += before[seenAt + d - 1] } }
                            seenStart.append(seenAt)
                        }
                        total.append(sum)
                        usedEarlier.append(earlier)
                        laterStart.append(laterAt)
                        laterAt += laterCount
                        seenAt += beforeCount
                    }
                }
            }
        }

        /// Fills in the `seen` shares of the cut before paragraph `k`.
        func share(cut k: Int, into b: inout CutBlocks) {
            var seen: Float = 0, weight: Float = 0, least: Float = 1
            for i in k..<n {
                let t = total[i - w0]
                guard t > 0 else { continue }
                let s = seenBefore[seenStart[i - firstCut] + k - firstCut]
                seen += s
                weight += t
                least = min(least, s / t)
            }
            b.seen = weight > 0 ? seen / weight : 1
            b.leastSeen = least
            var primary: Float = 0, counted = 0
            for i in max(0, k - cohesionWindow)..<k {
                let t = total[i - w0]
                guard t > 0 else { continue }
                primary += (usedEarlier[i - w0] + (k - i - 2 >= 0 ? alsoLater[laterStart[i - w0] + k - i - 2] : 0)) / t
                counted += 1
            }
            b.primarySeen = counted > 0 ? primary / Float(counted) : 0
        }
    }

    @inline(__always)
    static func clamp(_ x: Float) -> Float { max(0, min(1, x)) }

    @inline(__always)
    static func cosine(_ dot: Float, _ n1: Float, _ n2: Float) -> Float {
        n1 > 1e-9 && n2 > 0 ? clamp(dot / (n1 * n2).squareRoot()) : 0
    }
}
