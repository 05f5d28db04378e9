import Testing
@testable import SegmentFilter

@Suite struct RulesTests {
    @Test func builtInRuleSetsLoad() throws {
        #expect(Set(RuleSet.builtInNames) == ["default", "news", "web", "strict"])
        for name in RuleSet.builtInNames {
            let r = try RuleSet.load(name)
            #expect(r.name == name)
            #expect(!r.description.isEmpty)
            #expect(!r.patterns.isEmpty)
        }
        #expect(try RuleSet.load("strict").split.strictLanguage)
        // news keeps every default pattern as it is, adds broader ones of its own (a bare
        // newsletter mention, "Update:" lines) and cuts short documents.
        let news = try RuleSet.load("news"), def = try RuleSet.load("default")
        #expect(Array(news.patterns.prefix(def.patterns.count)) == def.patterns)
        #expect(Set(news.patterns.map(\.id)).subtracting(def.patterns.map(\.id)) == ["newsletter-mention", "update-line"])
        #expect(news.split.shortDocumentParagraphs < def.split.shortDocumentParagraphs)
        #expect(def.patterns.contains { $0.kind == "bio" } && def.patterns.contains { $0.kind == "related" })
    }

    /// Built-in rule sets skip regex validation at load (start-up time) and compile each pattern
    /// on first use; this is where their regexes are checked.
    @Test func preparedAheadTheDefaultSetIsTheParsedText() throws {
        // prepareAhead parses the default set on another thread and load returns that parse:
        // it must be the rule set the embedded text makes, patterns and settings alike.
        RuleSet.prepareAhead()
        let loaded = try RuleSet.load("default")
        let parsed = try RuleParser.parse(try #require(RuleSet.builtInText("default")), origin: "rules/default.rules",
                                          validatePatterns: false) { _ in throw RuleError.unknown(name: "", valid: []) }
        #expect(loaded.patterns == parsed.patterns)
        #expect(loaded.split == parsed.split)
        #expect(loaded.name == parsed.name && loaded.description == parsed.description)
        // news extends default: its patterns start with default's, in order.
        #expect(Array(try RuleSet.load("news").patterns.prefix(loaded.patterns.count)).map(\.id) == loaded.patterns.map(\.id))
    }

    @Test func everyBuiltInPatternCompiles() throws {
        for name in RuleSet.builtInNames {
            for p in try RuleSet.load(name).patterns {
                #expect(throws: Never.self, "\(name): \(p.id)") { _ = try CompiledPattern(p) }
            }
        }
    }

    @Test func unknownNameListsTheValidOnes() {
        #expect(throws: RuleError.unknown(name: "nope", valid: RuleSet.builtInNames)) { try RuleSet.load("nope") }
    }

    @Test func errorsNameTheLine() {
        let text = "name = x\n[split]\nmargin = lots\n"
        #expect(throws: RuleError.syntax(origin: "t.rules", line: 3, message: "'margin' must be a number, not 'lots'")) {
            try RuleParser.parse(text, origin: "t.rules", resolve: RuleSet.resolveBuiltIn)
        }
        do {
            _ = try RuleParser.parse("[pattern]\nid = bad\nregex = (unclosed\n", origin: "u.rules", resolve: RuleSet.resolveBuiltIn)
            Issue.record("an invalid regex must be an error")
        } catch let RuleError.syntax(_, line, message) {
            #expect(line == 3)
            #expect(message.contains("invalid regex"))
        } catch { Issue.record("unexpected \(error)") }
        #expect(throws: RuleError.self) { try RuleParser.parse("[nosuch]\n", origin: "v", resolve: RuleSet.resolveBuiltIn) }
        #expect(throws: RuleError.self) { try RuleParser.parse("just words\n", origin: "v", resolve: RuleSet.resolveBuiltIn) }
        #expect(throws: RuleError.self) { try RuleParser.parse("[pattern]\nregex = a\n", origin: "v", resolve: RuleSet.resolveBuiltIn) }
        #expect(throws: RuleError.syntax(origin: "w", line: 3, message: "topical must be yes or no, not 'maybe'")) {
            try RuleParser.parse("[pattern]\nid = t\ntopical = maybe\nregex = a\n", origin: "w", resolve: RuleSet.resolveBuiltIn)
        }
        // A pattern id twice in one file is an error (the second would silently replace the first);
        // replacing a pattern of the set a file extends is not (`extendsInheritsAndOverrides`).
        #expect(throws: RuleError.syntax(origin: "d", line: 4, message: "pattern 'twice' is already defined at line 1")) {
            try RuleParser.parse("[pattern]\nid = twice\nregex = a\n[pattern]\nid = twice\nregex = b\n", origin: "d", resolve: RuleSet.resolveBuiltIn)
        }
    }

    /// A yes/no pattern key: `yes` sets it, the default is no, a shipped pattern that needs it sets
    /// it, and a value other than yes or no is an error naming the key.
    func checkFlag(_ key: String, _ flag: KeyPath<RuleSet.Pattern, Bool>, shippedBy id: String) throws {
        let r = try RuleParser.parse("[pattern]\nid = t\n\(key) = yes\nregex = a\n[pattern]\nid = u\nregex = b\n", origin: "w", resolve: RuleSet.resolveBuiltIn)
        #expect(r.patterns.map { $0[keyPath: flag] } == [true, false])
        #expect(try RuleSet.load("default").patterns.first { $0.id == id }?[keyPath: flag] == true)
        #expect(throws: RuleError.syntax(origin: "w", line: 3, message: "\(key) must be yes or no, not 'soon'")) {
            try RuleParser.parse("[pattern]\nid = t\n\(key) = soon\nregex = a\n", origin: "w", resolve: RuleSet.resolveBuiltIn)
        }
    }

    /// `topical = yes` marks a pattern whose material repeats the document's words.
    @Test func topicalIsReadFromThePattern() throws { try checkFlag("topical", \.topical, shippedBy: "blog-meta") }

    /// `topical_max_chars = N` makes a pattern topical on paragraphs of at most N characters
    /// only; the copyright lines ship with it.
    @Test func topicalMaxCharsIsReadFromThePattern() throws {
        let r = try RuleParser.parse("[pattern]\nid = t\ntopical_max_chars = 90\nregex = a\n[pattern]\nid = u\nregex = b\n", origin: "w", resolve: RuleSet.resolveBuiltIn)
        #expect(r.patterns.map(\.topicalMaxChars) == [90, 0])
        #expect(r.patterns[0].isTopical(characters: 90) && !r.patterns[0].isTopical(characters: 91) && !r.patterns[1].isTopical(characters: 1))
        #expect(try RuleSet.load("default").patterns.first { $0.id == "copyright" }?.topicalMaxChars == 100)
        #expect(throws: RuleError.syntax(origin: "w", line: 3, message: "topical_max_chars must be a whole number")) {
            try RuleParser.parse("[pattern]\nid = t\ntopical_max_chars = short\nregex = a\n", origin: "w", resolve: RuleSet.resolveBuiltIn)
        }
    }

    /// `trails_headline = yes` marks a line that belongs to the headline above it.
    @Test func trailsHeadlineIsReadFromThePattern() throws { try checkFlag("trails_headline", \.trailsHeadline, shippedBy: "date-alone") }

    /// `closes = yes` marks a pattern that ends the content.
    @Test func closesIsReadFromThePattern() throws { try checkFlag("closes", \.closes, shippedBy: "end-mark") }

    @Test func extendsInheritsAndOverrides() throws {
        let r = try RuleParser.parse("""
            extends = default
            name = mine
            [split]
            margin = 2.5 # a comment
            [pattern]
            id = copyright
            weight = 9
            regex = (?i)#notice
            """, origin: "m", resolve: RuleSet.resolveBuiltIn)
        let base = try RuleSet.load("default")
        #expect(r.split.margin == 2.5)
        #expect(r.split.bias == base.split.bias)
        #expect(r.patterns.count == base.patterns.count)
        #expect(r.patterns.first { $0.id == "copyright" }?.weight == 9)
        #expect(r.patterns.first { $0.id == "copyright" }?.regex == "(?i)#notice")
    }

    @Test func patternsFireByLanguageAndLength() throws {
        let m = try RuleMatcher(try RuleSet.load("news"))
        func hits(_ s: String, _ lang: String = "en") -> [String] {
            var t = s
            return t.withUTF8 { m.hits($0, characters: s.count, language: lang, documentLanguage: lang).map(\.id) }
        }
        #expect(hits("© 2025 Example Media. All rights reserved.").contains("copyright"))
        #expect(hits("Related stories").contains("read-more"))
        #expect(hits("Jane Doe is a senior reporter at the Example Times covering housing.").contains("author-bio-en"))
        #expect(hits("Si Juan dela Cruz ay isang manunulat at guro sa Maynila.", "tl").contains("author-bio-intl"))
        #expect(hits("Report bugs to the issue tracker.").contains("bug-report"))
        #expect(hits("The council met on Tuesday to discuss the budget.").isEmpty)
        let long = "© 2025 " + String(repeating: "word ", count: 200)
        #expect(!hits(long).contains("copyright"))
    }

    /// Manual and page notices in several languages, written for these tests, each with the
    /// default pattern it must fire.
    @Test(arguments: RulesTests.notices)
    func noticesFireTheirPattern(text: String, pattern: String) throws {
        let ids = try patternHits(text, language: "und")
        #expect(ids.contains(pattern), "\(ids)")
    }

    /// One pattern owns a bare agency line ("with" and the agency's name), so that it is not
    /// counted twice as a source.
    @Test(arguments: ["Com a Lusa", "Com Reuters", "*Com Estadão Conteúdo", "Avec AFP", "• Avec l'ACP"])
    func anAgencyLineCountsOnce(text: String) throws {
        let ids = try patternHits(text, language: "und")
        #expect(ids.filter { $0 == "agency-with" || $0 == "source-line-start" || $0 == "source-line" } == ["agency-with"], "\(ids)")
    }

    /// One pattern owns each form of a translation credit, so that a header or a credit line is
    /// not counted twice (translator-credit's weight plus that of a pattern for the same form).
    @Test(arguments: ["TRADUCCIÓN", "ПЕРЕКЛАД", "VERTALING", "Перевод: Иван Петров",
                      "Vertaling: Jan de Vries", "Übersetzung: Anna Weber", "Suomennos: Aino Virtanen",
                      "ÖVERSÄTTNING", "Prevod: Ana Novak"])
    func aTranslationCreditCountsOnce(text: String) throws {
        let owners: Set<String> = ["translator-credit", "translator-line-intl", "manual-section-header"]
        let ids = try patternHits(text, language: "und")
        #expect(ids.filter(owners.contains).count == 1, "\(ids)")
    }

    /// Content that starts like a bio or ends lines with dates is not one.
    @Test(arguments: RulesTests.newsContent)
    func contentDoesNotFireTheNewsPatterns(text: String, pattern: String) throws {
        let ids = try patternHits(text, language: "en")
        #expect(!ids.contains(pattern), "\(ids)")
    }

    /// Vietnamese papers sign a story with its reporters' names on the last line; one name, or
    /// places joined by a dash in a sentence, is not that.
    @Test func vietnameseReportersLineIsAByline() throws {
        #expect(try patternHits("Ngọc Tài - Minh Khang", language: "vi").contains("byline-names-vi"))
        #expect(try patternHits("Hoàng Nam – Thu Hà - Quốc Việt", language: "vi").contains("byline-names-vi"))
        #expect(try !patternHits("Ngọc Tài", language: "vi").contains("byline-names-vi"))
        #expect(try !patternHits("Tuyến Hà Nội - Hải Phòng sẽ mở thêm chuyến", language: "vi").contains("byline-names-vi"))
        #expect(try !patternHits("Ngọc Tài - Minh Khang", language: "en").contains("byline-names-vi"))
    }

    /// A Nordic company's boilerplate needs its legal form, founding year and staff (or a
    /// first-person self-description), and fires only in the Nordic languages.
    @Test func nordicCompanyBoilerplate() throws {
        let nordic = "Cellcykla AB grundades 2019 och har sitt säte i Skellefteå. Bolaget har i dag 34 anställda."
        #expect(try patternHits(nordic, language: "sv").contains("company-boilerplate-nordic"))
        #expect(try patternHits("Tassa & Co är en familjeägd butik, grundad i Göteborg 2014. Vi säljer foder och leksaker.", language: "sv")
            .contains("company-boilerplate-nordic"))
        #expect(try !patternHits("Cellcykla AB grundades 2019 och har nu fått ett lån på 30 miljoner.", language: "sv").contains("company-boilerplate-nordic"))
        #expect(try !patternHits(nordic, language: "en").contains("company-boilerplate-nordic"))
    }

    /// The ids of the default set's patterns that fire on `text` as one paragraph.
    func patternHits(_ text: String, language: String) throws -> [String] {
        let m = try RuleMatcher(try RuleSet.load("default"))
        var t = text
        return t.withUTF8 { m.hits($0, characters: text.count, language: language, documentLanguage: language).map(\.id) }
    }

    @Test func pathologicalInputStaysFast() throws {
        let m = try RuleMatcher(try RuleSet.load("news"))
        var t = String(repeating: "a", count: 100_000) + "!"
        let clock = ContinuousClock()
        let elapsed = clock.measure { _ = t.withUTF8 { m.hits($0, characters: 150, language: "en", documentLanguage: "en") } }
        // Not a speed test: a guard against catastrophic backtracking (minutes, not milliseconds).
        #expect(elapsed < .seconds(20))
    }

    /// Near-misses that reach every shipped regex: each pattern's own required literals (so the
    /// prefilter lets it run), repeated across 50,000 characters with filler between them. ICU's
    /// work limit bounds each match; this guards against a pattern that backtracks for minutes.
    @Test func everyPatternOnNearMissesOfItsOwnLiteralsStaysBounded() throws {
        let clock = ContinuousClock()
        var worst = Duration.zero
        for name in RuleSet.builtInNames {
            let rules = try RuleSet.load(name)
            let m = try RuleMatcher(rules)
            for p in rules.patterns {
                // One literal of every clause the pattern needs, so the prefilter lets it run.
                let literals = (RequiredLiterals.clauses(of: p.regex) ?? [["a"]]).flatMap { $0.sorted() }
                var t = ""
                while t.utf8.count < 50_000 { t += literals.joined(separator: " zz ") + " a.b " }
                let elapsed = clock.measure { _ = t.withUTF8 { m.hits($0, characters: 1, language: "en", documentLanguage: "en") } }
                worst = max(worst, elapsed)
            }
        }
        // Not a speed test: minutes would mean catastrophic backtracking.
        #expect(worst < .seconds(20), "slowest pattern input took \(worst)")
    }
}

/// How the rule reader reads a line (docs/rules.md): comments, white space, sections, settings.
@Suite struct RuleTextTests {
    @Test func linesReadAsTheFormatSays() {
        let cases: [(String, RuleParser.Line)] = [
            ("", .blank), (" \t ", .blank), ("# x = y", .blank), ("  # x", .blank), ("#", .blank),
            ("  key = value  ", .setting(key: "key", value: "value")),
            ("\tkey\t=\tv # c", .setting(key: "key", value: "v")),
            ("k = a#b", .setting(key: "k", value: "a#b")),
            ("x = #", .setting(key: "x", value: "")),
            ("a = b = c", .setting(key: "a", value: "b = c")),
            ("é = ü #x", .setting(key: "é", value: "ü")),
            ("weight = 2\r", .setting(key: "weight", value: "2")),
            // A regex may hold " #": the whole line is its value.
            ("regex = a #b", .setting(key: "regex", value: "a #b")),
            ("  regex=(?i)x\\# y ", .setting(key: "regex", value: "(?i)x\\# y")),
            ("[pattern]", .section("pattern")), (" [ split ]  # settings", .section("split")),
            ("[split", .unterminatedSection), ("[", .unterminatedSection),
            ("just words", .noEquals), ("x #= y", .noEquals),
        ]
        for (line, expected) in cases {
            #expect(RuleParser.read(line) == expected, "\(Array(line.unicodeScalars))")
        }
        #expect(RuleParser.lines("a = 1\n\n# c\r\nb = 2").map(\.number) == [1, 2, 3, 4])
        #expect(RuleParser.lines("a = 1\r\nb = 2\n").map(\.line) == [.setting(key: "a", value: "1"), .setting(key: "b", value: "2"), .blank])
    }

    /// A rule file saved with Windows line ends (CR LF) is the same rule set. (It once read as
    /// one comment line: a rule set of no patterns, reported "ok".)
    @Test func windowsLineEndsReadAsTheSameFile() throws {
        for name in RuleSet.builtInNames {
            let text = try #require(RuleSet.builtInText(name))
            let crlf = text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n")
            let a = try RuleParser.parse(text, origin: name, validatePatterns: false, resolve: RuleSet.resolveBuiltIn)
            let b = try RuleParser.parse(crlf, origin: name, validatePatterns: false, resolve: RuleSet.resolveBuiltIn)
            #expect(!a.patterns.isEmpty)
            #expect(a.patterns == b.patterns && a.split == b.split && a.name == b.name, "\(name)")
        }
    }

}

extension RulesTests {
    /// The cases of `noticesFireTheirPattern`, typed: inferring the type of a literal this long
    /// exceeds the compiler's type-checking limit.
    static let notices: [(String, String)] = [
        // Round 79: school and amateur sports pages; podcast and video pages in six languages;
        // government, UN and NGO releases in French, Spanish, Portuguese and Arabic; forum and
        // question-and-answer pages in six languages.
        ("Scorers for Ballycarra: M Tobin 0-9 (7f), E Rafter 1-2", "sports-furniture"),
        ("The Warrigal Swifts Netball Club thanks its 2024 sponsors: Coastal Plains Credit Union.", "sports-furniture"),
        ("Keep up with all the action from the club on Facebook and Instagram @swifts.", "follow-share"),
        ("Chapters: 00:00 Intro · 03:15 Dawn shift · 14:40 The numbers", "episode-furniture"),
        ("Esta transcripción se ha generado automáticamente y puede contener errores.", "episode-furniture"),
        ("Ascolta Frequenze Perdute su Spotify, Apple Podcasts e Spreaker.", "episode-furniture"),
        ("Crédits : présentation Élise Marchand, réalisation Thomas Brunel", "episode-furniture"),
        ("– Fin du communiqué –", "end-mark"),
        ("-انتهى-", "end-mark"),
        ("Acerca del FOMIS", "about-organisation"),
        ("Para mais informações, contactar:", "press-contact"),
        ("Zuletzt geändert von schnurzel_77 am Di 12. Mär 2024, 08:15, insgesamt 1-mal geändert.", "wiki-forum-apparatus"),
        ("respondida el 9 mar. 2024 a las 18:22", "wiki-forum-apparatus"),
        ("Gruß, Tobias – Debian 12 | ThinkPad T480", "wiki-forum-apparatus"),
        ("Los siguientes 4 usuarios han dado las gracias a Rulo por este mensaje: Txema_74", "wiki-forum-apparatus-inline"),
        ("War diese Antwort hilfreich? Ja (214) Nein (9)", "feedback-widget"),
        ("Questions similaires : Excel : convertir du texte en nombre", "read-more-extra"),
        // Round 78: job advertisements and shop pages in English and six European languages;
        // encyclopedia pages in twelve languages; literary, cultural and parish magazines.
        ("Harrowgate Lane Energy is an equal opportunities employer.", "job-ad-furniture"),
        ("Apply now", "job-ad-furniture"),
        ("Closing date: 31 July 2025 | Job ID: CCHC-2207", "job-ad-furniture"),
        ("Offres similaires : Assistant(e) comptable H/F – Villeurbanne", "job-ad-furniture"),
        ("Postuler : envoyez votre CV à recrutement@exemple.fr en précisant la référence CPT-0225.", "job-ad-furniture"),
        ("En Trazalia garantizamos la igualdad de oportunidades y la no discriminación.", "job-ad-furniture"),
        ("89,90 € inkl. MwSt., zzgl. Versand – Lieferzeit 1–3 Werktage", "shop-furniture"),
        ("Gratis verzending vanaf € 50 · 30 dagen bedenktijd en gratis retourneren", "shop-furniture"),
        ("★★★★☆ 4,6 von 5 Sternen (212 Bewertungen)", "shop-furniture"),
        ("4.6 ★ (1,284 ratings & 317 reviews)", "shop-furniture"),
        ("Cash on Delivery available", "shop-furniture"),
        ("Kunden kauften auch", "shop-furniture"),
        ("Cena: 219,00 zł (zawiera 23% VAT)", "shop-furniture"),
        ("Bronnen", "wiki-forum-apparatus"),
        ("Coordinates: 40°52′17″N 76°41′08″W", "wiki-forum-apparatus"),
        ("1. \"Borough profile\". United States Census Bureau. Retrieved April 2, 2024.", "wiki-forum-apparatus-inline"),
        ("În numărul următor: un dosar despre revistele literare.", "magazine-furniture"),
        ("Der nächste Pfarrbrief erscheint zur Fastenzeit 2025.", "magazine-furniture"),
        ("Pfarrbüro: Kirchstraße 3, Tel. 06582 91437, geöffnet Di und Do 9–12 Uhr.", "magazine-furniture"),
        ("Spenden bitte an IBAN DE12 3704 0044 0532 0130 00, Verwendungszweck Orgel.", "magazine-furniture"),
        ("Bulletin submissions are due in the parish office by noon on Monday.", "magazine-furniture"),
        ("Eseul a apărut inițial în volumul colectiv „Cărți și case”.", "magazine-furniture"),
        ("Radu Georgescu (n. 1969, Brașov) este prozator și traducător.", "author-bio-intl"),
        ("Julián Herrera Pozo es crítico literario y profesor en la Universidad de Extremadura.", "author-bio-intl"),
        // Round 76: English trade press; developer blogs in six Western European languages;
        // documentation in eleven Asian languages; local news in twelve European and Caucasian
        // languages.
        ("Oliver Marsh is Energy Editor at Power Ledger UK. He previously covered utilities for a regional title.", "author-bio-en"),
        ("Camille Delorme est développeuse Rust à Nantes et contribue à plusieurs projets libres.", "author-bio-intl"),
        ("Thiago Nascimento é desenvolvedor front-end em Recife e escreve sobre React.", "author-bio-intl"),
        ("Se gostou, deixe um comentário e compartilhe com um amigo.", "blog-meta"),
        ("Dieser Beitrag wurde zuletzt am 17. Februar 2025 aktualisiert.", "source-line"),
        ("Este post fue actualizado el 14 de marzo de 2025 para incluir la opción external.", "source-line"),
        ("¿Te ha servido? Compártelo: X · LinkedIn · Mastodon · Telegram", "share-bar"),
        ("Adakah halaman ini membantu? Ya / Tidak", "feedback-widget"),
        ("ปรับปรุงล่าสุด: 12 กุมภาพันธ์ 2568", "feedback-widget"),
        ("พบข้อผิดพลาดในหน้านี้? แจ้งทีมงานได้ที่ docs@example.org", "bug-report-intl"),
        ("Báo lỗi: vui lòng gửi báo cáo tại https://bugs.example.org/lpm", "bug-report-intl"),
        ("Bản dịch tiếng Việt: Nguyễn Thảo Vy, Trần Minh Khôi", "translator-line-intl"),
        ("Nuotr. Kupiškio rajono savivaldybės", "photo-credit"),
        // Round 75: English public-sector pages; software documentation in twelve languages;
        // personal blogs and newsletters in twelve more; tails in a neighbouring language.
        ("This information is also available in French.", "navigation"),
        ("This page is also available in Irish.", "navigation"),
        ("Cette page est également disponible en anglais.", "navigation"),
        ("Segnalare i bug su https://bugs.esempio.dev indicando l'output di esempio --version.", "bug-report-intl"),
        ("Kommentaar (1)", "comment-section"),
        ("Catatan redaksi: Artikel ini dimuat ulang dalam bahasa aslinya.", "source-line-start"),
        ("Ako vam je neko prosledio ovo pismo, prijavite se ovde.", "newsletter"),
        ("Patika šī vēstule? Pārsūti to draugam, kuram garšo maize.", "newsletter"),
        // Round 74: English university and research news; town-hall, parish, club and library
        // pages in six languages; free-software release, wiki and forum pages in twelve; bios and
        // notes without a header in twelve languages.
        ("EMBARGOED until 11 a.m. U.S. Eastern Time, Wednesday, Feb. 12, 2025.", "source-line-start"),
        ("Issued by: Communications Office, Northgate University", "source-line-start"),
        ("The funders had no role in the design of the study.", "disclosure"),
        ("Volver al listado", "navigation"),
        ("Retour à l'agenda", "navigation"),
        ("Printen · Delen", "navigation"),
        ("Geplaatst in: Nieuws, Parochieleven", "blog-meta"),
        ("Meer informatie? Bel de gemeente via 14 0516 of mail naar info@gemeente-voorbeeld.nl.", "press-contact"),
        ("Secretariaat: Dorpsstraat 4 · geopend dinsdag van 9.30 tot 11.30 uur · tel. 0413 – 47 21 85", "contact-phone-item"),
        ("Bibliothèque des Remparts – 12, quai des Tanneurs – 29300 Quimperlé", "postal-address"),
        ("Rathaus · Hauptstraße 12 · 79098 Freiburg", "postal-address"),
        ("Horário das missas: sábado às 18h30 · domingo às 9h00 e 11h00", "travel-furniture"),
        ("Öffnungszeiten: Di–Fr 10–18 Uhr, Sa 10–14 Uhr", "travel-furniture"),
        ("Questa pagina è stata modificata l'ultima volta il 22 gen 2025 alle 10:41.", "wiki-forum-apparatus-inline"),
        ("Обсудить на форуме (41)", "wiki-forum-apparatus"),
        ("En son deniz_ak tarafından 28 Ocak 2025, 10:12 tarihinde düzenlendi, toplamda 1 kez düzenlendi.", "wiki-forum-apparatus"),
        ("英語版からの翻訳:小川 真理子", "translator-line-intl"),
        ("یہ تحریر پنجابی سے اردو میں ثمینہ اختر نے ترجمہ کی ہے۔", "translator-line-intl"),
        ("Přispěvatelé tohoto vydání (podle gitu): Jakub Horáček, Tereza Marková", "contrib-credit"),
        ("रचना तिवारी भोपाल में रहती हैं और शहरी बागवानी के बारे में लिखती हैं।", "opinion-note-asia"),
        ("लेखक सातारा येथील मुक्त पत्रकार असून ग्रामीण शिक्षणावर लेखन करतात.", "opinion-note-asia"),
        ("محمد اسلم بھٹی لاہور میں مقیم ریٹائرڈ استاد ہیں۔", "opinion-note-asia"),
        // Forms of two branches merged in review (session 38).
        ("• Com a Lusa", "agency-with"),
        ("Lena O. – 12. Mai 2025 um 18:40 – Super Tipp, danke!", "commenter-dated-inline"),
        ("Sam – May 3, 2025 at 10:02 am: Thanks for this.", "commenter-dated-inline"),
        // Round 73: English independent technology, science and environment sites; Nordic, Baltic
        // and West Slavic news; news in twelve Middle Eastern and African languages; tails in
        // another language than the page.
        ("Sam Okafor (he/him) covers energy for the Delta Ledger. Find him on Bluesky.", "author-bio-beat"),
        ("Get the Weekly Grid in your inbox every Thursday. Sign up for free.", "newsletter"),
        ("Kh. Birgitte", "sign-off"),
        ("Hierdie artikel het oorspronklik in Die Vrystater verskyn.", "republication-credit"),
        ("Imibono emithathu", "comment-section"),
        // Round 72: English obituaries, letters, property, motoring and weddings pages; Central
        // European regional papers; Romance and Greek sport, food and travel pages; business and
        // local news in twelve Asian and East European languages.
        ("Poftă bună și o duminică frumoasă!", "sign-off"),
        ("Bon appétit !", "sign-off"),
        ("(डिस्क्लेमर: यह जानकारी केवल सूचना के लिए है।)", "advice-disclaimer"),
        ("ขอบคุณข้อมูลจาก: สำนักงานเกษตรจังหวัดน่าน", "source-line-start"),
        ("Ți-a plăcut rețeta? Lasă-ne un comentariu.", "recipe-prompts"),
        ("Rețete asemănătoare: Ciorbă de fasole, Supă cremă de dovleac", "read-more"),
        // Round 71: institutional English pages (charities, museums, hospitals); news in twelve
        // regional and minority languages; South and South-East Asian and Middle Eastern news;
        // personal blogs in six languages.
        ("Give via M-Pesa Paybill 400200, Account No. WELLS.", "support-plea"),
        ("Anna K. – 3 March 2025 at 7:40 pm – Lovely piece, thank you for sharing it.", "commenter-dated-inline"),
        ("3 risposte a “Il mio primo orto sul balcone”", "comment-section"),
        ("Pingback: Dieci consigli per il compost – Orto Lento", "comment-section"),
        ("Marta scrive: Bellissimo, lo provo anch'io domenica.", "commenter-inline"),
        ("Unterstütze unseren Blog über Steady – schon ab 3 € im Monat.", "reader-appeal"),
        ("Soutenez Le Petit Écran sur Tipeee, même un euro par mois compte.", "reader-appeal"),
        ("*Dieser Beitrag enthält Affiliate-Links.", "affiliate-disclosure"),
        ("Straeon cysylltiedig", "read-more"),
        ("Fleiri tíðindi", "read-more"),
        ("Aqra wkoll:", "read-more"),
        ("Máis novas de Ourense", "read-more"),
        ("අදාළ පුවත්", "read-more"),
        ("Skrivað hevur: Rúni Joensen", "credit-line-intl"),
        ("Rannañ: Facebook X Postel", "share-line"),
        ("Reagearje op dit artikel", "comment-prompt"),
        ("Dit artikel is mooglik makke mei stipe fan de Provinsje Fryslân.", "funding-credit"),
        ("Mae'r gwasanaeth hwn yn derbyn cefnogaeth ariannol gan Lywodraeth Cymru.", "funding-credit"),
        ("Segwina fuq Instagram għall-aħħar aħbarijiet.", "follow-share"),
        ("ဓာတ်ပုံ − မြန်မာ့အလင်း", "photo-credit"),
        ("سلمان رضا کراچی میں مقیم صحافی اور مصنف ہیں۔", "bio-writer-he"),
        ("Kommentaren (4)", "comment-section"),
        // Round 69: English regional papers of twelve countries; news and blogs in twelve Central
        // and East European languages; hard one-line tails in nine more languages; magazines.
        ("For more local news, like and follow the Tarlac Courier on Facebook.", "site-follow-prompt"),
        ("Hvad mener du? Skal byen bygge en ny skøjtehal?", "poll-widget"),
        ("Szavazzon! Ön szerint kell új uszoda a városba?", "poll-widget"),
        ("Nem tudom", "poll-widget"),
        ("Écoutez « Terre et Mer », notre podcast consacré à la pêche, sur toutes les plateformes d'écoute.", "podcast-promo"),
        ("Придружите се нашем Вајбер каналу за најновије вести из Шумадије.", "messaging-channel"),
        ("Pridružite se našem Viber kanalu i pratite vesti iz Niša.", "messaging-channel"),
        ("Draudžiama „Kaimo balso“ paskelbtą informaciją panaudoti kitose svetainėse be sutikimo.", "copyright-intl"),
        ("Nuotr. autorius Tomas Jankauskas", "photo-credit"),
        // Round 68: English business, technology, sports and science news; French, Portuguese and
        // Spanish news and blogs of Africa and the Americas; Asian personal blogs; hard one-line
        // tails (house ads, reader polls, an editorial-standards line).
        ("Affiliate links may be automatically generated - see our ethics statement for details.", "affiliate-disclosure"),
        ("Avec AFP", "agency-with"),
        ("লেখক পরিচিতি: রুমানা আক্তার একজন শিক্ষক ও শখের রাঁধুনি।", "about-author-intl"),
        ("இடுகையிட்டது கவிதா நேரம் 6:15 PM", "blog-meta"),
        ("லேபிள்கள்: சமையல், பயணம்", "blog-meta"),
        ("Sundan ako sa Instagram: @lakbay.ni.rosa", "follow-share"),
        ("Redakce Jihočeského týdeníku se řídí Etickým kodexem novináře.", "press-ethics"),
        ("Έρχεται το Συνέδριο Αγροτικής Οικονομίας – εξασφαλίστε από τώρα τη θέση σας.", "promo-line"),
        ("Wat vindt u: moet de weekmarkt naar het plein verhuizen?", "poll-widget"),
        ("Concorda com o novo horário dos autocarros?", "poll-widget"),
        ("Não tenho opinião", "poll-widget"),
        ("Abstimmen", "poll-widget"),
        // Round 66: newsletter platforms and podcast pages; Russian, Ukrainian, Caucasian and
        // Central Asian news; Arabic, Persian, Pashto, Hebrew, Turkish and Kurdish news; news in
        // twelve African languages.
        ("This post is for paying subscribers only", "paywall"),
        ("Become a paid member of Main Street Notes to keep reading.", "paywall"),
        ("Ka kuma karanta:", "read-more"),
        ("Gụkwuo:", "read-more"),
        ("Inkuru bifitanye isano:", "read-more"),
        ("Ẹ tún lè ka:", "read-more"),
        ("نور ولولئ:", "read-more"),
        ("بیشتر بخوانید:", "read-more"),
        ("קראו עוד:", "read-more"),
        ("Daga Hauwa Sani Garba, Kano", "role-credit-line"),
        ("Onye dere ya: Chinenye Okafor, Awka", "role-credit-line"),
        ("Yanditswe na Niyonsaba Eric", "role-credit-line"),
        ("Warbixintan waxaa diyaariyay: Maxamed Xasan, Garoowe", "role-credit-line"),
        ("منبع: ایرنا", "source-line-start"),
        ("Աղբյուր՝ Արմենպրես", "source-line-start"),
        ("Ku samu labaranmu kai tsaye: ku shiga tasharmu ta WhatsApp", "follow-share"),
        ("Dukurikire kuri WhatsApp ubone amakuru mashya buri munsi", "follow-share"),
        // Round 65: US local TV and metro papers; small Romance, German and Dutch blogs; news in
        // twelve South Asian languages; tails in another language than the article.
        ("MORE: Riverfront Zoo to raise ticket prices for 2026 season", "read-more"),
        ("Segueix-me a Instagram (@fil_i_agulla) per veure els propers projectes.", "follow-share"),
        ("À propos : Je m'appelle Claire et je cuisine entre Blois et la Sologne.", "about-author-intl"),
        ("Categorii: Recenzii, Literatură română", "blog-meta"),
        ("भाषा राजेश दिलीप", "desk-initials"),
        ("(ઇનપુટ: IANS)", "source-line-start"),
        ("સંબંધિત સમાચાર", "read-more"),
        ("লগতে পঢ়ক: চাহৰ নিলামৰ দাম কমিল", "read-more"),
        ("টেগ: চাহ বাগিচা, যোৰহাট", "blog-meta"),
        ("অসমৰ সকলো বাতৰি আপোনাৰ মোবাইলত পাবলৈ আজিয়েই ডাউনলোড কৰক আমাৰ এপ", "channel-prompt-asia"),
        ("తాజా వార్తల కోసం మా యాప్‌ను ఇప్పుడే డౌన్‌లోడ్ చేసుకోండి.", "channel-prompt-asia"),
        ("Ka kite anō, Fiona", "sign-off"),
        // Round 64: English lifestyle and finance blogs; Nordic, Baltic and German regional
        // news; East and South-East Asian news and blogs; hard one-line tails and traps.
        ("kal/14.03.2025", "desk-initials"),
        ("Daugiau naujienų iš regiono:", "read-more"),
        ("Холбоотой мэдээ", "read-more"),
        ("Сэтгүүлч Б.Номин", "role-credit-line"),
        // Round 63: English local news of nine countries; South Slavic, Balkan and Central
        // European news; South and South-East Asian news; big Western European publishers.
        ("14 comments", "comment-count"),
        ("3 Kommentare", "comment-count"),
        ("27 réactions", "comment-count"),
        ("Réagir", "comment-link"),
        ("Burimi: ATA", "source-line-start"),
        ("مزید پڑھیں: گندم کی خریداری کا ہدف مقرر", "read-more"),
        ("¿Llegaste hasta acá? El periodismo local necesita de tus aportes.", "newsroom-appeal-more"),
        ("Have a story from the valley? WhatsApp our newsroom on 0700 000 000 or email tips@example.com", "reader-contact-start"),
        ("Поделитесь своим мнением в комментариях.", "comment-prompt"),
        // Round 61: English articles with code-mixed or other-language tails; Italian local news
        // and blogs; Turkic and Central Asian news; Spanish-language local news and blogs.
        ("Komen (12)", "comment-section"),
        ("Per commentare è necessario essere registrati.", "comment-section"),
        ("Luisa_82 · 2 ore fa Finalmente qualcuno se ne occupa.", "commenter-dated-inline"),
        ("Giornalista, segue la cronaca del Basso Piave. Per segnalazioni: redazione@example.it", "author-bio-role-first"),
        ("Тілші: Арман Сейітов", "role-credit-line"),
        ("Muallif: Dilnoza Karimova", "role-credit-line"),
        ("Manba: Buxoro viloyati hokimligi", "source-line-start"),
        ("Teglar: #Buxoro #turizm", "blog-meta"),
        ("Degişli habarlar:", "read-more"),
        ("Mavzuga oid:", "read-more"),
        // Round 60: regional languages under majority-language furniture; English tech and
        // business news; Korean, Japanese and Chinese business news; small-town community news.
        ("Got a sensitive tip or confidential documents? Reach Dana Cole securely on Signal.", "reader-contact"),
        ("Join us at BuildConf 2025 in Austin on May 4–6. Register now and save up to $300.", "newsletter"),
        ("Skeudenn / Photo : Y. Le Bras", "photo-credit"),
        ("Etiketak / Etiquetas: Herri kirolak, Tolosa", "blog-meta"),
        // Round 59: English news of Africa, the Caribbean and the Pacific; German-language
        // magazines and blogs; Romance lifestyle blogs; Slavic, Romanian and Greek news.
        ("Аутор: Милица Јовановић", "role-credit-line"),
        ("Stay up to date with the latest news from Tonga: follow the Island Post on WhatsApp.", "follow-share"),
        ("Alla prossima, un bacio!", "sign-off-end"),
        ("Hannes – 12. März 2025 um 18:40: Danke für den Tipp, probiere ich aus!", "commenter-dated-inline"),
        ("Dir gefällt, was ich hier schreibe? Mit einem virtuellen Kaffee über PayPal unterstützt du diesen Blog.", "reader-appeal"),
        ("Dieser Blog ist werbefrei und wird von seinen Leserinnen und Lesern getragen.", "reader-appeal"),
        ("Nichts mehr verpassen? Trag dich für meinen Gartenbrief ein.", "newsletter"),
        // Round 58: wire stories on partner sites; government, NGO, university and museum news;
        // community and club sites; traps in nine languages.
        ("Next meeting: Tuesday 8 April – \"Canal Lives\" with Dr Ruth Hale", "sports-furniture"),
        ("Prochain concours : samedi 5 juillet, triplettes ouvert à tous.", "sports-furniture"),
        ("Merci à nos partenaires : Boulangerie Martin, Garage du Centre et la mairie.", "sports-furniture"),
        ("Das Verbundprojekt wird unter dem Förderkennzeichen 03XP0123A gefördert.", "funding-credit"),
        ("Zadanie „Lato w mieście\" jest współfinansowane ze środków Gminy Borki w ramach otwartego konkursu ofert.", "funding-credit"),
        // Round 57: English opinion columns; newsletter platforms in five languages; Nordic,
        // Baltic and Dutch regional news; Arabic, Persian, Turkish, Hebrew and Urdu news.
        ("Tom Ashby is a retired headteacher and writes regularly on education policy.", "author-bio-en"),
        ("Danke fürs Lesen von Randnotiz! Abonniere kostenlos, um neue Beiträge zu erhalten.", "reader-appeal"),
        ("Obrigado por ler Caderno Aberto! Assine gratuitamente para receber novos posts.", "reader-appeal"),
        ("Jetzt Mitglied werden", "reader-appeal"),
        ("Unabhängiger Lokaljournalismus kostet Geld: Unterstütze uns schon ab 5 Euro im Monat.", "reader-appeal"),
        ("Responses (12)", "blog-meta"),
        ("1.4K Followers · Writer for Night Shift", "blog-meta"),
        ("Les òg: Kommunen vil byggje ny symjehall", "read-more"),
        ("كلمات دالة: المياه، الري، الزراعة", "blog-meta"),
        ("תגיות: חינוך, סביבה", "blog-meta"),
        ("7 תגובות", "blog-meta"),
        ("הכתבה פורסמה לראשונה במקומון \"קול הגליל\"", "source-line-start"),
        ("Juttuun on yhdistetty STT:n tietoja.", "source-line-start"),
        // Round 56: review and deal sites; Portuguese, Romanian, Polish, Czech, Slovak and
        // Hungarian local news; South-East Asian news; tails with no header.
        ("We test products independently and are not paid by brands for reviews.", "affiliate-disclosure"),
        ("If you buy through our links, we may earn a commission at no extra cost to you.", "affiliate-disclosure"),
        ("Today's best Brightline X2 deals", "price-widget"),
        ("£229 at Argos | £239 at Currys | View deal", "price-widget"),
        ("Nova Book 14: Rs 64,990 on Amazon | Rs 65,499 on Flipkart | Check offers", "price-widget"),
        ("Címlapfotó: illusztráció / Dunai Napló", "photo-credit"),
        ("Até breve, Inês", "sign-off"),
        ("Partilhar isto:", "blog-widgets"),
        ("Gostar disto:", "blog-widgets"),
        ("Die Talbacher Zeitung erscheint werktags im Verlag Hofmann & Kern in Talbach.", "publisher-line"),
        ("Le Courrier du Lac est édité par la société Presses du Lac.", "publisher-line"),
        ("Encuesta", "poll-widget"),
        ("2.318 votos", "poll-widget"),
        ("Une info dans votre quartier ? La rédaction du Petit Journal vous lit à redaction@petitjournal.example.", "reader-contact"),
        // Round 55: English regional news of seven countries; bios in six languages; related
        // lists; membership, donation and newsletter appeals in uncommon wording.
        ("Zur Person", "about-author-intl"),
        ("Çok Okunan Haberler", "read-more"),
        ("Giornalista professionista, collabora con il settimanale della valle.", "author-bio-role-first"),
        ("Periodista especializada en salud. Colabora con la radio local.", "author-bio-role-first"),
        ("Our school acknowledges the Kulin Nation as the Traditional Owners of this land.", "registration-statement"),
        ("Local reporting like this costs money to produce.", "newsroom-appeal-more"),
        ("If this story helped you, please consider a small gift.", "newsroom-appeal-more"),
        ("Steun lokale journalistiek en word vriend van de krant.", "newsroom-appeal-more"),
        ("This newsletter is kept free of ads by its readers.", "newsroom-appeal-more"),
        ("Skriv upp dig på vårt veckobrev, det är gratis.", "newsletter"),
        ("Thanks for reading. Back with more sightings in a few weeks.", "sign-off-end"),
        // Round 54: Chinese-language news of five regions; Japanese and Korean news; English
        // magazines and science news; news and blogs in ten South Asian languages.
        ("［記者王小明／wang.xm@example.com.tw］", "author-bio-cjk"),
        ("（记者 李娜｜北京报道）", "author-bio-cjk"),
        ("更多新聞", "read-more"),
        ("ಚಿತ್ರ: ರವಿ ಕುಮಾರ್", "photo-credit"),
        ("రిపోర్టింగ్: ఎం. రాజు, విజయవాడ", "role-credit-line"),
        // Round 53: English hyperlocal, student and public-radio news; German-language local
        // news and blogs; news in the languages of the former Soviet Union; food and travel blogs.
        ("Dana Whitfield is a Report for America corps member covering water for the Valley Courier.", "author-bio-en"),
        ("Sam Ortiz is a sophomore studying economics and is the paper's sports editor.", "author-bio-en"),
        ("Imprimir receita", "recipe-widgets"),
        ("I-pin mo ito sa Pinterest!", "blog-shop-pin"),
        ("Müəllif: Aygün Məmmədova", "role-credit-line"),
        ("Bizi Telegram-da izləyin", "messaging-channel"),
        // Round 52: French-language regional news of seven countries; Spanish, Catalan, Basque,
        // Galician and Italian regional news; Nordic and Dutch news and blogs; podcast and
        // nonprofit pages.
        ("(ATS/La Liberté)", "agency-line"),
        ("(AFP/Le Temps)", "agency-line"),
        ("Albiste gehiago", "read-more"),
        ("Máis novas", "read-more"),
        ("Marta Bianchi, giornalista, segue la politica regionale dal 2015.", "author-bio-intl"),
        ("Pere M. 12 de març de 2025 a les 09:30 — Quina ruta més bonica!", "commenter-dated-inline"),
        ("If this article has raised any issues for you, help is available from Lifeline on 13 11 14.", "court-helpline"),
        ("Mynd: Jón Jónsson", "photo-credit"),
        ("Riverbend Food Share is a 501(c)(3) nonprofit organization.", "registration-statement"),
        ("EIN: 12-3456789", "registration-statement"),
        // Round 51: English sports, entertainment and markets news; Central European and Balkan
        // blogs; South Asian and African English news; Asian blog platforms.
        ("Watch all the action live and on demand on MatchPass. Subscribe from €4.99 a month.", "podcast-promo"),
        ("いいね！ 12", "blog-meta"),
        ("スキ 40", "blog-meta"),
        ("공유하기 게시글 관리", "blog-meta"),
        ("'여행' 카테고리의 다른 글", "blog-meta"),
        ("留言(2) 引用(0) 人氣(1,024)", "blog-meta"),
        ("Chia sẻ bài viết: Facebook Zalo", "share-bar"),
        ("공감 5 · 댓글 2", "comment-prompt"),
        ("공감과 댓글은 큰 힘이 됩니다", "comment-prompt"),
        ("Povezane objave", "read-more"),
        ("Kapcsolódó bejegyzések", "read-more"),
        ("Despre mine: Sunt Ioana, profesoară din Iași.", "about-author-intl"),
        // Round 50: Latin American news; German, French and Italian magazines and expert
        // blogs; short pages; hard cases.
        ("Vous avez aimé cet article ? Abonnez-vous à notre page Facebook.", "follow-share"),
        ("¿Te gustó esta nota? Seguinos en Instagram.", "follow-share"),
        ("Política de comentarios: no se publicarán insultos.", "newsroom-appeal-more"),
        ("Os comentários são de responsabilidade exclusiva de seus autores.", "newsroom-appeal-more"),
        ("Sumate al canal de WhatsApp de El Diario del Litoral", "messaging-channel"),
        ("Compartir esto: Facebook Correo electrónico Imprimir", "share-bar"),
        ("Quellen: [1] Umweltbundesamt (2023): Luftqualität in Städten.", "source-list"),
        ("Fonti: Istituto superiore di sanità, rapporto 2024.", "source-list"),
        // Round 49: op-ed bios in English of eight countries; news in Greek, Hebrew, Baltic and
        // South Slavic languages; tails in another language; one-line English tails.
        ("The writer is a retired district judge. Views are personal.", "the-writer-is"),
        ("The author is a former central bank deputy governor. The views expressed are her own.", "the-writer-is"),
        ("Malik Osei teaches political economy at the University of Cape Coast.", "author-bio-writes"),
        ("Prof Ruth Mensah, a soil scientist, teaches at Kwame Nkrumah University.", "author-bio-writes"),
        ("מיכל לוי היא כתבת הבריאות של העיתון.", "bio-writer-he"),
        ("Temos: keliai, eismas, savivaldybė", "blog-meta"),
        ("O autoru: Ivana je novinarka iz Novog Sada.", "about-author-intl"),
        ("Was this forwarded to you? Sign up here.", "newsletter"),
        ("This reporting is supported in part by the Hollis Foundation.", "production-credit"),
        ("Reporting for this series was funded by the Lenz Trust, which has no role in our editorial decisions.", "production-credit"),
        // Round 48: English blogs and newsletters; Central and East European news; Arabic,
        // Persian, Indic, Swahili and Amharic news; same-language items glued on.
        ("Editör: Murat Kaya", "role-credit-line"),
        ("Okur yorumlar (5)", "blog-meta"),
        ("Bizi Google Haberler'den takip edin", "messaging-channel"),
        ("الكلمات المفتاحية: الرباط، النقل الحضري", "blog-meta"),
        ("Weather: Heavy snow expected on the high roads tonight", "section-label-headline"),
        ("Météo : un week-end pluvieux sur toute la côte", "section-label-headline"),
        ("Desporto: Académico empata em casa e desce ao quinto lugar", "section-label-headline"),
        ("Polizeibericht: Radfahrer bei Unfall an der B27 verletzt", "section-label-headline"),
        // Round 47: local TV, trade and university news in English; German, Dutch and Nordic
        // regional papers and blogs; Romance-language magazines; East and South-East Asian news.
        ("Contact: Joan Berry, Office of Media Relations, 555-0143, jberry@example.edu", "press-contact"),
        ("Contacts: Lee Ames, University News Service", "press-contact"),
        ("(Editor: Budi Santoso)", "role-credit-line"),
        ("Más notas de Deportes", "read-more"),
        ("Mais notas de Economia", "read-more"),
        ("Relaterade artiklar", "read-more"),
        ("Relatert", "read-more"),
        ("Deel dit: Facebook Pinterest X E-mail", "share-bar"),
        ("Del dette: Facebook Messenger", "share-bar"),
        ("Compartir esto: WhatsApp Telegram", "share-bar"),
        ("Sanne K. 3 juni 2025 om 08:40 – Mooi geschreven, wij gaan dit najaar.", "commenter-dated-inline"),
        ("ひまわり より: 2025年4月2日 09:05 参考になりました。", "commenter-dated-inline"),
        ("コメント（ 12件 ）", "blog-meta"),
        // Round 46: English news of eight more countries; science and health pages in five
        // languages; short briefs with another item glued on.
        ("Ana Pires é investigadora no Instituto de Ciências do Mar da Universidade do Algarve.", "author-bio-intl"),
        ("Geógrafo, investigador do Centro de Estudos Geográficos da Universidade de Lisboa", "author-bio-intl"),
        ("O autor escreve segundo o antigo Acordo Ortográfico", "disclosure"),
        ("Claire Martin a reçu des financements de l'Agence nationale de la recherche.", "disclosure"),
        // Round 45: Romance, Romanian and Greek blogs; East Asian blog platforms; archived
        // newsletters; news in Indian languages.
        ("Te-ar putea interesa și:", "read-more-extra"),
        ("Mihaela spune:", "commenter-time"),
        ("Răspunde", "comment-form"),
        ("kurogoma_dev 2024-09-10 22:31", "commenter-time"),
        ("本文链接：https://www.example.com/p/1234", "source-line-start"),
        ("Etichete: sarmale, rețete de Crăciun", "blog-meta"),
        ("लेबले: आठवणी, कोल्हापूर", "blog-meta"),
        ("द्वारा पोस्ट केलेले अमृता देशपांडे येथे ११:४२ AM", "blog-meta"),
        ("१ टिप्पणी:", "comment-form"),
        ("இதையும் படிங்க: சென்னையில் மழை", "read-more"),
        ("આ પણ વાંચો: સુરતમાં વરસાદ", "read-more"),
        ("PATROCINADO · Este boletín llega gracias a Nubia", "promo-line"),
        ("Has recibido este correo porque te suscribiste a nuestro boletín.", "email-footer"),
        ("Wurde Ihnen diese E-Mail weitergeleitet? Hier kostenlos abonnieren.", "newsletter"),
        ("Know someone who would like this? Refer 3 friends and get a free month.", "newsletter"),
        ("Doorgestuurd gekregen? Meld je hier gratis aan.", "newsletter"),
        ("Stadtgrün wird von über 600 Mitgliedern finanziert.", "supporter-appeal"),
        ("Impressum: Jana Brückner, Am Kanalufer 12, 04109 Leipzig", "source-line-de"),
        ("Eso es todo por hoy. Nos leemos el lunes.", "sign-off"),
        ("Einen guten Tag wünscht", "sign-off"),
        // Round 44: Arabic, Persian, Hebrew and Turkish news; South Slavic and East Slavic news;
        // African news; Nordic and Baltic blogs.
        ("GNA", "agency-line"),
        ("/ДП/", "desk-initials"),
        ("وام/ سالم الكعبي/ منى أحمد", "desk-initials"),
        ("Preberite še:", "read-more-extra"),
        ("الأخبار المتعلقة", "read-more-extra"),
        ("עוד בנושא:", "read-more-extra"),
        ("FUNDA NALOKHU:", "read-more-extra"),
        ("Panašūs įrašai", "read-more-extra"),
        ("Ваша Ольга", "sign-off"),
        ("Knus Sofie", "sign-off"),
        ("Do sledećeg puta, vaša Ana!", "sign-off-end"),
        ("Если вы нашли ошибку, выделите её и нажмите Ctrl+Enter.", "source-line-de"),
        ("Atsakyti", "comment-form"),
        ("Ein athugasemd", "comment-form"),
        ("أضف تعليقك", "comment-form"),
        ("Добавить комментарий", "comment-form"),
        ("Ваш адрес email не будет опубликован. Обязательные поля помечены *", "comment-form"),
        ("Louise siger:", "commenter-time"),
        ("Rasa 2024-08-21 10:47", "commenter-time"),
        ("لمتابعة آخر الأخبار.. انضم لقناتنا على واتساب", "follow-share"),
        ("Joyina isiteshi sethu se-WhatsApp", "follow-share"),
        ("Fylgdu mér á Instagram og Facebook", "follow-share"),
        ("הורידו את האפליקציה לעדכונים", "app-download"),
        ("За інформацією Укрінформу", "source-line-start"),
        ("Raksts tapis sadarbībā ar zīmolu \"Koka Māja\".", "affiliate-disclosure"),
        ("Sviđa mi se ovo:", "blog-widgets"),
        // Round 43: national news, Central European news, East Asian news, one-line tails.
        ("Paola Ricci segue la cronaca giudiziaria per il Giornale di Valmarina.", "author-bio-beat"),
        ("Happy digging!", "sign-off"),
        ("Die Ausstellung ist bis zum 12. Mai dienstags bis sonntags zu sehen.", "exhibition-dates"),
        ("La mostra resta aperta fino al 30 giugno, ingresso libero.", "exhibition-dates"),
        // Round 42: regional news, lifestyle and hobby blogs, South Asian news, glued snippets.
        ("Sponsored Stories", "promo-line"),
        ("Horoskop na piątek, 15 marca", "section-snippet"),
        ("Günlük Burç Yorumları", "section-snippet"),
        ("Lotto e Superenalotto, i numeri vincenti di martedì 14 maggio", "section-snippet"),
        ("(This story has not been edited by our staff and is auto-generated from a syndicated feed.)", "wire-unedited"),
        ("Hi, ako si Lorna! Nanay ng dalawa at dating guro, ngayon ay nagsusulat tungkol sa pagluluto.", "blog-hello"),
        ("I-follow ang Kusina ni Lorna sa Facebook at Instagram!", "follow-share"),
        ("Följ Bloggen på Instagram och Pinterest!", "follow-share"),
        ("*Inlägget innehåller annonslänkar.", "affiliate-disclosure"),
        ("*บทความนี้มีลิงก์แอฟฟิลิเอต เราอาจได้รับค่าคอมมิชชั่น", "affiliate-disclosure"),
        ("Bunları da beğenebilirsiniz", "read-more-extra"),
        ("Anda mungkin juga meminati:", "read-more-extra"),
        ("इसे भी पढ़ें:", "read-more-extra"),
        ("Dewi Lestari 3 Maret 2024 pukul 08.17", "commenter-time"),
        ("Mehmet A. · 12 Ocak 2024, 23:41", "commenter-time"),
        ("Priya Nair 12 July 2024 at 19:42", "commenter-time"),
        ("Thu Hà 15/03/2024 lúc 8:42 sáng", "commenter-time"),
        ("Balas", "comment-form"),
        ("Prep Time 20 mins · Cook Time 25 mins · Total Time 45 mins", "recipe-card-plain"),
        ("Imprimir Pinear Valorar", "recipe-widgets"),
        ("Eure Julia", "sign-off"),
        ("Love, Neha ❤️", "sign-off"),
        ("Selamat mencoba dan semoga berhasil, Bun!", "sign-off"),
        ("Chúc cả nhà nấu ăn thành công nha!", "sign-off"),
        // Round 41: tech and gaming reviews, sports pages, press releases, magazines.
        ("Next match: Saturday 3pm v Harrowgate Town at the Meadow", "sports-furniture"),
        ("Nächstes Spiel: Samstag, 15.30 Uhr, gegen den TSV Altenau", "sports-furniture"),
        ("Standings: Ravens 24, Harriers 21; Colts 19; Oaks 15", "sports-furniture"),
        ("Der Wald der Väter, von Lena Horn, Ullwer Verlag, 312 S., 24 €", "book-details"),
        ("The Salt Road by Iris Penn is published by Harbour Books (£16.99).", "book-details"),
        ("This essay appeared in our Winter issue.", "republication-credit"),
        ("Aus dem Französischen von Paul Berger", "translated-by"),
        ("Deal of the day: the Halden X2 kettle for $39 at Target", "affiliate-disclosure"),
        ("Más noticias del Deportivo Almenara", "read-more"),
        ("För mer information, kontakta:", "press-contact"),
        // Round 40: Nordic and Baltic news, science pages, Central and East European blogs, Africa.
        ("The University of Kestrel provides funding as a founding partner of The Conversation AU.", "disclosure"),
        ("Още от Пловдив", "read-more"),
        ("Szabó Anna 2019 óta lapunk munkatársa, oktatási témákról ír.", "author-bio-intl"),
        ("The writer is a lecturer in economics at the University of Lagos. Email: a.bello@example.ng", "the-writer-is"),
        // Round 39: community news, Romance-language blogs, Asian news.
        ("Share a memory of Walter or leave your condolences in the online guestbook.", "obituary-apparatus"),
        ("Se gostou deste roteiro, partilhe!", "share-if-liked"),
        ("(Larawan ni Carlo Dizon)", "photo-credit"),
        // Round 38: markets stories, fact checks, podcasts, opinion pages in twelve languages.
        ("Companies mentioned in this story", "factcheck-market-apparatus"),
        ("VERDICT: Misleading", "factcheck-market-apparatus"),
        ("Support for this podcast comes from the Harlow Trust, funding local reporting since 1990.", "podcast-promo"),
        ("Jonas Pirk hosts Field Notes and has reported on farming for twenty years.", "podcast-promo"),
        ("Gastbeiträge geben die Meinung der Gastautorinnen wieder.", "opinion-disclaimer"),
        ("Yazıdaki görüşler yalnızca yazara aittir.", "opinion-disclaimer"),
        ("외부 기고는 본지의 편집 방향과 다를 수 있습니다.", "opinion-disclaimer"),
        ("*Penulis merupakan dosen Fakultas Hukum Universitas Ciliwung.", "opinion-disclaimer"),
        // Round 37: German, French, Spanish and Portuguese, Russian, Ukrainian, Polish and Czech documentation.
        ("Dieses Dokument wurde mit docwerk 2.3.1 erstellt.", "colophon"),
        ("Document généré par Glossaire 1.8.2 le 22/02/2024 à partir des sources de libplume 0.9.3.", "colophon"),
        ("Stand: Mai 2024", "last-updated-line"),
        ("Atualizado em 22 de janeiro de 2024", "last-updated-line"),
        ("Esta página faz parte do Manual do Retratista 2.8.", "colophon"),
        ("Эта страница является частью пакета logtrim версии 3.2.0.", "colophon"),
        ("Ostatnia modyfikacja tej strony: 2 lutego 2024, 11:37.", "wiki-forum-apparatus-inline"),
        ("Fehler und Anregungen bitte an faq@example.org", "project-site-footer"),
        // Round 36: CJK, Indic and South-East Asian, Middle Eastern and Caucasian documentation; mixed English footers.
        ("[Back to top]", "doc-site-navigation"),
        ("Powered by Knowlet Help Center", "doc-site-navigation"),
        ("History: 0.3 (2019) first version of this page; 0.5 (2022-06-01) documented --dry-run.", "build-version"),
        ("Page last revised 2023-03-14 (v2.7.1)", "build-version"),
        ("Documentation hosting kindly sponsored by Kestrel Hosting Co-operative.", "project-site-footer"),
        ("-- ", "project-site-footer"),
        ("Marguerite Okafor, ledgerpipe maintainer", "contrib-credit"),
        ("この man ページは dirsync プロジェクト (バージョン 2.8) の一部である。", "colophon"),
        ("Այս էջը pahoc նախագծի 2.4.1 թողարկման մաս է։", "colophon"),
        ("បកប្រែ និងពិនិត្យភាសាដោយ៖ សុខ វណ្ណារ៉ា", "translator-line-intl"),
        ("မြန်မာဘာသာပြန်သူ - ဇော်မင်းထွန်း (zaw@example.org)", "translator-line-intl"),
        ("နောက်ဆုံးပြင်ဆင်သည့်နေ့ - ၂၀၂၄ ခုနှစ်၊ ဇန်နဝါရီလ ၁၅ ရက်", "last-updated-line"),
        ("Құжат соңғы рет 2023 жылғы 5 қазанда жаңартылды.", "last-updated-line"),
        ("ՍԽԱԼՆԵՐԻ ՄԱՍԻՆ ՀԱՂՈՐԴԵԼԸ", "manual-section-header"),
        ("Ծրագրի սխալների մասին հաղորդեք <bugs@example.am> հասցեով։", "bug-report"),
        // Round 35: office help in Western European languages, distribution handbooks, documentation
        // in smaller European languages, single easy-to-miss English lines.
        ("Contenido de la ayuda modificado por última vez el 2 de noviembre de 2023", "last-updated-line"),
        ("Hjelpeinnholdet ble sist oppdatert 7. mai 2024.", "last-updated-line"),
        ("L-aħħar aġġornament: 14 ta' Marzu 2023", "last-updated-line"),
        ("Steun ons! Dijkwerk Office wordt gemaakt door vrijwilligers.", "doc-site-furniture"),
        ("Generated 2024-05-01 from installation-guide 13.0.4 for arm64.", "build-version"),
        ("Version 13.0.2 du guide, produite le 18 avril 2024.", "build-version"),
        ("生成于 2024-04-27，适用于莲华 Linux 13。", "build-version"),
        ("_______________________________________________", "project-site-footer"),
        ("Froen oder Feeler fonnt? Schreift eis op kontakt@example.lu.", "project-site-footer"),
        ("Cyfieithiad Cymraeg: Elen Pritchard, 2022", "translator-line-intl"),
        ("Oersetting: Sjoerd de Vries en Baukje Hoekstra, 2021", "translator-line-intl"),
        ("Traduccion : Joan Delpèch <joan@example.net>, 2019-2023", "translator-line-intl"),
        ("Tá an bogearra seo ar fáil faoi cheadúnas MIT.", "licence-notice"),
        ("VILLUR", "manual-section-header"),
        ("Dan id-dokument huwa parti mill-proġett Kompjuter bil-Malti.", "colophon"),
        ("Part of the Foo project", "colophon"),
        ("Thanks to Ana and Ben for review.", "contrib-credit"),
        ("Verwante onderwerpen", "read-more-extra"),
        // Round 34: English documentation, Romance and German translations, Central and East European
        // documentation, documentation in Asian scripts.
        ("Questions? Write to the users list at users@example.org.", "project-site-footer"),
        ("Prijedloge i ispravke za ovu stranicu pošaljite na docs@example.hr.", "project-site-footer"),
        ("Diskusikan di forum komunitas: https://forum.example.org/c/id", "project-site-footer"),
        ("— Maintained by Ilse Marwood", "written-by"),
        ("PGP key ID: 0x5C1E8A93F27B04D6", "authorship"),
        ("Zadnja izmjena: 14. ožujka 2024.", "doc-site-furniture"),
        ("Tentang terjemahan ini", "doc-site-furniture"),
        ("Драгана Пешић <dragana@example.rs>, 2020—2023.", "contrib-credit"),
        ("この文書は Kagerou Sync 3.1 系を対象としています。", "build-version"),
        ("Panduan ini terpakai untuk Kedai Pintar versi 4.2 dan ke atas.", "build-version"),
        ("日本語訳：森田 航 <w.morita@example.org>", "translator-line-intl"),
        ("Bài viết này có giúp ích cho bạn không?", "feedback-widget"),
        ("AUTORIŲ TEISĖS", "manual-section-header"),
        ("Apie pastebėtas klaidas praneškite adresu https://example.org/klaidos.", "bug-report"),
        // Round 33: translated manual pages, desktop help in Asian scripts, support-site FAQs, contributor guides;
        // CJK and Thai words no longer need a word boundary before them (none falls between two ideographs).
        ("このヘルプはクリエイティブ・コモンズ 表示 4.0 ライセンスの下で提供されています。", "licence-notice"),
        ("本站内容采用知识共享署名 4.0 国际许可协议进行许可。", "licence-notice"),
        ("请在项目网站报告错误。", "bug-report"),
        ("AUTORS", "manual-section-header"),
        ("PENGARANG", "manual-section-header"),
        ("Escrit per Oriol Puig i Marta Soler.", "written-by"),
        ("Ditulis oleh Azman bin Yusof.", "written-by"),
        ("Orrialde hau Sinatu proiektuaren 2.4.1 bertsioaren parte da.", "colophon"),
        ("Trang này là một phần của dự án Gomtep, phiên bản 1.7.", "colophon"),
        ("Diese FAQ wird vom Dokumentationsteam der Beispiel GmbH gepflegt.", "colophon"),
        ("Bu SSS sayfası topluluk ekibi tarafından güncel tutulmaktadır.", "colophon"),
        ("Tradución ao galego: Uxía Rodríguez <u@example.gal>, 2023.", "translator-line-intl"),
        ("Terjemahan Bahasa Melayu oleh Nurul Huda, 2023.", "translator-line-intl"),
        ("Isinalin sa Filipino ni Maricel Cruz.", "translator-line-intl"),
        ("பங்களித்தோர்: கார்த்திகேயன், மீனாட்சி", "contrib-credit"),
        ("دربارهٔ این راهنما: نسخهٔ ۳٫۱، آخرین ویرایش در اسفند ۱۴۰۲", "doc-site-furniture"),
        ("Still need help? Contact our support team or ask in the forum.", "project-site-footer"),
        ("Остались вопросы? Заходите в наш чат в Matrix: #proj:example.org", "project-site-footer"),
        ("Canale IRC: #progetto su Libera.Chat", "project-site-footer"),
        ("Hosting bereitgestellt von der Beispiel GmbH.", "project-site-footer"),
        ("ホスティング提供：株式会社サンプル", "project-site-footer"),
        ("Alle Mitwirkenden verpflichten sich, unseren Verhaltenskodex einzuhalten.", "project-site-footer"),
        ("The source of this handbook lives in the proj/handbook repository.", "project-site-footer"),
        ("Impressum | Datenschutzerklärung | AGB", "legal-links"),
        ("Articles connexes", "read-more-extra"),
        ("Foi útil esta páxina? Envíe os seus comentarios.", "feedback-widget"),
        // Round 32: package metadata, installation-manual colophons, wiki and documentation-site furniture.
        ("Mantenedor: Lucía Ferrer <lferrer@example.org>", "contrib-credit"),
        ("Dieses Paket wurde von Karl Berg <kb@example.org> für Debian erstellt.", "contrib-credit"),
        ("Grazie a Marco Rossi per le prove su FreeBSD.", "contrib-credit"),
        ("Bijdragers aan deze pagina: Anna de Vries, Tom Bakker", "contrib-credit"),
        ("Página principal: https://example.org/lapiz", "authorship"),
        ("Autorzy", "authorship"),
        ("Lisans: MIT", "licence-notice"),
        ("Được phát hành theo giấy phép BSD 3 điều khoản.", "licence-notice"),
        ("Επιτρέπεται η αντιγραφή, διανομή και/ή τροποποίηση του παρόντος εγγράφου.", "licence-notice"),
        ("This document covers version 3.1 of the Heron installer for the arm64 architecture.", "build-version"),
        ("本文档适用于松柏 2.0（amd64 架构）。", "build-version"),
        ("Acest manual a fost scris de echipa instalatorului Brad.", "colophon"),
        ("本手册由松柏安装程序团队编写。", "colophon"),
        ("Ελληνική μετάφραση: Νίκος Αλεξίου.", "translator-line-intl"),
        ("Last revised 2 May 2024.", "doc-site-furniture"),
        ("Documentación generada con Sphinx y el tema Lienzo.", "doc-site-furniture"),
        ("关于本文档", "doc-site-furniture"),
        ("Le projet est bénévole : soutenez-le via Liberapay.", "doc-site-furniture"),
        ("Vous avez repéré une erreur ? Proposez une modification de cette page sur Codeberg.", "doc-site-navigation"),
        ("« Önceki: Kurulum | Sonraki: Yapılandırma »", "doc-site-navigation"),
        ("上一页：安装　|　下一页：配置", "doc-site-navigation"),
        ("Последнее изменение этой страницы: 10:15, 3 марта 2024.", "wiki-forum-apparatus-inline"),
        ("Источник — https://wiki.example.org/index.php?title=Справка&oldid=123", "wiki-forum-apparatus-inline"),
        ("Esta traducción podría no estar al día. Consulte la versión original en inglés.", "translation-status"),
        ("本页译文可能落后于英文原版。", "translation-status"),
        ("このページは役に立ちましたか？ はい いいえ", "feedback-widget"),
        ("Ahmet Yılmaz ve Elif Kaya tarafından yazılmıştır.", "written-by-postposed"),
        ("この文書は山田太郎によって書かれた。", "written-by-postposed"),
        ("frobnicate is part of the frobutils package, available from the project's site.", "part-of-package"),
        ("frobnicate ist Teil des frobutils-Pakets.", "part-of-package"),
        ("frobnicate є частиною пакунка frobutils.", "part-of-package"),
        ("Esta página es parte del proyecto man-pages, versión 6.03: https://example.org/", "man-pages-colophon"),
        ("Для звітування про вади скористайтеся системою стеження.", "bug-report"),
        ("バグ報告は開発者のサイトへ。", "bug-report"),
        ("Subscribe to our newsletter for the week's top stories.", "newsletter"),
        ("We use cookies to improve your experience on this site.", "cookie-notice"),
        ("Privacy Policy | Terms of Use | Contact", "legal-links"),
        ("Tomás Ruiz covers energy and climate for the Example Tribune.", "author-bio-beat"),
        ("Sanne van der Berg is verslaggever bij het Example Dagblad.", "author-bio-name"),
        ("Erik Holm är redaktör på Exempelbladet.", "author-bio-name"),
        ("Budi Santoso adalah wartawan di Harian Contoh.", "author-bio-name"),
        ("Lees ook", "read-more"),
        ("Написали су Ана Петровић и Марко Јовић.", "written-by"),
        ("Napisali su Ana Horvat i Ivan Kovač.", "written-by"),
        ("Posted in Gardening, Recipes | 4 Comments", "blog-meta"),
        ("Tags: sourdough, baking, bread", "blog-meta"),
        ("About the author", "blog-meta"),
        ("This post contains affiliate links, which means we may earn a small commission.", "affiliate-disclosure"),
        ("Photo by Ana Lima on Unsplash", "photo-credit"),
        ("Czytaj także", "read-more"),
        ("Meld je aan voor onze nieuwsbrief.", "newsletter"),
        ("Harbour bridge reopens after repairs – 3 March 2025\nNew ferry timetable starts on Monday – 1 March 2025", "dated-headline-list"),
        ("佐藤健は本紙の経済部記者。", "author-bio-cjk"),
        ("本报记者 王芳", "author-bio-cjk"),
        ("李明是本报驻上海记者。", "author-bio-cjk"),
        ("김민지 기자 minji@example.kr", "author-bio-cjk"),
        ("Kovács Anna a lap városi tudósítója.", "author-bio-name-first"),
        ("Matti Virtanen on lehden kaupunkitoimittaja.", "author-bio-name-first"),
        ("Η Μαρία Παπαδοπούλου είναι δημοσιογράφος της εφημερίδας.", "author-bio-name-first"),
        ("Ion Popescu este jurnalist la Ziarul Orașului.", "author-bio-tr-ro"),
        ("Nguyễn Thị Lan là biên tập viên của tờ báo.", "author-bio-name-first"),
        ("関連記事", "read-more"),
        ("Tin liên quan", "read-more"),
        ("İlgili Haberler", "read-more"),
        ("ニュースレターに登録すると、毎朝主要なニュースをお届けします。", "newsletter-cjk-thai"),
        ("4 thoughts on “A weekend at the lake cabin”", "comment-section"),
        ("One thought on “Pruning apple trees”", "comment-section"),
        ("3 Gedanken zu „Unser Garten im Mai“", "comment-section"),
        ("Your email address will not be published. Required fields are marked *", "comment-section"),
        ("Votre adresse e-mail ne sera pas publiée.", "comment-section"),
        ("Mary Ellen says:", "commenter-line"),
        ("Facebook", "blog-widgets"),
        ("Like this:", "blog-widgets"),
        ("Like Loading...", "blog-widgets"),
        ("Gefällt mir Wird geladen …", "blog-widgets"),
        ("Jan de Vries schreef:", "commenter-line"),
        ("Hannah Pryce is a Local Democracy Reporter covering Wyre Forest.", "author-bio-en"),
        ("Kung nagustuhan mo ang post na ito, i-share mo naman sa mga kaibigan mo!", "share-if-liked"),
        ("Wenn dir der Beitrag gefallen hat, teile ihn gerne.", "share-if-liked"),
        ("Si cet article vous a plu, partagez-le !", "share-if-liked"),
        ("Licensed under CC BY-SA 4.0.", "licence-notice"),
        ("Kateřina Zapletalová, ČTK", "name-agency"),
        ("—May ulat ni Jerome Dizon", "byline-report-of"),
        ("Adaptation web: jgal avec ats", "byline-report-of"),
        ("I-like at i-follow ang aming Facebook page para sa balita.", "site-follow-prompt"),
        ("Haberleri Google News üzerinden takip etmek için tıklayın", "site-follow-prompt"),
        ("Yorumlar okuyucularımıza aittir.", "newsroom-appeal-more"),
        ("Поддержать редакцию можно разовым переводом.", "newsroom-appeal-more"),
        ("הכותב הוא כתב התחבורה של האתר.", "bio-writer-he"),
        ("Cet article est produit dans le cadre de l'Initiative de journalisme local, financée par le gouvernement du Canada.", "source-line"),
        ("Se algum texto daqui já te ajudou, um cafezinho pelo Pix ajuda a manter o blog de pé.", "support-plea"),
        ("Este cantinho não tem anúncio nem patrocinador.", "support-plea"),
        ("Tentang Kopiloka", "about-organisation"),
        ("Om Stiftelsen Nordlys: Stiftelsen ble grunnlagt i 1998.", "about-organisation"),
        ("Kontak Media:", "press-contact"),
        ("Контакти для медіа: Олена Ткачук, press@example.org", "press-contact"),
        ("Kung nasubukan n'yo ang recipe na ito, i-tag n'yo kami sa Instagram!", "comment-prompt"),
        ("Har du tips om saker i kommunen? Send e-post til tips@example.no", "tip-line"),
        ("Avisa arbeider etter Vær Varsom-plakatens regler for god presseskikk.", "press-ethics"),
        ("Tidningen följer de pressetiska reglerna.", "press-ethics"),
        ("Підтримати роботу фонду можна на сайті фонду.", "newsroom-appeal-more"),
        ("Join The Harbour Times channel on WhatsApp for breaking news.", "messaging-channel"),
        ("Prefer to listen? We talk it through on episode 12 of our Build Notes podcast.", "podcast-promo"),
        ("Founded in 1891, Calder Bay University is a public research university serving 31,000 students.", "organisation-boilerplate"),
        ("Ang Lingap Foundation ay isang non-stock, non-profit na organisasyong itinatag noong 2009.", "organisation-boilerplate"),
        ("Créée en 1986, la Banque alimentaire du Cantal est membre du réseau national.", "organisation-boilerplate"),
        ("绿色家园环保协会成立于2009年，是在市民政局登记注册的非营利性社会组织。", "organisation-boilerplate"),
        ("जल मित्र फाउंडेशन एक गैर-लाभकारी संस्था है, जो वर्ष 2008 से सूखा प्रभावित क्षेत्रों में काम कर रही है।", "organisation-boilerplate"),
        ("加入「南部新聞網」LINE好友，在地大小事不漏接", "messaging-channel"),
        ("Kayo, ano yung paborito niyo? Comment below!", "comment-prompt"),
        ("This story was produced in partnership with Coastal Data Desk, an independent newsroom.", "production-credit"),
        ("Este reportaje se ha elaborado en colaboración con la redacción de Datos del Sur.", "production-credit"),
        ("Wie zufrieden sind Sie? Machen Sie mit bei unserer Leserumfrage zum Nahverkehr.", "membership-event"),
        ("Contributing: Jane Doe", "contrib-credit"),
        ("For more news, visit www.example.net/metro", "bare-link"),
        ("Founded in 2019, CareNest Robotics designs assistive technology. For more information, visit www.example.sg.", "organisation-boilerplate"),
        ("Proudly powered by WordPress", "blog-platform"),
        ("Shop the story", "read-more-extra"),
        ("Projects like this are only possible because of supporters like you. Please consider making a donation today.", "support-plea"),
        ("Northwind builds forecasting software. Founded in 2020 and headquartered in Minneapolis, the company employs 80 people.", "organisation-boilerplate"),
        ("Next up: Why the Lions' run defence is a bigger worry than the scoreboard suggests", "read-more-extra"),
        ("Get tickets: Harbour Lights is at the Calder Theatre until 2 May.", "ticket-stream-promo"),
        ("The Northern Grain Growers' Association represents more than 4,200 farmers. Founded in 1974, it campaigns on trade.", "organisation-boilerplate"),
        ("鹿鳴茶業創立於1979年，總部位於南投縣鹿谷鄉，自有茶園約35公頃。", "organisation-boilerplate"),
        ("전시는 오는 5월 2일부터 26일까지 강릉 경포문화관에서 열린다. 관람료는 무료다.", "event-dates-asia"),
        ("When this reporter visited the site on Tuesday, a lone watchman sat at the gate.", "reporter-at-scene"),
        ("Drivs med WordPress.", "blog-platform"),
        ("Gilla detta:", "blog-widgets"),
        ("Publicerat i Mode, Hållbarhet | Taggat kapselgarderob, minimalism", "blog-meta"),
        ("Gostou? Compartilhe com outras mães e pais!", "share-if-liked"),
        ("Bu tarifi beğendiyseniz paylaşmayı unutmayın!", "share-if-liked"),
        ("Seguimi su Instagram @valigialenta per le storie del viaggio!", "follow-author"),
        ("Soy Elena, psicopedagoga y madre de dos. Escribo este blog desde Zaragoza.", "bio-this-blog"),
        ("Lee más:", "read-more-extra"),
        ("Artigos relacionados", "read-more-extra"),
        ("コメント 3件", "blog-meta"),
        ("Este contenido es exclusivo para suscriptores. Si ya tienes una cuenta, inicia sesión.", "paywall"),
        ("« 前の記事：Raspberry Pi 5にSSDを載せてみた ｜ 次の記事：自宅NASにアクセスする »", "post-navigation"),
        ("WaterBridge is a UK-registered charity (No. 1149302) that works with rural communities.", "organisation-boilerplate"),
        ("Registered charity number 1149302", "organisation-boilerplate"),
        ("How we reported this story: our reporter visited the island four times between March and December.", "reporting-method"),
        ("Rafael Ostrowski, Staff Writer, Class of 2026", "role-line"),
        ("Watch the full report on Channel 7 News at 6.", "podcast-promo"),
        ("The Halvorsen Institute is an independent, nonprofit research organization. Founded in 1987, it supports 60 scientists.", "organisation-boilerplate"),
        ("Join the debate at Farm Futures Live, our one-day conference in Malvern on 6 November. Tickets cost £35.", "membership-event"),
        ("I'm Jess, a former teacher and mum of two. I started this blog in 2019 to share what worked for us.", "bio-this-blog"),
        // Branches whose leading digit, punctuation or space is a lookbehind (so that the
        // prefilter can start ICU at the word after it).
        ("Anagrama | 344 páginas | 21,90 euros", "review-box"),
        ("Hanser, 320 Seiten, 24 Euro", "review-box"),
        ("The pier at dawn. © Jane Smith", "photo-credit"),
        ("Der Hafen am Morgen. Foto: Jan Novák", "photo-credit"),
        ("Boats in the harbour at dawn, photo by Ana Lima", "photo-credit"),
        ("Ti è piaciuta questa ricetta? Salvala su Pinterest per ritrovarla!", "share-if-liked"),
        ("Guárdala en Pinterest para tenerla a mano.", "blog-shop-pin"),
        ("Kalau tulisan ini bermanfaat, kamu bisa traktir saya kopi lewat Trakteer.", "support-plea"),
        ("Подписывайтесь на «Городские вести» в Telegram, чтобы первыми узнавать новости.", "messaging-channel"),
        ("Jan Olsen has kept bees in Devon since 2004 and writes here most weekends.", "bio-this-blog"),
        ("L'Associació Veïns Units és una entitat sense ànim de lucre nascuda a Reus el 2011 per defensar el barri.", "organisation-boilerplate"),
        ("Contacte de premsa: premsa@example.cat", "press-contact"),
        ("Kiss Péter 2019 óta dolgozik lapunknál, főként oktatási témákról ír.", "author-bio-name-first"),
        ("Update, May 2: A previous version of this article misstated the date of the vote.", "correction-intl"),
        ("The Long Table is hosted by Ana Ruiz and produced by Tom Hale. Theme music by Quiet Harbour.", "production-credit"),
        ("This episode is supported in part by listeners like you.", "support-plea"),
        ("Einde persbericht", "end-mark"),
        ("Noot voor de redactie, niet voor publicatie: bel de afdeling Communicatie voor meer informatie over de dijk.", "notes-to-editors"),
        ("Spokespeople are available for interview in Lagos and London.", "press-contact"),
        ("Die Nordhafen Maschinenbau GmbH mit Sitz in Kiel fertigt seit 1962 Pumpen und beschäftigt 800 Mitarbeiter.", "company-boilerplate-de"),
        ("(Except for the headline, this story has not been edited by our staff and is published from a syndicated feed.)", "source-line-start"),
        ("Lucía Gómez es periodista. Desde 2018 cubre temas de salud para este diario.", "bio-this-blog"),
        ("இதையும் படிக்க: மழை எச்சரிக்கை", "read-more-extra"),
        ("Photo 3 of 12", "gallery-furniture"),
        ("Lars Holm er uddannet fra Danmarks Medie- og Journalisthøjskole og har siden 2020 dækket Nordjylland for avisen.", "bio-this-blog"),
        ("Dit artikel is mede tot stand gekomen met informatie van ANP.", "production-credit"),
        ("A Águas do Vale, S.A. é a entidade gestora do sistema de água da região. Criada em 2004, a empresa serve 75 mil habitantes.", "organisation-boilerplate"),
        ("Bu yazıyı paylaş: Facebook | Twitter | WhatsApp | E-posta", "share-networks"),
        ("Çeviri: Deniz Arslan", "translated-by"),
        ("Diterjemahkan oleh Rizky Pratama.", "translated-by"),
        ("Artikel ini pertama kali terbit dalam bahasa Inggris di Coastal Asia Journal.", "source-line-start"),
        ("Fotoğraflar: Anadolu Ajansı (AA)", "photo-credit"),
        ("Rates quoted are accurate as of the date of publication and are subject to change.", "review-rates-note"),
        ("Article relu et validé par le Dr Anne Roy, médecin généraliste.", "review-rates-note"),
        ("The Courier's health reporting is supported in part by a grant from the Elm Foundation.", "production-credit"),
        ("Os textos podem ser reproduzidos gratuitamente, desde que citada a fonte.", "copyright-more"),
        ("Gioca a Fantacampionato: crea la tua rosa, sfida i tuoi amici e vinci premi.", "ticket-stream-promo"),
        ("Segui tutte le trattative nel nostro liveblog del calciomercato.", "support-plea"),
        ("More on youth mental health", "read-more-extra"),
        ("Siehe auch", "read-more-extra"),
        ("Watch the highlights on Match Night from 10.30pm on Saturday.", "podcast-promo"),
        ("Dit verhaal verscheen eerder bij onze partner Stadsblad Utrecht.", "republication-credit"),
        ("Lívia Caldas é autora de \"O rio\" e apresenta o podcast Margens.", "author-of-book"),
        ("Dieser Artikel wurde am 8. Oktober aktualisiert, um eine Zahl zu korrigieren.", "correction-intl"),
        ("— J.-M. L.", "desk-initials"),
        ("Con un contributo anche piccolo puoi sostenere il nostro lavoro.", "support-plea"),
        ("Local journalism like this depends on readers like you. Please consider becoming a member today.", "supporter-appeal"),
        ("Chiara Rossi si occupa di lavoro e collabora con la redazione dal 2012.", "bio-this-blog"),
        ("Het Instituut voor Bodem is een onafhankelijk kennisinstituut dat sinds 1987 onderzoek doet. Meer informatie is te vinden op de website.", "organisation-boilerplate"),
        ("Katrin Möllenhoff backt seit 2014 in Münster und schreibt hier über Brot und Geduld.", "bio-this-blog"),
        ("Giulia Ferrari. Bergamasca, classe 1989. Su questo blog racconto sentieri e rifugi.", "bio-this-blog"),
        ("Marloes de Wit schrijft sinds 2016 over moestuinieren op kleine oppervlaktes.", "bio-writes-more"),
        ("*Com Lusa", "agency-with"),
        ("По материалам ТАСС", "source-line-start"),
        ("/jpv", "desk-initials"),
        ("Harrow & Lane. 342 pp. $28.99.", "review-box"),
        ("Course: Bread, Side Dish Cuisine: Italian Keyword: focaccia", "recipe-card-plain"),
        ("Prep Time: 30 minutes Cook Time: 25 minutes Servings: 12", "recipe-card-plain"),
        ("Stampa la ricetta", "recipe-widgets"),
        ("Meer informatie: S. de Groot e.a., Journal of Geotechnical Engineering (2025).", "research-apparatus"),
        ("Directed by Callum Brierley. Starring Ines Marchetti, Dev Ashworth.", "review-box"),
        ("Editorials represent the institutional opinion of the Ledger.", "opinion-disclaimer"),
        ("To submit an obituary, email obits@example.com.", "support-plea"),
        ("Ruth Calloway's most recent book is \"The Drowned Parish.\" She lives in Lafayette.", "author-of-book"),
        ("The writer is a former banker and now advises founders. Views are personal.", "opinion-disclaimer"),
        ("Marloes de Wit schrijft voor deze krant over gezondheid en zorg.", "bio-this-blog"),
        ("Margaret Olinde taught U.S. history at Brookfield High School from 1991 to 2022. She lives in Danvers.", "bio-lives-in"),
        ("The Alder Family Foundation, established in 1994, supports education and the arts. Since its founding, the foundation has awarded more than $140 million in grants.", "organisation-boilerplate"),
        ("Cobrix es una plataforma de cobros para pequeñas empresas en México. Fundada en 2021, ayuda a más de 6.000 negocios.", "organisation-boilerplate"),
        ("Asociația Culturală Contrapunct este o organizație non-guvernamentală înființată în 2008 la Sibiu.", "organisation-boilerplate"),
        ("À propos de moi — Je m'appelle Camille et je vis à Nantes avec deux chats.", "about-author-intl"),
        ("SHOP THE LOOK: Wide-leg trousers | Midi skirt | Wool overcoat", "blog-shop-pin"),
        ("Merk dir diesen Beitrag auf Pinterest!", "blog-shop-pin"),
        ("*Dieser Beitrag enthält Werbung. Die Erde habe ich kostenlos bekommen.", "affiliate-disclosure"),
        ("¿Y vosotras? Contádmelo en los comentarios, que me encanta leeros.", "comment-prompt"),
        ("Kalau kamu punya gaya favorit, share di kolom komentar ya!", "comment-prompt"),
        ("Beim Gründerforum am 14. November diskutieren 80 Start-ups. Jetzt Ticket sichern.", "ticket-stream-promo"),
        ("【株式会社ミラクシアについて】", "about-organisation"),
        ("Solaris Hijau Berhad ialah syarikat tenaga boleh baharu yang tersenarai di Bursa Malaysia sejak 2015.", "organisation-boilerplate"),
        ("Die Radlbox GmbH wurde 2017 in München gegründet und beschäftigt rund 140 Mitarbeitende.", "company-boilerplate-de"),
        ("Stichting Weidevogelwacht zet zich sinds 1998 in voor de grutto. Met ruim 2.300 vrijwilligers zoekt de stichting nesten.", "organisation-boilerplate"),
        ("Navisoft S.A. powstała w 2009 roku w Gdańsku. Zatrudnia ponad 650 osób.", "organisation-boilerplate"),
        ("This is the second of four stories examining the condition of privately owned dams.", "series-note"),
        ("Il Centro Studi Alpini è un ente di ricerca senza scopo di lucro fondato nel 1987 a Sondrio.", "organisation-boilerplate"),
        ("Resta aggiornato con le notizie della Romagna: seguici anche sul nostro canale WhatsApp.", "messaging-channel"),
        ("Discuss this article in the forum (27 replies)", "comment-section"),
        ("Harriet Mwale is our health correspondent. She joined the paper in 2019.", "author-bio-en"),
        ("Newsletter abonnieren und keine neue Röstung mehr verpassen – plus 10 % Rabatt.", "newsletter"),
        ("Catch all the Latest India News and Weather Updates along with Breaking News from around the world.", "newsletter"),
        ("Преземањето на содржините од овој портал без писмена согласност на редакцијата е забрането.", "copyright-more"),
        ("Zabranjeno je preuzimanje sadržaja bez pismene dozvole redakcije.", "copyright-more"),
        ("Mavzuga oid:", "read-more-extra"),
        ("Marike Steyn is ’n vryskutjoernalis van Malmesbury. Sy skryf oor landbou.", "author-bio-intl"),
        ("Anne Kühnast lebt in Prenzlau und berichtet seit 2012 für unsere Zeitung aus der Uckermark.", "bio-this-blog"),
        ("Vestkystfonden er en almennyttig fond, der blev stiftet i 1987 med det formål at støtte natur og kultur.", "organisation-boilerplate"),
        ("The Central States Roofing Contractors Association is a nonprofit trade organization representing more than 1,100 roofing contractors. Since 1958, it has advocated for safe work.", "organisation-boilerplate"),
        ("Thomas Brenner berichtet seit mehr als zwanzig Jahren über Landwirtschaft im Rheinland. Er volontierte bei einer Tageszeitung in Aachen, arbeitete später als Korrespondent in Brüssel und schrieb zwei Sachbücher über die Höfe in der Eifel. Er lebt mit seiner Familie in Nideggen.", "bio-lives-in"),
        ("Fondée en 2009, l'association Bulles en Liberté accompagne les autrices de bande dessinée. Elle regroupe aujourd'hui plus de 900 adhérents.", "organisation-boilerplate"),
        ("Udruženje \"Korak naprijed\" osnovano je 2016. godine u Tuzli s ciljem pružanja podrške porodicama.", "organisation-boilerplate"),
        ("This page is for general information only and is not a substitute for professional medical advice.", "review-rates-note"),
        ("That's it for this week. Did someone forward you this? Subscribe here to get Growth Notes.", "newsletter"),
        ("This article appears in the December issue of Coastlines with the headline \"Keeping the Routine.\"", "source-line-start"),
        ("Hannah Reyes is a former teacher from Ohio who swapped the classroom for slow travel. She has visited 41 countries and writes about off-season trips.", "author-bio-writes"),
        ("Ayu Lestari adalah peneliti di Pusat Riset Oseanografi BRIN. Ia meneliti terumbu karang sejak 2012.", "author-bio-intl"),
        ("Fondée en 2019 à Nantes par Claire Ménard, Ombrelia conçoit des ombrières. L'entreprise compte 64 salariés.", "organisation-boilerplate"),
        ("Keinen Beitrag mehr verpassen? Trag dich in meinen Newsletter ein.", "newsletter"),
        ("Know a friend who'd like this? Forward this email to them.", "newsletter"),
        ("Urmăriți Gazeta de Nord și pe Facebook pentru cele mai noi știri.", "follow-share"),
        ("Du kan også lide:", "read-more-extra"),
        ("Ben Derya; Bursa'da yaşıyorum ve 2018'den beri bu blogda dikiş projelerimi paylaşıyorum.", "blog-hello"),
        ("Este reportaje forma parte de Cauces, una serie producida en alianza con una red de medios.", "series-note"),
        ("Für diese Auswertung hat die Redaktion rund 4.000 Inserate ausgewertet.", "reporting-method"),
        ("For this analysis, we reviewed 1,200 inspection reports filed since 2019.", "reporting-method"),
        ("Fondée en 2021 par Léa Morel, Voltaïs développe des batteries. L'entreprise est basée à Lyon.", "organisation-boilerplate-lead"),
        ("Die Handwerkskammer Oberland vertritt die Interessen von rund 9.000 Betrieben.", "organisation-boilerplate-lead"),
        ("El Celler Cooperatiu de Vilanova és una cooperativa agrícola fundada el 1921 que agrupa 80 famílies.", "organisation-boilerplate-lead"),
        ("O jornalismo local precisa de você. Assine a partir de R$ 9,90.", "newsroom-appeal-more"),
        ("If this story has raised issues for you, support is available from Lifeline on 13 11 14.", "court-helpline"),
        ("Loch Trust is an independent charity. It is registered in Scotland as charity number SC041872.", "organisation-boilerplate"),
        ("Fundada em 2019 por Inês Vale, a Marelume desenvolve boias. A empresa conta com 17 pessoas.", "organisation-boilerplate-lead"),
        ("Shoqata e Bletarëve është një organizatë jofitimprurëse e themeluar në vitin 2011.", "organisation-boilerplate-lead"),
        ("Uniwersytet Nadmorski jest największą uczelnią w regionie. Kształci ponad 20 tysięcy studentów.", "organisation-boilerplate-lead"),
        ("Marta Zanin è nata a Feltre nel 1990 e scrive di montagna per diverse testate. Vive a Belluno.", "bio-lives-in"),
        ("Sanne de Vries is natuur- en landbouwverslaggever en woont in Sneek.", "author-bio-name"),
        ("Dit artikel kwam tot stand in samenwerking met Gelders Lokaal.", "production-credit"),
        ("Jan Nowak-Jeziorański od dwudziestu lat pisze o Kaszubach.", "author-bio-name-first"),
        ("佐藤花（さとう・はな）　フリーライター。1990年生まれ。", "author-bio-ja-profile"),
        ("Het Centrum Veilig Fietsen is een onafhankelijk kenniscentrum dat sinds 2014 onderzoek doet.", "organisation-boilerplate-lead-more"),
        ("PT Laut Biru Digital adalah perusahaan teknologi yang berdiri sejak 2019 di Makassar.", "organisation-boilerplate-lead-more"),
        ("نُشر هذا التقرير أولاً في مجلة «النخلة» ويُعاد نشره هنا بإذن منها.", "reprint-note"),
        ("I've been covering schools for the Gazette since 2019. My inbox is open.", "bio-this-blog"),
        ("Materiał powstał we współpracy z fundacją w ramach projektu Zdrowe Miasto.", "production-credit"),
        ("Fundacja Czyste Rzeki od 2011 roku działa na rzecz ochrony wód.", "organisation-boilerplate-lead-more"),
        ("Savasoft je osnovan 2011. godine u Nišu i danas zapošljava više od 200 ljudi.", "organisation-boilerplate-lead-more"),
        ("Dësen Artikel ass ursprénglech am Gemengeblat erschéngen.", "reprint-note"),
        ("Is iriseoir neamhspleách í Áine Ní Bhriain atá lonnaithe i nGaillimh.", "bio-this-blog"),
        ("The Dunmore Police Service provides policing to more than 90,000 residents and employs approximately 160 sworn officers.", "organisation-boilerplate-lead-more"),
        ("Công ty CP Trà Xanh được thành lập năm 2015 tại Bảo Lộc.", "organisation-boilerplate-lead-more"),
        ("Tải ứng dụng để nhận tin nóng mỗi ngày.", "app-download"),
        ("More recipes you might enjoy:", "read-more-extra"),
        ("Add the Willow Shawl to your Ravelry queue!", "blog-shop-pin"),
        ("Love this bread? Pin this recipe to your favorite Pinterest board.", "blog-shop-pin"),
        ("Tell us how the new timetable will affect you in the comments below.", "comment-prompt"),
        ("Mara Lind is a former nurse who now writes about health from her home in Maine.", "author-bio-writes"),
        ("Wenn Sie über einen der Links einkaufen, erhalten wir unter Umständen eine Provision.", "affiliate-disclosure"),
        ("Lucía Prado es cocinera y autora de «Caldos». Cada domingo firma en este periódico la sección Olla.", "bio-this-blog"),
        ("Lucía Prado es cocinera y autora de «Caldos».", "author-of-book"),
        ("Giulia Neri è architetta e insegna a Milano. Il suo ultimo libro è «La piazza» (2023).", "author-of-book"),
        ("Et vous, vous avez déjà testé ? Dites-le-moi en commentaire !", "comment-prompt"),
        ("Pensez à épingler la recette sur Pinterest pour la retrouver.", "blog-shop-pin"),
        ("Envie de recevoir mes recettes ? Inscrivez-vous à la newsletter du blog.", "newsletter"),
        ("Correspondance locale : Hélène Bouyssou", "role-credit-line"),
        ("Avec la collaboration de Valérie Fortin", "contrib-credit"),
        ("Awa Diop Ndiaye (Correspondante à Kaolack)", "role-line"),
        ("Die Stadtwerke Arnsfeld GmbH sind ein Tochterunternehmen der Stadt und versorgen rund 30.000 Haushalte. Mit rund 200 Beschäftigten sind sie ein großer Arbeitgeber.", "company-boilerplate-de"),
        ("Tom Reyes lives in Leeds. He is at work on a novel about canals.", "bio-lives-in"),
        ("O Banco de Crédito Agrário é uma instituição financeira pública, criada em 2009, com sede em Luanda.", "organisation-boilerplate-lead-more"),
        ("Més notícies", "read-more-extra"),
        ("VIDEO RECOMENDADO", "read-more-extra"),
        ("Colabora con nuestro trabajo", "newsroom-appeal-more"),
        ("📲 Receba no WhatsApp as notícias do Jornal do Agreste", "messaging-channel"),
        ("Apunta't al butlletí i rep cada matí les notícies de Lleida.", "newsletter"),
        ("The Harbor Ledger is an independent, nonprofit newsroom that covers schools in Kent County.", "newsroom-appeal-more"),
        ("LekRadar ontwikkelt sensoren voor waterleidingen. Het bedrijf is in 2020 opgericht in Delft.", "organisation-facts-lead"),
        ("Uroczystości pogrzebowe odbędą się w piątek w kościele św. Józefa.", "obituary-content"),
        ("Les eisini:", "read-more-extra"),
        ("Listen again: \"River Voices\" airs Tuesdays at 7 p.m.", "podcast-promo"),
        ("To make a gift to the campaign, visit our Ways to Give page.", "newsroom-appeal-more"),
        ("The Extension Office offers programs to all people without regard to race, color, national origin or sex.", "advice-disclaimer-2"),
        ("本文转载自云南网，原标题《普洱茶出口增长》", "reprint-note"),
        ("山下ゆかり。1988年生まれ、神奈川県出身。", "author-bio-ja-profile"),
        ("Ruth Adeyemi has been a member of St. Jude's since 2001. She writes regularly for The Chimes about parish life.", "bio-this-blog"),
        ("You're receiving this email because you signed up at our website. Unsubscribe | Update preferences", "email-footer"),
        ("Cet article a été initialement publié dans Le Progrès et est republié ici avec l'autorisation de la rédaction.", "reprint-note"),
        ("Marta Olivieri vive a Bologna, dove scrive di scuola e università.", "bio-lives-in"),
        ("JA北川みどりは、2001年に3農協が合併して発足した農業協同組合で、組合員数は約9200人。", "organisation-boilerplate-lead-more"),
        ("Šta mislite o ovoj temi? Ostavite komentar ispod teksta.", "comment-prompt"),
        ("ዘጋቢ፦ ሄኖክ መኮንን", "role-credit-line"),
        ("1961 in Ulm gegründet, entwickelt die Berger Pumpen GmbH Pumpen. Das Unternehmen beschäftigt rund 400 Mitarbeiter.", "company-boilerplate-de"),
        ("Barrio Abierto es un medio digital independiente que cubre Vallecas desde 2018.", "newsroom-appeal-more"),
        ("Avec 40 agences dans l'Ouest et un chiffre d'affaires de 200 millions d'euros, le groupe Marel distribue des matériaux.", "organisation-boilerplate-lead-more"),
        ("Con oltre 200 dipendenti e due stabilimenti, Rossi Alimentare produce sughi. Nel 2023 il fatturato è stato di 50 milioni.", "organisation-boilerplate-lead-more"),
        ("Especializada en riego, Aguatec nació en 2015 en Murcia. Cuenta con 30 empleados.", "organisation-boilerplate-lead-more"),
        ("تأسست شركة النخيل للتجارة عام 2001 في الدوحة.", "organisation-boilerplate-lead-more"),
        ("Karoo Boere is 'n onafhanklike organisasie wat sedert 1998 boere verteenwoordig.", "organisation-boilerplate-lead-more"),
        ("Mwandishi ni mchambuzi wa masuala ya kilimo. Maoni yaliyotolewa katika makala haya ni yake binafsi.", "opinion-disclaimer"),
        ("Článek vznikl ve spolupráci s Asociací regionálních deníků.", "production-credit"),
        ("Článek vznikl ve spolupráci s Asociací deníků jako součást seriálu o dopravě.", "series-note"),
        ("Arbeidet med denne saken er støttet av Fritt Ord. Fondet har ikke hatt innflytelse på innholdet.", "production-credit"),
        ("ミナト水産は1962年創業。網走市に本社を置く。従業員数は約120人。", "organisation-boilerplate-lead-more"),
        ("Nuvia est un éditeur français de logiciels, fondé en 2018 à Nantes. L'entreprise compte 40 clients.", "organisation-facts-lead"),
        ("İLGİNİZİ ÇEKEBİLİR", "read-more-extra"),
        ("Editorial disclosure: The opinions here are the author's alone.", "disclosure"),
        ("Cette enquête a été réalisée dans le cadre d'un partenariat avec le Fonds pour la presse locale.", "reprint-note"),
        ("Mit diesem Beitrag setzen wir unsere Reihe „Stadt im Umbau“ fort.", "series-note"),
        ("Ana Pop scrie pe acest blog din 2016 despre drumeții.", "bio-this-blog"),
        ("Ha tetszett a bejegyzés, oszd meg a barátaiddal!", "share-if-liked"),
        ("Jana Keller arbeitet seit 2012 als Redakteurin in der Lokalredaktion Kempten.", "bio-europe-more"),
        ("Der Saale-Bote ist eine unabhängige Lokalzeitung für Halle und den Saalekreis.", "newsroom-appeal-more"),
        ("La Gazette du Quercy est un hebdomadaire d'information locale diffusé dans le Lot.", "newsroom-appeal-more"),
        ("The Corrugated Box Council represents more than 200 companies that make boxes. Its members employ 40,000 people.", "organisation-boilerplate-lead-more"),
        ("Price as tested £31,200 · Economy this month 52.1mpg · Mileage 4,100", "car-specs"),
        ("The Dairy Farmers Council is the peak body representing more than 3,100 dairy businesses in the state.", "organisation-boilerplate-lead-more"),
        ("Norðurfiskur ehf. var stofnað árið 2004 og gerir út tvo togara.", "organisation-boilerplate-lead-more"),
        ("L'Associazione Valli Vive è un ente di ricerca senza scopo di lucro con sede a Trento.", "organisation-boilerplate-lead-more"),
        ("De Maasbode is een onafhankelijke regionale krant voor Noord-Limburg.", "newsroom-appeal-more"),
        ("Jonas Petraitis „Kauno dienos“ redakcijoje dirba nuo 2018 metų. Rašo apie sportą.", "bio-europe-more"),
        ("Harpidetu zaitez gure buletinera eta jaso albisteak.", "newsletter"),
        ("ブログランキングに参加しています。応援お願いします！", "newsletter-cjk-thai"),
        ("Nota do editor: este texto foi atualizado às 10h para incluir a resposta da prefeitura.", "correction-intl"),
        ("Od redakcji: imiona bohaterów zostały zmienione.", "correction-intl"),
        ("© 2024 Ege Haber. TÜM HAKLARI SAKLIDIR.", "copyright-intl"),
        ("ተዛማጅ ዜና፦ የቡና ዋጋ ጨመረ", "read-more-extra"),
        ("Harriet Combe is transport correspondent of The National Ledger", "author-bio-en"),
        ("Cet article t'a plu ? N'hésite pas à le partager !", "share-if-liked"),
        ("Kainuun Kuitu Oy on vuonna 2001 perustettu suomalainen pakkausyhtiö.", "organisation-boilerplate-lead-more"),
        ("Na zdjęciu: ratownicy przy brzegu Wisły.", "photo-credit"),
        ("Remont potrwa do jesieni. Fot. Anna Nowak / Gazeta Lokalna", "photo-credit"),
        ("سارا محمدی‌نیا روزنامه‌نگار آزاد و پژوهشگر مطالعات شهری است.", "bio-writer-he"),
        ("Die Universität Nordstadt ist mit rund 20.000 Studierenden eine der größten Hochschulen.", "organisation-boilerplate-lead-more"),
        ("Het Instituut voor Bodemkunde is een onafhankelijk kennisinstituut op het gebied van bodem.", "organisation-boilerplate-lead-more"),
        ("Este comunicado puede contener manifestaciones sobre intenciones y previsiones de la compañía.", "forward-looking"),
        ("Departamento de Comunicación – Club Deportivo Arenas", "press-contact"),
        ("Write to Ann Lee at ann.lee@example.com", "press-contact"),
        ("Avis-Obseques.fr est un service proposé par le groupe Presse Nord.", "newsroom-appeal-more"),
        ("Pieter Smit schrijft sinds 2015 voor deze krant over voetbal.", "bio-this-blog"),
        ("Simak berita dan artikel lainnya di Google News", "site-follow-prompt"),
        ("Artikel ini telah tayang di KabarKota.com dengan judul \"Harga Beras Naik\".", "republished-titled"),
        ("Appeared in the May 2, 2024, print edition as 'Rates Hold Steady'.", "republished-titled"),
        ("Read the latest e-paper of The Island Ledger", "newsletter"),
        ("That's all for today. If a friend forwarded this email to you, sign up at the link below.", "newsletter"),
        ("Ilse ter Horst schrijft voor Vechtdal Vandaag over Dalfsen en Ommen.", "bio-this-blog"),
        ("Soy periodista y vivo en Valparaíso desde hace diez años.", "bio-this-blog"),
        ("Élodie Marchetti collabore régulièrement à nos pages économie.", "bio-this-blog"),
        ("Based in Duluth, Minnesota, Karen Whitlock has covered small towns for a decade.", "bio-this-blog"),
        ("Žije v Olomouci. Lucie Dostálová se v redakci věnuje dopravě.", "bio-europe-more"),
        ("„Das leere Schaufenster“ heißt das jüngste Buch von Katrin Albersmeyer.", "bio-europe-more"),
        ("Bilderna till reportaget har tecknats av Linnea Sjöström.", "bio-europe-more"),
        ("Ertu með ábendingu um frétt? Sendu okkur póst.", "tip-line"),
        ("Kaj menite? Svoje mnenje delite z nami v komentarjih.", "comment-prompt"),
        ("Če cenite neodvisno lokalno novinarstvo, nas podprite s prostovoljnim prispevkom.", "support-plea"),
        ("Schrijf je hier in op onze gratis nieuwsbrief.", "newsletter"),
        ("Udruga Zeleni krug neprofitna je organizacija osnovana 2011. godine.", "organisation-boilerplate-lead-more"),
        ("This review first appeared in the spring issue of Northern Arts. Reproduced with permission.", "source-line"),
        ("L'autore", "about-author-intl"),
        ("Sobre o colunista", "about-author-intl"),
        ("Giulia Ferraresi, giornalista, scrive di scuola. Il suo ultimo libro è «La classe» (Laterza, 2023).", "author-of-book"),
        ("A Pannon-Alu Kft. 1996-ban alapított magyar családi vállalkozás.", "organisation-boilerplate-lead-more"),
        ("Jurnalismul local independent costă. Poți susține redacția cu o donație.", "support-plea"),
        ("Prof. Dr. Martin Kessler lehrt Energiesystemtechnik an der Hochschule Bochum.", "bio-europe-more"),
        ("ريم حداد كاتبة وصحافية لبنانية مقيمة في بيروت.", "bio-writer-he"),
        ("Hannah Okafor is Retail Week Today's grocery correspondent. She covers supermarkets.", "bio-possessive"),
        ("Nadace Čtení pro všechny je nezisková organizace, která od roku 2011 podporuje čtení.", "organisation-boilerplate-lead-more"),
        ("Das Zentrum für Moorforschung Nord ist ein interdisziplinärer Verbund von Hochschulen.", "organisation-boilerplate-lead-more"),
        ("Ruth Adeyemi is deputy editor of Cargo & Depot Monthly and covers ports, rail freight and customs.", "author-bio-en"),
        ("Lena Vogt berichtet seit 2021 für die Lokalredaktion aus Hemmingen und den Nachbarorten.", "author-bio-writes"),
        ("Anneke de Wit schreef: Bij mij helpt koffiedik tegen de slakken!", "commenter-inline"),
        ("Lucas Moreau wrote: Great write-up, thanks!", "commenter-inline"),
        ("Aquest reportatge ha estat possible gràcies als nostres subscriptors.", "support-plea"),
        ("This story was made possible by our members. Join them today.", "support-plea"),
        ("Temes: Fires · Comerç local", "blog-meta"),
        ("Dicatat oleh Kak Ros di 9:15 PTG", "blog-meta"),
        ("3 ulasan:", "blog-meta"),
        ("Catatan Lebih Baru Catatan Lama Laman utama", "post-navigation"),
        ("Siti Aminah berkata... Sedapnya, nanti saya cuba!", "commenter-inline"),
        ("ΠΗΓΗ: ΑΜΝΑ", "source-line-start"),
        ("本文含有聯盟行銷連結，透過連結購買我會獲得少許回饋。", "affiliate-disclosure"),
        ("이 포스팅은 쿠팡 파트너스 활동의 일환으로 수수료를 받습니다.", "affiliate-disclosure"),
        ("题图｜作者供图", "photo-credit"),
        ("Photo d'ouverture : le port de Sète au lever du jour.", "photo-credit"),
        ("سلمى العمري كاتبة ومحررة في قسم الثقافة، تكتب عن الأدب.", "bio-writer-he"),
        ("Attorney Mark Ellison has represented injured workers for twenty years and is a partner at Ellison Grant LLP.", "author-bio-en"),
        ("Tomás Reyes has covered city hall and the school board since 2018. Before that, he reported on farming.", "author-bio-writes"),
        ("Jana Kürten wohnt in Leipzig, fährt gern Rad und schreibt seit 2015 über Mobilität.", "author-bio-writes"),
        ("Lucía Ferrer Vidal (Zaragoza, 1968) es profesora de Derecho Civil.", "author-bio-writes"),
        ("Erstmals erschienen am 03.02.2022.", "dateline-meta"),
        ("Zenith Ouest est un magazine régional indépendant, édité à Nantes depuis 2009.", "newsroom-appeal-more"),
        ("P.-Y. L. (avec agences)", "paren-agency"),
        ("Made this cake? Snap a photo and tag #bakewithlena so I can see it!", "blog-shop-pin"),
        ("Aquest article es va publicar originalment a la revista del Vallès.", "source-line"),
        ("Fatemi sapere come vi è venuta! Un abbraccio, Giulia", "sign-off-end"),
        ("Los artículos de opinión no reflejan necesariamente la opinión de este periódico.", "opinion-disclaimer"),
        ("Precizare: într-o versiune anterioară a acestui articol am greșit data ședinței.", "correction-intl"),
        ("Carmen Ruiz Lago es doctora en Biología y trabaja en el CSIC.", "author-bio-intl"),
        ("תגובות לכתבה (12)", "blog-meta"),
        ("לכל הכתבות במדור ספורט", "post-navigation"),
        ("Bài viết cùng chuyên mục", "read-more"),
        ("Dana Whitlock is a certified financial planner based in Kansas City.", "author-bio-en"),
        ("Marcus Finn has been testing cars for The Driveway since 2014 and still owns his first hatchback.", "author-bio-en"),
        ("Her column runs Sundays.", "column-schedule"),
        ("Photography: Ines Marchetti / Runway Collective. Backstage images by Tobias Wray.", "photo-credit"),
        ("Ämnen i artikeln", "topics-header"),
        ("Marco Ferrandi, giornalista economico, si occupa di energia e consumi.", "author-bio-intl"),
        ("佐伯みのり　ライター・編集者。1987年広島県生まれ。2019年より長野県在住。", "author-bio-ja-profile"),
        ("Hanggang sa susunod na luto, mga ka-kusina! — Ate Joy", "sign-off-end"),
        ("* Bài viết được cập nhật lúc 15h20 cùng ngày để điều chỉnh số hộ tham gia mô hình.", "update-note"),
        ("文章標籤：台南美食 鍋燒意麵 中西區", "topics-header"),
        ("This week's post is sponsored by Trailmark — use code TRAIL10 for 10% off your first order.", "affiliate-disclosure"),
        ("Next up: Five easy stretches for tight calves", "read-more-extra"),
        ("A cikk az MTI anyagainak felhasználásával készült.", "source-line"),
        ("Mojca Zupan je glasbena kritičarka. O glasbi za naš časopis piše od leta 2012.", "author-bio-intl"),
        ("Več iz rubrike Šport", "read-more-extra"),
        ("মতামত লেখকের নিজস্ব", "opinion-disclaimer"),
        ("রফিকুল ইসলাম অধ্যাপক ও গবেষক", "role-credit-line"),
        ("Dans la même rubrique", "read-more-extra"),
        ("Esti mediu vive de la xente que lu llee. Si te presta, fáite sociu o socia dende 3 euros al mes.", "supporter-appeal"),
        ("Miren Arrieta Zubiri kazetaria da, eta 2018tik kultur berriak lantzen ditu.", "author-bio-intl"),
        ("6 kommentarer", "comment-section-more"),
        ("Skildu eftir svar", "comment-section-more"),
        ("Tvoja e-mailová adresa nebude zverejnená. Povinné polia sú označené *", "comment-section-more"),
        ("Aiheeseen liittyvät", "read-more-extra"),
        ("Ez is érdekelhet:", "read-more-extra"),
        ("Ši svetainė naudoja slapukus, kad pagerintų jūsų naršymo patirtį. Sutinku", "cookie-notice"),
        ("Jaa tämä:", "blog-widgets"),
        ("Merki: baðherbergi, flísar, framkvæmdir", "blog-meta"),
        ("Daļa saišu šajā lapā ir partneru saites.", "affiliate-disclosure"),
        ("À propos du groupe Lanvaux", "about-organisation"),
        ("Janka, 15. apríla 2024 o 20:11", "commenter-time"),
        ("Kovács Zsófia hétköznap könyvelő; 2019 óta írja ezt a blogot.", "author-bio-intl"),
        ("Envie de recevoir les prochains carnets de route ? Une lettre par mois, pas plus.", "newsletter"),
        ("Dit vind je misschien ook lekker:", "read-more-extra"),
        ("More reviews", "read-more-extra"),
        ("Hier schreibt Jana – Mama von drei Kindern und Teilzeit-Bibliothekarin.", "blog-hello"),
        ("Sou a Marta, 29 anos, enfermeira e apaixonada por plantas.", "blog-hello"),
        ("Източник: БТА", "source-line-start"),
        ("За матеріалами Укрінформу", "source-line-start"),
        ("Pošalji komentar", "comment-section-more"),
        ("Owen Hale is News Editor at Pixelgate. He has been writing about games since 2012.", "author-bio-en"),
        ("Odds correct at time of publishing and subject to change.", "affiliate-disclosure"),
        ("18+ only. Please gamble responsibly.", "affiliate-disclosure"),
        ("You are reading Freight Brief. Forward this to a colleague or subscribe for free.", "newsletter"),
        ("(APA, red, 12.10.2023)", "paren-agency"),
        ("Simon Keller ist Redaktor im Ressort Zürich.", "author-bio-intl"),
        ("Weiterlesen:", "read-more-extra"),
        ("red, noe.ORF.at", "source-line-de"),
        ("Fehler gefunden? Jetzt melden.", "source-line-de"),
        ("Hinweis der Redaktion: Unsere Kritiken entstehen nach anonymen Besuchen.", "source-line-de"),
        ("อ่านข่าวที่เกี่ยวข้อง :", "read-more-extra"),
        ("Mời bạn đọc xem thêm:", "read-more-extra"),
        ("BASAHIN: Mga nasunugan sa Tondo, tumanggap ng ayuda", "read-more-extra"),
        ("Top: A crew clears the road on Tuesday. Above: Residents return home. (Photos by Dana Reyes/The Valley Sentinel)", "photo-caption-block"),
        ("Julie Tremblay couvre la politique municipale pour notre salle de nouvelles depuis 2019.", "author-bio-intl"),
        ("Armand Ekotto Mballa, à Mbalmayo", "role-credit-line"),
        ("Suomennos: Aleksi Rantanen ja Noora Väisänen, 2022", "translator-line-intl"),
        ("Prevod: Marija Petrović", "translator-line-intl"),
        ("Oversat af Lars Jensen", "translator-line-intl"),
        ("แปลเป็นภาษาไทยโดย สมชาย ใจดี", "translator-line-intl"),
        ("번역: 김철수", "translator-line-intl"),
        ("ইমন রায় <imon@example.org>, বাংলা অনুবাদ দল", "translator-line-intl"),
        ("АУТОРСКА ПРАВА", "manual-section-header"),
        ("SIGNALER DES BOGUES", "manual-section-header"),
        ("Fouten in zipcheck kunt u melden via https://bugs.example.nl/zipcheck.", "bug-report-intl"),
        ("Signalez les bogues à <bugs@example.fr>.", "bug-report-intl"),
        ("Send corrections and suggestions to docs@example.org.", "bug-report-intl"),
        ("หากพบข้อผิดพลาดในคำแปล กรุณาแจ้งทีมแปล", "bug-report-intl"),
        ("zipcheck a été écrit par Anne Martin et Paul Roux.", "written-by"),
        ("This handbook is maintained by the Osprey documentation team.", "colophon"),
        ("דף זה הוא חלק מגרסה 3.1 של חבילת zipcheck.", "part-of-package"),
        ("Versão do documento: 3.2 — revisão de 4 de maio de 2024", "build-version"),
        ("Revision 4.0.2 — generated 2024-05-04", "build-version"),
        ("এই নথিটি ক্রিয়েটিভ কমন্স লাইসেন্সের অধীনে প্রকাশিত।", "licence-notice"),
        ("This file was generated by pagewright 1.4.2 from docs/intro.md.", "doc-site-furniture"),
        ("Built with Scrivel 2.8.1.", "doc-site-furniture"),
        ("Generado con Docmallo versión 3.4.0 el 21/11/2023.", "doc-site-furniture"),
        ("Zuletzt aktualisiert: 2. Oktober 2023 · Diese Seite auf GitHub bearbeiten", "doc-site-furniture"),
        ("Última atualização em 8 de maio de 2024", "doc-site-furniture"),
        ("Апошняе абнаўленне: 12.09.2023", "doc-site-furniture"),
        ("Encontrou um erro nesta página? Abra uma issue ou envie um pull request.", "doc-site-navigation"),
        ("« Anterior: Expresiones regulares | Siguiente: Codificación de caracteres »", "doc-site-navigation"),
        ("Si te resulta útil, puedes apoyar el proyecto en https://opencollective.com/ejemplo.", "doc-site-furniture"),
        ("Cyfieithwyd gan Rhodri ap Dafydd ar ran y tîm cyfieithu.", "translator-line-intl"),
        ("Aistritheoirí: Siobhán Ní Bhraonáin, 2019", "translator-line-intl"),
        ("Traducerea în limba română: Echipa de localizare Brădet", "translator-line-intl"),
        ("VIGADEST TEATAMINE", "manual-section-header"),
        ("Bugs and feature requests: https://codeberg.org/example/tool/issues", "bug-report-intl"),
        ("Vigadest palume teatada aadressil https://vead.example.ee.", "bug-report-intl"),
        ("Грешките пријавувајте ги на <https://bugs.example.mk>.", "bug-report-intl"),
        ("Licenciado bajo la Licencia Apache, versión 2.0.", "licence-notice"),
        ("Игра распространяется на условиях лицензии GNU GPL версии 3.", "licence-notice"),
        ("This page belongs to release 2.14 of the fbuf project.", "colophon"),
        ("This manual page was written by Ana Lee for the Debian system.", "colophon"),
        ("Document revision 2.1, June 2022. Specifications are subject to change.", "build-version"),
        ("Mail bug reports to <bugs@example.org>.", "bug-report-intl"),
        ("Докладвайте грешки в програмата на адрес <bugs@example.bg>.", "bug-report-intl"),
        ("Laporkan pepijat kepada <bug@example.my>.", "bug-report-intl"),
        ("Програму написали Остап Кравчук та Леся Гнатюк.", "written-by"),
        ("Manual text by Obi Wray. Layout and map illustrations by Yuki Brand.", "written-by"),
        ("हिंदी अनुवाद: अमित शर्मा <amit@example.org>", "translator-line-intl"),
        ("தமிழாக்கம்: கார்த்திகேயன் முருகேசன்", "translator-line-intl"),
        ("Apakah artikel ini membantu?", "feedback-widget"),
        ("¿Te ha sido útil este artículo?", "feedback-widget"),
        ("Ya Tidak", "feedback-widget"),
        ("Terakhir diperbarui: 19 Januari 2024", "doc-site-furniture"),
        ("यस कागजातको बारेमा", "doc-site-furniture"),
        ("Deze hulppagina is geschreven door het documentatieteam van Fotoschuur.", "colophon"),
        ("The full documentation for mergecols is maintained as a Texinfo manual.", "colophon"),
        ("អ្នកបកប្រែ៖ សុខ វណ្ណា", "translator-line-intl"),
        ("Prevod na bosanski: Edin Mujkić, 2022.", "translator-line-intl"),
        ("석준혁과 Lena Hartwig가 작성하였다.", "written-by-postposed"),
        ("저자", "manual-section-header"),
        ("La traduction française de cette page a été réalisée par Anne Roux.", "translator-credit"),
        ("Перевод выполнил Иван Петров.", "translator-credit"),
    ]

    /// The cases of `contentDoesNotFireTheNewsPatterns`, typed like `notices`.
    static let newsContent: [(String, String)] = [
        // Round 79.
        ("Saludos, dijo Rulo antes de salir – y se fue sin mirar atrás.", "wiki-forum-apparatus"),
        ("The mayor thanked the sponsors of the new stadium roof at the opening.", "sports-furniture"),
        // Round 78.
        ("The club finished 3,5 de 5 points behind the leaders, the coach said.", "shop-furniture"),
        ("The charity said free delivery of food parcels would continue through the winter.", "shop-furniture"),
        ("The council said it would apply now for the grant, before the deadline in March.", "job-ad-furniture"),
        // Round 76.
        ("Dieser Beitrag wurde im Stadtrat heftig diskutiert, bevor er am Ende angenommen wurde.", "source-line"),
        ("Depuis 2019, Camille Delorme est développeuse chez un éditeur nantais, raconte-t-elle.", "author-bio-intl"),
        // Round 75: a help page's own paragraph on incomplete translations (longer than a notice).
        ("Alla översättningar är inte kompletta. Texter som ännu inte har översatts visas på engelska, vilket alltså inte betyder att något har gått fel vid installationen. Hittar du en text som är fel översatt kan du högerklicka på den och välja Föreslå bättre översättning; förslaget skickas till språkgruppen för granskning och kommer med i nästa uppdatering om det godkänns.", "translation-errors"),
        ("The report is available in French and English, the ministry said, and a summary in Inuktitut will follow.", "navigation"),
        // Round 74.
        ("In 2024, 1200 Menschen besuchten die Ausstellung am Corso, 3000 Besucher kamen 2025.", "postal-address"),
        ("The study was funded by the county, and the funders said they were pleased.", "disclosure"),
        ("El horario de la biblioteca cambiará en julio: de lunes a viernes de 9:00 a 14:00.", "travel-furniture"),
        ("Die Stadt hat die Straße 12 Wochen lang gesperrt, 3400 Autos fuhren täglich um.", "postal-address"),
        ("Jane Doe (she/her) was named in the complaint, which covers three years of payments.", "author-bio-beat"),
        ("The co-operative's members pay into an M-Pesa account every Friday, the treasurer said.", "support-plea"),
        ("کراچی میں مقیم صحافی سلمان رضا نے بتایا کہ بازار تین دن بند رہا۔", "bio-writer-he"),
        ("Nuotr. autorius sako, kad ežeras šią vasarą buvo žalias kaip niekada.", "photo-credit"),
        ("What do you think the council should do? Residents asked that at every meeting this spring.", "poll-widget"),
        ("Non so cosa dire, ha ammesso il sindaco davanti ai cronisti.", "poll-widget"),
        ("Avec AFP et Reuters, le quotidien partage désormais ses photos.", "agency-with"),
        // A capital names the partner or publisher: under (?i) any letter did.
        ("The inspector said this report is part of everyday work on the project, not a special review.", "source-line"),
        ("The mayor insisted the letter does not reflect the views of the residents who signed it.", "opinion-disclaimer"),
        ("Daga Kano zuwa Abuja, matafiya sun koka kan farashin mota.", "role-credit-line"),
        ("More: the council also voted to extend the library's opening hours.", "read-more"),
        ("À propos de ce projet, la mairie reste prudente.", "about-author-intl"),
        ("Daugiau naujienų iš regiono žada ir nauja laida.", "read-more"),
        ("14 comments were sent in during the consultation.", "comment-count"),
        ("Пользователи писали об этом в комментариях под постом мэра.", "comment-prompt"),
        ("Have a story about the mill? The museum wants to hear it.", "reader-contact-start"),
        ("Giornalista, scrittore e regista: così lo ricordano gli amici del circolo.", "author-bio-role-first"),
        ("Join us for the vigil, the organisers wrote, before the march to city hall.", "newsletter"),
        ("Stay up to date on the storm by listening to the radio, the minister said.", "follow-share"),
        ("Der Verein wird von seinen Mitgliedern getragen und bekommt kein Geld von der Stadt.", "reader-appeal"),
        ("Das Projekt wurde vom Bundesministerium mit insgesamt 3,1 Millionen Euro gefördert.", "funding-credit"),
        ("The next meeting of the council will decide on the budget.", "sports-furniture"),
        ("Danke fürs Lesen, sagte die Bibliothekarin und schloss die Tür.", "reader-appeal"),
        ("The column that Tom Ashby writes regularly on education policy has ended.", "author-bio-en"),
        ("Der Verein will im nächsten Jahr Mitglied werden, sagte der Vorsitzende.", "reader-appeal"),
        ("The regulator said the shop could earn a commission on every sale it referred.", "affiliate-disclosure"),
        ("Prices rose from £229 at launch to £259 this spring, the retailer said.", "price-widget"),
        ("Bis zum Abend blieb die Straße gesperrt, teilte die Polizei mit.", "sign-off"),
        ("Der Verlag gab bekannt, dass die Zeitung künftig nur noch dreimal pro Woche erscheint.", "publisher-line"),
        ("In the council's poll, 58% of residents backed the plan and 37% opposed it.", "poll-widget"),
        ("Die Umfrage des Vereins ergab, dass 1.214 Mitglieder für den Umbau stimmten.", "poll-widget"),
        ("Giornalista professionista dal 1990, ha diretto il quotidiano fino al 2015.", "author-bio-role-first"),
        ("The council urged residents to consider donating to the flood fund.", "newsroom-appeal-more"),
        ("Her son is a junior at the high school and plays in the band.", "author-bio-en"),
        ("The AFP said its reporters had left the city on Monday.", "agency-line"),
        ("Marta Bianchi, giornalista, ha vinto il premio per l'inchiesta sugli appalti.", "author-bio-intl"),
        ("앞으로도 공감 숫자보다 댓글 한 줄이 더 반가운 블로그였으면 좋겠어요.", "comment-prompt"),
        ("Watch the match again tonight, the coach told his players after the loss.", "podcast-promo"),
        ("Sources: two officials said the plan would be delayed.", "source-list"),
        ("“Did you like this article?” the teacher asked, and nobody answered.", "follow-share"),
        ("El canal de WhatsApp del municipio tuvo 3.000 consultas en una semana.", "messaging-channel"),
        ("Dr Ama Boateng, a paediatrician, teaches nurses at the clinic every Friday, she said.", "author-bio-writes"),
        ("Our coverage of the floods continues tomorrow with reports from the valley.", "production-credit"),
        ("Weather: mild", "section-label-headline"),
        ("Sport: tennis, swimming and a little yoga on Sundays.", "section-label-headline"),
        ("Tempo: 45 minutos de preparo mais 30 de forno", "section-label-headline"),
        ("Yorumlar okurların kendi görüşleridir, dedi editör.", "blog-meta"),
        ("Contact with the media office was lost for two hours, the spokeswoman said.", "press-contact"),
        ("Del av vägen stängs i två veckor.", "share-bar"),
        ("Más notas de cata llegaron de Mendoza que de ninguna otra provincia.", "read-more"),
        ("Relaterat till olyckan är också en utredning om vägbelysningen.", "read-more"),
        ("Peter zei op 3 juni 2025 om 08:40 dat de brug dicht blijft.", "commenter-dated-inline"),
        ("Economista, a ministra disse em Lisboa que o plano falhou.", "author-bio-intl"),
        ("O acordo ortográfico de 1990 continua a dividir os professores.", "disclosure"),
        ("Das Impressum der Zeitung nannte sie als Herausgeberin.", "source-line-de"),
        ("The clinic is funded by 600 donors, the mayor said, and needs more.", "supporter-appeal"),
        ("По данным полиции, водитель не справился с управлением и съехал в кювет.", "source-line-start"),
        ("Ваша помощь очень важна для нас, сказала директор приюта.", "sign-off"),
        ("Svar på det får vi först i höst, säger hon.", "comment-form"),
        ("Louise sagde, at hun ville komme igen næste år.", "commenter-time"),
        ("— Ana Lopes, keeper of the log, 3 March 1986", "dated-headline"),
        ("The exhibition runs until 3 May at the Harbour Gallery.", "exhibition-dates"),
        ("The horoscope column, she said, was the most read page of the paper for thirty years.", "section-snippet"),
        ("Lotto winner Ana Reis, 54, said she would pay off her mortgage and buy a boat.", "section-snippet"),
        ("The agency said the wire copy was checked twice before it went out.", "wire-unedited"),
        ("Sponsored by the council, the festival runs until Sunday.", "promo-line"),
        ("Eure Kinder werden es euch danken, sagt die Erzieherin.", "sign-off"),
        ("Hi, I said, and she looked up from the counter.", "blog-hello"),
        // A story about fact-checkers names their ratings in a sentence; a host in an article.
        ("Next up for the club is a trip to Harrowgate, where they lost last season.", "sports-furniture"),
        ("The table shows the club in fourth place with two games in hand.", "sports-furniture"),
        ("The novel runs to 312 pages and costs 24 euros, a fair price for its ambition.", "book-details"),
        ("The essay appeared in a magazine in 1962 and caused a scandal.", "republication-credit"),
        ("Още от двадесет семейства чакат помощ от общината.", "read-more"),
        ("The writer is a former teacher who now lives in Kumasi, and her memoir opens with the flood. It took her ten years to write.", "the-writer-is"),
        ("The family thanked everyone who signed the book of condolence at the town hall.", "obituary-apparatus"),
        ("(Larawan ng pamilya, na kinunan noong 1975, ang nasa dingding ng kanilang sala.)", "photo-credit"),
        ("The group's rating, Mostly False, was challenged by the campaign on Monday.", "factcheck-market-apparatus"),
        ("Penulis adalah orang yang paling sering dikutip dalam buku itu.", "opinion-disclaimer"),
        ("The mayor hosts the podcast herself.", "podcast-promo"),
        ("The Fund covers most of the cost of the new roof.", "author-bio-beat"),
        ("Insurance covers the damage, the company said.", "author-bio-beat"),
        ("The hearing was moved from 3 March 2025 to a later date.", "dated-headline-list"),
        ("De wethouder zei dat haar zus verslaggever is en het dossier volgde. Zij is journalist bij de omroep.", "author-bio-name"),
        ("Het nieuwe plan is een verbetering voor de buurt.", "author-bio-name"),
        ("Miasto jest redaktorem własnej historii, mówił burmistrz.", "author-bio-name"),
        ("The photo shows the harbour before the storm.", "photo-credit"),
        ("Comments from residents were mixed, the mayor said.", "blog-meta"),
        ("Thoughts on the new budget were divided at the meeting.", "comment-section"),
        ("Publishers who follow the Google News guidelines saw more traffic, the study found.", "site-follow-prompt"),
        ("The Ledger, a nonprofit newsroom founded in 2019, now employs twelve reporters.", "newsroom-appeal-more"),
        ("Ana Pereira, Lisboa", "name-agency"),
        ("The mayor, who lives in Danvers, said the plan would go ahead.", "bio-lives-in"),
        ("The Alder Family Foundation, established in 1994, gave the museum $2 million on Monday.", "organisation-boilerplate"),
        ("Werbung ist für viele Blogs die wichtigste Einnahmequelle, sagt die Forscherin.", "affiliate-disclosure"),
        ("Wer jetzt Tickets sichern will, muss schnell sein, sagte der Veranstalter.", "ticket-stream-promo"),
        ("Founded in 2019, the start-up now has 64 employees, its founder said, and plans to hire more.", "organisation-boilerplate"),
        ("That's it for this week. Did someone forward you this? Subscribe here to get Growth Notes.", "sign-off"),
        // A press council, a Pix payment or a company's name in an article's sentence.
        ("Saken er klaget inn til Pressens Faglige Utvalg, som behandler den i mars.", "press-ethics"),
        ("O pagamento pelo Pix ficou mais caro para os lojistas, segundo o banco.", "support-plea"),
        ("Om Anna kommer i morgon blir det fest.", "about-organisation"),
        // An article's background on an organisation, written as the article writes it.
        ("The food bank, founded in 1986, is a member of the national network.", "organisation-boilerplate"),
        ("Founded in 1952, the bakery has changed hands three times.", "organisation-boilerplate"),
        ("The charity is a non-profit and relies on volunteers, its director said.", "organisation-boilerplate"),
        ("The project was produced in partnership with the university, the council said.", "production-credit"),
        ("The survey of readers found most wanted more local news.", "membership-event"),
        ("Contributing factors included the weather, the report said.", "contrib-credit"),
        ("Founded in 1996, the food bank now has 180 volunteers and a budget of 420,000 euros.", "organisation-boilerplate"),
        ("The mayor lives nearby and writes here and there for the parish bulletin.", "bio-this-blog"),
        ("Die Nordhafen Maschinenbau GmbH mit Sitz in Kiel hat am Montag 40 Stellen gestrichen.", "company-boilerplate-de"),
        ("For this analysis, the researchers used data from 40 hospitals.", "reporting-method"),
        ("Founded in 2015 by two engineers, Voltaïs develops batteries, its founder said.", "organisation-boilerplate-lead"),
        ("Der Verband vertritt nach eigenen Angaben die Mehrheit der Betriebe.", "organisation-boilerplate-lead"),
        ("Sie lebte lange in Rom. Vive a Belluno la sua compagna, disse il sindaco.", "bio-lives-in"),
        ("Het rapport kwam tot stand na klachten van bewoners.", "production-credit"),
        ("De gemeente is een partner die sinds 2014 meebetaalt, zei de wethouder.", "organisation-boilerplate-lead-more"),
        ("I've been covering this story since 2019, and I have never seen the council so divided.", "bio-this-blog"),
        ("The county provides meals to more than 4,000 pupils, the report said.", "organisation-boilerplate-lead-more"),
        ("Le musée est un lieu fondé en 1901 par la ville. Il rouvre en mai.", "organisation-facts-lead"),
        ("The mayor said the city is a nonprofit newsroom's biggest advertiser.", "newsroom-appeal-more"),
        ("The music is by Ana Ruiz, and the film was produced by her brother.", "production-credit"),
        ("More on this later, the mayor said.", "read-more-extra"),
        ("The festival's director is the author of three novels, the jury noted.", "author-of-book"),
        ("The players pick your team for you, the coach joked, and win or lose it is theirs.", "ticket-stream-promo"),
        ("El concurso, que se celebra en 2019, reunió a una entidad sin ánimo de lucro.", "organisation-boilerplate"),
        ("Подписывайтесь, говорит он, на каналы в Telegram нельзя полагаться.", "messaging-channel"),
        ("The site is powered by solar panels, the council said.", "blog-platform"),
        ("Next year the club will get tickets to the final, the coach said.", "ticket-stream-promo"),
        ("The union represents more than 4,200 farmers, its chair said.", "organisation-boilerplate"),
        ("Please consider the cost before you renew, the adviser said.", "support-plea"),
        ("In a statement, Northfield described itself as a logistics company founded in 1987 and based in Ashby.", "organisation-boilerplate"),
        ("«Enquanto houver farinha, há pão.»", "post-navigation"),
        ("Lee más libros, dijo la ministra en la feria.", "read-more-extra"),
        ("Methodology: The survey of 4,012 adults was conducted online between September 2 and 20.", "reporting-method"),
        ("The inspectors explained how we reported the faults: by phone and in writing.", "reporting-method"),
        ("Viewers can watch the full report on the council's website, a spokesman said.", "podcast-promo"),
        ("Tentang hal itu, Menteri Keuangan belum memberi tanggapan.", "about-organisation"),
        ("Facebook said the outage was caused by a configuration change.", "blog-widgets"),
        ("Like this year's harvest, the vote was late.", "blog-widgets"),
        ("The council says: the road stays closed until the bridge is repaired.", "commenter-line"),
        ("Publicado en el boletín oficial, el decreto entra en vigor mañana.", "author-bio-beat"),
        ("Die Stadt schreibt über ihre Pläne in einem neuen Bericht.", "author-bio-beat"),
        // A story about a journalist or a newspaper, told as the story tells it.
        ("Seit 2012 arbeitet Jana Keller als Redakteurin, nun wechselt sie nach Berlin.", "bio-europe-more"),
        ("Le journal, qui est un hebdomadaire d'information locale depuis 1950, a été racheté.", "newsroom-appeal-more"),
        ("The union represents more than 4,200 farmers, and its members produce most of the milk, its chair said.", "organisation-boilerplate-lead-more"),
        ("The council, which is the peak body for more than 300 growers, opposed the plan.", "organisation-boilerplate-lead-more"),
        ("Photography: Nell Ashworth Photography", "photo-credit"),
        ("The minister is editor of a small literary magazine in her spare time, aides said.", "author-bio-en"),
        ("The mayor said he would write to the minister at once about the closure.", "press-contact"),
        ("Het instituut is een onafhankelijk kennisinstituut, zei de directeur.", "organisation-boilerplate-lead-more"),
        ("The story first appeared in the village newsletter, and readers wrote in.", "republished-titled"),
        ("Based in Leeds, the charity has covered the cost of 400 meals.", "bio-this-blog"),
        ("Der Verein ist ein Zusammenschluss von Eltern, sagte die Sprecherin.", "organisation-boilerplate-lead-more"),
        ("L'autore del furto è stato arrestato ieri sera dai carabinieri.", "about-author-intl"),
        ("Maria Lopez is Spain's top tennis player, and she will defend her title.", "bio-possessive"),
        // A sentence of an article that mentions a reporter is not a bio line.
        ("市の担当者は、取材に来た記者に対して詳しい説明を行った。", "author-bio-cjk"),
        ("记者从市政府获悉，新的公交线路将于下月开通。", "author-bio-cjk"),
        ("경찰은 사건 현장에 도착한 기자들에게 상황을 설명했다.", "author-bio-cjk"),
        // A name-first bio shape inside an article's sentence does not count.
        ("A polgármester szerint a lap tudósítója is jelen volt az ülésen.", "author-bio-name-first"),
        ("Kaupunki on valinnut uuden toimittajan hankkeelle.", "author-bio-name-first"),
        ("Die Stadt berichtet seit Jahren für die Bürger über den Haushalt.", "author-bio-writes"),
        ("The minister is editor of the party's magazine and covers its costs herself, aides said.", "author-bio-en"),
        ("Senator Jane Holt has followed the party line since 2019, her office said.", "author-bio-writes"),
        ("El Real Madrid (Madrid, 1902) es el club con más títulos europeos.", "author-bio-writes"),
        ("Made this decision? The council did, and residents were not told.", "blog-shop-pin"),
        ("Según la Universidad de Vigo, es profesora en el centro desde 2010.", "author-bio-intl"),
        ("La Universidad Complutense es titular de la patente desde 2019.", "author-bio-intl"),
        // A wedding feature's supplier list credits its photographer as content.
        ("Photography: Nell Ashworth Photography", "photo-credit"),
        ("The mayor, a journalist by training, said the town would appeal.", "author-bio-intl"),
        ("The columnist said her column runs the risk of offending readers.", "column-schedule"),
        // A blogger's own teaser for the next post is the post's last line.
        ("Next up: we take the night train north, and that needs a post of its own.", "read-more-extra"),
        ("The festival is sponsored by the town's two banks this year.", "affiliate-disclosure"),
        ("A film régi felvételek felhasználásával készült, mondta a rendező.", "source-line"),
        ("সংবাদ সম্মেলনে বক্তব্য দেন সাংবাদিক নেতারা এবং বিশিষ্ট শিক্ষকরা।", "role-credit-line"),
        ("Dans la même rubrique du budget, la ville inscrit la rénovation du gymnase.", "read-more-extra"),
        ("Gaur egun kazetaria da Tolosan, esan zuen alkateak.", "author-bio-intl"),
        ("Az ülésen 6 kommentarer érkezett a tervezethez.", "comment-section-more"),
        ("À propos du projet, le maire reste prudent.", "about-organisation"),
        ("Janka, ktorá prišla 15. apríla, ostala do večera.", "commenter-time"),
        ("„Ich bin Jana, 34 Jahre alt, und wohne hier seit meiner Geburt“, sagte die Klägerin vor Gericht.", "blog-hello"),
        ("The odds of that happening by chance are tiny, the panel said.", "affiliate-disclosure"),
        ("More reviews of the policy are expected next year.", "read-more-extra"),
        ("Links: rechts: So sieht der neue Platz aus, sagte die Bürgermeisterin.", "source-line-de"),
        ("Le ministre couvre le dossier depuis 2019, a rappelé son cabinet.", "author-bio-intl"),
        ("Paris, à la veille du scrutin, reste calme.", "role-credit-line"),
        // A translated quotation, not a credit; a sentence about a translation.
        ("Translation: we will not give up, she said.", "translator-line-intl"),
        ("Prevod zakona je trajao dvije godine, rekao je ministar.", "translator-line-intl"),
        ("Autoren des Berichts sind zwei Forscherinnen aus Wien.", "manual-section-header"),
        ("Die Fehler in der Software wurden schnell behoben, sagte der Sprecher.", "bug-report-intl"),
        ("Het boek is geschreven door Jan Smit tijdens zijn reis door Peru.", "written-by"),
        ("This guide is a must-read for new parents, the author says.", "colophon"),
        ("Revision 2 of the plan was approved by the council on Monday.", "build-version"),
        ("The bridge was built with steel from the old mill, the engineer said.", "doc-site-furniture"),
        ("Last updated figures show 12 cases in the county this week.", "doc-site-furniture"),
        ("Previous owners had let the garden go, the next ones restored it.", "doc-site-navigation"),
        ("Salin ang tubig bago inumin, payo ng doktor.", "translator-line-intl"),
        ("Bugs in the garden ate most of the lettuce this year.", "bug-report-intl"),
        ("Mail the reports to the committee before Friday, the chair asked.", "bug-report-intl"),
        ("Text by itself does not explain the choice, the critic wrote.", "written-by"),
        ("Програма написана для шкіл області, сказав міністр.", "written-by"),
        ("Yes, no, maybe: the council could not decide.", "feedback-widget"),
        ("The documentation team will meet the mayor on Friday.", "colophon"),
        // Sentences about a translation, in help and API pages, are not credits.
        ("Язык интерфейса определяется по настройкам системы; перевод некоторых разделов ещё не завершён.", "translator-credit"),
        ("La traduction des menus est assurée par la communauté.", "translator-credit"),
        // Round 32's cues on content: a sentence about packages, versions, thanks, translations.
        ("This package is available for Debian and Fedora from the project's site.", "contrib-credit"),
        ("Thanks to Secure Boot, the installer checks every module it loads.", "contrib-credit"),
        ("The license field of each photo accepts MIT or GPL.", "licence-notice"),
        ("This document explains how to choose a mirror close to you.", "build-version"),
        ("La traducción de los menús está incompleta en esta versión.", "translation-status"),
        ("Previous versions of the file are kept; the next save replaces the oldest.", "doc-site-navigation"),
        ("The library is named after Hugo, the author's cat, and generated by a script.", "doc-site-furniture"),
        ("Este paquete contiene el programa principal y los archivos de traducción.", "translator-credit"),
        // Round 33's cues on content.
        ("除另有说明外，所有命令均需要 root 权限。", "licence-notice"),
        ("Join the #general channel to ask questions about the build.", "project-site-footer"),
        ("Hosting your own instance requires a server with 2 GB of memory.", "project-site-footer"),
        ("Read the code of conduct before your first review.", "project-site-footer"),
        ("Nog vragen over de installatie staan in de FAQ.", "project-site-footer"),
        ("The source of this handbook is plain Markdown; build it with make html.", "project-site-footer"),
        ("Regulamin konkursu zmienił się w tym roku, a nagrody są większe.", "legal-links"),
        // Round 34's cues on content.
        ("Questions about the schema go in the design document, not in the changelog.", "project-site-footer"),
        ("Anna Berg <anna@example.org> wrote the first parser in 2019 and still reviews it.", "contrib-credit"),
        ("This guide applies to every server in the cluster, whatever its version.", "build-version"),
        // Round 35's cues on content.
        ("The file was last modified on the server before the backup ran.", "last-updated-line"),
        ("Generated files are written to the build folder.", "build-version"),
        ("Part of the fun is choosing the colours yourself.", "colophon"),
        ("Thanks to the new cache, builds take half the time.", "contrib-credit"),
        // Round 36's cues on content.
        ("Powered by a 5 V supply, the board draws 40 mA.", "doc-site-navigation"),
        ("Page layout is revised in the print dialog.", "build-version"),
        ("Anna Berg, the chair, opened the meeting.", "contrib-credit"),
        // Round 37's cues on content; a manual page's SEE ALSO and a reference's "Voir aussi" are its own.
        ("Voir aussi : plume_tampon_creer(), plume_tampon_liberer()", "read-more"),
        ("SEE ALSO", "read-more"),
        ("Stand: der Entwurf wird noch besprochen.", "last-updated-line"),
        ("Fehler in der Eingabe werden rot markiert.", "project-site-footer"),
    ]
}
