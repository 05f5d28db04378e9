import Dispatch

/// One paragraph of an analysed document.
public struct ParagraphReport: Sendable {
    /// Byte range in the document's UTF-8 text.
    public var byteRange: Range<Int>
    /// Range in Unicode code points (as Python indexes strings).
    public var start: Int
    public var end: Int
    public var evidence: ParagraphEvidence
    /// The paragraph's appended evidence in the split decision.
    public var score: Double
    public var appended: Bool
}

/// The result of filtering one document.
public struct DocumentAnalysis: Sendable {
    public var paragraphs: [ParagraphReport]
    /// The document's primary language (ISO 639-1 where one exists, else 639-3, `und`).
    public var language: String
    /// Byte offset where the appended material starts (the text's length when nothing is).
    public var splitByte: Int
    /// The same offset in Unicode code points.
    public var splitCodePoint: Int
    public var decision: SplitDecision
    /// The similarities the decision used (for `--explain` and tuning).
    public var coherence: Coherence.Scores

    public var hasAppended: Bool { decision.firstAppended < paragraphs.count }
}

/// The whole pipeline for one worker: document → paragraphs → scored paragraphs → split.
///
/// Not thread-safe (ICU iterators and regexes are per worker): `copy()` makes another worker's.
public final class DocumentFilter {
    public let rules: RuleSet
    let identifier: LanguageIdentifier
    let segmenter: Segmenter
    let matcher: RuleMatcher
    let terms: TermExtractor
    let termScratch = TermExtractor.Scratch()
    let gramScratch = Coherence.GramTable()
    /// The words of the paragraph being analysed (storage reused from one paragraph to the next).
    private var wordScratch: [Word] = []

    /// Paragraph bytes beyond this are not scored (they are still split and written): a sample
    /// of 64 KiB decides a paragraph's language and vocabulary as well as 100 MB would.
    public static let analysisLimit = 1 << 16
    /// Bytes of a paragraph that language identification reads.
    public static let languageSampleLimit = 1024

    public init(rules: RuleSet, model: LanguageModel = .embedded) throws {
        self.rules = rules
        identifier = LanguageIdentifier(model: model)
        segmenter = try Segmenter()
        matcher = try RuleMatcher(rules)
        terms = TermExtractor(model: model)
    }

    private init(copying other: DocumentFilter) {
        rules = other.rules
        identifier = LanguageIdentifier(model: other.identifier.model)
        segmenter = other.segmenter.copy()
        matcher = other.matcher.copy()
        terms = other.terms
    }

    /// A filter for another thread.
    public func copy() -> DocumentFilter { DocumentFilter(copying: self) }

    /// Starts the start-up work that does not depend on the command line on other threads:
    /// the built-in `default` rule set's parse (``RuleSet/prepareAhead()``) and the script table
    /// that language identification reads (65,536 ICU lookups, a tenth of the instructions of a
    /// run over one small document, which otherwise came after the command line's parse and
    /// the rules' on the main thread).
    public static func prepareAhead() {
        RuleSet.prepareAhead()
        DispatchQueue.global().async { _ = ScriptTable.shared }
    }

    /// A paragraph's language. Language needs less text than vocabulary: the first KiB decides
    /// it as well as the whole would, at a fraction of the lookups.
    private func languageGuess(of sample: UnsafeBufferPointer<UInt8>) -> LanguageGuess {
        identifier.identify(utf8: UnsafeBufferPointer(rebasing: sample[0..<utf8Prefix(sample, 0..<sample.count, DocumentFilter.languageSampleLimit)]))
    }

    /// The cue patterns that fire on a paragraph, less those that fire only inside its
    /// quotations: a notice or an appeal someone is quoted saying ("« abonnez-vous », conclut-elle",
    /// a photo's „© … Minden jog fenntartva” read out as evidence) is what the article reports,
    /// not a footer of the page.
    private func cueHits(_ sample: UnsafeBufferPointer<UInt8>, characters: Int, language: String,
                         documentLanguage: String) -> [RuleSet.Pattern] {
        let hits = matcher.hits(sample, characters: characters, language: language, documentLanguage: documentLanguage)
        guard !hits.isEmpty, let outside = Quotations.outside(sample) else { return hits }
        // The same patterns are eligible (the paragraph's length, not the shorter text's).
        let unquoted = outside.withUnsafeBufferPointer {
            matcher.hits($0, characters: characters, language: language, documentLanguage: documentLanguage)
        }
        // A line quoted from end to end (no letter or digit outside its marks) is a site's link
        // bar when a navigation cue fires on it ("« 前の記事：… ｜ 次の記事：… »"): nobody is
        // quoted saying "previous post".
        // (Read only when a navigation cue fires at all.)
        let wholeLine = hits.contains { $0.kind == "navigation" }
            && !outside.contains { b in b >= 0x80 || (0x30...0x39).contains(b) || (0x61...0x7A).contains(b | 0x20) }
        return hits.filter { hit in
            unquoted.contains { $0.id == hit.id } || (wholeLine && hit.kind == "navigation")
        }
    }

    /// A bio of someone the article has already written about is the article's: the story's
    /// subject (a prize-winning journalist, a columnist's obituary, a novelist profiled), not
    /// its author. When a paragraph that a `bio` pattern marks opens with a name
    /// (`leadingName`) that an earlier prose paragraph without cues holds (at least
    /// `subjectProse` code points: not a byline, a title or a name line over the bio), its
    /// `bio` hits are dropped (other cues stay). An author's bio names someone the article
    /// does not mention, except in the byline.
    private func dropSubjectBios(_ evidence: inout [ParagraphEvidence], _ samples: [UnsafeBufferPointer<UInt8>], from first: Int) {
        for i in min(first, evidence.count)..<evidence.count where evidence[i].rules.contains(where: { $0.kind == "bio" }) {
            guard let name = leadingName(samples[i]) else { continue }
            let mentioned = (0..<i).contains { j in
                evidence[j].characters >= DocumentFilter.subjectProse && evidence[j].rules.isEmpty && containsBytes(samples[j], name)
            }
            if mentioned { evidence[i].rules.removeAll { $0.kind == "bio" } }
        }
    }

    /// A content cue (a negative weight: a police appeal, an obituary's closing lines) speaks
    /// for the article it ends; right under a line that a credit, source, copyright or licence
    /// cue marks ("kla/dpa", "© 2025 The Ledger", a photo credit), the article has ended, and
    /// the paragraph is another story glued on below ("Polizei sucht Zeugen: …" under a
    /// story's agency line). Its content cues are dropped; other cues stay.
    private func dropContentUnderCredits(_ evidence: inout [ParagraphEvidence], from first: Int) {
        for i in max(first, 1)..<max(evidence.count, 1) where evidence[i].marksContent {
            let closing = evidence[i - 1].rules.contains { $0.weight > 0 && DocumentFilter.articleClosingKinds.contains($0.kind) }
            if closing { evidence[i].rules.removeAll { $0.weight < 0 } }
        }
    }

    /// The cue kinds that mark a line under an article's end (``dropContentUnderCredits(_:from:)``).
    static let articleClosingKinds: Set<String> = ["credit", "source", "copyright", "licence"]

    /// The shortest paragraph above a footer that may be the article's own (``footerUnderShift(_:_:)``).
    static let articleProse = 100

    /// The shortest paragraph in which a mention makes a bio's subject the article's (a
    /// byline or a title is shorter).
    static let subjectProse = 150

    public func analyse(_ text: String) -> DocumentAnalysis {
        var t = text
        return t.withUTF8 { analyse($0) }
    }

    /// Analyses a document given as UTF-8 bytes (invalid sequences are scored as U+FFFD; the
    /// offsets still refer to the original bytes).
    public func analyse(_ bytes: UnsafeBufferPointer<UInt8>) -> DocumentAnalysis { analyse(bytes, prefix: false) }

    /// The first paragraph of a cue-marked footer that a topic-shift cut took together with
    /// unmarked paragraphs above it, or nil: the cut is the topic term's, the tail starts
    /// with paragraphs no cue marks, and a cue marks one further down.
    private func footerUnderShift(_ d: SplitDecision, _ evidence: [ParagraphEvidence]) -> Int? {
        let k = d.firstAppended
        guard k < evidence.count, d.topicCut == k, d.topicLogit > 0, evidence[k].rules.isEmpty else { return nil }
        // (Unmarked short lines right above the cues are mostly the footer's own, and so is
        // one unmarked paragraph: an adaptation note, a follow prompt, a source line no pattern
        // knows. Two paragraphs or more of prose may be the article's last ones.)
        guard let c = (k + 1..<evidence.count).first(where: { !evidence[$0].rules.isEmpty }), c - k >= 2,
              evidence[k..<c].allSatisfy({ $0.characters >= DocumentFilter.articleProse }) else { return nil }
        return c
    }

    /// `analyse`; `prefix`: the call reads the head of a document above its footer
    /// (``footerUnderShift(_:_:)``), and does not look for a footer again.
    private func analyse(_ bytes: UnsafeBufferPointer<UInt8>, prefix: Bool) -> DocumentAnalysis {
        let ranges = ParagraphSplitter.paragraphs(in: bytes)
        let settings = rules.split

        // Pass 1: each paragraph's language, which fixes the document's primary language.
        var evidence: [ParagraphEvidence] = []
        var samples: [UnsafeBufferPointer<UInt8>] = []
        evidence.reserveCapacity(ranges.count)
        samples.reserveCapacity(ranges.count)
        for r in ranges {
            let sample = UnsafeBufferPointer(rebasing: bytes[r.lowerBound..<(r.lowerBound + utf8Prefix(bytes, r, DocumentFilter.analysisLimit))])
            samples.append(sample)
            evidence.append(ParagraphEvidence(language: languageGuess(of: sample), coherence: 0, coherenceWithRest: 0,
                                              rules: [], characters: codePoints(UnsafeBufferPointer(rebasing: bytes[r]))))
        }
        let primary = Splitter.primaryLanguage(evidence, settings: settings)
        // A paragraph that reads as another language only because it quotes someone in that
        // language is in the language around its quotations.
        if primary != "und" {
            for i in evidence.indices where evidence[i].language.code != primary {
                guard let outside = Quotations.outside(samples[i]) else { continue }
                let guess = outside.withUnsafeBufferPointer { languageGuess(of: $0) }
                if guess.code == primary && guess.probability >= settings.minLanguageProbability && guess.letters >= settings.minLetters {
                    evidence[i].language = guess
                } else if guess.letters > 0 && guess.letters < settings.minLetters {
                    // An attribution (", she said") too short to identify: the quotation's
                    // language is the speaker's.
                    evidence[i].attributedQuotation = true
                } else if guess.letters == 0 && i > 0 && evidence[i - 1].language.code == primary
                            && Quotations.opensWithQuotation(samples[i]) {
                    // Quoted from end to end under a paragraph of the article: the speaker the
                    // paragraph above introduces ("… he answered, for the first time that
                    // evening, in English.").
                    evidence[i].attributedQuotation = true
                }
            }
        }
        if let scripts = identifier.model.languages.first(where: { $0.code == primary })?.scripts {
            for i in evidence.indices where evidence[i].language.letters > 0 {
                evidence[i].scriptExcludesPrimary = !scripts.contains(evidence[i].language.script)
            }
        }

        // Pass 2: vocabulary (ICU words, weighted for the primary language), register (style,
        // character grams) and cue patterns.
        let language = terms.language(primary)
        let vectors = samples.map { sample in
            segmenter.words(in: sample, into: &wordScratch)
            return terms.vector(sample, words: wordScratch, language: language, scratch: termScratch)
        }
        let caseTable = identifier.model.caseTable
        // The register comparisons serve the cuts only: a one-paragraph document has none.
        let hasCuts = samples.count >= 2
        let styles = hasCuts ? samples.map { ParagraphStyle(utf8: $0, caseTable: caseTable) } : []
        let grams = hasCuts ? Coherence.CharacterGrams(samples, characters: evidence.map(\.characters), from: Coherence.gramWindowStart(paragraphs: samples.count),
                                                       caseTable: caseTable, scratch: gramScratch) : Coherence.CharacterGrams()
        let coherence = Coherence.scores(vectors, styles: styles, grams: grams)
        // Cue patterns only where appended material can start: the first paragraphs always stay
        // primary, and only the last `Coherence.maxTail` can begin a tail.
        let firstCandidate = max(settings.minPrimaryParagraphs, ranges.count - Coherence.maxTail)
        for i in evidence.indices {
            evidence[i].coherence = coherence.withPreceding[i]
            evidence[i].coherenceWithRest = coherence.withRest[i]
            // (Every paragraph's: a dialogue before the cuts makes their tails its turns.)
            let last = lastCodePoint(samples[i])
            evidence[i].introducesNext = (last == 0x3A || last == 0xFF1A) && !endsWithSmiley(samples[i])
            evidence[i].asks = last == 0x3F || last == 0xFF1F || last == 0x061F
            evidence[i].endsWithScriptStop = endsWithScriptStop(last)
            evidence[i].opensTurn = opensWithDialogueDash(samples[i]) || opensWithQuestionLabel(samples[i])
            evidence[i].opensQuotation = i >= firstCandidate && Quotations.opensWithQuotation(samples[i])
            evidence[i].itemNumber = itemNumber(samples[i])
            evidence[i].bullet = bullet(samples[i])
            evidence[i].opensWithLabel = opensWithLabel(samples[i])
            evidence[i].opensWithDateline = opensWithDateline(samples[i], letters: evidence[i].language.letters)
            if i >= firstCandidate {
                evidence[i].headline = isHeadline(samples[i], characters: evidence[i].characters, letters: evidence[i].language.letters,
                                                  last: last)
                evidence[i].looksLikeCode = looksLikeCode(samples[i], last: last)
                evidence[i].rules = cueHits(samples[i], characters: evidence[i].characters, language: evidence[i].language.code,
                                            documentLanguage: primary)
            }
            if i + 1 >= firstCandidate && i + 1 < samples.count {
                evidence[i].headsNext = isLeadingLine(samples[i], of: samples[i + 1], characters: evidence[i].characters, letters: evidence[i].language.letters)
            }
            // (The last paragraph too: a signature under the article, for the topic term.)
            if i + 1 >= firstCandidate {
                evidence[i].nameLine = isNameLine(samples[i], characters: evidence[i].characters)
            }
            // (The paragraph before: a short one ending with a comma, or one a sign-off cue marks,
            // "That's all for this week …", then "— Tom".)
            if i >= firstCandidate, i > 0,
               (evidence[i - 1].characters <= Splitter.valedictionLimit && lastCodePoint(samples[i - 1]) == 0x2C)
                || evidence[i - 1].marksContent {
                evidence[i].signsValediction = isSignature(samples[i], characters: evidence[i].characters)
            }
        }
        dropSubjectBios(&evidence, samples, from: firstCandidate)
        dropContentUnderCredits(&evidence, from: firstCandidate)
        var decision = Splitter.decide(evidence, primary: primary, settings: settings, coherence: coherence)
        if !prefix, let footer = footerUnderShift(decision, evidence) {
            // The topic shift took the article's last paragraphs along with a footer under them:
            // the footer's lines (a photo credit, a contact line) share no words with anything,
            // so a tail that holds them reads as a shift whatever is above them. The paragraphs
            // above the footer go only if they are a shift on their own: the document cut
            // where the footer starts is read again, and when it keeps them, the topic term
            // may only cut at the footer or below.
            let head = UnsafeBufferPointer(rebasing: bytes[0..<ranges[footer].lowerBound])
            if analyse(head, prefix: true).decision.firstAppended >= footer {
                decision = Splitter.decide(evidence, primary: primary, settings: settings, coherence: coherence, topicFrom: footer)
            }
        }

        // Offsets: bytes and code points.
        var reports: [ParagraphReport] = []
        reports.reserveCapacity(ranges.count)
        var cpBefore = 0, lastByte = 0
        for (i, r) in ranges.enumerated() {
            cpBefore += codePoints(UnsafeBufferPointer(rebasing: bytes[lastByte..<r.lowerBound]))
            let start = cpBefore
            cpBefore += evidence[i].characters
            lastByte = r.upperBound
            reports.append(ParagraphReport(byteRange: r, start: start, end: cpBefore, evidence: evidence[i],
                                           score: decision.evidence[i], appended: i >= decision.firstAppended))
        }
        let splitByte = decision.firstAppended < ranges.count ? ranges[decision.firstAppended].lowerBound : bytes.count
        let splitCP = decision.firstAppended < ranges.count ? reports[decision.firstAppended].start
            : cpBefore + codePoints(UnsafeBufferPointer(rebasing: bytes[lastByte..<bytes.count]))
        return DocumentAnalysis(paragraphs: reports, language: primary, splitByte: splitByte, splitCodePoint: splitCP,
                                decision: decision, coherence: coherence)
    }
}
