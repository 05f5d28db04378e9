import Testing
@testable import SegmentFilter

@Suite struct SplitterTests {
    func para(_ code: String, p: Double = 0.99, letters: Int = 200, coherence: Float = 0.3, rules: [RuleSet.Pattern] = []) -> ParagraphEvidence {
        ParagraphEvidence(language: LanguageGuess(code: code, probability: p, top: [(code, p)], script: "Latn", letters: letters),
                          coherence: coherence, coherenceWithRest: coherence, rules: rules, characters: letters)
    }

    let settings = SplitSettings()

    /// Runs of consecutive pattern-marked paragraphs start where the first marked one is; an
    /// unmarked paragraph starts its own.
    @Test func markedRunsStartAtTheirFirstMarkedParagraph() {
        let cue = RuleSet.Pattern(id: "c", kind: "navigation", weight: 2.5, languages: [], maxChars: 100, regex: "x", origin: "")
        let ps = [para("en"), para("en", rules: [cue]), para("en", rules: [cue]), para("en"), para("en", rules: [cue]), para("en", rules: [cue]), para("en", rules: [cue])]
        #expect(Splitter.Marks(ps, listed: ps.map { _ in false }).runStart == [0, 1, 1, 3, 4, 4, 4])
    }

    /// A tag line repeats the article's words: its likeness to the primary content keeps it
    /// unless the pattern that marks it is `topical`, and then only the cue and the language
    /// count (likeness never counts *for* such a line either way: a dissimilar one still gets the
    /// low-coherence evidence).
    @Test func aTopicalPatternsLikenessDoesNotCountAgainstTheCut() {
        var cue = RuleSet.Pattern(id: "tags", kind: "navigation", weight: 2.5, languages: [], maxChars: 100, regex: "x", origin: "")
        let body = [para("en"), para("en"), para("en")]
        #expect(Splitter.decide(body + [para("en", coherence: 0.3, rules: [cue])], primary: "en", settings: settings).firstAppended == 4)
        cue.topical = true
        let d = Splitter.decide(body + [para("en", coherence: 0.3, rules: [cue])], primary: "en", settings: settings)
        #expect(d.firstAppended == 3)
        #expect(Splitter.coherenceEvidence(0, topical: true, settings: settings) == Splitter.coherenceEvidence(0, settings: settings))
        #expect(Splitter.coherenceEvidence(0, topical: true, settings: settings) > 0)
        #expect(Splitter.coherenceEvidence(0.3, topical: true, settings: settings) == 0)
        #expect(Splitter.coherenceEvidence(0.3, topical: false, settings: settings) < 0)
    }

    /// A copyright line that names the organisation the article is about shares its words; with
    /// `topical_max_chars` that likeness does not count against cutting it, while a long
    /// paragraph the same pattern fires on (a story about copyright) is still judged by it.
    @Test func topicalMaxCharsSparesShortLinesOnly() {
        var cue = RuleSet.Pattern(id: "copyright", kind: "copyright", weight: 2.5, languages: [], maxChars: 400, regex: "x", origin: "")
        cue.topicalMaxChars = 100
        let body = [para("en"), para("en"), para("en")]
        #expect(Splitter.decide(body + [para("en", letters: 60, coherence: 0.3, rules: [cue])], primary: "en", settings: settings).firstAppended == 3)
        #expect(Splitter.decide(body + [para("en", letters: 220, coherence: 0.3, rules: [cue])], primary: "en", settings: settings).firstAppended == 4)
    }

    /// A cut leaves some prose above it when its tail holds paragraphs no cue marks: under a
    /// headline, a date and a byline, a story about copyright fires the byline's and the
    /// copyright cue, and a cut after the headline would take the whole story for its footer.
    @Test func aCutLeavesProseAboveATailOfUnmarkedParagraphs() {
        let byline = RuleSet.Pattern(id: "byline", kind: "bio", weight: 4.0, languages: [], maxChars: 100, regex: "x", origin: "")
        let copyright = RuleSet.Pattern(id: "copyright", kind: "copyright", weight: 2.5, languages: [], maxChars: 400, regex: "x", origin: "")
        var headline = para("zh", letters: 25)
        headline.headline = true
        let top = [headline, para("und", p: 0, letters: 0, coherence: 0), para("zh", letters: 5, coherence: 0, rules: [byline])]
        let story = [para("zh", coherence: 0.02, rules: [copyright]), para("zh", coherence: 0.02), para("zh", coherence: 0.02, rules: [copyright]),
                     para("zh", coherence: 0.02)]
        #expect(Splitter.decide(top + story, primary: "zh", settings: settings).firstAppended >= top.count + 1)
        // A tail that cues mark throughout may still follow the headline alone.
        let footer = [para("zh", letters: 30, coherence: 0, rules: [copyright]), para("zh", letters: 30, coherence: 0, rules: [copyright])]
        #expect(Splitter.decide([headline, para("zh"), para("zh")] + footer, primary: "zh", settings: settings).firstAppended == 3)
    }

    @Test func otherLanguageTailIsCut() {
        let ps = [para("en"), para("en"), para("en"), para("tl", coherence: 0)]
        let d = Splitter.decide(ps, primary: "en", settings: settings)
        #expect(d.firstAppended == 3)
        #expect(d.margin > 0)
        #expect(d.reason.contains("other language"))
    }

    /// An unsure guess (an unknown language) is no evidence, unless the paragraph's script rules
    /// the primary language out: Latin letters at the end of a Korean document.
    @Test func aScriptThePrimaryLanguageIsNotWrittenInIsEvidence() {
        var unsure = para("ig", p: 0.35, coherence: 0)
        #expect(Splitter.decide([para("ko"), para("ko"), para("ko"), unsure], primary: "ko", settings: settings).firstAppended == 4)
        unsure.scriptExcludesPrimary = true
        let d = Splitter.decide([para("ko"), para("ko"), para("ko"), unsure], primary: "ko", settings: settings)
        #expect(d.firstAppended == 3)
    }

    /// A document in a language without a profile (each paragraph out of model) followed by
    /// an English credit: the document's language is `und`, not English, and the credit goes.
    @Test func aDocumentInALanguageWithoutAProfileLosesItsKnownLanguageTail() {
        var unknown = para("und", p: 0)
        unknown.language.outOfModel = true
        let ps = [unknown, unknown, unknown, para("en", letters: 60, coherence: 0)]
        #expect(Splitter.primaryLanguage(ps, settings: settings) == "und")
        #expect(Splitter.decide(ps, primary: "und", settings: settings).firstAppended == 3)
        // An unsure guess at the end stays.
        #expect(Splitter.decide(ps.dropLast() + [para("en", p: 0.3, coherence: 0)], primary: "und", settings: settings).firstAppended == 4)
    }

    @Test func nothingAppendedIsAFirstClassAnswer() {
        let ps = [para("en"), para("en"), para("en"), para("en")]
        #expect(Splitter.decide(ps, primary: "en", settings: settings).firstAppended == 4)
    }

    @Test func aForeignParagraphInTheMiddleIsNotCut() {
        let ps = [para("en"), para("fr", coherence: 0), para("en"), para("en"), para("en")]
        #expect(Splitter.decide(ps, primary: "en", settings: settings).firstAppended == 5)
    }

    @Test func shortDocumentsNeedACertainPattern() {
        let ps = [para("en"), para("de", coherence: 0)]
        #expect(Splitter.decide(ps, primary: "en", settings: settings).firstAppended == 2)
        let certain = RuleSet.Pattern(id: "c", kind: "copyright", weight: 3.5, languages: [], maxChars: 100, regex: "x", origin: "")
        let ps2 = [para("en"), para("en", coherence: 0, rules: [certain])]
        #expect(Splitter.decide(ps2, primary: "en", settings: settings).firstAppended == 1)
    }

    /// A paragraph with next to no evidence either way before a foreign tail stays: a cut
    /// takes a paragraph only for more than `Splitter.tie` of evidence.
    @Test func nearZeroEvidenceStaysWithThePrimaryContent() {
        let nudge = RuleSet.Pattern(id: "n", kind: "credit", weight: 1.005, languages: [], maxChars: 100, regex: "x", origin: "")
        let flat = para("und", p: 0, letters: 5, coherence: Float(settings.coherenceThreshold), rules: [nudge])
        #expect(abs(Splitter.baseEvidence(flat, primary: "en", settings: settings) - 0.005) < 1e-9)
        let ps = [para("en"), para("en"), para("en"), flat, para("tl", coherence: 0)]
        #expect(Splitter.decide(ps, primary: "en", settings: settings).firstAppended == 4)
    }

    /// The undated headlines of a related-story list count after its header, and only there.
    @Test func headlinesAfterARelatedHeaderAreAppended() {
        let related = RuleSet.Pattern(id: "r", kind: "related", weight: 3, languages: [], maxChars: 200, regex: "x", origin: "")
        func headline(_ coherence: Float = 0.2) -> ParagraphEvidence {
            var p = para("en", letters: 40, coherence: coherence)
            p.headline = true
            return p
        }
        let header = para("en", letters: 10, coherence: 0, rules: [related])
        let article = [para("en"), para("en"), para("en"), para("en")]
        var base = (article + [header, headline(), headline()]).map { Splitter.baseEvidence($0, primary: "en", settings: settings) }
        let before = base
        Splitter.addHeadlineRuns(article + [header, headline(), headline()], to: &base, settings: settings)
        #expect(base[5] == before[5] + settings.headlineAfterRelated && base[6] == before[6] + settings.headlineAfterRelated)
        #expect(Splitter.decide(article + [header, headline(), headline()], primary: "en", settings: settings).firstAppended == 4)
        // A paragraph that is not a headline ends the run; headlines without a header get nothing.
        var base2 = (article + [header, para("en"), headline()]).map { Splitter.baseEvidence($0, primary: "en", settings: settings) }
        let before2 = base2
        Splitter.addHeadlineRuns(article + [header, para("en"), headline()], to: &base2, settings: settings)
        #expect(base2 == before2)
        var base3 = (article + [headline(), headline()]).map { Splitter.baseEvidence($0, primary: "en", settings: settings) }
        let before3 = base3
        Splitter.addHeadlineRuns(article + [headline(), headline()], to: &base3, settings: settings)
        #expect(base3 == before3)
    }

    /// After any other cue, a footer's loose lines (a headline each) count `headlineAfterCue`,
    /// and a related header inside the run raises what the lines after it get.
    @Test func headlinesAfterAnyCueCountLess() {
        let newsletter = RuleSet.Pattern(id: "n", kind: "newsletter", weight: 2.5, languages: [], maxChars: 200, regex: "x", origin: "")
        let related = RuleSet.Pattern(id: "r", kind: "related", weight: 3, languages: [], maxChars: 200, regex: "x", origin: "")
        var line = para("en", letters: 14, coherence: 0.2)
        line.headline = true
        let ps = [para("en"), para("en"), para("en", coherence: 0, rules: [newsletter]), line, line, para("en", rules: [related]), line, para("en"), line]
        var base = ps.map { Splitter.baseEvidence($0, primary: "en", settings: settings) }
        let before = base
        Splitter.addHeadlineRuns(ps, to: &base, settings: settings)
        let added = zip(base, before).map { $0 - $1 }
        #expect(added == [0, 0, 0, settings.headlineAfterCue, settings.headlineAfterCue, 0, settings.headlineAfterRelated, 0, 0])
    }

    /// No cut inside what a colon introduces: right after the introduction, between the list
    /// items after it, or at an unmarked introduction; a marked one ("Related:") may start a tail.
    @Test func aListAfterAColonIsNotCut() {
        func item() -> ParagraphEvidence { var p = para("en", letters: 14, coherence: 0); p.headline = true; return p }
        var intro = para("en", letters: 20)
        intro.introducesNext = true
        let ps = [para("en"), para("en"), intro, item(), item(), item(), para("en")]
        #expect(Splitter.listContinuations(ps) == [false, false, true, true, true, true, false])
        let related = RuleSet.Pattern(id: "r", kind: "related", weight: 3, languages: [], maxChars: 200, regex: "x", origin: "")
        var header = intro
        header.rules = [related]
        #expect(Splitter.listContinuations([para("en"), para("en"), header, item(), item()]) == [false, false, false, true, true])
        // Items in another language after the introduction stay.
        var foreign = item()
        foreign.language = LanguageGuess(code: "wa", probability: 0.99, top: [("wa", 0.99)], script: "Latn", letters: 14)
        #expect(Splitter.decide([para("en"), para("en"), intro, foreign, foreign], primary: "en", settings: settings).firstAppended == 5)
        #expect(Splitter.decide([para("en"), para("en"), para("en", letters: 20), foreign, foreign], primary: "en", settings: settings).firstAppended == 3)
    }

    /// A short question's answer stays with it; a long paragraph's closing question is
    /// rhetorical and may end the primary content.
    @Test func noCutRightAfterAShortQuestion() {
        var question = para("en", letters: 30)
        question.asks = true
        #expect(Splitter.listContinuations([para("en"), para("en"), question, para("en"), para("en")]) == [false, false, false, true, false])
        var rhetorical = para("en", letters: 400)
        rhetorical.asks = true
        #expect(Splitter.listContinuations([para("en"), rhetorical, para("en")]) == [false, false, false])
        // A question's answer is not a list: the short line after the answer may be cut.
        #expect(Splitter.listContinuations([para("en"), question, para("en", letters: 30), para("en", letters: 30)]) == [false, false, true, false])
    }

    /// After a pattern that `closes` the content (a press release's "###"), every paragraph is
    /// marked and topical, with no evidence against the cut: the issuer's "About" paragraphs,
    /// which repeat the release's words, go with the mark.
    @Test func aClosingPatternMarksEverythingAfterIt() {
        var end = RuleSet.Pattern(id: "end", kind: "navigation", weight: 3, languages: [], maxChars: 12, regex: "x", origin: "")
        let body = [para("en"), para("en"), para("en")]
        let about = para("en", coherence: 0.3)
        let open = Splitter.Marks(body + [para("en", letters: 3, rules: [end]), about, about], listed: [false, false, false, false, false, false])
        #expect(open.marked == [false, false, false, true, false, false] && open.topical == [false, false, false, false, false, false])
        #expect(Splitter.decide(body + [para("en", letters: 3, coherence: 0, rules: [end]), about, about], primary: "en", settings: settings).firstAppended == 6)
        end.closes = true
        let closed = Splitter.Marks(body + [para("en", letters: 3, rules: [end]), about, about], listed: [false, false, false, false, false, false])
        #expect(closed.marked == [false, false, false, true, true, true] && closed.topical == [false, false, false, false, true, true])
        #expect(closed.runStart == [0, 1, 2, 3, 3, 3])
        #expect(Splitter.decide(body + [para("en", letters: 3, coherence: 0, rules: [end]), about, about], primary: "en", settings: settings).firstAppended == 3)
        // Among the first three paragraphs (a blog's comment count under its headline) the
        // mark closes nothing.
        let early = Splitter.Marks([para("en"), para("en", letters: 3, rules: [end])] + body, listed: [false, false, false, false, false])
        #expect(early.marked == [false, true, false, false, false] && early.topical == [false, false, false, false, false])
    }

    /// A name on its own line over the bio that starts with it goes with the bio; the same line
    /// over a paragraph that does not start with it stays.
    @Test func aNameOverItsBioGoesWithIt() {
        let bio = RuleSet.Pattern(id: "bio", kind: "bio", weight: 4.5, languages: [], maxChars: 700, regex: "x", origin: "")
        let body = [para("en"), para("en"), para("en")]
        var name = para("ku", p: 0.8, letters: 11, coherence: 0)
        name.headline = true
        let tail = para("en", coherence: 0.05, rules: [bio])
        #expect(Splitter.decide(body + [name, tail], primary: "en", settings: settings).firstAppended == 4)
        name.headsNext = true
        #expect(Splitter.decide(body + [name, tail], primary: "en", settings: settings).firstAppended == 3)
        // Nothing appended: the flag alone moves nothing.
        #expect(Splitter.decide(body + [name, para("en")], primary: "en", settings: settings).firstAppended == 5)
        func check(_ line: String, _ next: String) -> Bool {
            Array(line.utf8).withUnsafeBufferPointer { l in
                Array(next.utf8).withUnsafeBufferPointer { isLeadingLine(l, of: $0, characters: line.count, letters: line.filter(\.isLetter).count) }
            }
        }
        #expect(check("Kevin Oduya", "Kevin Oduya is a sports reporter.") && check(" Ana Ruiz ", "Ana Ruiz, 34, writes about food."))
        #expect(!check("Kevin", "Kevinson is a reporter.") && !check("Kevin Oduya", "Kevin Oduya") && !check("Ana", "Ana2 is") && !check("", "x y")
                && !check(String(repeating: "Long name ", count: 7), String(repeating: "Long name ", count: 8)))
        func nameShaped(_ s: String) -> Bool { Array(s.utf8).withUnsafeBufferPointer { isNameLine($0, characters: s.count) } }
        #expect(nameShaped("Anna Lindqvist") && nameShaped("Łukasz Żak") && nameShaped(" Mary-Kate O'Neil ") && nameShaped("Ana María Ruiz Gómez"))
        #expect(!nameShaped("Anna") && !nameShaped("Related stories") && !nameShaped("Kevin Oduya, 34") && !nameShaped("5 Things To Know")
                && !nameShaped("A B") && !nameShaped("One Two Three Four Five"))
        // A name over a byline or bio cue heads it; over a newsletter prompt it may be a signature.
        var signature = para("en", letters: 12, coherence: 0)
        signature.nameLine = true
        let byline = RuleSet.Pattern(id: "b", kind: "byline", weight: 2, languages: [], maxChars: 200, regex: "x", origin: "")
        let newsletter = RuleSet.Pattern(id: "r", kind: "newsletter", weight: 2, languages: [], maxChars: 200, regex: "x", origin: "")
        #expect(Splitter.heads(signature, para("en", rules: [byline])) && !Splitter.heads(signature, para("en", rules: [newsletter])))
    }

    /// A related item's date printed under its headline takes the headline along: when the cut
    /// falls on the date line, it moves up to the headline. A line that is no headline (the
    /// article's last sentence) stays, and so does a headline over a line that does not trail it.
    @Test func aDateUnderItsHeadlineTakesTheHeadline() {
        var date = RuleSet.Pattern(id: "d", kind: "related", weight: 2, languages: [], maxChars: 40, regex: "x", origin: "")
        date.topical = true
        date.trailsHeadline = true
        let body = [para("en"), para("en"), para("en"), para("en")]
        var headline = para("en", letters: 50, coherence: 0.05)
        headline.headline = true
        let dateLine = para("und", p: 0, letters: 0, coherence: 0, rules: [date])
        #expect(Splitter.heads(headline, dateLine) && !Splitter.heads(para("en"), dateLine))
        #expect(Splitter.decide(body + [headline, dateLine], primary: "en", settings: settings).firstAppended == 4)
        var plainDate = date
        plainDate.trailsHeadline = false
        #expect(!Splitter.heads(headline, para("und", p: 0, letters: 0, coherence: 0, rules: [plainDate])))
        #expect(Splitter.decide(body + [para("en"), dateLine], primary: "en", settings: settings).firstAppended == 5)
    }

    /// An interview's last exchanges are no topic shift: once three turns (questions, or lines
    /// opening with a dialogue dash) came before a cut, a tail holding an unmarked turn gets no
    /// topic-shift score. Fewer turns, or a tail without one, leave the cut as it was.
    @Test func anInterviewsLastTurnsAreNotATopicShift() {
        var question = para("en", letters: 40, coherence: 0.05)
        question.asks = true
        var dash = para("pl", letters: 60, coherence: 0.05)
        dash.opensTurn = true
        let answer = para("en", letters: 80, coherence: 0.05)
        let interview = [para("en"), question, answer, question, answer, question, answer]
        #expect(Splitter.dialogueContinuations(interview + [question, answer]) == [false, false, false, false, false, false, true, true, true])
        // One line past the answer to the last turn (the interviewer's closing thanks) is still
        // the exchange; past that, a tail without a turn may be a topic shift.
        #expect(Splitter.dialogueContinuations(interview + [answer, answer]) == [false, false, false, false, false, false, true, true, false])
        #expect(Splitter.dialogueContinuations(interview + [answer, answer, answer]) == [false, false, false, false, false, false, true, true, false, false])
        #expect(Splitter.dialogueContinuations([para("en"), question, answer, question, answer, question]) == [false, false, false, false, false, false])
        // A cue-marked question ("Got a news tip?") is the footer's, not a turn of the dialogue.
        let tip = RuleSet.Pattern(id: "tip", kind: "contact", weight: 2, languages: [], maxChars: 200, regex: "x", origin: "")
        var marked = question
        marked.rules = [tip]
        #expect(Splitter.dialogueContinuations(interview + [marked]) == [false, false, false, false, false, false, true, false])
        // A line opening a turn is never where a topic-shift tail starts.
        #expect(Splitter.dialogueContinuations([para("pl"), dash, dash, dash, para("pl"), dash]) == [false, true, true, true, true, true])
        #expect(Splitter.dialogueContinuations([para("en"), para("en"), dash, para("en")]) == [false, false, true, false])
    }

    /// An article's closing quotation ("“I was born in that kitchen …,” said …") is never where
    /// a topic-shift tail starts, and it is not a turn: the paragraphs after it may still be
    /// one (a next story glued on after the quotation). A cue on it leaves the cut to the cue.
    @Test func aClosingQuotationIsNotATopicShift() {
        var quote = para("es", letters: 90, coherence: 0.004)
        quote.opensQuotation = true
        let other = para("es", letters: 120, coherence: 0.03)
        #expect(Splitter.dialogueContinuations([para("es"), para("es"), quote, other, other]) == [false, false, true, false, false])
        var marked = quote
        marked.rules = [RuleSet.Pattern(id: "credit", kind: "credit", weight: 2, languages: [], maxChars: 200, regex: "x", origin: "")]
        #expect(Splitter.dialogueContinuations([para("es"), para("es"), marked]) == [false, false, false])
        let opening = ["“Wir haben lange gewartet”, sagte sie.", "„Endlich“, sagte er.", "«Enfin», dit-il.", "\"At last,\" she said.",
                       "'At last,' she said.", "「やっと」と彼は言った。", "»Endlich«, sagte er.", "”Äntligen”, sa hon."]
        for text in opening {
            #expect(Array(text.utf8).withUnsafeBufferPointer { Quotations.opensWithQuotation($0) }, "\(text)")
        }
        for text in ["At last, she said.", "– Endlich, sagte er.", "The \"last\" word.", ""] {
            #expect(!Array(text.utf8).withUnsafeBufferPointer { Quotations.opensWithQuotation($0) }, "\(text)")
        }
    }

    @Test func dialogueDashesAreFound() {
        func check(_ s: String) -> Bool { Array(s.utf8).withUnsafeBufferPointer { opensWithDialogueDash($0) } }
        #expect(check("– Bałam się codziennie.") && check("  — ¿Y después?") && check("―\u{00A0}Oui.") && check("――この土地を選んだ理由は。"))
        #expect(!check("- a list item") && !check("–5 °C at night") && !check("Text – with a dash") && !check("–") && !check("") && !check("––"))
        func label(_ s: String) -> Bool { Array(s.utf8).withUnsafeBufferPointer { opensWithQuestionLabel($0) } }
        #expect(label("Q: Does city wood sound different?") && label(" Frage: Und dann?") && label("Вопрос: Почему?"))
        #expect(!label("Q:") && !label("Quality: good") && !label("Q3 results") && !label("P:s"))
        // Korean interviews mark questions with a hyphen; other hyphen lines are list items.
        #expect(label("- 앞으로 계획은.") && !label("- a list item") && !label("- 1,000명"))
    }

    @Test func datelinesAreFound() {
        let body = " the council voted on Thursday evening to build the new cycle path along the avenue despite protests."
        func check(_ s: String) -> Bool {
            let bytes = Array(s.utf8)
            let letters = s.unicodeScalars.filter(\.properties.isAlphabetic).count
            return bytes.withUnsafeBufferPointer { opensWithDateline($0, letters: letters) }
        }
        for opening in ["HOHENFURT – Mit", "Hohenfurt – Mit", "TAIPEI, Oct 16 (Reuters) - The", "MAASTRICHT (ANP) - Zware",
                        "Roma, 9 luglio 2024 – Il", "HARMON COUNTY, Ohio — For", "Jakarta - Belanja"] {
            #expect(check(opening + body), "\(opening)")
        }
        // Not a dateline: a dash inside a sentence, a list item's date, a short line, a name
        // followed by a comma and a sentence.
        for text in ["The council – after a long debate – voted" + body, "Friday, 18 April – Mass at 3 pm",
                     "Anna Berg, who chairs the committee, said – after the vote – that" + body, "HOHENFURT – Kurz."] {
            #expect(!check(text), "\(text)")
        }
    }

    /// A paragraph ending in a colon introduces what follows (no cut right after it), unless
    /// the colon is a smiley's.
    @Test func aSmileyIntroducesNothing() {
        func smiley(_ s: String) -> Bool { Array(s.utf8).withUnsafeBufferPointer { endsWithSmiley($0) } }
        #expect(smiley("야경도 보고 싶네요 :)") && smiley("See you next week :-) ") && smiley("Done ;)"))
        #expect(!smiley("The winners were:") && !smiley("(see above)") && !smiley(")") && !smiley("") && !smiley("a :) b"))
    }

    /// A line of code or a command is no language evidence: its guess ("en" for SQL in a Russian
    /// post) says nothing about the document.
    @Test func codeLinesAreNoLanguageEvidence() {
        func code(_ s: String) -> Bool { Array(s.utf8).withUnsafeBufferPointer { looksLikeCode($0) } }
        #expect(code("INDEX msg_ngram message TYPE ngrambf_v1(4, 1024, 3, 0) GRANULARITY 4") && code("npm install -g caracola@2")
                && code("let total = items.reduce(0) { $0 + $1.price };") && code("$ pip install --upgrade flintweb"))
        #expect(!code("Zaira (the giraffe) was born on 3/4 at the park.") && !code("The npm registry grew by a third last year.")
                && !code("Tags: rust, performance") && !code("")
                && !code("The linkat() system call operates in exactly the same way as link(), except as described here.")
                && !code("X：@sato_miho_write") && !code("Übersetzung: Jan Nowak <jan_nowak@example.org>"))
        var sql = para("en", p: 0.9, letters: 40, coherence: 0)
        #expect(Splitter.isForeign(sql, primary: "ru", settings: settings))
        sql.looksLikeCode = true
        #expect(!Splitter.isForeign(sql, primary: "ru", settings: settings))
        #expect(Splitter.decide([para("ru"), para("ru"), para("ru"), sql, para("ru")], primary: "ru", settings: settings).firstAppended == 5)
    }

    /// The answer to the turn right before a cut is the dialogue's too (a Japanese interview
    /// marks only the interviewer's lines, with "――").
    @Test func theAnswerToTheLastTurnStaysWithTheInterview() {
        var question = para("ja", letters: 20, coherence: 0.05)
        question.opensTurn = true
        let answer = para("ja", letters: 60, coherence: 0.05)
        let ps = [para("ja"), question, answer, question, answer, question, answer, question, answer]
        #expect(Splitter.dialogueContinuations(ps) == [false, true, false, true, false, true, true, true, true])
        // The last answer alone, as the tail: no turn in it, but it answers the one before.
        #expect(Splitter.dialogueContinuations(ps)[8])
        #expect(!Splitter.dialogueContinuations(ps + [para("ja"), para("ja")])[10])
    }

    /// Items numbered in sequence stay together ("7." then "8."); a number out of sequence, or
    /// none, leaves the cut possible.
    @Test func numberedItemsInSequenceAreNotCut() {
        func item(_ k: Int?) -> ParagraphEvidence { var p = para("en", letters: 30); p.itemNumber = k; return p }
        #expect(Splitter.listContinuations([para("en"), item(6), item(7), item(8), item(1), item(nil)]) == [false, false, true, true, false, false])
        func number(_ s: String) -> Int? { Array(s.utf8).withUnsafeBufferPointer { itemNumber($0) } }
        #expect(number("8. Write three lines.") == 8 && number("  12) Stretch") == 12 && number("100. Done") == 100)
        #expect(number("2024. A year") == nil && number("3.5 million") == nil && number("7.") == nil && number("No. 5") == nil && number("") == nil)
    }

    /// Items under one bullet stay together, introduced by a colon or not ("・" lines after
    /// "主な変更点は次の通り。"); a different bullet, or none, leaves the cut possible.
    @Test func itemsUnderOneBulletAreNotCut() {
        func item(_ b: UInt32?) -> ParagraphEvidence { var p = para("ja", letters: 120); p.bullet = b; return p }
        let dot: UInt32 = 0x30FB, disc: UInt32 = 0x2022
        #expect(Splitter.listContinuations([para("ja"), item(dot), item(dot), item(dot), item(disc), item(nil)])
                == [false, false, true, true, false, false])
        func mark(_ s: String) -> UInt32? { Array(s.utf8).withUnsafeBufferPointer { bullet($0) } }
        #expect(mark("・缶・瓶の収集を増やす") == dot && mark("  • Tickets: €12") == disc && mark("▪ Open daily") == 0x25AA)
        #expect(mark("- a dash") == nil && mark("* a footnote") == nil && mark("– Wie geht es?") == nil && mark("Plain text") == nil && mark("") == nil)
        // A manual page's options are one list under the bullet "-".
        #expect(mark("-n, --dry-run  Shows what would be copied.") == 0x2D && mark("--license  Prints the licence.") == 0x2D
                && mark("-o FILE writes the output to FILE.") == 0x2D && mark("-v") == 0x2D)
        #expect(mark("-5 degrees tonight") == nil && mark("- Yes, he said.") == nil && mark("-- Anna") == nil && mark("-ish words") == nil)
    }

    /// A field list ("Files: …", "Tests: …", "License: …") is one: no cut before an unmarked
    /// labelled line that follows another; a line a cue marks ("Translator: …") may still start a tail.
    @Test func aFieldListIsNotCut() {
        let credit = RuleSet.Pattern(id: "c", kind: "credit", weight: 2, languages: [], maxChars: 200, regex: "x", origin: "")
        func field(_ rules: [RuleSet.Pattern] = []) -> ParagraphEvidence {
            var p = para("en", letters: 60, rules: rules); p.opensWithLabel = true; return p
        }
        #expect(Splitter.listContinuations([para("en"), field(), field(), field([credit]), para("en")])
                == [false, false, true, false, false])
        func label(_ s: String) -> Bool { Array(s.utf8).withUnsafeBufferPointer { opensWithLabel($0) } }
        #expect(label("Tests: run make test") && label("Time needed: about 20 minutes.") && label("  Licencia: véase LICENSE")
                && label("Öffnungszeiten: 9 bis 17 Uhr") && label("Since: version 2.3"))
        #expect(!label("https://example.org") && !label("10:30 the meeting starts") && !label("Note, however: this fails")
                && !label("A label that is far too long to be one: x") && !label("Tests:") && !label("Tests :  x") && !label(""))
    }

    /// In a related list a headline may be a question: the run goes on through it.
    @Test func aQuestionHeadlineContinuesARelatedRun() {
        let related = RuleSet.Pattern(id: "r", kind: "related", weight: 3, languages: [], maxChars: 200, regex: "x", origin: "")
        var line = para("en", letters: 40, coherence: 0.1)
        line.headline = true
        var question = para("en", letters: 40, coherence: 0.1)
        question.asks = true
        let ps = [para("en"), para("en"), para("en"), para("en", letters: 11, rules: [related]), question, line]
        var base = ps.map { Splitter.baseEvidence($0, primary: "en", settings: settings) }
        #expect(Splitter.addHeadlineRuns(ps, to: &base, settings: settings) == [false, false, false, false, true, true])
        var long = question
        long.characters = 400
        var base2 = ps.map { Splitter.baseEvidence($0, primary: "en", settings: settings) }
        #expect(Splitter.addHeadlineRuns(Array(ps[..<4]) + [long, line], to: &base2, settings: settings) == [false, false, false, false, false, false])
    }

    /// A pattern with a negative weight ("The verdict") marks content: the document then gets no
    /// topic-shift cut, while positive cues still count.
    @Test func aContentMarkRulesOutATopicShift() {
        var topic = SplitSettings.TopicShift()
        (topic.weight, topic.bias, topic.across, topic.relative, topic.tailCohesion, topic.tailLength, topic.primaryLength) = (1, 5, 0, 0, 0, 0, 0)
        (topic.nearest, topic.seenGap, topic.leastSeen, topic.gramSeen, topic.gramSeenGap) = (0, 0, 0, 0, 0)
        topic.style = topic.style.map { _ in 0 }   // every qualifying cut is a clear topic shift
        var s = settings
        s.topic = topic
        let verdict = RuleSet.Pattern(id: "v", kind: "content", weight: -3, languages: [], maxChars: 40, regex: "x", origin: "")
        let body = [para("en"), para("en"), para("en"), para("en")]
        let tail = [para("en", coherence: 0.01), para("en", coherence: 0.01)]
        let scores = Coherence.scores((0..<7).map { TopicShiftTests.vector($0 < 4 ? [3, 2, 1, 0, 0, 0] : [0, 0, 0, 1, 2, 3]) })
        #expect(Splitter.decide(body + [para("en", letters: 11)] + tail, primary: "en", settings: s, coherence: scores).firstAppended < 7)
        #expect(Splitter.decide(body + [para("en", letters: 11, rules: [verdict])] + tail, primary: "en", settings: s, coherence: scores).firstAppended == 7)
    }

    @Test func colonEndingsAreFound() {
        func check(_ s: String) -> Bool { [0x3A, 0xFF1A].contains(Array(s.utf8).withUnsafeBufferPointer { lastCodePoint($0) }) }
        #expect(check("You will need:") && check("Ingredients: \n") && check("材料：") && check(":"))
        #expect(!check("Time: 10 minutes.") && !check("") && !check("  \n"))
        #expect(Array("Why? ".utf8).withUnsafeBufferPointer { lastCodePoint($0) } == 0x3F)
        #expect(Array("なぜ？".utf8).withUnsafeBufferPointer { lastCodePoint($0) } == 0xFF1F)
    }

    /// A related list's headlines are the cue's own lines: marked (compared as one block with
    /// the header) and topical (their likeness to the article does not count against the cut).
    @Test func aCuesHeadlinesAreMarkedAndTopical() {
        let related = RuleSet.Pattern(id: "r", kind: "related", weight: 3, languages: [], maxChars: 200, regex: "x", origin: "")
        var line = para("en", letters: 30)
        line.headline = true
        let ps = [para("en"), para("en"), para("en", rules: [related]), line, line, para("en")]
        var base = ps.map { Splitter.baseEvidence($0, primary: "en", settings: settings) }
        let marks = Splitter.Marks(ps, listed: Splitter.addHeadlineRuns(ps, to: &base, settings: settings))
        #expect(marks.marked == [false, false, true, true, true, false])
        #expect(marks.topical == [false, false, false, true, true, false])
        #expect(marks.runStart == [0, 1, 2, 2, 2, 5])
    }

    /// Sentences that end with their script's own full stop ("።") are prose above a cut, even
    /// where `headline`, which does not know that stop, took them for a run of headlines: a
    /// byline's cue must not carry the footer's cut up over the story (an Amharic news page lost
    /// its whole article to the cut after its headline). (This evidence does not reproduce that
    /// page's cut without the stop; it pins where the cut goes with it.)
    @Test func scriptStopsKeepProseAboveTheCut() {
        let byline = RuleSet.Pattern(id: "b", kind: "bio", weight: 2, languages: [], maxChars: 120, regex: "x", origin: "")
        let related = RuleSet.Pattern(id: "r", kind: "related", weight: 3, languages: [], maxChars: 200, regex: "x", origin: "")
        let copyright = RuleSet.Pattern(id: "c", kind: "copyright", weight: 3, languages: [], maxChars: 200, regex: "x", origin: "")
        var title = para("am", letters: 34, coherence: 0.1)
        title.headline = true
        var list = para("am", letters: 30, coherence: 0.05)
        list.headline = true
        func cut(stops: Bool) -> Int {
            var story = para("am", letters: 100, coherence: 0.05)
            story.headline = true
            story.endsWithScriptStop = stops
            var by = para("am", letters: 20, coherence: 0, rules: [byline])
            by.headline = true
            let ps = [title, by, story, story, story, story, story,
                      para("am", letters: 20, coherence: 0, rules: [related]), list, list,
                      para("am", letters: 40, coherence: 0.05, rules: [copyright])]
            return Splitter.decide(ps, primary: "am", settings: settings).firstAppended
        }
        #expect(cut(stops: true) == 7)
    }

    @Test func headlinesAreShortLinesWithoutASentenceEnd() {
        func check(_ s: String) -> Bool {
            var t = s
            return t.withUTF8 { isHeadline($0, characters: s.unicodeScalars.count, letters: s.unicodeScalars.filter(\.properties.isAlphabetic).count) }
        }
        #expect(check("New cycle lanes open along the river"))
        #expect(check("中心部の駐車料金、2割値上げへ"))
        #expect(!check("The council approved the plan."))
        #expect(!check("He said: \u{201C}We will see.\u{201D}"))
        #expect(!check("新しい自転車道が開通した。"))
        #expect(!check("Two lines\nof text"))
        #expect(!check(String(repeating: "word ", count: 40)))
        #expect(!check("2025"))
    }

    @Test func strictCutsAnyForeignTail() {
        var s = settings
        s.strictLanguage = true
        let ps = [para("en"), para("en"), para("en"), para("de", p: 0.6, coherence: 0.5)]
        #expect(Splitter.decide(ps, primary: "en", settings: s).firstAppended == 3)
    }

    @Test func primaryLanguageFavoursTheStart() {
        let ps = [para("en", letters: 300), para("en", letters: 300), para("tl", letters: 500)]
        #expect(Splitter.primaryLanguage(ps, settings: settings) == "en")
        #expect(Splitter.primaryLanguage([], settings: settings) == "und")
    }
}
