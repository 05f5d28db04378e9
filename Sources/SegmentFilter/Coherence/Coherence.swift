/// Lexical cohesion of each paragraph with the rest of its document (TextTiling's block
/// similarity reduced to what a tail decision needs).
public enum Coherence {
    /// How well each paragraph belongs with the document.
    public struct Scores: Sendable {
        /// Cosine similarity to the sum of all other paragraphs (leave-one-out centroid), 0...1.
        public var withRest: [Float]
        /// Cosine similarity to the sum of the paragraphs before it; for the first paragraph,
        /// `withRest`.
        public var withPreceding: [Float]
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
        for i in 0..<n {
            let v = vectors[i]
            let vDotTotal = v.dot(total)
            let restNorm2 = total.normSquared - 2 * vDotTotal + v.normSquared
            let restDot = vDotTotal - v.normSquared
            withRest[i] = (restNorm2 > 1e-9 && v.normSquared > 0) ? max(0, min(1, restDot / (restNorm2 * v.normSquared).squareRoot())) : 0
            withPreceding[i] = i == 0 ? withRest[i] : max(0, min(1, v.cosine(prefix)))
            prefix.accumulate(v)
        }
        return Scores(withRest: withRest, withPreceding: withPreceding)
    }
}
