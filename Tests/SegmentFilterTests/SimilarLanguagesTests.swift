import Testing
@testable import SegmentFilter

/// `SplitSettings.areSimilar` (an index of the groups) against its definition.
@Suite struct SimilarLanguagesTests {
    @Test func indexAgreesWithTheGroups() throws {
        var s = try RuleSet.load("default").split
        let groups = s.similarLanguages
        #expect(!groups.isEmpty)
        var codes = Array(Set(groups.flatMap { $0 })) + ["en", "und", "", "a\u{0}", "zh-Hant-TW", "é", "sr"]
        codes.append(contentsOf: ["bs\u{0}", "xx"])
        for a in codes {
            for b in codes {
                #expect(s.areSimilar(a, b) == groups.contains { $0.contains(a) && $0.contains(b) }, "\(a) \(b)")
            }
        }
        // A group that cannot be indexed (a long code) falls back to the sets.
        s.similarLanguages = groups + [["abcdefghij", "sr"]]
        #expect(s.areSimilar("abcdefghij", "sr"))
        #expect(s.areSimilar("bs", "hr") == groups.contains { $0.contains("bs") && $0.contains("hr") })
        s.similarLanguages = []
        #expect(!s.areSimilar("bs", "hr"))
    }
}
