import Foundation
import PropertyBased
import Testing
@testable import SegmentFilter

@Suite struct TopicShiftTests {
    /// A vector over a handful of shared terms, so that random paragraphs overlap.
    static func vector(_ weights: [Int]) -> TermVector {
        var v = TermVector()
        for (term, w) in weights.enumerated() where w > 0 { v.add(UInt64(term + 1), Float(w)) }
        v.finish()
        return v
    }

    static func sum(_ vs: ArraySlice<TermVector>) -> TermVector {
        var s = TermVector()
        for v in vs { s.accumulate(v) }
        return s
    }

    static func cosine(_ a: TermVector, _ b: TermVector) -> Float {
        Coherence.cosine(a.dot(b), a.normSquared, b.normSquared)
    }

    /// The block comparison is computed from dot products and first occurrences in closed
    /// form; it must equal the comparison of the summed blocks computed directly.
    @Test func cutBlocksEqualDirectComputation() async {
        let paragraph = Gen<Int>.int(in: 0...3).array(of: 6...6)
        await propertyCheck(count: 200, input: paragraph.array(of: 1...14)) { weights in
            let vs = weights.map(TopicShiftTests.vector)
            let scores = Coherence.scores(vs)
            let n = vs.count
            for k in scores.firstCut..<n {
                guard let b = scores.blocks(cut: k) else { Issue.record("no blocks for cut \(k)"); continue }
                let primary = TopicShiftTests.sum(vs[0..<k]), tail = TopicShiftTests.sum(vs[k..<n])
                #expect(abs(b.across - TopicShiftTests.cosine(primary, tail)) < 1e-3, "cut \(k) of \(weights)")
                var tailMean: Float = 0
                if n - k >= 2 {
                    for i in k..<n {
                        tailMean += TopicShiftTests.cosine(vs[i], TopicShiftTests.sum(vs[k..<n].enumerated().filter { $0.offset + k != i }.map(\.element)[...]))
                    }
                    tailMean /= Float(n - k)
                }
                #expect(abs(b.tailCohesion - tailMean) < 1e-3, "cut \(k) of \(weights)")
                var primaryMean: Float = 0
                if k >= 2 {
                    let from = max(0, k - Coherence.cohesionWindow)
                    for i in from..<k {
                        primaryMean += TopicShiftTests.cosine(vs[i], TopicShiftTests.sum(vs[0..<k].enumerated().filter { $0.offset != i }.map(\.element)[...]))
                    }
                    primaryMean /= Float(k - from)
                }
                #expect(abs(b.primaryCohesion - primaryMean) < 1e-3, "cut \(k) of \(weights)")
                // The nearest of the last primary paragraphs to the tail block.
                let nearest = vs[max(0, k - Coherence.cohesionWindow)..<k].map { TopicShiftTests.cosine($0, tail) }.max() ?? 0
                #expect(abs(b.nearest - nearest) < 1e-3, "cut \(k) of \(weights)")
                // Vocabulary reuse, from the weights directly.
                let used = Set(vs[0..<k].flatMap { $0.weights.keys })
                func share(_ v: TermVector, in terms: Set<UInt64>) -> Float? {
                    let w = v.weights
                    let total = w.values.reduce(0, +)
                    return total > 0 ? w.filter { terms.contains($0.key) }.values.reduce(0, +) / total : nil
                }
                let tailWeights = vs[k..<n].map { $0.weights.values.reduce(0, +) }.reduce(0, +)
                let tailSeen = vs[k..<n].map { v in v.weights.filter { used.contains($0.key) }.values.reduce(0, +) }.reduce(0, +)
                #expect(abs(b.seen - (tailWeights > 0 ? tailSeen / tailWeights : 1)) < 1e-3, "cut \(k) of \(weights)")
                #expect(abs(b.leastSeen - (vs[k..<n].compactMap { share($0, in: used) }.min() ?? 1)) < 1e-3, "cut \(k) of \(weights)")
                let window = max(0, k - Coherence.cohesionWindow)..<k
                let primaryShares = window.compactMap { i in
                    share(vs[i], in: Set(vs[0..<k].enumerated().filter { $0.offset != i }.flatMap { $0.element.weights.keys }))
                }
                let primarySeen = primaryShares.isEmpty ? 0 : primaryShares.reduce(0, +) / Float(primaryShares.count)
                #expect(abs(b.primarySeen - primarySeen) < 1e-3, "cut \(k) of \(weights)")
            }
        }
    }

    /// The primary length counts prose paragraphs: a list's lines before the cut (ingredients,
    /// results) do not make the content before it look long, and so its topic settled.
    @Test func listLinesDoNotLengthenThePrimary() {
        let t = SplitSettings.TopicShift()
        let blocks = Coherence.CutBlocks(across: 0.05, primaryCohesion: 0.1, tailCohesion: 0.1)
        let all = t.logit(blocks, cut: 12, paragraphs: 14)
        #expect(t.logit(blocks, cut: 12, paragraphs: 14, prose: 12) == all)
        #expect(abs(all - t.logit(blocks, cut: 12, paragraphs: 14, prose: 4) - t.primaryLength * log(3.0)) < 1e-9)
        #expect(t.logit(blocks, cut: 12, paragraphs: 14, prose: 0) == t.logit(blocks, cut: 12, paragraphs: 14, prose: 1))
    }

    @Test func theTermOnlyRaisesQualifyingCuts() {
        var t = SplitSettings.TopicShift()
        (t.weight, t.bias, t.across, t.relative, t.tailCohesion, t.tailLength, t.primaryLength) = (1, 1, 0, 0, 0, 0, 0)
        (t.nearest, t.seenGap, t.leastSeen) = (0, 0, 0)
        let blocks = Coherence.CutBlocks(across: 0, primaryCohesion: 0.3, tailCohesion: 0.3)
        #expect(t.score(-2, blocks, cut: 5, paragraphs: 7, margin: 0.5) == 1.5)       // margin + logit
        #expect(t.score(4, blocks, cut: 5, paragraphs: 7, margin: 0.5) == 4)          // evidence already higher
        #expect(t.score(-2, blocks, cut: 2, paragraphs: 7, margin: 0.5) == -2)        // tail longer than primary
        #expect(t.score(-2, nil, cut: 5, paragraphs: 7, margin: 0.5) == -2)           // not a candidate cut
        t.weight = 0
        #expect(t.score(-2, blocks, cut: 5, paragraphs: 7, margin: 0.5) == -2)        // turned off
    }

    /// A tail must not outnumber the prose it leaves: a headline and a dateline over two
    /// paragraphs do not make the next three a tail.
    @Test func aTailLongerThanTheProseBeforeItIsNoTopicShift() {
        let t = SplitSettings.TopicShift()
        let blocks = Coherence.CutBlocks(across: 0, primaryCohesion: 0.3, tailCohesion: 0.3)
        #expect(t.qualifyingLogit(blocks, cut: 3, paragraphs: 6) != nil)
        #expect(t.qualifyingLogit(blocks, cut: 3, paragraphs: 6, prose: 3) != nil)
        #expect(t.qualifyingLogit(blocks, cut: 3, paragraphs: 6, prose: 2) == nil)
        #expect(t.qualifyingLogit(blocks, cut: 3, paragraphs: 5, prose: 2) != nil)
    }

    /// A long stretch of prose whose vocabulary drifts is the piece moving on, not a tail: the
    /// term applies to at most `maxTail` paragraphs without a cue, however long the document.
    @Test func longUncuedTailsAreNoTopicShift() {
        let t = SplitSettings.TopicShift()
        let blocks = Coherence.CutBlocks(across: 0, primaryCohesion: 0.3, tailCohesion: 0.3)
        #expect(t.qualifyingLogit(blocks, cut: 12, paragraphs: 12 + t.maxTail) != nil)
        #expect(t.qualifyingLogit(blocks, cut: 12, paragraphs: 13 + t.maxTail) == nil)
        // The same tail with a header and its headlines: fewer paragraphs without a cue.
        #expect(t.qualifyingLogit(blocks, cut: 12, paragraphs: 13 + t.maxTail, uncued: t.maxTail) != nil)
    }

    /// A tail no cue marks that reuses the primary content's words and 4-grams as much as the
    /// primary paragraphs reuse each other's is no topic shift; with a cue, or reusing less, the
    /// term still applies.
    @Test func aTailThatReusesTheDocumentIsNoTopicShift() {
        let t = SplitSettings.TopicShift()
        var blocks = Coherence.CutBlocks(across: 0, primaryCohesion: 0.3, tailCohesion: 0.3)
        (blocks.primarySeen, blocks.primaryGramSeen) = (0.5, 0.5)
        (blocks.seen, blocks.gramSeen) = (0.45, 0.45)
        #expect(t.qualifyingLogit(blocks, cut: 10, paragraphs: 12) == nil)
        #expect(t.qualifyingLogit(blocks, cut: 10, paragraphs: 12, uncued: 1) != nil, "a cue in the tail: the veto is off")
        blocks.gramSeen = 0.3
        #expect(t.qualifyingLogit(blocks, cut: 10, paragraphs: 12) != nil, "one measure below the share: no veto")
        var off = t
        off.reuseVeto = 0
        blocks.gramSeen = 0.45
        #expect(off.qualifyingLogit(blocks, cut: 10, paragraphs: 12) != nil)
    }

    /// A court report whose last paragraphs turn to the family and the next witness goes on
    /// with the document's vocabulary: the topic term alone cut it before the veto.
    @Test func aReportWhoseEndReusesItsWordsStaysWhole() throws {
        let a = try keptWhole("none-en-inquiry-nurse-manager.txt")
        var noVeto = SplitSettings()
        noVeto.topic.reuseVeto = 0
        let cut = decide(a, noVeto)
        #expect(cut.firstAppended < a.paragraphs.count, "without the veto the topic term cuts it: the test still tests something")
    }

    /// A court story's closing line of two words ("Cabe recurso.") shares no vocabulary with
    /// anything: no topic shift below `minLetters`, and a cut without the minimum.
    @Test func aClosingLineOfTwoWordsIsNoTopicShift() throws {
        let a = try keptWhole("none-pt-direitos-autorais-samba.txt")
        var noMinimum = SplitSettings()
        noMinimum.topic.minLetters = 0
        let cut = decide(a, noMinimum)
        #expect(cut.firstAppended == a.paragraphs.count - 1, "without the minimum the topic term cuts the last line: \(cut.reason)")
    }

    /// An interview's closing thanks, one line after the last answer, stays with the interview.
    @Test func anInterviewsClosingThanksStaysWithIt() throws {
        let a = try keptWhole("none-en-potter-interview.txt")
        let dialogue = Splitter.dialogueContinuations(a.paragraphs.map(\.evidence))
        #expect(dialogue[a.paragraphs.count - 2], "the cut before the thanks continues the dialogue")
    }

    /// A police appeal and a blogger's sign-off are the piece's own ending (content patterns):
    /// the document gets no topic-shift cut.
    @Test(arguments: ["none-en-burglary-appeal.txt", "none-en-tubeless-troubleshooting.txt"])
    func contentEndingsStayWhole(_ name: String) throws {
        let a = try keptWhole(name)
        let last = try #require(a.paragraphs.last)
        #expect(last.evidence.rules.contains { $0.kind == "content" && $0.weight < 0 }, "\(last.evidence.rules.map(\.id))")
    }

    /// A twelve-paragraph report whose second half turns from the event to its cost shares less
    /// vocabulary with the first half than with itself, and is no tail.
    @Test func aReportThatMovesOnStaysWhole() throws {
        let a = try keptWhole("none-en-flood-donations.txt")
        // (The reuse veto is off here: this checks the limit alone.)
        var limited = SplitSettings()
        limited.topic.reuseVeto = 0
        let whole = decide(a, limited)
        #expect(whole.firstAppended == a.paragraphs.count, "\(whole.reason)")
        var longer = limited
        longer.topic.maxTail = 12
        let cut = decide(a, longer)
        #expect(cut.firstAppended < a.paragraphs.count, "without the limit the topic term cuts it: the test still tests something")
    }

    /// An article with two paragraphs of unrelated help text glued on: no language change, no
    /// cue pattern, only the change of vocabulary.
    @Test func unrelatedSameLanguageBlockIsAppended() throws {
        let (primary, appended, a) = try split(try fixture("article-off-topic-block.txt"))
        #expect(appended.hasPrefix("To change the keyboard layout"), "\(a.decision)")
        #expect(primary.hasSuffix("before the end of the following year.\n"))
        #expect(a.decision.reason.contains("topic shift"))
    }

    /// The same article whole: its paragraphs hang together, so no cut.
    @Test func coherentArticleStaysWhole() throws {
        let text = try fixture("article-off-topic-block.txt").split(separator: "\n").prefix(5).joined(separator: "\n") + "\n"
        let (_, appended, a) = try split(text)
        #expect(appended.isEmpty, "\(a.decision)")
    }

    /// The analysis of page fixture `name`, which must be kept whole.
    private func keptWhole(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> DocumentAnalysis {
        let text = try String(contentsOf: fixturesFolder.appendingPathComponent("pages/\(name)"), encoding: .utf8)
        let (_, appended, a) = try split(text)
        #expect(appended.isEmpty, "\(a.decision.reason)", sourceLocation: sourceLocation)
        return a
    }

    /// The split of an analysed document under other settings.
    private func decide(_ a: DocumentAnalysis, _ settings: SplitSettings) -> SplitDecision {
        Splitter.decide(a.paragraphs.map(\.evidence), primary: a.language, settings: settings, coherence: a.coherence)
    }
}
