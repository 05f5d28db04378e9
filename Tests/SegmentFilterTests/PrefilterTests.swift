import Foundation
import Testing
@testable import SegmentFilter

@Suite struct PrefilterTests {
    @Test(arguments: [
        ("(?i)\\b(colou?r|grey)\\b", Set(["colo", "grey"])),
        ("[\\w.]+@\\w+", Set(["@"])),
        ("(?i)^\\s*(©|copyright\\b)", Set(["©", "copyright"])),
        ("(?i)(foo|bar)baz", Set(["foobaz", "barbaz"])),
        ("(?=abc)x\\.y", Set(["x.y"])),
        ("(?is)(free software).{0,200}(licen|GPL)", Set(["free software"])),
        ("report(ing)?\\s+bugs", Set(["report"])),
        ("(?-i:\\p{L})+ta(?-i:\\p{L})*", Set(["ta"])),
    ] as [(String, Set<String>)])
    func requiredLiterals(regex: String, expected: Set<String>) {
        #expect(RequiredLiterals.of(regex) == expected)
    }

    @Test(arguments: ["\\d+", "ab|\\d", "(?x) a b c", "\\Qabc\\E", "a*", "(abc)?", "[abc]{3}", "(?<=x)y|z*"])
    func noPrefilterWhenNothingIsRequired(regex: String) {
        #expect(RequiredLiterals.of(regex) == nil)
    }

    @Test(arguments: [
        ("(?i)\\b(colou?r|grey)\\b", Set(["colo", "grey"]), 0),
        ("(?is)(free software|logiciel libre).{0,200}?(licen|GPL)", Set(["free software", "logiciel libre"]), 0),
        ("(?i)\\s?[,;]{0,2}x?(?:by|von)\\b", Set(["by", "von"]), 2 + 4 + 6),
        ("(?=abc)(?i:\\.x|y)+z", Set([".x", "y"]), 0),
        ("(?:ab|\\d\\d(?-i:cd))", Set(["ab", "cd"]), 4),
        // A leading repeated atom: a match that starts with its last repetitions.
        ("\\s+by", Set(["by"]), 2),
        ("(?i)[\\p{L}.]{2,}@", Set(["@"]), 4),
        // An optional group: a match starts at it, or at what follows when it is absent.
        ("(x)?by", Set(["x", "by"]), 0),
        ("(?i)\\b(please )?consider (us|me)", Set(["please ", "consider "]), 0),
        ("\\s?(ab)*cd", Set(["ab", "cd"]), 2),
    ] as [(String, Set<String>, Int)])
    func leadingLiterals(regex: String, literals: Set<String>, offset: Int) {
        let lead = RequiredLiterals.leading(of: regex)
        #expect(lead?.literals == literals)
        #expect(lead?.offset == offset)
        #expect(lead?.anchored == false)
    }

    /// A branch anchored with `^` adds no literal but asks for a try at 0.
    @Test func leadingLiteralsWithAnchoredBranch() {
        let lead = RequiredLiterals.leading(of: "(?i)(^\\s*(si|ni)\\s+x|\\b(est|était)\\s+y)")
        #expect(lead?.literals == ["est", "était"])
        #expect(lead?.anchored == true)
        #expect(RequiredLiterals.leading(of: "\\s?^ab|cd")?.anchored == true)
    }

    /// No leading literals when a match can start anywhere before them (or only at the start).
    @Test(arguments: ["(?i)^\\s*(by|von)", "\\b\\s+by", "\\d\\s+by", "(?<=x)\\s+by", "(\\s+)by", "\\s{3,}by", "\\G\\s+by", "(x)?\\s+by", "(^x)?by", "(?m)by$", "(?i)(by|\\w+)", "(?x)b y", "a*b", "ab|c(?x)d", "ab|\\Q(\\E"])
    func noLeadingLiterals(regex: String) {
        #expect(RequiredLiterals.leading(of: regex) == nil)
    }

    @Test(arguments: [
        ("(?i)(a|b(c))[(x)]\\(y\\)(?:z)(?<=q)", "(?i)(?:a|b(?:c))[(x)]\\(y\\)(?:z)(?<=q)"),
        ("(a)\\1", "(a)\\1"),
        ("\\Q(a)\\E", "\\Q(a)\\E"),
        ("(?x) (a) # (b)", "(?x) (a) # (b)"),
        ("[[a-z](]+(b)", "[[a-z](]+(?:b)"),
    ] as [(String, String)])
    func matchingFormDropsCaptures(regex: String, expected: String) {
        #expect(CompiledPattern.matchingForm(regex) == expected)
    }

    /// A property under case-insensitive matching is compiled as the set ICU would close it to.
    @Test(arguments: [
        ("(?i)a\\p{L}+b", "(?i)a(?-i)[\\p{L}[\\u0345]]+(?i)b"),
        ("(?i)(\\p{L}{1,3}?x)", "(?i)(?:(?-i)[\\p{L}[\\u0345]]{1,3}?(?i)x)"),
        ("\\p{L}+", "\\p{L}+"),
        ("(?i)(?-i:\\p{L})(?-i)\\p{L}", "(?i)(?-i:\\p{L})(?-i)\\p{L}"),
        ("(?i:x)\\p{L}", "(?i:x)\\p{L}"),
        ("(?i)[\\p{L}.]\\p{N}", "(?i)(?-i)[[\\u0345]\\p{L}.](?i)(?-i)[\\p{N}](?i)"),
        ("(?i)[\\p{L}\\s&'-]{0,4}x", "(?i)(?-i)[[\\u0345]\\p{L}\\s&'-]{0,4}(?i)x"),
        // Sets with letters, ranges, negation, a leading "-" or nested sets: ICU closes them.
        ("(?i)[a\\p{L}]", "(?i)[a\\p{L}]"),
        ("(?i)[0-9\\p{L}]", "(?i)[0-9\\p{L}]"),
        ("(?i)[^\\p{L}]", "(?i)[^\\p{L}]"),
        ("(?i)[-\\p{L}]", "(?i)[-\\p{L}]"),
        ("(?i)[[a]\\p{L}]", "(?i)[[a]\\p{L}]"),
        ("[\\p{L} ]", "[\\p{L} ]"),
        ("(?i)(?#x)\\p{L}", "(?i)(?#x)\\p{L}"),
        ("(?i)\\p{Nope}", "(?i)\\p{Nope}"),
    ] as [(String, String)])
    func matchingFormClosesProperties(regex: String, expected: String) {
        #expect(CompiledPattern.matchingForm(regex) == expected)
    }

    /// The rewritten property matches exactly the code points ICU's own closure does.
    @Test(arguments: ["L", "Lu", "Ll", "N"])
    func closedPropertyMatchesAsICU(name: String) throws {
        try expectRewriteMatchesAsWritten("(?i)^\\p{\(name)}+$")
    }

    /// A rewritten set of properties and caseless characters matches exactly the code points
    /// ICU's own closure of the set does.
    @Test(arguments: ["[\\p{L}\\p{M} &'’-]", "[\\p{Lu}\\d.]", "[\\p{Ll}\\s]"])
    func closedSetMatchesAsICU(set: String) throws {
        try expectRewriteMatchesAsWritten("(?i)^\(set)+$")
    }

    /// `regex` is rewritten (`CompiledPattern.matchingForm`), and the rewrite matches every code
    /// point, alone, exactly where the regex as written does (and it matches many).
    private func expectRewriteMatchesAsWritten(_ regex: String) throws {
        func pattern(_ regex: String) -> RuleSet.Pattern {
            RuleSet.Pattern(id: "p", kind: "k", weight: 1, languages: [], maxChars: 100, regex: regex, origin: "")
        }
        #expect(CompiledPattern.matchingForm(regex) != regex)
        let asWritten = try CompiledPattern(pattern(regex), asWritten: true)
        let rewritten = try CompiledPattern(pattern(regex))
        var differ = 0, matched = 0
        var units: [UInt16] = []
        for v in UInt32(0)...0x10FFFF {
            guard let c = Unicode.Scalar(v) else { continue }
            units.removeAll(keepingCapacity: true)
            units.append(contentsOf: String(c).utf16)
            let a = units.withUnsafeBufferPointer { asWritten.matches(utf16: $0) }
            let b = units.withUnsafeBufferPointer { rewritten.matches(utf16: $0) }
            if a != b { differ += 1 }
            if a { matched += 1 }
        }
        #expect(differ == 0, "\(regex)")
        #expect(matched > 1000, "\(regex)")
    }

    /// The analysis the binary embeds (rules/prefilter.analysis) is what the built-in rule sets'
    /// patterns give now: after editing a rule set, run tools/rules/write-analysis.sh. (A stale
    /// file would only cost start-up time, but would go unnoticed.)
    @Test func embeddedAnalysisIsCurrent() throws {
        #expect(Array(LiteralAnalysis.embeddedBytes) == (try RuleSet.builtInAnalysis()), "rules/prefilter.analysis is stale: run tools/rules/write-analysis.sh")
        for name in RuleSet.builtInNames {
            for p in try RuleSet.load(name).patterns {
                let stored = try #require(LiteralAnalysis.embedded(p.regex), "\(name): \(p.id)")
                #expect(stored == PreparedPattern(fresh: p.regex), "\(name): \(p.id)")
            }
        }
        // A regex the file does not hold, however close, is not found.
        let some = try RuleSet.load("default").patterns[0].regex
        #expect(LiteralAnalysis.embedded(some + " ") == nil)
    }

    /// A built-in rule set's prefilter is copied from its embedded image, and has the tables a
    /// prefilter built afresh from its regexes has; an edited rule set, or another version's
    /// image, builds it afresh; an image cut short is no image.
    @Test func builtInPrefiltersComeFromTheirImages() throws {
        for name in RuleSet.builtInNames {
            let patterns = try RuleSet.load(name).patterns
            let made = RuleMatcher.Prefilter.make(patterns)
            #expect(made.fromImage, "\(name)")
            #expect(made.image() == RuleMatcher.Prefilter.make(patterns, fresh: true).image(), "\(name)")
        }
        var edited = try RuleSet.load("default").patterns
        edited[0].maxChars += 1
        #expect(!RuleMatcher.Prefilter.make(edited).fromImage)
        #expect(!RuleMatcher.Prefilter.make(Array(edited.dropFirst())).fromImage)
        let patterns = try RuleSet.load("default").patterns
        let image = RuleMatcher.Prefilter.make(patterns, fresh: true).image()
        image.withUnsafeBytes { #expect(RuleMatcher.Prefilter(image: $0, patterns: patterns.count) != nil) }
        image.withUnsafeBytes { #expect(RuleMatcher.Prefilter(image: $0, patterns: patterns.count - 1) == nil) }
        for cut in [8, image.count / 2, image.count - 1] {
            Array(image.prefix(cut)).withUnsafeBytes { #expect(RuleMatcher.Prefilter(image: $0, patterns: patterns.count) == nil) }
        }
    }

    /// A matcher whose prefilter came from an image (and so reads where each pattern's matches
    /// start only when it is first a candidate) finds what one with a prefilter built afresh finds.
    @Test func imageAndFreshPrefiltersFindTheSame() throws {
        let rules = try RuleSet.load("default")
        let fromImage = try RuleMatcher(rules)
        let fresh = try RuleMatcher(rules, freshPrefilter: true)
        let texts = ["© 2025 The Ledger. All rights reserved.", "Read more: Council votes on the budget",
                     "Jane Doe is a reporter at the Ledger covering schools. Contact her at jdoe@ledger.example.",
                     "Si Maria ay isang manunulat mula sa Quezon City.", "Photo: Anna Berg / AFP",
                     "The council met on Tuesday to discuss the new bus lanes, which residents oppose.",
                     "Abonnez-vous à notre newsletter pour recevoir nos articles.", "Tags: politics, budget"]
        var found = 0
        for text in texts {
            var t = text
            let a = t.withUTF8 { fromImage.hits($0, characters: text.unicodeScalars.count, language: "en", documentLanguage: "en").map(\.id) }
            let b = t.withUTF8 { fresh.hits($0, characters: text.unicodeScalars.count, language: "en", documentLanguage: "en").map(\.id) }
            #expect(a == b, "\(text)")
            found += a.count
        }
        #expect(found >= 5)
    }

    /// Whatever a regex holds (escapes, line breaks, non-ASCII literals), its preparation reads
    /// back as written; a file of another version, or cut short, reads as no file.
    @Test func analysisFileReadsBackAsWritten() {
        let regexes = ["(?i)^\\s*(©|copyright\\b)", "a\nb|c\u{1F}d", "x\\y\\\\z|(?m)^\\s*ok$", "\r(foo|bar)baz", "\\d+",
                       "(?i)(é|ß)tre\\b", "(?i)^\\s*(read more|lire aussi)\\b", "\\Gabc"]
        let file = LiteralAnalysis.serialize(regexes + regexes)
        let read = file.withUnsafeBytes { LiteralAnalysis.parse($0) }
        #expect(Set(read.map(\.regex)) == Set(regexes) && read.count == regexes.count)
        for entry in read {
            #expect(entry.prepared == PreparedPattern(fresh: entry.regex), "\(entry.regex)")
        }
        // (Some of these have starts and an anchored lead, and some branches: the file's every
        // field is read back.)
        #expect(read.contains { $0.prepared.starts?.atZero != nil })
        #expect(read.contains { !$0.prepared.branches.isEmpty })
        #expect(Array("not the header\n".utf8).withUnsafeBytes { LiteralAnalysis.parse($0) }.isEmpty)
        var otherVersion = file
        otherVersion[4] &+= 1
        #expect(otherVersion.withUnsafeBytes { LiteralAnalysis.parse($0) }.isEmpty)
        let cut = Array(file.dropLast(3))
        #expect(cut.withUnsafeBytes { LiteralAnalysis.parse($0) }.isEmpty)
    }

    /// A regex's top-level branches, each with the flags that open it; groups around the whole
    /// (or around a branch) are looked into.
    @Test(arguments: [
        ("(?i)ab|c(d|e)|[|]f", ["(?i)ab", "(?i)c(d|e)", "(?i)[|]f"]),
        ("(?i)(^\\s*x|y\\|z)", ["(?i)^\\s*x", "(?i)y\\|z"]),
        ("(?i)(a|(?-i:B)c)|d", ["(?i)a", "(?i)(?-i:B)c", "(?i)d"]),
        ("(?:a|b)", ["a", "b"]),
        ("(?s:a.b|c)", ["(?s)a.b", "(?s)c"]),
        ("(?i)(?-i:Ab|Cd)", ["(?i)(?-i)Ab", "(?i)(?-i)Cd"]),
    ] as [(String, [String])])
    func branches(regex: String, expected: [String]) {
        #expect(RequiredLiterals.branches(of: regex) == expected)
    }

    /// No split when there is one branch, or when splitting could change what a branch matches.
    @Test(arguments: ["abc", "(a|b)+", "(a|b)c", "a(?i)b|c", "(a)\\1|b", "\\Qa|b\\E", "(?x)a | b", "a(?#x|y)|b", "\\Ga|b", "[a|b]"])
    func noBranches(regex: String) {
        #expect(RequiredLiterals.branches(of: regex) == nil)
    }

    /// A pattern of many branches is a candidate where one branch has its literals, not
    /// wherever a literal of any branch occurs.
    @Test func eachBranchHasItsOwnPrefilter() {
        let regex = "(?i)^\\s*\\p{Lu}\\p{L}+ (is|was) [^.]{0,80}\\bwho writes\\b|\\(\\d{4}\\)\\s+ist\\b"
        let prepared = PreparedPattern(fresh: regex)
        #expect(prepared.branches.count == 2)
        let scanner = LiteralScanner(folded: [prepared.clauses], branches: [prepared.branches])
        // (One state for all the scans: each undoes only what the one before set.)
        var state = LiteralScanner.ScanState()
        func runs(_ text: String) -> Bool {
            var found = [false]
            LiteralScanner.fold(Array(text.utf16)).withUnsafeBufferPointer { scanner.scan($0, into: &found, state: &state) }
            return found[0]
        }
        // Each branch's literals in part: "was " and "who", "(", ")" but no "ist".
        let neither = "The mayor (who spoke first) said in 2024 that it was over."
        #expect(!runs(neither))
        #expect(runs("Ana Ruiz is a teacher who writes about schools."))
        #expect(!runs(neither))
        #expect(runs("Der Band (1998) ist vergriffen."))
        #expect(!runs(neither))
    }

    /// A scanner restricted to some patterns (the prefilter's length tiers) finds what one
    /// built with the other patterns' literal sets emptied finds, clause by clause.
    @Test func restrictedScannerEqualsOneBuiltWithoutTheOthers() throws {
        let patterns = try RuleSet.load("default").patterns
        let prepared = patterns.map { LiteralAnalysis.embedded($0.regex) ?? PreparedPattern(fresh: $0.regex) }
        let all = LiteralScanner(folded: prepared.map(\.clauses), branches: prepared.map(\.branches))
        var texts = paragraphTexts(try fixture("article-news-page.txt")) + paragraphTexts(try fixture("manual-with-notices.txt"))
        texts += ["© 2024 Example. Tous droits réservés.", "Übersetzung: Max <max@example.org> · Straße 1",
                  "Sign up for our newsletter — Tags: news, local", "İstanbul. Bu çeviri hatalar içerebilir."]
        var generator = SystemRandomNumberGenerator()
        let masks = [patterns.map { $0.maxChars > 200 }, patterns.map { $0.maxChars > 400 },
                     patterns.map { _ in Bool.random(using: &generator) }, patterns.map { _ in false }]
        for keep in masks {
            let restricted = all.restricted(to: keep)
            let built = LiteralScanner(folded: zip(prepared, keep).map { p, k in k ? p.clauses : p.clauses.map { $0.map { _ in [] } } },
                                       branches: prepared.map(\.branches))
            var (a, b) = (LiteralScanner.ScanState(), LiteralScanner.ScanState())
            for text in texts {
                let folded = LiteralScanner.fold(Array(text.utf16))
                var (x, y) = (all.filtered.map { !$0 }, all.filtered.map { !$0 })
                folded.withUnsafeBufferPointer {
                    restricted.scan($0, into: &x, state: &a)
                    built.scan($0, into: &y, state: &b)
                }
                #expect(x == y, "\(text)")
                for (k, p) in prepared.enumerated() where keep[k] {
                    for c in 0..<(p.clauses?.count ?? 0) {
                        let id = all.clauseID(pattern: k, c)
                        #expect(a.positions[id] == b.positions[id], "\(patterns[k].id) clause \(c): \(text)")
                    }
                }
            }
        }
    }

    /// Literals are folded without ICU when ASCII, with the same result.
    @Test func literalFoldingMatchesICU() throws {
        var literals = ["", "ABC xyz-09@", "Straße", "İstanbul", "ǅ", "[]{}^~\u{7F}"]
        for name in RuleSet.builtInNames {
            for p in try RuleSet.load(name).patterns {
                for set in RequiredLiterals.clauses(of: p.regex) ?? [] { literals += set }
            }
        }
        for l in literals {
            #expect(LiteralScanner.foldLiteral(l) == LiteralScanner.fold(Array(l.utf16)), "\(l)")
        }
    }

    @Test func scannerFindsFoldedLiterals() {
        let scanner = LiteralScanner([["Straße"], ["@"], nil, ["zzz"]])
        var found = scanner.filtered.map { !$0 }
        scanner.scan(LiteralScanner.fold(Array("IN DER STRASSE: a@b".utf16)), into: &found)
        #expect(found == [true, true, true, false])
    }

    /// A literal set holding a literal that almost any text has (one letter, digit, space, full
    /// stop or comma) is taken as present, at 0, without looking: the other sets still decide.
    @Test func aSetWithAnEverywhereLiteralIsTakenAsFound() {
        let scanner = LiteralScanner(clauses: [[["a", "zebra"], ["licen"]], [["."]], [["quagga"]]])
        var found = [false, false, false]
        var state = LiteralScanner.ScanState()
        let text = LiteralScanner.fold(Array("No such word: licence".utf16))
        text.withUnsafeBufferPointer { scanner.scan($0, into: &found, state: &state) }
        #expect(found == [true, true, false])
        #expect(state.positions[scanner.clauseID(pattern: 0, 0)] == 0 && state.positions[scanner.clauseID(pattern: 0, 1)] == 14)
        // The next scan starts afresh (only what the last one set is undone).
        var none = [false, false, false]
        Array(LiteralScanner.fold(Array("zebra".utf16))).withUnsafeBufferPointer { scanner.scan($0, into: &none, state: &state) }
        #expect(none == [false, true, false])
        #expect(state.positions[scanner.clauseID(pattern: 0, 1)] == -1)
    }

    /// A co-occurrence pattern needs a literal of each list.
    @Test func coOccurrenceNeedsBothLists() {
        let regex = "(?is)(?:\\b(errors?|bugs?)\\b.*?\\b(translation|traduction)|\\b(translation|traduction).*?\\b(errors?|bugs?)\\b)"
        let clauses = RequiredLiterals.clauses(of: regex) ?? []
        #expect(Set(clauses) == [["error", "bug"], ["translation", "traduction"]])
        let scanner = LiteralScanner(clauses: [clauses])
        func runs(_ text: String) -> Bool {
            var found = [false]
            scanner.scan(LiteralScanner.fold(Array(text.utf16)), into: &found)
            return found[0]
        }
        #expect(!runs("This error message is printed on stderr."))
        #expect(runs("Report errors in the TRANSLATION to the team."))
        #expect(runs("Traduction : signalez les bugs"))
    }

    /// The prefilter is only an optimisation: with it, every shipped pattern fires on exactly
    /// the paragraphs it fires on when its regex runs on everything.
    @Test func prefilteredHitsEqualPlainRegexRuns() throws {
        var texts: [String] = []
        for name in ["article-copyright.txt", "article-english-bio.txt", "article-related.txt",
                     "manual-with-notices.txt", "article-with-tagalog-bio.txt"] {
            texts += paragraphTexts(try fixture(name))
        }
        texts += ["COPYRIGHT © 2024 EXAMPLE", "ALLE RECHTE VORBEHALTEN.", "Written by Jane Doe.",
                  "Released under the MIT LICENSE", "see https://example.org", "Übersetzung: Max <max@example.org>",
                  "ÜBERSETZUNG DIESER HANDBUCHSEITE", "Tous droits réservés", "ΤΑ ΣΦΆΛΜΑΤΑ ΤΗΣ ΜΕΤΆΦΡΑΣΗΣ",
                  // Leading literals late in the text, with and without characters whose case
                  // folding is longer (positions in the folded text then differ).
                  "Straße 1. Die Übersetzung stammt von Max <max@example.org>",
                  "Die Übersetzung stammt von Max <max@example.org>, Strasse 1",
                  "ﬁrst of all: this program is free software, under the GNU General Public License",
                  "first of all: this program is free software, under the GNU General Public License",
                  "İstanbul. Bu çeviri hatalar içerebilir; translation errors: report bugs to x@y.org",
                  // Anchored branches (author-bio-intl, copyright) with a leading literal later on.
                  "Si Maria Santos ay isang mamamahayag. Elle est une journaliste.",
                  "© 2024 Example. Tous droits réservés.", "Copyright 2024. All rights reserved."]
        let special = texts.count
        // Every page fixture's paragraphs, and paragraphs just over and under each length tier
        // of the scanner (`Prefilter.tierLimits`), with cues for both short and long paragraphs.
        let pages = fixturesFolder.appendingPathComponent("pages")
        for name in try FileManager.default.contentsOfDirectory(atPath: pages.path) where name.hasSuffix(".txt") {
            texts += paragraphTexts(try fixture("pages/\(name)").replacingOccurrences(of: "@@@\n", with: ""))
        }
        let notice = "Sign up for our newsletter. This text is released under the GNU General Public License. Tags: news. "
        for limit in RuleMatcher.Prefilter.tierLimits {
            for length in [limit - 1, limit, limit + 1] {
                var t = notice
                while t.count < length { t += "x" }
                texts.append(String(t.prefix(length)))
            }
        }
        texts += texts.map { $0.uppercased() }
        // The rule sets extend one another, so most regexes are shared: each distinct regex runs
        // once per text (ICU without the prefilter is what makes this test long), and every set's
        // prefiltered hits are checked against those runs. Patterns are looked up by index, not
        // by their regex string (hashing the regexes cost a third of this test's time), and the
        // texts are shared out among the processors, each worker with its own ICU regexes.
        let sets = try RuleSet.builtInNames.map { name in (name: name, rules: try RuleSet.load(name)) }
        var regexes: [RuleSet.Pattern] = []
        var slot: [String: Int] = [:]
        let regexOf: [[Int]] = sets.map { set in
            set.rules.patterns.map { p in
                if let k = slot[p.regex] { return k }
                slot[p.regex] = regexes.count
                regexes.append(p)
                return regexes.count - 1
            }
        }
        struct Mismatch: Sendable { var set: String, text: String, prefiltered: [String], expected: [String] }
        final class Outcome: @unchecked Sendable {
            let lock = NSLock()
            var mismatches: [Mismatch] = []
            var fired = 0
            var failure: (any Error)?
        }
        let outcome = Outcome()
        let workers = max(1, min(4, ProcessInfo.processInfo.activeProcessorCount))
        let allTexts = texts, distinct = regexes
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            do {
                // The regexes as written (the matcher compiles their matching form).
                let plain = try distinct.map { try CompiledPattern($0, asWritten: true) }
                let matchers = try sets.map { try RuleMatcher($0.rules) }
                var mismatches: [Mismatch] = []
                var fired = 0
                var matched = [Int8](repeating: -1, count: distinct.count)
                for k in stride(from: w, to: allTexts.count, by: workers) {
                    let text = allTexts[k]
                    let characters = text.count
                    let utf16 = RuleMatcher.nfc(Array(text.utf16))
                    for i in matched.indices { matched[i] = -1 }
                    // The sets that extend the default one add a few patterns: they see the
                    // hand-written texts and every third fixture paragraph (each set's matcher in
                    // a debug build is the other half of this test's time).
                    for (s, set) in sets.enumerated() where set.name == "default" || k < special || k % 3 == 0 {
                        var t = text
                        let prefiltered = t.withUTF8 {
                            matchers[s].hits($0, characters: characters, language: "en", documentLanguage: "en")
                        }
                        var expected: [String] = []
                        for (i, p) in set.rules.patterns.enumerated() {
                            guard characters <= p.maxChars, p.languages.isEmpty || p.languages.contains("en") else { continue }
                            let r = regexOf[s][i]
                            if matched[r] < 0 {
                                matched[r] = utf16.withUnsafeBufferPointer { plain[r].matches(utf16: $0) } ? 1 : 0
                            }
                            if matched[r] == 1 { expected.append(p.id) }
                        }
                        let got = prefiltered.map(\.id)
                        if got != expected {
                            mismatches.append(Mismatch(set: set.name, text: text, prefiltered: got, expected: expected))
                        }
                        fired += expected.count
                    }
                }
                outcome.lock.withLock {
                    outcome.mismatches += mismatches
                    outcome.fired += fired
                }
            } catch {
                outcome.lock.withLock { outcome.failure = error }
            }
        }
        if let failure = outcome.failure { throw failure }
        for m in outcome.mismatches.prefix(50) {
            Issue.record("\(m.set): prefiltered \(m.prefiltered), plain regexes \(m.expected): \(m.text)")
        }
        #expect(outcome.mismatches.isEmpty)
        let fired = outcome.fired
        #expect(fired > 20)
    }

    /// A branch led by one letter or a space is tried by ICU at each of them: none ships, and
    /// the check finds one.
    @Test func noShippedPatternIsLedByOneLetterOrASpace() throws {
        for name in RuleSet.builtInNames {
            #expect(try RuleMatcher(RuleSet.load(name)).singleUnitLeadPatterns.map(\.id) == [], "\(name)")
        }
        let text = """
            [pattern]
            id = letter
            kind = source
            weight = 1
            regex = \\bn['’]engage

            [pattern]
            id = space
            kind = source
            weight = 1
            regex = \\d (pages|seiten)

            [pattern]
            id = stop
            kind = source
            weight = 1
            regex = \\.\\s\\p{Lu}{2,} \\p{Lu}{2,}$|\\bphoto by

            [pattern]
            id = fine
            kind = source
            weight = 1
            regex = \\b(n'engage|n’engage)|\\d\\s(pages|seiten)

            """
        let probe = try RuleParser.parse(text, origin: "probe.rules", resolve: RuleSet.resolveBuiltIn)
        let found = try RuleMatcher(probe).singleUnitLeadPatterns
        #expect(found.map(\.id) == ["letter", "space", "stop"])
        #expect(found.map(\.literal) == ["n", " ", "."])
    }

    /// `rules check` names a pattern for long paragraphs that a literal of one or two characters
    /// lets through, and one that ICU rejects as written; no shipped pattern is either.
    @Test func shortLiteralsAndRegexesThatOnlyCompileRewrittenAreFound() throws {
        for name in RuleSet.builtInNames {
            let m = try RuleMatcher(RuleSet.load(name))
            #expect(m.asWrittenErrors.map(\.id) == [], "\(name)")
        }
        let text = """
            [pattern]
            id = short
            kind = source
            weight = 1
            regex = (?i)\\b(en|editorial board)\\b

            [pattern]
            id = short-but-brief
            kind = source
            weight = 1
            max_chars = 120
            regex = (?i)\\b(en|editorial board)\\b

            [pattern]
            id = long
            kind = source
            weight = 1
            regex = (?i)\\b(read more|editorial board)\\b

            [pattern]
            id = short-branch
            kind = source
            weight = 1
            regex = (?i)editorial board|\\bde\\b

            """
        let probe = try RuleParser.parse(text, origin: "probe.rules", resolve: RuleSet.resolveBuiltIn)
        let m = try RuleMatcher(probe)
        // (One branch led by "de" passes the prefilter almost everywhere, as one literal does.)
        #expect(m.shortLiteralPatterns.map(\.id) == ["short", "short-branch"])
        #expect(m.shortLiteralPatterns.map(\.literal) == ["en", "de"])
        #expect(m.asWrittenErrors.isEmpty)
        // "(?x" without its closing parenthesis: ICU's message, with the pattern's id.
        let bad = RuleSet.Pattern(id: "bad", kind: "source", weight: 1, languages: [], maxChars: 100, regex: "(?i)(a|b", origin: "x")
        var broken = probe
        broken.patterns = [bad]
        let errors = try RuleMatcher(broken).asWrittenErrors
        #expect(errors.map(\.id) == ["bad"] && errors[0].message.contains("invalid regex"))
    }

    /// Every shipped pattern has a required literal: a pattern whose literals pass the set
    /// size the analysis keeps (256) silently loses its prefilter and runs on every paragraph,
    /// as `doc-site-furniture` did twice while cues were added to it.
    @Test func everyShippedPatternHasAPrefilter() throws {
        for name in RuleSet.builtInNames {
            let ids = try RuleMatcher(RuleSet.load(name)).unfilteredPatternIDs
            #expect(ids == [], "\(name): \(ids)")
        }
    }

    /// The built-in sets name letters by binary properties, whose sets ICU builds once per
    /// process; a general category (`\p{L}`) is built again at every use, which was 45% of
    /// compiling the regexes.
    @Test func shippedPatternsNameLettersByBinaryProperties() throws {
        for name in RuleSet.builtInNames {
            let found = try RuleMatcher(RuleSet.load(name)).letterCategoryPatterns
            #expect(found.isEmpty, "\(name): \(found.map { "\($0.id) \($0.written)" })")
        }
    }

    @Test func letterCategoriesAreFoundWithTheirBinaryProperties() {
        let found = RuleMatcher.letterCategories(in: #"(?-i:\p{Lu})\p{L}+ \P{Ll}\pL \\p{L} \p{Lu} \p{Han}\p{Alphabetic}"#)
        #expect(found.map(\.written) == [#"\p{Lu}"#, #"\p{L}"#, #"\P{Ll}"#])
        #expect(found.map(\.instead) == [#"\p{Uppercase}"#, #"\p{Alphabetic}"#, #"\P{Lowercase}"#])
    }
}
