/// Lexical cohesion of each paragraph with the rest of its document (TextTiling's block
/// similarity reduced to what a tail decision needs).
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
    }

    /// How many primary paragraphs before a cut measure the primary content's own cohesion:
    /// a local window, as in TextTiling, so that long documents cost no more per cut.
    public static let cohesionWindow = 8

    public static func scores(_ vectors: [TermVector]) -> Scores {
        let n = vectors.count
        var total = TermVector()
        for v in vectors { total.accumulate(v) }
        var withRest = [Float](repeating: 0, count: n)
        var withPreceding = [Float](repeating: 0, count: n)
        // Running prefix sum with its squared norm kept incrementally, so the pass is linear in
        // the number of terms rather than quadratic in the number of paragraphs.
        var prefix = TermVector()
        var prefixNorm2 = [Float](repeating: 0, count: n + 1)
        var dotPreceding = [Float](repeating: 0, count: n)
        var dotTotal = [Float](repeating: 0, count: n)
        for i in 0..<n {
            let v = vectors[i]
            let vDotTotal = v.dot(total)
            dotTotal[i] = vDotTotal
            let restNorm2 = total.normSquared - 2 * vDotTotal + v.normSquared
            let restDot = vDotTotal - v.normSquared
            withRest[i] = (restNorm2 > 1e-9 && v.normSquared > 0) ? clamp(restDot / (restNorm2 * v.normSquared).squareRoot()) : 0
            dotPreceding[i] = v.dot(prefix)
            prefixNorm2[i] = prefix.normSquared
            withPreceding[i] = i == 0 ? withRest[i] : cosine(dotPreceding[i], prefix.normSquared, v.normSquared)
            prefix.accumulate(v)
        }
        prefixNorm2[n] = prefix.normSquared

        // dot(v_i, C_k) = dot(v_i, C_i) − Σ_{k ≤ j < i} dot(v_i, v_j), over the last maxTail paragraphs.
        let firstCut = max(1, n - maxTail)
        var atCut: [[Float]] = []
        if firstCut < n {
            let t = n - firstCut
            var pair = [[Float]](repeating: [Float](repeating: 0, count: t), count: t)
            for a in 0..<t { for b in 0..<a { pair[a][b] = vectors[firstCut + a].dot(vectors[firstCut + b]) } }
            for k in firstCut..<n {
                var row: [Float] = []
                row.reserveCapacity(n - k)
                for i in k..<n {
                    var d = dotPreceding[i]
                    for j in k..<i { d -= pair[i - firstCut][j - firstCut] }
                    row.append(cosine(d, prefixNorm2[k], vectors[i].normSquared))
                }
                atCut.append(row)
            }
        }
        let cuts = cutBlocks(vectors, firstCut: firstCut, total: total, dotTotal: dotTotal, prefixNorm2: prefixNorm2)
        return Scores(withRest: withRest, withPreceding: withPreceding, atCut: atCut, firstCut: firstCut, cuts: cuts)
    }

    /// Block comparisons for the cuts before `firstCut..<n`, from the dot products of the last
    /// `maxTail + cohesionWindow` paragraphs with each other and every paragraph's dot product
    /// with the whole document: the work is bounded whatever the document's length.
    static func cutBlocks(_ vectors: [TermVector], firstCut: Int, total: TermVector, dotTotal: [Float],
                          prefixNorm2: [Float]) -> [CutBlocks] {
        let n = vectors.count
        guard firstCut < n else { return [] }
        let w0 = max(0, firstCut - cohesionWindow)
        let m = n - w0
        var pair = [Double](repeating: 0, count: m * m)
        for a in 0..<m {
            for b in 0...a {
                let d = a == b ? Double(vectors[w0 + a].normSquared) : Double(vectors[w0 + a].dot(vectors[w0 + b]))
                pair[a * m + b] = d
                pair[b * m + a] = d
            }
        }
        @inline(__always) func dot(_ i: Int, _ j: Int) -> Double { pair[(i - w0) * m + (j - w0)] }
        @inline(__always) func cos(_ d: Double, _ a: Double, _ b: Double) -> Float {
            a > 1e-9 && b > 1e-9 ? clamp(Float(d / (a * b).squareRoot())) : 0
        }
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
            // Within the primary block: its last paragraphs against the rest of it.
            var primarySum: Float = 0
            let from = max(0, k - cohesionWindow)
            if k >= 2 {
                for i in from..<k {
                    var dp = Double(dotTotal[i])             // v_i · P_k = v_i · total − v_i · T_k
                    for j in k..<n { dp -= dot(i, j) }
                    let vi2 = dot(i, i)
                    primarySum += cos(dp - vi2, vi2, max(0, p2 - 2 * dp + vi2))
                }
                primarySum /= Float(k - from)
            }
            out.append(CutBlocks(across: across, primaryCohesion: primarySum, tailCohesion: tailSum))
            primaryDotTotal += Double(dotTotal[k])
        }
        return out
    }

    @inline(__always)
    static func clamp(_ x: Float) -> Float { max(0, min(1, x)) }

    @inline(__always)
    static func cosine(_ dot: Float, _ n1: Float, _ n2: Float) -> Float {
        n1 > 1e-9 && n2 > 0 ? clamp(dot / (n1 * n2).squareRoot()) : 0
    }
}
