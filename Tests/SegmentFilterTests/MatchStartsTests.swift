import Testing
@testable import SegmentFilter

@Suite struct MatchStartsTests {
    /// What follows `^\s*` in every anchored branch, when it is a literal.
    @Test func literalsAfterTheAnchor() {
        let byline = RequiredLiterals.starts(of: "(?i)^\\s*(by|von)\\s+\\p{Lu}")
        #expect(byline?.literals == [])
        #expect(byline?.anchored == true)
        #expect(byline?.atZero.map(Set.init) == ["by", "von"])
        let mixed = RequiredLiterals.starts(of: "(?i)(^\\s*(si|ni)\\s+x|\\b(est|était)\\s+y)")
        #expect(mixed?.literals == ["est", "était"])
        #expect(mixed?.atZero.map(Set.init) == ["si", "ni"])
        #expect(RequiredLiterals.starts(of: "ab|cd")?.atZero == [])
    }

    /// Unknown when something else follows the anchor, or when `^` may match after a newline.
    @Test(arguments: ["^\\s*(?-i:\\p{Lu})x", "^\\s+by", "^(x)?\\s+by", "x?^by", "ab(?m)|^by", "^\\s*( by|x)", "^\\s*\\d+by"])
    func noLiteralsAfterTheAnchor(regex: String) {
        #expect(RequiredLiterals.starts(of: regex)?.atZero == nil)
    }

    /// With multi-line mode on anywhere, an anchored branch may match after any line break:
    /// neither the literals' places nor 0 bound where a match starts, for either search.
    @Test(arguments: ["ab(?m)|^by", "(?m)^foo|bar", "(?im)(^\\s*by|\\bvon)"])
    func multiLineAnchorsAreUnbounded(regex: String) {
        #expect(RequiredLiterals.starts(of: regex) == nil)
        #expect(RequiredLiterals.leading(of: regex) == nil)
    }

    /// ICU asked only where `MatchStarts` allows finds a match exactly when a plain search does,
    /// for every built-in pattern, on random text made of its literals and what surrounds them.
    @Test func sameAnswerAsASearch() throws {
        var rng = SplitMix(seed: 11)
        let filler = ["", " ", "  ", "\t", "\n", "\u{A0}", "\u{0B}", "\u{2003}", ".", ",", ":", "-", "—", "(", "©", "@",
                      "a", "x", "é", "ß", "İ", "K", "ſ", "Ω", "я", "日", "2024", "19", "the", "by", "de", "es", "John", "Smith",
                      "😀", "𐐀", "\r\n", "a.b@c.d", "x@y"]
        var checked = 0, matched = 0
        for name in RuleSet.builtInNames {
            for p in try RuleSet.load(name).patterns {
                let lead = RequiredLiterals.starts(of: p.regex)
                guard let starts = MatchStarts(p.regex, starts: lead) else { continue }
                let compiled = try CompiledPattern(p)
                var words = filler + (lead?.literals ?? []) + (lead?.atZero ?? [])
                for set in RequiredLiterals.clauses(of: p.regex) ?? [] { words += set }
                for _ in 0..<400 {
                    var text = ""
                    for _ in 0..<Int(rng.next() % 12) {
                        var w = words[Int(rng.next() % UInt64(words.count))]
                        switch rng.next() % 4 {
                        case 0: w = w.uppercased()
                        case 1: w = w.prefix(1).uppercased() + w.dropFirst()
                        default: break
                        }
                        text += w + (rng.next() % 3 == 0 ? "" : " ")
                    }
                    let units = Array(text.utf16)
                    let folded = LiteralScanner.fold(units)
                    guard folded.count == units.count else { continue }
                    let search = units.withUnsafeBufferPointer { compiled.matches(utf16: $0) }
                    let fast = units.withUnsafeBufferPointer { u in
                        folded.withUnsafeBufferPointer { compiled.matches(utf16: u, folded: $0, starts: starts, from: 0) }
                    }
                    #expect(fast == search, "\(p.id): \(text.debugDescription)")
                    checked += 1
                    if search { matched += 1 }
                }
            }
        }
        #expect(checked > 10_000)
        #expect(matched > 1_000)
    }
}
