import Testing
import PropertyBased
@testable import SegmentFilter

@Suite struct DocumentFilterTests {
    @Test func tagalogBioIsAppended() throws {
        let text = try fixture("article-with-tagalog-bio.txt")
        let (primary, appended, a) = try split(text)
        #expect(appended.hasPrefix("Si Maria Clara Dizon"))
        #expect(primary.hasSuffix("safety course.\n"))
        #expect(a.language == "en")
        #expect(a.paragraphs.last?.evidence.language.code == "tl")
        #expect(primary + appended == text)
    }

    @Test func articleAloneStaysWhole() throws {
        let text = try fixture("article-only.txt")
        for rules in RuleSet.builtInNames {
            let (_, appended, a) = try split(text, rules: rules)
            #expect(appended.isEmpty, "\(rules): \(a.decision.reason)")
        }
    }

    /// Inputs the fuzzer flagged (fuzz/run.sh), replayed with the fuzz target's invariants.
    @Test func fuzzerFindingsKeepTheInvariants() throws {
        let folder = fixturesFolder.appendingPathComponent("fuzz")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(!files.isEmpty)
        let f = try filter("news")
        for name in files {
            let data = try [UInt8](Data(contentsOf: folder.appendingPathComponent(name)))
            let a = data.withUnsafeBufferPointer { f.analyse($0) }
            #expect(a.splitByte <= data.count, "\(name)")
            #expect(a.splitByte == data.count || a.paragraphs.contains { $0.byteRange.lowerBound == a.splitByte }, "\(name)")
            let s = String(decoding: data, as: UTF8.self)
            var encoded: [UInt8] = []
            JSON.appendString(s, to: &encoded)
            #expect(encoded.withUnsafeBufferPointer { try? JSON.decodeString($0, 0..<$0.count) } == s, "\(name)")
        }
    }

    /// A blogger's signature under a valediction that ends with a comma ("See you at the
    /// lake," then "Jo") is the post's: the cut is at the site's footer, not between them.
    @Test func signatureUnderAValedictionStaysWithThePost() throws {
        let post = """
        Week four of learning to swim in open water
        This week the lake was colder than I expected, about fourteen degrees, and the wind pushed small waves across the bay.
        I managed two loops of the buoys without stopping, which is twice what I could do a month ago.
        My breathing still goes ragged when I turn my head to the left, so I practised bilateral breathing in the pool on Thursday.
        The wetsuit finally fits properly now that I have stopped pulling it up by the neck.
        Next week the club has a timed swim, and I plan to do the short course slowly and finish smiling.
        See you at the lake,
        Jo
        © 2024 The Cold Water Diaries · All rights reserved · Privacy

        """
        let (primary, appended, a) = try split(post)
        #expect(appended.hasPrefix("© 2024"), "\(a.decision.reason)")
        #expect(primary.hasSuffix("Jo\n"))
        // The signature is marked, and no cut is scored between it and the valediction.
        let k = try #require(a.paragraphs.firstIndex { $0.evidence.signsValediction })
        #expect(k == a.paragraphs.count - 2)
        #expect(Splitter.listContinuations(a.paragraphs.map(\.evidence))[k])
        // Not under a sentence.
        #expect(try !split(post.replacingOccurrences(of: "See you at the lake,", with: "See you at the lake."))
            .analysis.paragraphs.contains { $0.evidence.signsValediction })
    }

    /// A name that a sign-off cue marks ("Eure Jana") does not head the disclosure under it
    /// as an author's name heads a bio.
    @Test func signOffNameDoesNotHeadTheFooter() throws {
        let post = """
        So haben wir den Balkon winterfest gemacht
        Letztes Wochenende war es so weit: Die Geranien kamen in den Keller, die Kräuter in die Küche.
        Die großen Kübel haben wir mit Jute umwickelt und auf Holzklötze gestellt, damit keine Staunässe entsteht.
        Den Lavendel lassen wir draußen, er verträgt den Frost erstaunlich gut, wenn er nicht zu nass steht.
        Die Stühle stehen jetzt zusammengeklappt unter der Plane, und der Tisch ist an die Wand gerückt.
        Wie macht ihr euren Balkon winterfest? Schreibt es mir gern!
        Eure Jana
        *Werbung: Dieser Beitrag enthält Affiliate-Links. Wenn du darüber etwas kaufst, erhalte ich eine kleine Provision.
        Das könnte dich auch interessieren
        Hochbeet im Herbst: was jetzt noch wächst

        """
        let (primary, appended, a) = try split(post)
        #expect(appended.hasPrefix("*Werbung"), "\(a.decision.reason)")
        #expect(primary.hasSuffix("Eure Jana\n"))
    }

    /// A news page's whole footer: a beat bio, "More from", a headline list with dates, a
    /// newsletter prompt and the copyright line; the cut is at the bio.
    @Test func newsPageFooterIsAppendedFromTheBio() throws {
        let (primary, appended, a) = try split(try fixture("article-news-page.txt"))
        #expect(appended.hasPrefix("Maria Jensen covers education"), "\(a.decision.reason)")
        #expect(primary.hasSuffix("closure of the old archive building.\n\n"))
        #expect(appended.hasSuffix("All rights reserved.\n"))
    }

    /// The same kind of footer in German: bio, "Das könnte Sie auch interessieren", newsletter,
    /// "Alle Rechte vorbehalten".
    @Test func germanNewsPageFooterIsAppendedFromTheBio() throws {
        let (_, appended, a) = try split(try fixture("artikel-nachrichtenseite.txt"))
        #expect(appended.hasPrefix("Jana Keller ist Redakteurin"), "\(a.decision.reason)")
        #expect(a.language == "de")
    }

    /// News-page footers in twenty-seven more languages (fixtures written for these tests): the author
    /// bio, the "read also" header, a headline, the newsletter prompt and the copyright line are
    /// all appended, and the cut is at the bio.
    @Test(arguments: [
        ("es", "María López es periodista"), ("fr", "Jean Martin est journaliste"),
        ("it", "Luca Bianchi è giornalista"), ("nl", "Piet de Vries is verslaggever"),
        ("pl", "Anna Kowalska jest dziennikarką"), ("pt", "Ana Souza é repórter"),
        ("ru", "Иван Петров — корреспондент"), ("sv", "Karin Lund är reporter"),
        ("cs", "Jana Nováková je redaktorkou"), ("tr", "Ayşe Demir, gazetemizin"),
        ("vi", "Nguyễn Văn An là phóng viên"), ("ja", "山田花子は本紙の"),
        ("zh", "本报记者 王芳"), ("ko", "김민지 기자"), ("el", "Η Μαρία Παπαδοπούλου είναι δημοσιογράφος"),
        ("fi", "Matti Virtanen on lehden"), ("hu", "Kovács Anna a lap"), ("uk", "Олена Коваль — кореспондентка"),
        ("da", "Mette Hansen er journalist"), ("ro", "Ion Popescu este jurnalist"),
        ("ca", "Marta Puig és periodista"), ("hr", "Ivana Horvat novinarka je"),
        ("sk", "Jana Kováčová je redaktorkou"), ("nb", "Kari Nordmann er journalist"),
        ("bg", "Мария Иванова е журналист"), ("sl", "Ana Novak je novinarka"), ("lt", "Ona Kazlauskienė yra"),
    ])
    func newsPageFooterInOtherLanguages(language: String, bio: String) throws {
        let (_, appended, a) = try split(try fixture("news/\(language).txt"))
        #expect(appended.hasPrefix(bio), "\(language): \(a.decision.reason)")
        #expect(a.language == language)
        let kinds = a.paragraphs.filter(\.appended).flatMap { $0.evidence.rules.map(\.kind) }
        for kind in ["bio", "related", "newsletter", "copyright"] {
            #expect(kinds.contains(kind), "\(language): no \(kind) cue fired")
        }
    }

    /// A blog post's furniture: the "About the author" header and bio, the category and tag
    /// line, the comment count and prompt.
    @Test func blogPostFurnitureIsAppended() throws {
        let (primary, appended, a) = try split(try fixture("news/blog-en.txt"))
        #expect(appended.hasPrefix("About the author"), "\(a.decision.reason)")
        #expect(primary.hasSuffix("taller than the fence.\n\n"))
    }

    /// A WordPress post: share buttons, "Like this:", a related list, the comment header
    /// ("4 thoughts on ..."), a comment and the comment form. The whole footer is appended and
    /// the whole post stays: the related headlines and the comment talk about the post, but a
    /// run of marked lines is compared with the text before the run, so their likeness to the
    /// post's last paragraph does not pull it into the tail (`Splitter.tailSimilarity`).
    @Test func wordPressFooterIsAppendedAndThePostStays() throws {
        let text = try fixture("news/blog-wordpress-en.txt")
        let (primary, appended, a) = try split(text)
        #expect(appended.hasPrefix("Share this:\n"), "\(a.decision.reason)")
        #expect(appended.contains("What a lovely post") && appended.hasSuffix("marked *\n"))
        #expect(primary.hasSuffix("for one weekend it felt like nothing had changed.\n"))
    }

    /// The same furniture in Spanish and German blogs: "Publicado en ... | 6 comentarios",
    /// "Veröffentlicht in ... | 4 Kommentare", tags, the comment prompt, the author's header
    /// and a "writes about" bio.
    @Test(arguments: [("blog-es", "Publicado en Cocina"), ("blog-de", "Veröffentlicht in Backen")])
    func blogFurnitureInOtherLanguages(name: String, first: String) throws {
        let (_, appended, a) = try split(try fixture("news/\(name).txt"))
        #expect(appended.hasPrefix(first), "\(name): \(a.decision.reason)")
        #expect(a.paragraphs.filter(\.appended).contains { $0.evidence.rules.contains { $0.kind == "bio" } }, "\(name): no bio cue")
    }

    /// News and blog pages with the footers such pages end with (wire and agency credits, bylines
    /// with a role, bios in the page's and in other languages, disclosures, corrections, tags,
    /// comments, reader-contact and app prompts) and pages that only mention such things: the
    /// cut is where the page's `@@@` line was, or nowhere (Fixtures/pages/README.md), with the
    /// default rule set and with the two that extend it for web pages.
    @Test(arguments: try FileManager.default.contentsOfDirectory(atPath: fixturesFolder.appendingPathComponent("pages").path)
        .filter { $0.hasSuffix(".txt") }.sorted())
    func pageIsCutWhereItsFooterBegins(name: String) throws {
        let (parts, text) = try markedPage(name)
        #expect(parts.count <= 2)
        for rules in ["default", "news", "web"] {
            let (primary, appended, a) = try split(text, rules: rules)
            #expect(primary == parts[0], "\(name), \(rules): \(a.decision.reason)")
            #expect(primary + appended == text)
        }
        if name.hasPrefix("none-") { #expect(parts.count == 1) }
    }

    /// A cue a paragraph above a topic shift's cue run takes the paragraph between along when
    /// its evidence outweighs it: a tester's "So haben wir getestet" over its method paragraph,
    /// above the "our tests are independent" line where the shift is strongest. Without the
    /// header's cue (the same line as plain prose) the cut falls after the method paragraph.
    @Test func aCueAboveATopicShiftsRunTakesTheParagraphBetween() throws {
        let (parts, text) = try markedPage("de-fahrradhelme-test.txt")
        let (primary, appended, a) = try split(text)
        #expect(primary == parts[0], "\(a.decision.reason)")
        #expect(appended.hasPrefix("So haben wir getestet\n"))
        let plain = parts[0] + parts[1].replacingOccurrences(of: "So haben wir getestet\n", with: "Die Helme im Überblick\n")
        let (_, plainAppended, b) = try split(plain)
        #expect(plainAppended.hasPrefix("Unsere Tests sind unabhängig"), "\(b.decision.reason)")
    }

    /// A topic shift that takes the article's last two paragraphs together with the footer
    /// under them (a photo credit, a glued brief, a tip line) keeps them: the document cut at
    /// the footer keeps them too, so the footer's lines, not those paragraphs, made the shift.
    @Test func aShiftAboveAFooterLeavesTheArticlesLastParagraphs() throws {
        let (parts, text) = try markedPage("pl-wiadukt-objazdy-foto.txt")
        let (primary, appended, a) = try split(text)
        #expect(primary == parts[0], "\(a.decision.reason)")
        #expect(appended.hasPrefix("Fot. "))
        #expect(primary.hasSuffix("Rozwoju Dróg.\n"))
    }

    /// A police appeal speaks for the story it ends; under the story's agency line it is
    /// another story glued on, and is cut with the line. The same appeal right under the
    /// story's last paragraph stays (the story may be the appeal's).
    @Test func anAppealUnderAnAgencyLineIsGluedOn() throws {
        let article = try fixture("article-only.txt")
        let body = article + (article.hasSuffix("\n") ? "" : "\n")
        let appeal = "Police are appealing for witnesses after a van was stolen from a yard on Mill Road overnight. Anyone with information is asked to call 101 quoting incident 412.\n"
        let (_, appended, a) = try split(body + "kla/dpa\n" + appeal)
        #expect(appended == "kla/dpa\n" + appeal, "\(a.decision.reason)")
        #expect(a.paragraphs.last!.evidence.rules.allSatisfy { $0.weight >= 0 })
        let (_, kept, b) = try split(body + appeal)
        #expect(b.paragraphs.last!.evidence.rules.contains { $0.id == "police-appeal" })
        #expect(!kept.hasPrefix("Police"), "\(b.decision.reason)")
    }

    /// A trailing paragraph in a language the model has no profile for is another language's.
    @Test func paragraphInALanguageWithoutAProfileIsAppended() throws {
        let article = try fixture("article-only.txt")
        let text = article + (article.hasSuffix("\n") ? "" : "\n") + LanguageIdentifierTests.kaqchikel + "\n"
        let (_, appended, a) = try split(text)
        #expect(appended == LanguageIdentifierTests.kaqchikel + "\n", "\(a.decision.reason)")
    }

    @Test func copyrightLineIsAppended() throws {
        let (_, appended, _) = try split(try fixture("article-copyright.txt"))
        #expect(appended.hasPrefix("© 2025"))
    }

    @Test func relatedStoriesAreAppended() throws {
        let (_, appended, _) = try split(try fixture("article-related.txt"))
        #expect(appended.hasPrefix("Related stories"))
    }

    @Test func englishAuthorBioIsAppended() throws {
        let (_, appended, _) = try split(try fixture("article-english-bio.txt"))
        #expect(appended.hasPrefix("Andrea Lopez is a reporter"))
    }

    /// The default set's newsletter and legal-link cues are the conservative forms: an article
    /// whose last paragraph mentions a newsletter and a privacy policy keeps it. `news` counts
    /// any newsletter mention in a short paragraph, so it cuts.
    @Test func articleMentioningANewsletterStaysWholeByDefault() throws {
        let text = try fixture("article-mentions-newsletter.txt")
        let (_, appended, a) = try split(text)
        #expect(appended.isEmpty, "\(a.decision.reason)")
        let (_, newsAppended, _) = try split(text, rules: "news")
        #expect(newsAppended.hasPrefix("The library service said"))
    }

    /// A bio of the person the article is about (a prize-winning journalist) is the article's:
    /// its name is in an earlier paragraph, so the bio cue is dropped; the same bio under an
    /// article that never names her is the author's, and is cut.
    @Test func aBioOfTheStorysSubjectIsNoCue() throws {
        let bio = "Lucía Arrieta (Pamplona, 1979) es licenciada en Periodismo y fue corresponsal en Bruselas entre 2012 y 2016. Desde 2019 coordina la unidad de investigación del diario.\n"
        let opening = "El premio de periodismo de investigación de este año ha sido para una serie sobre los contratos de limpieza de los hospitales públicos de la región.\n"
        let about = "Lucía Arrieta dedicó casi dos años a la serie, que revisó más de tres mil facturas y obligó al Gobierno regional a cancelar dos de los contratos investigados.\n"
        let other = "La serie revisó más de tres mil facturas y obligó al Gobierno regional a cancelar dos de los contratos investigados, según el jurado del premio.\n"
        let closing = "El jurado destacó el rigor de la documentación y la claridad con la que la serie explica un asunto técnico a cualquier lector.\n"
        let (_, kept, a) = try split(opening + about + closing + bio)
        #expect(kept.isEmpty, "\(a.decision.reason)")
        #expect(!a.paragraphs.last!.evidence.rules.contains { $0.kind == "bio" })
        let (_, appended, b) = try split(opening + other + closing + bio)
        #expect(appended == bio, "\(b.decision.reason)")
    }

    /// An article that ends on a resident's words in Tagalog under a short English attribution
    /// keeps them: the quotation is no evidence of another language (the attribution is too
    /// short to identify), and a tail that holds it is no same-language topic shift either.
    @Test func aQuotationInAnotherLanguageUnderItsAttributionStays() throws {
        let article = """
            Vendors along the Marikina riverbank say a plan to clear the banks for a linear park leaves them nowhere to sell.
            The city says about ninety stalls will have to move by March, when work on the first section begins.
            Councillor Ramon Santos said the design of the park did not include space for the vendors who have worked there for decades.
            On Tuesday afternoon, Remedios Dantes, 67, who has sold rice cakes near the bridge since 1998, paused while wrapping them in banana leaves.
            "Dito na ako tumanda, dito ko napag-aral ang tatlo kong anak. Kung aalisin nila kami, saan kami kukuha ng pangkain araw-araw," she said.

            """
        let (_, appended, a) = try split(article)
        #expect(appended.isEmpty, "\(a.decision.reason)")
        #expect(a.paragraphs.last!.evidence.attributedQuotation)
    }

    @Test func aParagraphsLeadingName() {
        func name(_ s: String) -> String? {
            var s = s
            return s.withUTF8 { leadingName($0) }.map { String(decoding: $0, as: UTF8.self) }
        }
        #expect(name("Lucía Arrieta (Pamplona, 1979) es licenciada") == "Lucía Arrieta")
        #expect(name("Priya Nandakumar grew up in Bradford.") == "Priya Nandakumar")
        #expect(name("Mary Ann O’Neill-Smith Jones Baker writes") == "Mary Ann O’Neill-Smith Jones")
        #expect(name("Priya grew up in Bradford.") == nil)
        #expect(name("Arredondo, de 41 años, comenzó su carrera") == "Arredondo")
        #expect(name("Kim, 41, covers") == nil)
        #expect(name("Nada en Lugo en 1984, Sabela Vázquez licenciouse en Xornalismo") == "Sabela Vázquez")
        #expect(name("In 2019, the council said") == nil)
        #expect(name("the council said") == nil)
        #expect(name("市の担当者は") == nil)
    }

    /// A notice someone is quoted saying is what the article reports: the copyright cue that
    /// fires on the bare notice does not fire on a paragraph that quotes it as evidence, while
    /// the same notice unquoted, as the page's last line, is cut.
    @Test func aQuotedNoticeIsNoCue() throws {
        let article = """
            A local photographer has taken the city council to court over pictures used on its tourism website.
            She says more than twenty of her photographs were published without her permission after an exhibition in 2019.
            The council says it received the pictures in good faith and removed them as soon as the dispute began.

            """
        let notice = "© Anna Berg. All rights reserved. Any use of these images without permission is prohibited."
        let quoted = "Her lawyer says the key evidence is the line printed under every original: “\(notice)” It was cropped from the versions online.\n"
        let (_, kept, a) = try split(article + quoted)
        #expect(kept.isEmpty, "\(a.decision.reason)")
        #expect(a.paragraphs.last!.evidence.rules.isEmpty)
        let (_, cut, _) = try split(article + notice + "\n")
        #expect(cut == notice + "\n")
    }

    /// A line quoted from end to end with a navigation cue is a blog's link bar, not speech.
    @Test func aLinkBarInGuillemetsIsCut() throws {
        let article = """
            自宅サーバーのディスクを新しいものに交換し、ミラー構成に移行しました。作業には半日ほどかかりました。
            移行の手順は単純で、新しいディスクを追加してから同期が終わるのを待つだけでした。
            同期の後、古いディスクを外して再起動し、すべてのデータが読めることを確認しました。

            """
        let bar = "« 前の記事：古いノートパソコンを再利用した話 ｜ 次の記事：家庭内ネットワークの見直し »\n"
        let (_, cut, a) = try split(article + bar)
        #expect(cut == bar, "\(a.decision.reason)")
    }

    /// A footer's unrecognised short line between two cue lines (a newsletter's blurb between
    /// its header and its button) goes with them; under a long paragraph that mentions a
    /// newsletter it would not.
    @Test func aShortLineBetweenTwoCuesIsTheFooters() throws {
        let article = """
            The council voted on Tuesday to turn the old railway yard into a community garden with forty raised beds and a tool shed.
            Volunteers will start clearing the site next month, and the first beds should be ready for planting by early spring, organisers said.
            The garden group says it has already received more than two hundred applications for plots from residents of the nearby estates.
            "We have waited a long time for this," said Marta Lewis, who has lived beside the yard for thirty years.

            """
        let footer = "Sign up for Field Notes\nEssays on tools, attention and the craft of making things, every other Sunday.\nSubscribe now\n"
        let (_, cut, a) = try split(article + footer)
        #expect(cut == footer, "\(a.decision.reason)")
        #expect(Splitter.sandwichedLines(a.paragraphs.map(\.evidence)) == [5])
    }

    /// A council report the glued-story tests put briefs under.
    static let cycleBridgeReport = """
        Council approves new cycle bridge over the Avon
        The city council voted 9 to 2 on Tuesday to build a cycle and footbridge across the River Avon between the station and the new housing estate at Westfield.
        The bridge will cost about £6.8 million, most of it from a national active-travel grant, and is meant to take pressure off the narrow road bridge where two cyclists were injured last year.
        Councillor Priya Shah, who chairs the transport committee, said the crossing would cut the walk from the estate to the station from twenty minutes to eight. "People have been asking for this since the first houses went up," she said.
        The two councillors who voted against the plan said they supported a bridge in principle but wanted the design to include a ramp suitable for mobility scooters on both banks before any money was committed.
        Engineers expect the foundations to be laid in the summer, with the deck lifted into place by crane over a weekend when the river path will be closed.

        """

    /// A short local brief glued under a report starts at its headline: the report's closing
    /// line, which shares few words with the report, stays with it.
    @Test func aGluedOnStoryStartsAtItsHeadline() throws {
        let article = Self.cycleBridgeReport + "Work could start in May. Objectors have six weeks to ask for a judicial review.\n"
        let brief = """
            Library to extend weekend opening hours
            The central library will open until 6pm on Saturdays and from 11am to 4pm on Sundays from next month, after a volunteer scheme recruited forty new helpers to staff the reading rooms and the children's corner.

            """
        let (_, cut, a) = try split(article + brief)
        #expect(cut == brief, "\(a.decision.reason)")
    }

    /// A brief glued under a regional story starts at its dateline when the story opened
    /// with one: the story's own last paragraphs, which share few words with its opening,
    /// stay with it.
    @Test func aGluedOnBriefStartsAtItsDateline() throws {
        let article = """
            Stadtrat beschließt Radweg an der Lindenallee – Parkplätze fallen weg
            Nach monatelangem Streit hat der Stadtrat von Hohenfurt den umstrittenen Radweg beschlossen.
            HOHENFURT – Mit 19 zu 14 Stimmen hat der Stadtrat am Donnerstagabend den Bau eines durchgehenden Radwegs an der Lindenallee beschlossen. Dafür fallen 38 Parkplätze weg.
            Oberbürgermeisterin Karin Seidel sprach von einem wichtigen Schritt für die Verkehrswende. „Wir können nicht jedes Jahr sagen, dass wir mehr für Radfahrer tun wollen, und dann nichts tun“, sagte sie.
            CDU und FDP stimmten geschlossen dagegen. Sie befürchten, dass die Geschäfte an der Lindenallee Kunden verlieren, wenn Autofahrer keine Parkplätze mehr finden.
            Die Interessengemeinschaft Lindenallee, in der sich 23 Geschäfte zusammengeschlossen haben, hatte mehr als 2.100 Unterschriften gegen den Wegfall der Parkplätze gesammelt.
            Als Ausgleich will die Stadt die Parkdauer im nahegelegenen Parkhaus am Schillerplatz in der ersten Stunde kostenlos machen. Außerdem sollen in den Seitenstraßen zwölf zusätzliche Kurzzeitparkplätze entstehen.
            Baubeginn soll im Frühjahr 2026 sein. Die Kosten von rund 1,4 Millionen Euro werden zu 75 Prozent vom Land gefördert.

            """
        let brief = """
            HOHENFURT – Unbekannte sind in der Nacht zum Mittwoch in einen Kiosk an der Bahnhofstraße eingebrochen. Die Täter hebelten die Eingangstür auf und entwendeten Zigaretten und Bargeld. Die Polizei bittet um Hinweise.

            """
        let (_, cut, a) = try split(article + brief)
        #expect(cut == brief, "\(a.decision.reason)")
        #expect(a.paragraphs.last?.evidence.opensWithDateline == true)
    }

    /// A brief glued on over the page's footer (a copyright line, share links) starts at its
    /// headline: the footer's cues and the topic shift above them count together, where either
    /// alone would leave the brief as the report's last paragraphs.
    @Test func aGluedOnStoryOverAFooterStartsAtItsHeadline() throws {
        let article = Self.cycleBridgeReport
        let tail = """
            Library to extend weekend opening hours
            The central library will open until 6pm on Saturdays and from 11am to 4pm on Sundays from next month, after a volunteer scheme recruited forty new helpers to staff the reading rooms and the children's corner.
            © 2024 Avon Valley Courier. All rights reserved.
            Share this: Facebook · X · Email

            """
        let (_, cut, a) = try split(article + tail)
        #expect(cut == tail, "\(a.decision.reason)")
    }

    /// A short copyright line read as another language ("© Avon Valley Courier 2024" is French
    /// to the identifier: its words are names) does not bar the topic shift from the cuts
    /// above it: the glued brief still starts at its headline.
    @Test func aShortFooterLineInAnotherLanguageLeavesTheTopicShift() throws {
        let article = Self.cycleBridgeReport
        let tail = """
            Library to extend weekend opening hours
            The central library will open until 6pm on Saturdays and from 11am to 4pm on Sundays from next month, after a volunteer scheme recruited forty new helpers to staff the reading rooms and the children's corner.
            © Avon Valley Courier 2024

            """
        let (_, cut, a) = try split(article + tail)
        #expect(a.paragraphs.last?.evidence.language.code != "en")
        #expect(cut == tail, "\(a.decision.reason)")
    }

    /// A closing quotation in another language that stands as its own paragraph, under the
    /// paragraph that introduces its speaker, is the article's: no language evidence.
    @Test func aQuotationParagraphInAnotherLanguageIsTheSpeakers() throws {
        let article = """
            Nach elf Jahren verlässt Trainer Mike Delaney die Basketballer aus Ansbach. Der Verein bestätigte den Abschied am Montag.
            Unter Delaney stieg die Mannschaft zweimal auf und erreichte im vergangenen Frühjahr erstmals das Halbfinale der Playoffs.
            Seine Spieler lobten vor allem seine Geduld mit jungen Talenten aus der eigenen Jugend, von denen drei inzwischen Profis sind.
            Warum er nicht in die USA zurückkehre, wurde er auf der Pressekonferenz gefragt. Delaney überlegte kurz, dann antwortete er auf Englisch.
            „I came here for one year and stayed eleven. My kids grew up here, my wife is from here. Where else would I go? This is home.“

            """
        let (_, cut, a) = try split(article)
        #expect(cut.isEmpty, "\(a.decision.reason)")
        #expect(a.paragraphs.last?.evidence.attributedQuotation == true)
    }

    @Test func manualNoticesAreAppended() throws {
        let (primary, appended, _) = try split(try fixture("manual-with-notices.txt"))
        #expect(appended.hasPrefix("Report bugs"))
        #expect(primary.contains("To restore a single file"))
    }

    /// A same-language off-topic tail that shares some everyday words ("water", "hours") with
    /// the article: lexical cohesion alone does not separate it yet (see the split issue's
    /// notes). Recorded as a known issue so that the day it passes is noticed.
    @Test func offTopicTailIsAppended() throws {
        let (_, appended, a) = try split(try fixture("article-off-topic.txt"))
        withKnownIssue("off-topic tails that share everyday vocabulary are not detected") {
            #expect(appended.hasPrefix("To make a good sourdough"), "\(a.decision)")
        }
        #expect(a.paragraphs.last!.evidence.coherence < a.paragraphs[1...3].map(\.evidence.coherence).max()!)
    }

    @Test func strictCutsAShortForeignTail() throws {
        let text = try fixture("article-only.txt") + "Danke fürs Lesen und bis bald!\n"
        let (_, appended, _) = try split(text, rules: "strict")
        #expect(appended == "Danke fürs Lesen und bis bald!\n")
    }

    @Test func codePointOffsetsCountLikePython() throws {
        let text = "Ünïcödé 😀 first paragraph of English text for the test.\nSecond paragraph, still English and on the same topic of text.\nSi Juan ay isang guro sa paaralan ng bayan at mahilig siyang magbasa ng mga aklat tuwing gabi."
        let a = try filter().analyse(text)
        #expect(a.paragraphs[1].start == Array(text.unicodeScalars).firstIndex(of: "S")!)
        if a.hasAppended {
            let scalars = Array(text.unicodeScalars)
            #expect(String(String.UnicodeScalarView(scalars[a.splitCodePoint...])).hasPrefix("Si Juan"))
        }
    }

    @Test func codePointCountMatchesTheByteByByteCount() {
        // Random bytes, valid and invalid UTF-8, of every length around the eight-byte steps.
        var g = SystemRandomNumberGenerator()
        let pieces: [[UInt8]] = [[0x61], [0x20], [0xC3, 0xA9], [0xE2, 0x80, 0x99], [0xF0, 0x9F, 0x98, 0x80], [0x80], [0xBF], [0xFF], [0xC0]]
        for n in 0..<500 {
            let bytes = (0..<(n % 40)).flatMap { _ in pieces[Int.random(in: 0..<pieces.count, using: &g)] }
            bytes.withUnsafeBufferPointer { b in
                #expect(codePoints(b) == b.filter { $0 & 0xC0 != 0x80 }.count, "\(bytes)")
            }
        }
    }

    @Test func degenerateDocuments() throws {
        let f = try filter()
        for text in ["", "x", "\n\n\n", "12345", String(repeating: "a", count: 100_000), "\u{FEFF}Hello there.\r\nSecond line.\r\n"] {
            let a = f.analyse(text)
            #expect(a.splitByte <= text.utf8.count)
        }
        #expect(f.analyse("").splitByte == 0)
    }

    @Test func invalidUTF8KeepsTheOriginalBytes() throws {
        let f = try filter()
        var bytes = Array(try fixture("article-with-tagalog-bio.txt").utf8)
        bytes.insert(contentsOf: [0xFF, 0xC3, 0x28], at: 10)
        let a = bytes.withUnsafeBufferPointer { f.analyse($0) }
        #expect(a.splitByte < bytes.count)
        #expect(Array(bytes[a.splitByte...]).starts(with: Array("Si Maria".utf8)))
    }
}

/// Random documents from pieces of several scripts, separators and junk.
let documentPieces: [String] = [
    "The river cleanup continued on Tuesday.", "Ang lungsod ay naglabas ng bagong programa.", "Die Stadt hat gestern entschieden.",
    "東京都は新しい計画を発表した。", "Правительство объявило о планах.", "ภาษาไทย", "مرحبا بالعالم", "12 345", "😀", "-",
    " ", " ", "\t", "\n", "\n", "\n\n", "\r\n", "\r", "\u{0}", "\u{FEFF}", "\u{200B}", "\u{202E}", "\u{0C}", "é", "\u{301}",
    "https://example.com/x", "© 2025 Example.", "Related stories", "Si Ana ay isang guro.",
]

@Suite struct InvariantTests {
    @Test func primaryPlusAppendedIsTheInputAndTheCutIsAParagraphStart() async throws {
        let f = try filter("news")
        nonisolated(unsafe) let worker = f
        await propertyCheck(count: 300, input: Gen<String?>.element(of: documentPieces).array(of: 0...60)) { pieces in
            let text = pieces.compactMap { $0 }.joined()
            let a = worker.analyse(text)
            let bytes = Array(text.utf8)
            #expect(Array(bytes[0..<a.splitByte]) + Array(bytes[a.splitByte...]) == bytes)
            #expect(a.splitByte == bytes.count || a.paragraphs.contains { $0.byteRange.lowerBound == a.splitByte })
            #expect(a.splitCodePoint == String(decoding: bytes[0..<a.splitByte], as: UTF8.self).unicodeScalars.count)
            #expect(a.paragraphs.allSatisfy { $0.appended == ($0.byteRange.lowerBound >= a.splitByte) })
        }
    }

    @Test func jsonlRecordsRoundTripTheirText() async throws {
        let f = try filter()
        nonisolated(unsafe) let worker = f
        await propertyCheck(count: 100, input: Gen<String?>.element(of: documentPieces).array(of: 0...30)) { pieces in
            let text = pieces.compactMap { $0 }.joined()
            var line: [UInt8] = Array(#"{"id":"x","text":"#.utf8)
            JSON.appendString(text, to: &line)
            line += Array(#","n":1.50}"#.utf8)
            let out = JSONLTestSupport.process(line, worker: worker)
            let members = try! out.withUnsafeBufferPointer { try JSON.objectMembers(UnsafeBufferPointer(rebasing: $0[0..<($0.count - 1)])).members }
            #expect(members.map(\.key) == ["id", "text", "n", "segfilter"])
            let primary = try! out.withUnsafeBufferPointer { try JSON.decodeString($0, members[1].valueRange) }
            let seg = try! out.withUnsafeBufferPointer { b in try JSON.objectMembers(UnsafeBufferPointer(rebasing: b[members[3].valueRange])).members }
            let appended = try! out.withUnsafeBufferPointer { b in try JSON.decodeString(UnsafeBufferPointer(rebasing: b[members[3].valueRange]), seg[0].valueRange) }
            #expect(primary + appended == text)
            #expect(String(decoding: out[members[2].valueRange], as: UTF8.self) == "1.50")
        }
    }
}

enum JSONLTestSupport {
    /// Runs one line through the JSONL processor's record path via a temporary file.
    static func process(_ line: [UInt8], worker: DocumentFilter) -> [UInt8] {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("segfilter-tests-\(UInt64.random(in: 0...UInt64.max))")
        try! FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("in.jsonl"), output = dir.appendingPathComponent("out.jsonl")
        try! Data(line + [0x0A]).write(to: input)
        let p = JSONLProcessor(filter: worker, options: JSONLOptions())
        let w = try! ByteWriter(path: output.path)
        _ = try! p.run(try! LineReader(path: input.path), output: w, rejects: .standardError(), explain: nil)
        try! w.flush()
        return Array(try! Data(contentsOf: output))
    }
}

import Foundation
