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
        /// The first paragraph index `atCut` covers.
        public var firstCut: Int

        /// Similarity of paragraph `i` to the paragraphs before cut `k` (k ≤ i).
        public func similarity(_ i: Int, cut k: Int) -> Float {
            k >= firstCut && k - firstCut < atCut.count ? atCut[k - firstCut][i - k] : withPreceding[i]
        }
    }

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
        for i in 0..<n {
            let v = vectors[i]
            let vDotTotal = v.dot(total)
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
        return Scores(withRest: withRest, withPreceding: withPreceding, atCut: atCut, firstCut: firstCut)
    }

    @inline(__always)
    static func clamp(_ x: Float) -> Float { max(0, min(1, x)) }

    @inline(__always)
    static func cosine(_ dot: Float, _ n1: Float, _ n2: Float) -> Float {
        n1 > 1e-9 && n2 > 0 ? clamp(dot / (n1 * n2).squareRoot()) : 0
    }
}
