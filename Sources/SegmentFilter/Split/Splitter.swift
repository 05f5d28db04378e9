/// What the split knows about one paragraph.
public struct ParagraphEvidence: Sendable {
    public var language: LanguageGuess
    /// Cosine similarity to the content before the paragraph (0...1).
    public var coherence: Float
    /// Cosine similarity to all the other paragraphs (0...1).
    public var coherenceWithRest: Float
    public var rules: [RuleSet.Pattern]
    public var characters: Int

    public init(language: LanguageGuess, coherence: Float, coherenceWithRest: Float, rules: [RuleSet.Pattern], characters: Int) {
        self.language = language
        self.coherence = coherence
        self.coherenceWithRest = coherenceWithRest
        self.rules = rules
        self.characters = characters
    }
}

/// The split decision for one document.
public struct SplitDecision: Sendable, Equatable {
    /// Index of the first appended paragraph; the paragraph count when nothing is appended.
    public var firstAppended: Int
    /// Each paragraph's appended evidence (positive: looks appended).
    public var evidence: [Double]
    /// The best cut's score minus the rule set's margin: positive when the document was cut,
    /// negative or zero when the best candidate fell short.
    public var margin: Double
    /// Why the document was cut (or kept): the decisive evidence in a few words.
    public var reason: String
}

/// Chooses one cut per document: the suffix of paragraphs with the largest total appended
/// evidence, if it beats "nothing appended" by the rule set's margin.
///
/// A paragraph's evidence adds up the rule set's weights: a bias (negative: content stays
/// unless something says otherwise), language mismatch with the document's primary language
/// times the mismatch's probability (or credit for a confident match), low lexical coherence
/// with the preceding content, and the cue patterns that fired. Because the cut maximises the
/// evidence summed over the whole tail, one odd paragraph in the middle of an article is never
/// cut unless everything after it is appended too.
public enum Splitter {
    /// The primary language: the language holding most letters among confidently identified
    /// paragraphs, counting the first half of the document double, since appended material
    /// comes at the end.
    public static func primaryLanguage(_ paragraphs: [ParagraphEvidence], settings: SplitSettings) -> String {
        var votes: [String: Double] = [:]
        let n = paragraphs.count
        for (i, p) in paragraphs.enumerated() where p.language.code != "und" {
            let trust = p.language.letters >= settings.minLetters ? p.language.probability : 0.1 * p.language.probability
            let position = i < (n + 1) / 2 ? 2.0 : 1.0
            votes[p.language.code, default: 0] += Double(p.language.letters) * trust * position
        }
        return votes.max { a, b in a.value < b.value || (a.value == b.value && a.key > b.key) }?.key ?? "und"
    }

    public static func appendedEvidence(_ p: ParagraphEvidence, index: Int, primary: String, settings s: SplitSettings) -> Double {
        var e = s.bias
        let lang = p.language
        if lang.code != "und" && primary != "und" && lang.letters >= s.minLetters && lang.probability >= s.minLanguageProbability {
            if lang.code != primary {
                e += s.otherLanguage * lang.probability
            } else {
                e -= s.sameLanguage * lang.probability
            }
        }
        if index > 0 {
            // Only a lack of shared vocabulary counts for a cut; a strong overlap counts
            // against it, capped so that one repetitive paragraph cannot veto everything.
            let c = Double(p.coherence)
            e += s.coherence * (s.coherenceThreshold - min(c, s.coherenceThreshold + 0.25))
        }
        for r in p.rules { e += r.weight }
        return e
    }

    public static func decide(_ paragraphs: [ParagraphEvidence], primary: String, settings s: SplitSettings) -> SplitDecision {
        let n = paragraphs.count
        let evidence = paragraphs.enumerated().map { appendedEvidence($1, index: $0, primary: primary, settings: s) }
        guard n > s.minPrimaryParagraphs else {
            return SplitDecision(firstAppended: n, evidence: evidence, margin: 0, reason: "too few paragraphs")
        }
        // Suffix sums: score of cutting before paragraph k.
        var best = n, bestScore = 0.0, suffix = 0.0
        for k in stride(from: n - 1, through: s.minPrimaryParagraphs, by: -1) {
            suffix += evidence[k]
            if suffix > bestScore { bestScore = suffix; best = k }
        }
        if s.strictLanguage, primary != "und" {
            // Every trailing paragraph confidently in another language goes, whatever else.
            var k = n
            while k > s.minPrimaryParagraphs {
                let l = paragraphs[k - 1].language
                guard l.code != primary && l.code != "und" && l.letters >= s.minLetters && l.probability >= s.minLanguageProbability else { break }
                k -= 1
            }
            if k < best { best = k; bestScore = max(bestScore, s.margin) }
        }
        if best == n || bestScore < s.margin {
            return SplitDecision(firstAppended: n, evidence: evidence, margin: bestScore - s.margin,
                                 reason: best == n ? "no tail with appended evidence" : "best tail below the margin")
        }
        if n <= s.shortDocumentParagraphs {
            let certain = paragraphs[best...].contains { $0.rules.contains { $0.weight >= s.certainPattern } }
            if !certain {
                return SplitDecision(firstAppended: n, evidence: evidence, margin: bestScore - s.margin,
                                     reason: "short document without a certain pattern")
            }
        }
        return SplitDecision(firstAppended: best, evidence: evidence, margin: bestScore - s.margin,
                             reason: reason(paragraphs[best...], primary: primary))
    }

    static func reason(_ tail: ArraySlice<ParagraphEvidence>, primary: String) -> String {
        var parts: [String] = []
        let langs = Set(tail.map(\.language.code)).subtracting([primary, "und"])
        if !langs.isEmpty { parts.append("other language (\(langs.sorted().joined(separator: ",")))") }
        let kinds = Set(tail.flatMap { $0.rules.map(\.kind) })
        if !kinds.isEmpty { parts.append("patterns (\(kinds.sorted().joined(separator: ",")))") }
        if parts.isEmpty { parts.append("off-topic (low coherence)") }
        return parts.joined(separator: "; ")
    }
}
