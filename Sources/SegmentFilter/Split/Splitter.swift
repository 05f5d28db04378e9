/// What the split knows about one paragraph.
public struct ParagraphEvidence: Sendable {
    public var language: LanguageGuess
    /// Cosine similarity to the content before the paragraph (0...1).
    public var coherence: Float
    /// Cosine similarity to all the other paragraphs (0...1).
    public var coherenceWithRest: Float
    public var rules: [RuleSet.Pattern]
    public var characters: Int
    /// The paragraph is written in a script the primary language is not written in, so it is
    /// not in that language however unsure its own identification is (an unknown language, a
    /// short line).
    public var scriptExcludesPrimary = false
    /// The paragraph is a headline: one short line (at most ``ParagraphEvidence/headlineLimit``
    /// characters) with letters and without a sentence end.
    public var headline = false
    public static let headlineLimit = 150
    /// The paragraph ends with a full stop of a script that has its own (Ethiopic "።", Armenian
    /// "։", Myanmar "။", Khmer "។", Tibetan "།", Mongolian, the double danda): a sentence, whatever
    /// ``headline`` says, which does not know these stops. (Counted only where a cut must leave
    /// prose above it; the topic term's weights were fitted with such paragraphs as headlines.)
    public var endsWithScriptStop = false
    /// The longest line ``headsNext`` and ``nameLine`` consider (a name, not a sentence).
    public static let nameLimit = 60
    /// The paragraph ends with a colon: it introduces what follows (a list of names, the
    /// ingredients, a quote), so no cut falls right after it. (A footer's own header, "Related:",
    /// goes with its list: the cut before it stays possible.)
    public var introducesNext = false
    /// The paragraph ends with a question mark: when it is a short line, what follows answers it
    /// (an interview's "Q:" and "A:"), so no cut falls right after it. (The question itself may
    /// start a tail; a long paragraph's closing question is rhetorical, and a tail may follow.)
    public var asks = false
    /// The paragraph opens with a dialogue dash (–, —, ―) or a question label ("Q:"): a turn of
    /// an interview or of a dialogue, as many languages write them ("– Bałam się codziennie.").
    public var opensTurn = false
    /// The paragraph opens with a quotation mark: someone is quoted ("“It was worth the wait,”
    /// said …"). An article's closing quotation from a speaker not heard before shares few of
    /// its words, but it is the article's: no topic shift starts there (a cue still may).
    public var opensQuotation = false
    /// The number the paragraph opens with as a list item ("8. Write three lines"): a cut between
    /// items numbered in sequence would split a list.
    public var itemNumber: Int? = nil
    /// The bullet the paragraph opens with as a list item ("• ", "・", "▪ "), or nil: a cut
    /// between two items with the same bullet would split a list.
    public var bullet: UInt32? = nil
    /// The paragraph opens with a short label and a colon ("Tests: run make test", "Since:
    /// version 2.3"): two such lines in a row are a field list (a README's facts, a reference
    /// entry's notes), and a cut between them, before a line no cue marks, would split it.
    public var opensWithLabel = false
    /// The paragraph reads as a line of code or a command ("npm install -g caracola@2",
    /// "INDEX idx message TYPE ngrambf_v1(3, 512)"): its language guess says nothing about
    /// the document's language, so it is no language evidence either way.
    public var looksLikeCode = false
    /// The paragraph is a quotation with its attribution and little else (“"Dito na ako
    /// tumanda …," she said.”): the text outside its quotation marks has letters, too few to
    /// identify. The quotation's language is the speaker's, not the page's, so it is no language
    /// evidence either way.
    public var attributedQuotation = false
    /// The paragraph is a short line that the next paragraph begins with: a name over the bio
    /// it heads ("Kevin Oduya", then "Kevin Oduya is a sports reporter …"). A cut before the
    /// next paragraph takes it along.
    public var headsNext = false
    /// The paragraph is a name alone on its line: two to four capitalised words of letters
    /// ("Anna Lindqvist"). Over a bio, byline, contact line or related list that starts a tail
    /// it is the author's name over the footer. (Over a newsletter prompt it may be a letter's
    /// signature.)
    public var nameLine = false
    /// The paragraph is a signature under a short valediction that ends with a comma ("See you
    /// on the towpath," then "Mo"; "Sevgiyle kalın," then "Elif"), or under a paragraph a
    /// sign-off cue marks ("That's all for this week …", then "— Tom"): the author's, as the
    /// valediction is, so no cut falls between them (`Splitter.listContinuations`).
    public var signsValediction = false
    /// A cue with a negative weight marks the paragraph ("The verdict", a blogger's sign-off):
    /// it is content, whatever else it resembles.
    var marksContent: Bool { rules.contains { $0.weight < 0 } }
    /// The paragraph opens with a news dateline ("HOHENFURT – …", "TAIPEI, Oct 16 (Reuters) -
    /// …"): a story starts there. Under an article that opened with one, it is another story
    /// glued on (`Splitter.gluedStoryHeadline`).
    public var opensWithDateline = false

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
    /// The candidate cut with the strongest topic shift (``SplitSettings/TopicShift``) and its
    /// logit, for `--explain`; nil when the term is off or no cut qualifies.
    public var topicCut: Int? = nil
    public var topicLogit: Double = 0
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
    /// The primary language: a vote of the confidently identified paragraphs, each weighing the
    /// square root of its letters (so that one long appended bio cannot outvote three article
    /// paragraphs) and more near the start (three times for the first paragraph, twice in the
    /// first half), since appended material comes at the end.
    ///
    /// Text in a language the model has no profile for (out of model) votes for `und`: a
    /// document in such a language followed by an English credit is an `und` document, not an
    /// English one.
    public static func primaryLanguage(_ paragraphs: [ParagraphEvidence], settings: SplitSettings) -> String {
        // A list, not a dictionary: a document has a handful of languages, and hashing their
        // codes cost more than comparing them.
        var votes: [(key: String, value: Double)] = []
        let n = paragraphs.count
        // (The guesses read in place: a copy of a paragraph's evidence retains its every array
        // and string.)
        paragraphs.withUnsafeBufferPointer { ps in
            for i in ps.indices {
                let code = ps[i].language.code, outOfModel = ps[i].language.outOfModel
                guard code != "und" || outOfModel else { continue }
                let letters = ps[i].language.letters, probability = ps[i].language.probability
                let trust: Double
                if outOfModel {
                    trust = letters >= settings.minLetters ? 1 : 0.1
                } else {
                    trust = letters >= settings.minLetters ? probability : 0.1 * probability
                }
                let position = i == 0 ? 3.0 : (i < (n + 1) / 2 ? 2.0 : 1.0)
                let vote = Double(letters).squareRoot() * trust * position
                if let v = votes.firstIndex(where: { $0.key == code }) {
                    votes[v].value += vote
                } else {
                    votes.append((code, vote))
                }
            }
        }
        return votes.max { a, b in a.value < b.value || (a.value == b.value && a.key > b.key) }?.key ?? "und"
    }

    /// What a paragraph's language says, read once for the evidence and for the topic term's
    /// same-language test.
    enum LanguageReading {
        /// In a script the primary language is not written in, or in a language the model has
        /// no profile for: another language however unsure the guess. Also a paragraph sure to
        /// be in a language with a profile when the document's own language has none.
        case otherScriptOrUnknown
        /// A guess sure enough (and from enough letters) to count.
        case confident
        /// Too short, too unsure, or no primary language to compare with.
        case silent
    }

    static func languageReading(_ p: ParagraphEvidence, primary: String, settings s: SplitSettings) -> LanguageReading {
        let lang = p.language
        guard lang.letters >= s.minLetters, !p.looksLikeCode, !p.attributedQuotation else { return .silent }
        if p.scriptExcludesPrimary || (lang.outOfModel && primary != "und") { return .otherScriptOrUnknown }
        guard lang.code != "und" && lang.probability >= s.minLanguageProbability else { return .silent }
        // In a document whose language has no profile, a paragraph sure to be in a language
        // that has one is in another language.
        return primary == "und" ? .otherScriptOrUnknown : .confident
    }

    /// The part of a paragraph's evidence that does not depend on where the cut is: bias,
    /// language and patterns.
    public static func baseEvidence(_ p: ParagraphEvidence, primary: String, settings s: SplitSettings) -> Double {
        var e = s.bias
        let lang = p.language
        switch languageReading(p, primary: primary, settings: s) {
        case .otherScriptOrUnknown:
            e += s.otherLanguage
        case .confident:
            // The probability that the paragraph is in the primary language, from the ranked guesses.
            let pPrimary = lang.top.first { $0.code == primary }?.probability ?? 0
            let similar = s.areSimilar(lang.code, primary) ? s.similarLanguageFactor : 1
            if lang.code != primary {
                e += s.otherLanguage * (1 - pPrimary) * similar
            } else {
                e -= s.sameLanguage * pPrimary
            }
        case .silent:
            break
        }
        for r in p.rules { e += r.weight }
        return e
    }

    /// Whether a paragraph is confidently in a language other than the primary one (not a
    /// close relative of it), in a script the primary language is not written in, or in a
    /// language the model has no profile for.
    public static func isForeign(_ p: ParagraphEvidence, primary: String, settings s: SplitSettings) -> Bool {
        switch languageReading(p, primary: primary, settings: s) {
        case .otherScriptOrUnknown: return true
        case .confident: return p.language.code != primary && !s.areSimilar(p.language.code, primary)
        case .silent: return false
        }
    }

    /// The items of a related-story list rarely carry a date or a cue of their own: a headline
    /// right after a `related` header (or after another such headline) counts
    /// `headlineAfterRelated`. Footers hold such loose lines after other cues too ("Back to
    /// home" after a newsletter prompt, a reporter's title after the name): a headline after a
    /// paragraph any other cue marks counts `headlineAfterCue`. A run ends at the first
    /// paragraph that is neither marked nor a headline. Returns which paragraphs are such
    /// headlines: the split treats them as the cue's own lines (see `Marks`).
    @discardableResult
    static func addHeadlineRuns(_ paragraphs: [ParagraphEvidence], to base: inout [Double], settings s: SplitSettings) -> [Bool] {
        var listed = [Bool](repeating: false, count: paragraphs.count)
        // What a headline here gets: 0 outside a run.
        var run = 0.0
        for (i, p) in paragraphs.enumerated() {
            if p.rules.contains(where: { $0.kind == "related" }) {
                run = s.headlineAfterRelated
            } else if !p.rules.isEmpty {
                run = s.headlineAfterCue
            } else if run != 0 && (p.headline || (p.asks && p.characters <= ParagraphEvidence.headlineLimit && p.language.letters >= 4)) {
                // (A headline may be a question: "Lubing switches: is it worth the hassle?")
                base[i] += run
                listed[i] = true
            } else {
                run = 0
            }
        }
        return listed
    }

    /// The paragraphs no cue marks that lie between two that a cue for appended material
    /// marks (weight 2 or more, no content cue), short (at most `sandwichLimit` code points)
    /// under a short cue line: a footer's unrecognised line between its header and the rest.
    /// (Under a long paragraph a cue may be a mention in the article's prose.)
    static func sandwichedLines(_ paragraphs: [ParagraphEvidence]) -> [Int] {
        func cued(_ p: ParagraphEvidence) -> Bool { p.rules.contains { $0.weight >= 2 } && !p.marksContent }
        guard paragraphs.count >= 3 else { return [] }
        return (1..<(paragraphs.count - 1)).filter { i in
            paragraphs[i].rules.isEmpty && paragraphs[i].characters <= sandwichLimit && paragraphs[i - 1].characters <= sandwichLimit
                && cued(paragraphs[i - 1]) && cued(paragraphs[i + 1])
        }
    }

    /// The longest line `sandwichedLines` takes (a blurb, not an article's paragraph).
    static let sandwichLimit = 160

    /// Per paragraph, how the cues see it: `marked` when a pattern fires on it or it is a headline
    /// in a cue's run (a related list's items), and `topical` when a `topical` pattern fires on
    /// it or it is such a headline (related headlines share the article's subject by design).
    struct Marks {
        var marked: [Bool]
        var topical: [Bool]
        /// After a paragraph a closing pattern fires on.
        var closed: [Bool]
        /// For each paragraph, the first paragraph of the run of consecutive marked paragraphs
        /// that holds it (itself when it is unmarked or starts a run).
        var runStart: [Int]

        init(_ paragraphs: [ParagraphEvidence], listed: [Bool]) {
            // After a pattern that closes the content (a press release's "###", a comment
            // section's "14 comments"), every paragraph is the issuer's material or the
            // readers': marked, and topical like the cue lines (and `decide` gives it no
            // evidence against the cut). Not among the first three paragraphs: a blog prints
            // its comment count under the headline too.
            var closed = paragraphs.map { _ in false }
            var seen = false
            for i in paragraphs.indices {
                closed[i] = seen
                seen = seen || (i >= 3 && paragraphs[i].rules.contains(where: \.closes))
            }
            self.closed = closed
            marked = paragraphs.indices.map { !paragraphs[$0].rules.isEmpty || listed[$0] || closed[$0] }
            topical = paragraphs.indices.map { i in
                listed[i] || closed[i] || paragraphs[i].rules.contains { $0.isTopical(characters: paragraphs[i].characters) }
            }
            runStart = Array(paragraphs.indices)
            for i in paragraphs.indices.dropFirst() where marked[i] && marked[i - 1] { runStart[i] = runStart[i - 1] }
        }
    }

    /// Evidence from a paragraph's similarity to the primary content: only a lack of shared
    /// vocabulary counts for a cut; a strong overlap counts against it, capped so that one
    /// repetitive paragraph cannot veto everything.
    @inline(__always)
    public static func coherenceEvidence(_ similarity: Float, settings s: SplitSettings) -> Double {
        s.coherence * (s.coherenceThreshold - min(Double(similarity), s.coherenceThreshold + 0.25))
    }

    /// `coherenceEvidence` for a paragraph that `Marks` finds `topical` or not: none against the
    /// cut for a topical one (its likeness to the primary content is how such material is made).
    @inline(__always)
    static func coherenceEvidence(_ similarity: Float, topical: Bool, settings s: SplitSettings) -> Double {
        let e = coherenceEvidence(similarity, settings: s)
        return e < 0 && topical ? 0 : e
    }

    /// The evidence of every paragraph with the cut before `cut`.
    static func evidence(_ paragraphs: [ParagraphEvidence], base: [Double], cut: Int, marks: Marks, coherence: Coherence.Scores?,
                         settings s: SplitSettings) -> [Double] {
        paragraphs.indices.map { i in
            guard i > 0 else { return base[i] }
            let sim = i >= cut ? tailSimilarity(paragraphs, i, cut: cut, marks: marks, coherence: coherence) : paragraphs[i].coherence
            return base[i] + coherenceEvidence(sim, topical: marks.topical[i], settings: s)
        }
    }

    /// The similarity that judges tail paragraph `i` under the cut before `cut`: with
    /// `coherence`, against the primary content the cut leaves (so the second paragraph of an
    /// off-topic tail is not excused by its likeness to the first); without it, against all the
    /// text before it.
    ///
    /// A run of marked paragraphs (`Marks`: cue lines and the headlines of their runs) is
    /// compared as a block with the text before the run, for every cut before it: otherwise,
    /// as the cut moves back over a real paragraph, the marked lines' likeness to it (a comment
    /// header repeating the post's title, a related headline on the same subject) drops out of
    /// their similarity and pulls that paragraph into the tail with them.
    static func tailSimilarity(_ paragraphs: [ParagraphEvidence], _ i: Int, cut: Int, marks: Marks,
                               coherence: Coherence.Scores?) -> Float {
        guard let coherence else { return paragraphs[i].coherence }
        return coherence.similarity(i, cut: marks.marked[i] ? max(cut, marks.runStart[i]) : cut)
    }

    /// Where no cut may fall: inside what a paragraph ending with a colon introduces, right
    /// after a short question, between list items numbered in sequence ("7." then "8.") or under
    /// one bullet, and before an unmarked line of a field list ("Files: …" then "Tests: …").
    /// A cut right after a colon, or between the short unmarked lines (list items, a poem's
    /// lines) that follow it, would split a list of names, ingredients or dates from its
    /// introduction; and an unmarked introduction goes with its list (a cue-marked one,
    /// "Related:", may start a tail).
    static func listContinuations(_ paragraphs: [ParagraphEvidence]) -> [Bool] {
        var out = [Bool](repeating: false, count: paragraphs.count)
        func isItem(_ p: ParagraphEvidence) -> Bool { p.characters <= ParagraphEvidence.headlineLimit && p.rules.isEmpty }
        // Whether paragraph i - 1 is in a list a colon introduced.
        var inList = false
        for i in paragraphs.indices.dropFirst() {
            let previous = paragraphs[i - 1]
            inList = previous.introducesNext || (inList && isItem(previous))
            if inList && (previous.introducesNext || isItem(paragraphs[i])) { out[i] = true }
            if previous.asks && isItem(previous) { out[i] = true }
            if paragraphs[i].introducesNext && paragraphs[i].rules.isEmpty && i + 1 < paragraphs.count { out[i] = true }
            if let a = previous.itemNumber, let b = paragraphs[i].itemNumber, b == a + 1 { out[i] = true }
            if let a = previous.bullet, a == paragraphs[i].bullet { out[i] = true }
            if previous.opensWithLabel && paragraphs[i].opensWithLabel && paragraphs[i].rules.isEmpty { out[i] = true }
            if paragraphs[i].signsValediction && paragraphs[i].rules.isEmpty { out[i] = true }
        }
        return out
    }

    /// The cuts that would split an interview or a dialogue: before them, at least
    /// `dialogueTurns` paragraphs are turns (a question, or a line opening with a dialogue
    /// dash), and the tail holds a turn no cue marks or answers the turn right before the cut.
    /// An interview's last exchanges ("And after?" "A nap.") share few words with the rest and
    /// read as a shift of topic; such a cut gets no topic-shift score (cue evidence still counts).
    /// Nor does a cut before an unmarked line that opens a turn ("Q: …", "– …") or a quotation
    /// ("“It was worth the wait,” said …"): an interview section, or a closing quotation from a
    /// speaker not heard before, that starts there is the article's. (A quotation is not a
    /// turn: it makes no dialogue of what follows.)
    static func dialogueContinuations(_ paragraphs: [ParagraphEvidence]) -> [Bool] {
        func isTurn(_ p: ParagraphEvidence) -> Bool { p.asks || p.opensTurn }
        var out = [Bool](repeating: false, count: paragraphs.count)
        var tailTurn = false
        // A question that a paragraph of prose answers ("What happens next?" and the answer):
        // an explainer's own last section, whatever came before it.
        var answered = out
        for k in paragraphs.indices.reversed() {
            tailTurn = tailTurn || (isTurn(paragraphs[k]) && paragraphs[k].rules.isEmpty)
            out[k] = tailTurn
            answered[k] = (k + 1 < paragraphs.count && answered[k + 1]) || (paragraphs[k].asks && paragraphs[k].rules.isEmpty
                && k + 1 < paragraphs.count && paragraphs[k + 1].rules.isEmpty && paragraphs[k + 1].characters >= answerLength)
        }
        var turns = 0
        for k in paragraphs.indices {
            // (An interview's closing line follows the last answer: "Any regrets?" "That
            // corner." "Thank you, Ruth." — so a turn one or two paragraphs back.)
            let answers = (k > 0 && isTurn(paragraphs[k - 1]) && paragraphs[k - 1].rules.isEmpty)
                || (k > 1 && isTurn(paragraphs[k - 2]) && paragraphs[k - 2].rules.isEmpty && paragraphs[k - 1].rules.isEmpty
                    && paragraphs[k].rules.isEmpty)
            out[k] = ((out[k] || answers) && turns >= dialogueTurns) || ((paragraphs[k].opensTurn || paragraphs[k].opensQuotation) && paragraphs[k].rules.isEmpty)
                || answered[k]
            if isTurn(paragraphs[k]) { turns += 1 }
        }
        return out
    }

    /// A paragraph's letters as `TopicShift.minLetters` counts them: a letter of a script
    /// written without spaces, whose letters are syllables or words (Han, kana, Hangul), counts
    /// two. A name alone on its line counts as enough: a signature under the article ("Minh
    /// Châu") is what the term is for, not a closing remark.
    static func topicLetters(_ p: ParagraphEvidence, minimum: Int) -> Int {
        if p.nameLine { return max(minimum, p.language.letters) }
        switch p.language.script {
        case "Hani", "Hira", "Kana", "Hang": return 2 * p.language.letters
        default: return p.language.letters
        }
    }

    /// The longest valediction a signature under it keeps (``ParagraphEvidence/signsValediction``).
    static let valedictionLimit = 120

    /// The shortest paragraph that answers a question as prose (a footer's prompts are shorter).
    static let answerLength = 100

    /// How many turns make the content before a cut a dialogue.
    static let dialogueTurns = 3

    /// Chooses the cut: the tail whose paragraphs' evidence (their similarity as
    /// `tailSimilarity` measures it) sums highest, if it beats "nothing appended" by the margin.
    /// With `topicFrom`, the topic term applies only to cuts at or after that paragraph.
    public static func decide(_ paragraphs: [ParagraphEvidence], primary: String, settings s: SplitSettings,
                              coherence: Coherence.Scores? = nil, topicFrom: Int = 0) -> SplitDecision {
        let n = paragraphs.count
        var base = paragraphs.map { baseEvidence($0, primary: primary, settings: s) }
        var listed = addHeadlineRuns(paragraphs, to: &base, settings: s)
        // A short line between two cue lines is the footer's too (a newsletter's blurb between
        // its "Sign up for …" and its "Subscribe" button): nothing in it counts against a cut.
        for i in sandwichedLines(paragraphs) {
            listed[i] = true
            base[i] = max(base[i], 0)
        }
        let marks = Marks(paragraphs, listed: listed)
        // What follows a closing mark is the mark's: nothing in it counts against the cut.
        for i in paragraphs.indices where marks.closed[i] { base[i] = max(base[i], 0) }
        let firstCandidate = max(s.minPrimaryParagraphs, n - Coherence.maxTail)
        guard n > s.minPrimaryParagraphs, firstCandidate < n else {
            return SplitDecision(firstAppended: n, evidence: evidence(paragraphs, base: base, cut: n, marks: marks, coherence: coherence, settings: s),
                                 margin: 0, reason: "too few paragraphs")
        }
        var best = n, bestScore = 0.0
        var topicCut: Int? = nil, topicLogit = 0.0
        // The topic term is for same-language tails: a tail that holds a paragraph in another
        // language shares little vocabulary with the document for that reason alone, and the
        // language evidence already speaks for the cut at that paragraph. (So does a quotation
        // in another language under its attribution, which gives no language evidence.) A
        // short cue line does not count: the language of "© Clare Courier 2024" is its names'.
        var firstSameLanguageTail = n
        func foreign(_ p: ParagraphEvidence, marked: Bool) -> Bool {
            isForeign(p, primary: primary, settings: s) && !(marked && p.language.letters < Splitter.shortCueLetters)
        }
        while firstSameLanguageTail > firstCandidate
                && !foreign(paragraphs[firstSameLanguageTail - 1], marked: marks.marked[firstSameLanguageTail - 1])
                && !paragraphs[firstSameLanguageTail - 1].attributedQuotation {
            firstSameLanguageTail -= 1
        }
        let uncuttable = listContinuations(paragraphs)
        let dialogue = dialogueContinuations(paragraphs)
        // A pattern with a negative weight says "content" ("The verdict"): neither a tail that
        // holds it nor one inside the section it opens is a topic shift, however few words
        // it shares.
        let contentMarked = paragraphs[firstCandidate...].contains(where: \.marksContent)
        // The paragraphs before each cut that are not headlines: what the topic term counts as
        // the primary content's length.
        var prose = paragraphs[..<firstCandidate].reduce(0) { $0 + ($1.headline ? 0 : 1) }
        // Per candidate cut: the tail's summed evidence, and its score with the topic term.
        var evidenceAt = [Double?](repeating: nil, count: n + 1), scoreAt = evidenceAt, logitAt = evidenceAt
        // Per cut: the tail paragraphs without a cue (`TopicShift.maxTail`); and the same count with the sentences that a headline run took in only because
        // `headline` does not know their script's full stop (an Amharic story under its byline
        // read as a run of headlines, and the byline's cut took the whole article with the
        // footer): what the guard against cutting above a story counts.
        var uncued = [Int](repeating: 0, count: n + 1), unmarkedProse = uncued
        for i in stride(from: n - 1, through: 0, by: -1) {
            let sentence = marks.marked[i] && paragraphs[i].rules.isEmpty && !marks.closed[i] && paragraphs[i].endsWithScriptStop
            uncued[i] = uncued[i + 1] + (marks.marked[i] ? 0 : 1)
            unmarkedProse[i] = unmarkedProse[i + 1] + (!marks.marked[i] || sentence ? 1 : 0)
        }
        // Per cut: whether a paragraph above it is prose, not a headline or a short line such
        // as a date (`Splitter.unmarkedProseUnderHeadline`).
        var proseAbove = [Bool](repeating: false, count: n + 1)
        for i in 0..<n {
            proseAbove[i + 1] = proseAbove[i] || ((!paragraphs[i].headline || paragraphs[i].endsWithScriptStop)
                                                  && paragraphs[i].language.letters >= Splitter.shortCueLetters)
        }
        // Per cut: the tail's letters (`TopicShift.minLetters`).
        var tailLetters = [Int](repeating: 0, count: n + 1)
        for i in stride(from: n - 1, through: firstCandidate, by: -1) { tailLetters[i] = tailLetters[i + 1] + topicLetters(paragraphs[i], minimum: s.topic.minLetters) }
        for k in firstCandidate..<n {
            defer { prose += paragraphs[k].headline ? 0 : 1 }
            guard !uncuttable[k] else { continue }
            let z = k >= firstSameLanguageTail && k >= topicFrom && !dialogue[k] && !contentMarked
                ? s.topic.qualifyingLogit(coherence?.blocks(cut: k), cut: k, paragraphs: n, prose: prose, uncued: uncued[k],
                                          letters: tailLetters[k]) : nil
            if let z, topicCut == nil || z > topicLogit { topicLogit = z; topicCut = k }
            logitAt[k] = z
            var score = 0.0
            for i in k..<n {
                score += base[i] + coherenceEvidence(tailSimilarity(paragraphs, i, cut: k, marks: marks, coherence: coherence),
                                                     topical: marks.topical[i], settings: s)
            }
            evidenceAt[k] = score
            scoreAt[k] = s.topic.score(score, logit: z, margin: s.margin)
        }
        if let t = topicCut, topicLogit > 0, let h = gluedStoryHeadline(paragraphs, after: t, marks: marks, logits: logitAt) {
            // The headline's cut takes the shift's score: the story is what the shift found.
            if let here = scoreAt[h], let shifted = scoreAt[t] { scoreAt[h] = max(here, shifted) }
            for k in t..<h { scoreAt[k] = evidenceAt[k] }
            (topicCut, topicLogit) = (h, logitAt[h] ?? 0)
        }
        // A cue paragraph just before the topic shift goes with the shifted tail: the topic
        // term speaks for the cut after it, and the cue adds its own evidence to that (a
        // timestamp line over a desk's initials, hashtags over a like prompt). So does what a
        // closing cue already gave away (the issuer's boilerplate under "About Trevo": its
        // evidence is at least 0, above).
        if let t = topicCut, topicLogit > 0 {
            var k = t - 1
            while k >= firstCandidate && (base[k] > 0 || marks.closed[k]), let here = scoreAt[k], let next = scoreAt[k + 1],
                  let e = evidenceAt[k], let eNext = evidenceAt[k + 1] {
                scoreAt[k] = max(here, next + (e - eNext))
                k -= 1
            }
            // So does a cue a paragraph or two further up when its evidence outweighs what lies
            // between (a tester's "How we tested" over its method paragraph): the cut before it
            // gains what the paragraphs from it to the run add, as the run's own cue did.
            let runStart = k + 1
            if let runScore = scoreAt[runStart], let runEvidence = evidenceAt[runStart] {
                var j = runStart - 1
                while j >= max(firstCandidate, runStart - Splitter.cueReach) {
                    if base[j] > 0, let here = scoreAt[j], let e = evidenceAt[j], e - runEvidence > Splitter.tie {
                        scoreAt[j] = max(here, runScore + (e - runEvidence))
                    }
                    j -= 1
                }
            }
        }
        // A story glued on over a cue-marked footer (a brief with its headline, then the
        // page's copyright line): its headline's cut takes the footer's score as well as the
        // shift's. Either alone scores less than the footer's own cut, which would leave the
        // story as the article's last paragraphs.
        if let t = topicCut, topicLogit > 0, let z = logitAt[t], let here = scoreAt[t],
           Splitter.startsGluedStory(paragraphs, at: t, marks: marks),
           let f = (t..<n).first(where: { marks.marked[$0] }), f >= t + 2, let footer = scoreAt[f] {
            scoreAt[t] = max(here, footer + s.topic.weight * z)
        }
        for k in firstCandidate..<n {
            // A cut must leave some prose above it when its tail holds paragraphs no cue marks:
            // a page whose headline, date and byline ("记者 X") are all that precede a story
            // about copyright fires the byline and copyright cues through its body, and the cut
            // after the headline would take the whole article for its footer.
            guard let score = scoreAt[k], proseAbove[k] || unmarkedProse[k] < Splitter.unmarkedProseUnderHeadline else { continue }
            // Ties go to the later cut: cut as little as the evidence allows. A paragraph must
            // add more than `Splitter.tie` to the cut to go with it.
            if score > bestScore - tie && score > 0 { bestScore = max(score, bestScore); best = k }
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
        // A line that heads the first appended paragraph (its subject's name) is its header.
        if best < n && bestScore >= s.margin && best > s.minPrimaryParagraphs && heads(paragraphs[best - 1], paragraphs[best]) { best -= 1 }
        let shown = evidence(paragraphs, base: base, cut: best, marks: marks, coherence: coherence, settings: s)
        if best == n || bestScore < s.margin {
            return SplitDecision(firstAppended: n, evidence: shown, margin: bestScore - s.margin,
                                 reason: best == n ? "no tail with appended evidence" : "best tail below the margin",
                                 topicCut: topicCut, topicLogit: topicLogit)
        }
        if n <= s.shortDocumentParagraphs {
            let certain = paragraphs[best...].contains { $0.rules.contains { $0.weight >= s.certainPattern } }
            if !certain {
                return SplitDecision(firstAppended: n, evidence: shown, margin: bestScore - s.margin,
                                     reason: "short document without a certain pattern", topicCut: topicCut, topicLogit: topicLogit)
            }
        }
        let topical = topicCut == best && topicLogit > 0
        return SplitDecision(firstAppended: best, evidence: shown, margin: bestScore - s.margin,
                             reason: reason(paragraphs[best...], primary: primary, topicShift: topical),
                             topicCut: topicCut, topicLogit: topicLogit)
    }

    /// Below this many letters, a cue-marked line's language does not bar the topic term from
    /// the cuts above it: a copyright or credit line is mostly names, and a short line's
    /// language is its names'.
    static let shortCueLetters = 40

    /// The fewest letters of the paragraph under a glued-on story's headline: a story's
    /// opening sentence, not a share bar or a credit line.
    static let gluedStoryBodyLetters = 80

    /// Whether paragraph `h` is a headline over a story's first paragraph: a body of
    /// `gluedStoryBodyLetters` letters or more that no cue marks (not a share bar, credit line
    /// or a second headline).
    static func startsGluedStory(_ paragraphs: [ParagraphEvidence], at h: Int, marks: Marks) -> Bool {
        guard paragraphs[h].headline, h + 1 < paragraphs.count else { return false }
        let body = paragraphs[h + 1]
        return !body.headline && !marks.marked[h + 1] && body.language.letters >= gluedStoryBodyLetters
    }

    /// How many opening paragraphs (headline, byline, first body paragraph) may carry the
    /// article's own dateline.
    static let datelineOpening = 4

    /// A story glued onto the page starts at its headline: when the strongest topic shift is
    /// at `t` and an unmarked headline further down, with body text under it, is a topic
    /// shift too, the paragraphs between are the article's last ones (a closing line on the
    /// next steps shares few words with the report above it, so the shift reads stronger one
    /// paragraph early). Nil when no such headline follows `t` without a cue between.
    ///
    /// A paragraph that opens with a dateline starts a story the same way, when the article
    /// itself opened with one among its first paragraphs: a regional page's police brief
    /// ("HOHENFURT – Unbekannte sind …") glued under a council story from the same town
    /// repeats the page's own way of starting a story, whatever words it shares.
    static func gluedStoryHeadline(_ paragraphs: [ParagraphEvidence], after t: Int, marks: Marks, logits: [Double?]) -> Int? {
        let datelined = paragraphs.prefix(min(t, datelineOpening)).contains(where: \.opensWithDateline)
        var h = t + 1
        while h < paragraphs.count {
            guard !marks.marked[h - 1] && !marks.marked[h] else { return nil }
            if datelined && paragraphs[h].opensWithDateline { return h }
            guard h < paragraphs.count - 1 else { return nil }
            if paragraphs[h].headline {
                guard startsGluedStory(paragraphs, at: h, marks: marks), let z = logits[h], z > 0 else { return nil }
                return h
            }
            h += 1
        }
        return nil
    }

    /// Whether `line` is the header of `next`, the first appended paragraph: the start of `next`
    /// (its subject's name), a name over the author's bio, byline, contact line, related
    /// list or source and photo line (how pages in many countries sign an article), or a
    /// headline over a line that trails its headline (``RuleSet/Pattern/trailsHeadline``: the
    /// date printed under a related item). Not a name that a content cue marks: a blogger's
    /// sign-off ("Eure Julia") over the site's disclosure is the post's.
    static func heads(_ line: ParagraphEvidence, _ next: ParagraphEvidence) -> Bool {
        line.headsNext || (line.nameLine && !line.marksContent && next.rules.contains { Splitter.headedKinds.contains($0.kind) })
            || (line.headline && next.rules.contains(where: \.trailsHeadline))
    }

    /// The cue kinds a bare name line over them heads (not `newsletter`: see ``ParagraphEvidence/nameLine``).
    static let headedKinds: Set<String> = ["bio", "byline", "contact", "related", "source"]

    /// Cut scores this close count as equal (and the later cut wins): a paragraph with next to
    /// no evidence either way stays with the primary content.
    static let tie = 0.01

    /// How many paragraphs without a cue a tail may hold when nothing but headlines (a title, a
    /// date, a byline) would stay above it.
    static let unmarkedProseUnderHeadline = 2

    /// How many paragraphs above a topic shift's cue run a cue may stand and still take the
    /// paragraphs between it and the run along (when its evidence outweighs theirs).
    static let cueReach = 3

    static func reason(_ tail: ArraySlice<ParagraphEvidence>, primary: String, topicShift: Bool = false) -> String {
        // Sorted, each name once, as lists: a tail has a few of each, and hashing them into
        // sets cost more than sorting them.
        func joinedOnce(_ names: inout [String]) -> String {
            names.sort()
            var out = ""
            for i in names.indices where i == 0 || names[i] != names[i - 1] {
                if i > 0 { out += "," }
                out += names[i]
            }
            return out
        }
        var langs: [String] = [], kinds: [String] = []
        for i in tail.indices {
            let code = tail[i].language.code
            if code != primary && code != "und" { langs.append(code) }
            for r in tail[i].rules { kinds.append(r.kind) }
        }
        var parts: [String] = []
        if !langs.isEmpty { parts.append("other language (\(joinedOnce(&langs)))") }
        if !kinds.isEmpty { parts.append("patterns (\(joinedOnce(&kinds)))") }
        if topicShift { parts.append("off-topic (topic shift)") }
        if parts.isEmpty { parts.append("off-topic (low coherence)") }
        return parts.joined(separator: "; ")
    }
}
