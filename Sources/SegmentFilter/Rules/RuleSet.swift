import Dispatch
import SegfilterData

/// A rule set: the split's thresholds and weights, and the cue patterns for appended material.
///
/// Rule sets are text files (`rules/*.rules`, documented in `docs/rules.md`):
///
/// ```
/// # comment
/// name = news
/// extends = default          # start from another rule set, then override
/// [split]
/// margin = 1.0
/// [pattern]
/// id = copyright-line
/// kind = copyright
/// weight = 2.5
/// languages = *
/// max_chars = 300
/// regex = (?i)^\s*(©|copyright\b)
/// ```
public struct RuleSet: Sendable {
    public var name: String
    public var description: String
    public var split: SplitSettings
    public var patterns: [Pattern]

    /// One cue pattern: an ICU regular expression that marks a paragraph as appended material.
    public struct Pattern: Sendable, Equatable {
        public var id: String
        /// What the cue detects: `copyright`, `licence`, `credit`, `bio`, `related`, `newsletter`,
        /// `navigation`, `contact`, `bugs`, `source` ...; reported with the paragraph.
        public var kind: String
        /// Evidence added to the paragraph's appended score when the pattern matches.
        public var weight: Double
        /// Language codes the pattern applies to (by the paragraph's or the document's
        /// language); empty means every language.
        public var languages: Set<String>
        /// The pattern fires only on paragraphs of at most this many characters.
        public var maxChars: Int
        /// ICU regular-expression syntax.
        public var regex: String
        /// Where the pattern was defined, for messages.
        public var origin: String
        /// The material it marks repeats the document's own words by design (tag lists, a
        /// comment header quoting the title, related headlines on the same subject), so the
        /// paragraph's likeness to the primary content does not count against cutting it.
        public var topical = false
        /// The material is topical (as `topical`) on paragraphs of at most this many
        /// characters: a copyright or contact line names the organisation the article is about
        /// ("© Club Baloncesto Almadén"), while a paragraph of a story about copyright that the
        /// same pattern fires on is longer and is kept by its likeness to the story. 0: never.
        public var topicalMaxChars = 0

        /// Whether the material is topical on a paragraph of `characters` characters.
        @inline(__always)
        public func isTopical(characters: Int) -> Bool { topical || characters <= topicalMaxChars }
        /// The paragraph ends the content (a press release's "###" or "-30-"): every paragraph
        /// after it is the issuer's material (marked and topical, like a cue's own lines, and
        /// with no evidence against the cut).
        public var closes = false
        /// The line belongs to the headline right above it (a related item's date printed under
        /// its headline): a cut that falls between them moves up to take the headline too.
        public var trailsHeadline = false
    }

    /// An empty rule set with default settings.
    public init(name: String) {
        self.name = name
        description = ""
        split = SplitSettings()
        patterns = []
    }

    /// The rule sets built into the binary, by name.
    public static var builtInNames: [String] {
        (0..<sf_rule_set_count()).map { String(cString: sf_rule_set_name($0)) }
    }

    /// The text of a built-in rule set.
    public static func builtInText(_ name: String) -> String? {
        for i in 0..<sf_rule_set_count() where String(cString: sf_rule_set_name(i)) == name {
            let blob = sf_rule_set_text(i)
            return String(decoding: UnsafeRawBufferPointer(start: blob.bytes, count: Int(blob.length)), as: UTF8.self)
        }
        return nil
    }

    /// The literal analysis of every built-in rule set's patterns, worked out afresh, as
    /// `rules/prefilter.analysis` holds it (the binary embeds that file so that start-up need
    /// not analyse the patterns).
    public static func builtInAnalysis() throws -> [UInt8] {
        let sets = try builtInNames.map { try resolveBuiltIn($0).patterns }
        // One prefilter image per distinct list of patterns (a rule set that only changes
        // thresholds shares its parent's), worked out afresh, never copied from the images embedded now.
        var images: [(fingerprint: UInt64, bytes: [UInt8])] = []
        for patterns in sets {
            let f = PrefilterImage.fingerprint(patterns)
            if !images.contains(where: { $0.fingerprint == f }) {
                images.append((f, RuleMatcher.Prefilter.make(patterns, fresh: true).image()))
            }
        }
        return LiteralAnalysis.serialize(sets.flatMap { $0.map(\.regex) }, images: images)
    }

    /// Loads a built-in rule set by name, or a rule file by path (anything with a `/` or ending
    /// in `.rules`).
    public static func load(_ nameOrPath: String) throws -> RuleSet {
        if nameOrPath.contains("/") || nameOrPath.hasSuffix(".rules") {
            guard let text = readFile(nameOrPath) else { throw RuleError.unreadable(path: nameOrPath) }
            return try RuleParser.parse(text, origin: nameOrPath, resolve: resolveBuiltIn)
        }
        return try resolveBuiltIn(nameOrPath)
    }

    static func resolveBuiltIn(_ name: String) throws -> RuleSet {
        if name == "default" { return try parsedDefault.get() }
        return try parseBuiltIn(name)
    }

    private static func parseBuiltIn(_ name: String) throws -> RuleSet {
        guard let text = builtInText(name) else { throw RuleError.unknown(name: name, valid: builtInNames) }
        return try RuleParser.parse(text, origin: "rules/\(name).rules", validatePatterns: false, resolve: resolveBuiltIn)
    }

    /// The built-in `default` rule set, parsed once per process (the other built-in sets but
    /// `strict` extend it).
    private static let parsedDefault = Result { try parseBuiltIn("default") }

    /// Starts the start-up work that does not depend on the command line on another thread:
    /// parsing the built-in `default` rule set. A process that filters one small file waits for
    /// it before its first paragraph; started before the command line is parsed, it runs beside
    /// it on a core that would otherwise be idle, and whatever needs it later waits only for the
    /// rest. (The patterns' literal analyses need no such start: they are read in place from
    /// the embedded `rules/prefilter.analysis`.)
    public static func prepareAhead() {
        DispatchQueue.global().async { _ = parsedDefault }
    }
}

/// The thresholds and weights of the split decision (see `Splitter` for how they combine).
public struct SplitSettings: Sendable, Equatable {
    /// Evidence for a paragraph in another language than the document's, times the
    /// probability of that language.
    public var otherLanguage = 3.0
    /// Below this probability a paragraph's language is not trusted either way.
    public var minLanguageProbability = 0.5
    /// Evidence against cutting a paragraph confidently in the document's language.
    public var sameLanguage = 0.3
    /// A paragraph whose coherence with the preceding content is below this looks off-topic.
    public var coherenceThreshold = 0.03
    /// Evidence per unit of coherence below (or, against, above) the threshold.
    public var coherence = 8.0
    /// Evidence every paragraph starts with: negative, so content stays unless evidence says otherwise.
    public var bias = -1.0
    /// The best cut must beat "nothing appended" by this much.
    public var margin = 0.5
    /// The fewest paragraphs primary content keeps.
    public var minPrimaryParagraphs = 1
    /// Documents of at most this many paragraphs stay whole unless a pattern of at least
    /// `certainPattern` weight fires in the tail.
    public var shortDocumentParagraphs = 2
    public var certainPattern = 3.0
    /// Every trailing paragraph not in the primary language is appended (the `strict` set).
    public var strictLanguage = false
    /// Paragraphs with fewer letters than this carry no language evidence of their own.
    public var minLetters = 12
    /// Groups of closely related languages that identification confuses (bs/hr/sr, ms/id ...):
    /// a mismatch within a group weighs `similarLanguageFactor` times as much.
    public var similarLanguages: [Set<String>] = [] {
        didSet { (similarCodes, similarGroups) = SplitSettings.index(similarLanguages) }
    }
    /// The languages of `similarLanguages` as their ASCII bytes packed in an integer and, for
    /// each, one bit per group it is in (`nil` with more than 64 groups or a code that is not
    /// ASCII of at most 7 bytes): the split asks about every paragraph, and a linear scan of
    /// integers is far cheaper than hashing both codes into every group's set.
    private var similarCodes: [UInt64] = []
    private var similarGroups: [UInt64]? = []
    public var similarLanguageFactor = 0.3
    /// Evidence for a headline (a short line without a sentence end, see
    /// ``ParagraphEvidence/headline``) that follows a related-story header or another such
    /// headline: the undated items of a "Related" list.
    public var headlineAfterRelated = 2.0
    /// The same for a headline after a paragraph another cue marks (a newsletter prompt, a
    /// byline, a source line) or after another such headline: the footer's loose lines, such as
    /// "Back to home", a reporter's name or title, a list of topics.
    public var headlineAfterCue = 1.0
    /// The topic-shift term of each candidate cut (see ``TopicShift``).
    public var topic = TopicShift()
    public init() {}

    /// A log-linear score of "the vocabulary changes source at this cut", from the cut's block
    /// comparison (``Coherence/CutBlocks``), for same-language tails no longer than the primary
    /// content that neither language nor a cue pattern gives away. A cut whose logit is
    /// positive scores at least `margin + weight × logit`, so a clear topic shift is cut even
    /// when the paragraphs' own evidence is flat. Fitted by `tools/tune/tune_split.py` (per
    /// document, a softmax over "nothing appended" and each candidate cut; then a grid over
    /// the bias and weight).
    public struct TopicShift: Sendable, Equatable {
        // Defaults: the fit in rules/default.rules.
        /// Scale of the term; 0 turns it off.
        public var weight = 0.5
        /// The most tail paragraphs without a cue (no pattern, not a listed headline) the term
        /// applies to. What is glued onto a page without a cue is a paragraph or three (a
        /// story's opening, a notice); a longer stretch whose vocabulary drifts is the piece
        /// moving on to the next part of its subject (a flood story turning to the money, a
        /// fun run's notice to its road closures). Under a "Related" header the snippets
        /// count less: the header gives them away.
        public var maxTail = 4
        /// A tail no cue marks that reuses the primary content's words and character 4-grams at
        /// least this share of what the primary paragraphs' own reuse is (both measures) is no
        /// topic shift, whatever the other terms say: it goes on with the document as its own
        /// paragraphs do (a report's last paragraphs on the family in court, the paper's new
        /// prices). Glued-on material reuses far less (off-topic tails of the development
        /// corpus: half as much or less). 0 turns the check off.
        public var reuseVeto = 0.85
        /// The fewest letters a tail needs for the term (as `Splitter.topicLetters` counts them:
        /// a Han, kana or Hangul letter two, a name line enough): a closing line of two or three words ("Cabe recurso.", "（分量は4人分）") shares
        /// no vocabulary with anything, so every measure reads as a shift.
        public var minLetters = 20
        /// The logit's constant: more negative, fewer topic cuts.
        public var bias = -6.89
        /// Per unit of similarity between the primary block and the tail block.
        public var across = -6.84
        /// Per unit of that similarity relative to the primary block's own cohesion.
        public var relative = -1.35
        /// Per unit of the tail's own cohesion.
        public var tailCohesion = 3.81
        /// Per unit of ln(tail paragraphs).
        public var tailLength = 2.06
        /// Per unit of ln(primary paragraphs), counting only those that are not headlines: a
        /// list's short lines (ingredients, results, items) are one stretch of the piece, not
        /// many paragraphs of evidence about its topic.
        public var primaryLength = 4.67
        /// Per unit of the tail's highest similarity to one nearby primary paragraph.
        public var nearest = -5.79
        /// Per unit of the tail's share of reused vocabulary above the primary paragraphs'
        /// usual share (`seen − primarySeen`).
        public var seenGap = -2.0
        /// Per unit of the smallest share of reused vocabulary of one tail paragraph.
        public var leastSeen = 0.336
        /// Per unit of the tail's share of character 4-grams the primary content has.
        public var gramSeen = -9.51
        /// Per unit of that share above the last primary paragraph's (`gramSeen − primaryGramSeen`).
        public var gramSeenGap = -0.105
        /// Per unit of style shift, one weight per ``ParagraphStyle`` measurement (in its
        /// `values` order; rule keys `topic_style_` + its name).
        public var style: [Double] = [0.89, -0.224, 0.164, 0.212, 0.0256, 0.499, -0.0928]
        public init() {}

        /// The logit for a cut before paragraph `cut` of `paragraphs`, of which `prose` (by default
        /// all `cut`) before the cut are not headlines.
        public func logit(_ b: Coherence.CutBlocks, cut: Int, paragraphs: Int, prose: Int? = nil) -> Double {
            bias + across * Double(b.across) + relative * Double(b.across) / (Double(b.primaryCohesion) + 0.05)
                + tailCohesion * Double(b.tailCohesion) + tailLength * log(Double(paragraphs - cut))
                + primaryLength * log(Double(max(1, prose ?? cut))) + nearest * Double(b.nearest)
                + seenGap * Double(b.seen - b.primarySeen) + leastSeen * Double(b.leastSeen)
                + gramSeen * Double(b.gramSeen) + gramSeenGap * Double(b.gramSeen - b.primaryGramSeen)
                + zip(style, b.styleShift).reduce(0) { $0 + $1.0 * Double($1.1) }
        }

        /// The logit of a cut the term applies to: nil when the term is off, the cut is not a
        /// candidate (no blocks) or its tail is longer than what it leaves, or holds more than
        /// `maxTail` paragraphs without a cue (`uncued`, by default all of them), or fewer than
        /// `minLetters` letters (`letters`, by default enough), or reuses the document as its
        /// own paragraphs do with no cue in it (`reuseVeto`).
        public func qualifyingLogit(_ b: Coherence.CutBlocks?, cut: Int, paragraphs: Int, prose: Int? = nil,
                                    uncued: Int? = nil, letters: Int? = nil) -> Double? {
            // Appended material is the smaller part: a "tail" longer than what it leaves is a
            // document whose topic changes, not a document with something appended. What it
            // leaves is counted without headlines: a headline and a dateline over two paragraphs
            // do not make a third and a fourth paragraph a tail.
            let unmarked = uncued ?? paragraphs - cut
            guard weight > 0, let b, paragraphs - cut <= min(cut, prose ?? cut), unmarked <= maxTail, (letters ?? minLetters) >= minLetters else { return nil }
            if unmarked == paragraphs - cut && reuses(b) { return nil }
            return logit(b, cut: cut, paragraphs: paragraphs, prose: prose)
        }

        /// Whether the tail reuses the primary content as much as its own paragraphs do
        /// (``reuseVeto``).
        func reuses(_ b: Coherence.CutBlocks) -> Bool {
            let veto = Float(reuseVeto)
            guard veto > 0, b.primarySeen > 0, b.seen >= veto * b.primarySeen else { return false }
            // No 4-gram measure at all (both 0: too little text before the cut to read grams
            // from) leaves the words to decide.
            if b.gramSeen == 0 && b.primaryGramSeen == 0 { return true }
            return b.primaryGramSeen > 0 && b.gramSeen >= veto * b.primaryGramSeen
        }

        /// The cut's score with the term: `evidence` (the tail's summed paragraph evidence), or
        /// more when the topic shift is clear (a positive qualifying logit).
        public func score(_ evidence: Double, logit z: Double?, margin: Double) -> Double {
            guard let z, z > 0 else { return evidence }
            return max(evidence, margin + weight * z)
        }

        /// `score(_:logit:margin:)` for the cut before paragraph `cut` with blocks `b`.
        public func score(_ evidence: Double, _ b: Coherence.CutBlocks?, cut: Int, paragraphs: Int, margin: Double) -> Double {
            score(evidence, logit: qualifyingLogit(b, cut: cut, paragraphs: paragraphs), margin: margin)
        }
    }

    func areSimilar(_ a: String, _ b: String) -> Bool {
        guard let groups = similarGroups, let ka = SplitSettings.packed(a), let kb = SplitSettings.packed(b) else {
            return similarLanguages.contains { $0.contains(a) && $0.contains(b) }
        }
        var ga: UInt64 = 0, gb: UInt64 = 0
        for (i, code) in similarCodes.enumerated() {
            if code == ka { ga = groups[i] }
            if code == kb { gb = groups[i] }
        }
        return ga & gb != 0
    }

    /// A code's bytes and length in an integer, or nil when it is longer than 7 bytes or not
    /// ASCII (ASCII strings are equal exactly when their bytes are).
    @inline(__always)
    static func packed(_ code: String) -> UInt64? {
        var k: UInt64 = 0, n = 0
        for byte in code.utf8 {
            if byte >= 0x80 || n == 7 { return nil }
            k |= UInt64(byte) << UInt64(8 * n)
            n += 1
        }
        return k | UInt64(n) << 56
    }

    private static func index(_ sets: [Set<String>]) -> ([UInt64], [UInt64]?) {
        guard sets.count <= 64 else { return ([], nil) }
        var codes: [UInt64] = [], groups: [UInt64] = []
        for (g, set) in sets.enumerated() {
            for name in set.sorted() {
                guard let code = packed(name) else { return ([], nil) }
                if let i = codes.firstIndex(of: code) {
                    groups[i] |= 1 << UInt64(g)
                } else {
                    codes.append(code)
                    groups.append(1 << UInt64(g))
                }
            }
        }
        return (codes, groups)
    }
}

public enum RuleError: Error, CustomStringConvertible, Equatable {
    case unknown(name: String, valid: [String])
    case unreadable(path: String)
    case syntax(origin: String, line: Int, message: String)

    public var description: String {
        switch self {
        case .unknown(let name, let valid):
            return "unknown rule set '\(name)'; valid names: \(valid.joined(separator: ", ")), or a path to a .rules file"
        case .unreadable(let path):
            return "cannot read rule file '\(path)'"
        case .syntax(let origin, let line, let message):
            return "\(origin):\(line): \(message)"
        }
    }
}

func readFile(_ path: String) -> String? {
    guard let f = fopen(path, "rb") else { return nil }
    defer { fclose(f) }
    var data: [UInt8] = []
    var buf = [UInt8](repeating: 0, count: 65536)
    while true {
        let n = fread(&buf, 1, buf.count, f)
        if n > 0 { data.append(contentsOf: buf[0..<n]) }
        if n < buf.count { break }
    }
    return String(decoding: data, as: UTF8.self)
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
