/// A paragraph's content as weighted terms, for lexical cohesion.
///
/// Terms are ICU words, lower-cased; in scripts written without spaces (Han, kana, Thai, Lao,
/// Khmer, Myanmar) the character bigrams of each word are terms too, so that two paragraphs
/// about the same thing share terms even where the dictionary segments differently. Numbers
/// and names count like any rare word: they are strong evidence of a shared topic.
public struct TermVector: Sendable {
    /// Term hash → weight.
    public private(set) var weights: [UInt64: Float] = [:]
    public private(set) var normSquared: Float = 0

    public init() {}

    public var isEmpty: Bool { weights.isEmpty }

    mutating func add(_ term: UInt64, _ w: Float) {
        weights[term, default: 0] += w
    }

    mutating func finish() {
        normSquared = weights.values.reduce(0) { $0 + $1 * $1 }
    }

    public func dot(_ other: TermVector) -> Float {
        let (small, large) = weights.count <= other.weights.count ? (self, other) : (other, self)
        var s: Float = 0
        for (k, v) in small.weights { if let w = large.weights[k] { s += v * w } }
        return s
    }

    /// Adds `other` into this vector (for running sums of paragraphs).
    /// The norm is updated term by term, so summing n paragraphs costs their total size.
    public mutating func accumulate(_ other: TermVector) {
        for (k, v) in other.weights {
            let old = weights[k] ?? 0
            let new = old + v
            weights[k] = new
            normSquared += new * new - old * old
        }
    }

    public func cosine(_ other: TermVector) -> Float {
        let d = normSquared * other.normSquared
        return d > 0 ? dot(other) / d.squareRoot() : 0
    }
}
