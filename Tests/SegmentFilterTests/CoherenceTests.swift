import Testing
@testable import SegmentFilter

@Suite struct CoherenceTests {
    func vectors(_ paragraphs: [String], language: String = "en") throws -> [TermVector] {
        let seg = try Segmenter()
        let terms = TermExtractor(model: .embedded)
        return paragraphs.map { p in
            var t = p
            return t.withUTF8 { terms.vector($0, words: seg.words(in: $0), language: language) }
        }
    }

    @Test func sharedVocabularyIsCoherentAndUnrelatedIsNot() throws {
        let v = try vectors([
            "The river cleanup programme removed forty tonnes of plastic from the river bank.",
            "Volunteers in the cleanup programme sort the plastic collected along the river.",
            "To make a sourdough starter, mix rye flour and water in a jar and feed it daily.",
        ])
        let c = Coherence.scores(v)
        #expect(c.withPreceding[1] > 0.2)
        #expect(c.withPreceding[2] < 0.1)
        #expect(c.withRest[2] < c.withRest[1])
    }

    @Test func functionWordsWeighLittle() throws {
        let v = try vectors(["the of and to in is", "the of and to in is that"])
        let w = try vectors(["river plastic", "river plastic"])
        #expect(v[0].normSquared < w[0].normSquared)
    }

    @Test func spacelessScriptsShareCharacterBigrams() throws {
        let v = try vectors(["河川の清掃計画は大きな成果を上げた。", "清掃計画の参加者は河川でごみを集めた。", "パンの作り方を説明します。"], language: "ja")
        let c = Coherence.scores(v)
        #expect(c.withPreceding[1] > c.withPreceding[2])
    }

    /// Hebrew writes "and", "the", "in" onto the next word: the prefixed and the bare forms are
    /// one term. Arabic's article and particles likewise, in Arabic documents only.
    @Test func hebrewAndArabicPrefixesShareTheTerm() throws {
        let he = try vectors(["הפסטיבל והממשלה בעיר", "פסטיבל ממשלה", "ספר ילדים חדש"], language: "he")
        #expect(Coherence.scores(he).withPreceding[1] > 0.5)
        #expect(Coherence.scores(he).withPreceding[2] == 0)
        let ar = try vectors(["والمدينة بالمكتبة", "مدينة مكتبة"], language: "ar")
        #expect(Coherence.scores(ar).withPreceding[1] > 0.5)
        // Persian does not prefix them: its words stay whole.
        let fa = try vectors(["والمدینه", "مدینه"], language: "fa")
        #expect(Coherence.scores(fa).withPreceding[1] == 0)
    }

    @Test func emptyParagraphsScoreZero() throws {
        let c = Coherence.scores(try vectors(["", "…", "words here"]))
        #expect(c.withRest[0] == 0 && c.withPreceding[1] == 0)
    }
}
