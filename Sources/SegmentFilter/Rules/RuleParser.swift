/// Reads the rule-set text format (see `docs/rules.md`), reporting errors with line numbers.
public enum RuleParser {
    /// A pattern's yes/no keys and the property each sets (one table, so that a new flag is one
    /// line here and one property on ``RuleSet/Pattern``).
    nonisolated(unsafe) static let patternFlags: [String: WritableKeyPath<RuleSet.Pattern, Bool>] = [
        "topical": \.topical, "closes": \.closes, "trails_headline": \.trailsHeadline,
    ]

    /// Parses `text`; `resolve` loads the rule set named by `extends`. With `validatePatterns`
    /// every regex is compiled once to report a bad one with its line; the built-in rule sets
    /// skip it (their patterns are compiled by the tests), which keeps start-up short.
    public static func parse(_ text: String, origin: String, validatePatterns: Bool = true,
                             resolve: (String) throws -> RuleSet) throws -> RuleSet {
        var rules = RuleSet(name: origin)
        var section = ""
        var pattern: (RuleSet.Pattern, Int)? = nil
        var seenSetting = false
        // The ids this file defines, with their lines: a second pattern with one of them would
        // silently replace the first (a pattern of the set it extends may be replaced; one of
        // its own file, never).
        var ownIds: [String: Int] = [:]

        func fail(_ line: Int, _ message: String) -> RuleError { .syntax(origin: origin, line: line, message: message) }

        func finishPattern() throws {
            guard let (p, line) = pattern else { return }
            if p.id.isEmpty { throw fail(line, "pattern without an id") }
            if p.regex.isEmpty { throw fail(line, "pattern '\(p.id)' has no regex") }
            if let first = ownIds[p.id] { throw fail(line, "pattern '\(p.id)' is already defined at line \(first)") }
            ownIds[p.id] = line
            // The regex was compiled (validated) on its own line; RuleMatcher compiles it for use.
            if let i = rules.patterns.firstIndex(where: { $0.id == p.id }) { rules.patterns[i] = p } else { rules.patterns.append(p) }
            pattern = nil
        }

        for (lineNo, content) in lines(text) {
            let key: String, value: String
            switch content {
            case .blank: continue
            case .unterminatedSection: throw fail(lineNo, "a section header must end with ']'")
            case .noEquals: throw fail(lineNo, "expected 'key = value'")
            case .section(let name):
                try finishPattern()
                section = name
                switch section {
                case "split": break
                case "pattern":
                    pattern = (RuleSet.Pattern(id: "", kind: "boilerplate", weight: 1, languages: [], maxChars: 1000,
                                               regex: "", origin: "\(origin):\(lineNo)"), lineNo)
                default: throw fail(lineNo, "unknown section [\(section)]; expected [split] or [pattern]")
                }
                continue
            case .setting(let k, let v): (key, value) = (k, v)
            }
            switch section {
            case "":
                switch key {
                case "name": rules.name = value
                case "description": rules.description = value
                case "extends":
                    if seenSetting { throw fail(lineNo, "'extends' must come before any other setting") }
                    let base = try resolve(value)
                    rules.split = base.split
                    rules.patterns = base.patterns
                default: throw fail(lineNo, "unknown key '\(key)'; expected name, description or extends")
                }
                seenSetting = seenSetting || key != "name"
            case "split":
                seenSetting = true
                try setSplit(&rules.split, key, value) { fail(lineNo, $0) }
            case "pattern":
                guard case (var p, let start)? = pattern else { continue }
                switch key {
                case "id": p.id = value
                case "kind": p.kind = value
                case "weight":
                    guard let w = Double(value), w.isFinite else { throw fail(lineNo, "weight must be a number, not '\(value)'") }
                    p.weight = w
                case "languages":
                    p.languages = value == "*" ? [] : Set(value.split(separator: ",").map { trimmed(Array($0.utf8)) })
                case "max_chars":
                    guard let m = Int(value), m > 0 else { throw fail(lineNo, "max_chars must be a positive whole number") }
                    p.maxChars = m
                case "topical_max_chars":
                    guard let m = Int(value), m >= 0 else { throw fail(lineNo, "topical_max_chars must be a whole number") }
                    p.topicalMaxChars = m
                case let flag where RuleParser.patternFlags[flag] != nil:
                    guard let b = ["yes": true, "true": true, "no": false, "false": false][value] else {
                        throw fail(lineNo, "\(key) must be yes or no, not '\(value)'")
                    }
                    p[keyPath: RuleParser.patternFlags[flag]!] = b
                case "regex":
                    p.regex = value
                    p.origin = "\(origin):\(lineNo)"
                    if validatePatterns {
                        do { _ = try CompiledPattern(p) } catch let e as PatternError { throw fail(lineNo, e.description) }
                    }
                default: throw fail(lineNo, "unknown pattern key '\(key)'; expected id, kind, weight, languages, max_chars, topical, topical_max_chars, closes, trails_headline or regex")
                }
                pattern = (p, start)
            default: break
            }
        }
        try finishPattern()
        return rules
    }

    /// What one line of a rule file says.
    enum Line: Equatable {
        /// Empty, white space or a comment.
        case blank
        case section(String)
        /// `[` without a closing `]`.
        case unterminatedSection
        case setting(key: String, value: String)
        /// Neither of the above: no `=`.
        case noEquals
    }

    /// The text's lines, numbered from 1, read as UTF-8 bytes: a line ends at LF or CR LF, and a
    /// byte order mark before the first is no part of it (a file saved by a Windows editor
    /// reads as the same file). (Byte-wise: with String's
    /// Character view, reading the built-in rules was a sixth of a small run's instructions.)
    static func lines(_ text: String) -> [(number: Int, line: Line)] {
        var text = text
        return text.withUTF8 { bytes in
            var out: [(number: Int, line: Line)] = []
            var start = bytes.starts(with: byteOrderMark) ? byteOrderMark.count : 0, number = 0
            while start <= bytes.count {
                var end = start
                while end < bytes.count && bytes[end] != 0x0A { end += 1 }
                number += 1
                let hi = end > start && bytes[end - 1] == 0x0D ? end - 1 : end
                out.append((number, read(UnsafeBufferPointer(rebasing: bytes[start..<hi]))))
                start = end + 1
            }
            return out
        }
    }

    /// One line (without its line break). White space is space and tab (and a CR, at either
    /// end). `#` starts a comment unless it is inside a regex value (regexes may contain `#`),
    /// so a comment on a `regex =` line is not possible; elsewhere ` #` ends the value.
    static func read(_ line: UnsafeBufferPointer<UInt8>) -> Line {
        func blank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D }
        var lo = 0, hi = line.count
        while lo < hi, blank(line[lo]) { lo += 1 }
        if lo == hi || line[lo] == UInt8(ascii: "#") { return .blank }
        let isRegex = hi - lo >= 5 && line[lo..<(lo + 5)].elementsEqual("regex".utf8)
        if !isRegex {
            var k = lo + 1
            while k < hi, !(line[k - 1] == 0x20 && line[k] == UInt8(ascii: "#")) { k += 1 }
            if k < hi { hi = k - 1 }
        }
        while hi > lo, blank(line[hi - 1]) { hi -= 1 }
        if line[lo] == UInt8(ascii: "[") {
            guard line[hi - 1] == UInt8(ascii: "]"), hi - lo >= 2 else { return .unterminatedSection }
            return .section(trimmed(line[(lo + 1)..<(hi - 1)]))
        }
        guard let eq = line[lo..<hi].firstIndex(of: UInt8(ascii: "=")) else { return .noEquals }
        return .setting(key: trimmed(line[lo..<eq]), value: trimmed(line[(eq + 1)..<hi]))
    }

    /// `read` of a line given as a String.
    static func read(_ line: String) -> Line {
        var line = line
        return line.withUTF8 { read($0) }
    }

    /// The bytes without the spaces and tabs at either end, as a String.
    private static func trimmed<C: BidirectionalCollection>(_ bytes: C) -> String where C.Element == UInt8 {
        var s = bytes[...]
        while let f = s.first, f == 0x20 || f == 0x09 { s = s.dropFirst() }
        while let l = s.last, l == 0x20 || l == 0x09 { s = s.dropLast() }
        return String(decoding: s, as: UTF8.self)
    }

    static func setSplit(_ s: inout SplitSettings, _ key: String, _ value: String, _ fail: (String) -> RuleError) throws {
        func number() throws -> Double {
            guard let v = Double(value), v.isFinite else { throw fail("'\(key)' must be a number, not '\(value)'") }
            return v
        }
        func whole() throws -> Int {
            guard let v = Int(value), v >= 0 else { throw fail("'\(key)' must be a whole number ≥ 0, not '\(value)'") }
            return v
        }
        switch key {
        case "other_language": s.otherLanguage = try number()
        case "min_language_probability": s.minLanguageProbability = try number()
        case "same_language": s.sameLanguage = try number()
        case "coherence_threshold": s.coherenceThreshold = try number()
        case "coherence": s.coherence = try number()
        case "bias": s.bias = try number()
        case "margin": s.margin = try number()
        case "min_primary_paragraphs": s.minPrimaryParagraphs = max(1, try whole())
        case "short_document_paragraphs": s.shortDocumentParagraphs = try whole()
        case "certain_pattern": s.certainPattern = try number()
        case "min_letters": s.minLetters = try whole()
        case "similar_languages":
            // "bs hr sr, ms id, nb nn da"
            s.similarLanguages = value.split(separator: ",").map { Set($0.split(separator: " ").map(String.init)) }.filter { $0.count > 1 }
        case "similar_language_factor": s.similarLanguageFactor = try number()
        case "headline_after_related": s.headlineAfterRelated = try number()
        case "headline_after_cue": s.headlineAfterCue = try number()
        case "topic_weight": s.topic.weight = try number()
        case "topic_max_tail": s.topic.maxTail = try whole()
        case "topic_reuse_veto": s.topic.reuseVeto = try number()
        case "topic_min_letters": s.topic.minLetters = try whole()
        case "topic_bias": s.topic.bias = try number()
        case "topic_across": s.topic.across = try number()
        case "topic_relative": s.topic.relative = try number()
        case "topic_tail_cohesion": s.topic.tailCohesion = try number()
        case "topic_tail_length": s.topic.tailLength = try number()
        case "topic_primary_length": s.topic.primaryLength = try number()
        case "topic_nearest": s.topic.nearest = try number()
        case "topic_seen_gap": s.topic.seenGap = try number()
        case "topic_least_seen": s.topic.leastSeen = try number()
        case "topic_gram_seen": s.topic.gramSeen = try number()
        case "topic_gram_seen_gap": s.topic.gramSeenGap = try number()
        case let k where k.hasPrefix("topic_style_"):
            guard let f = ParagraphStyle.names.firstIndex(of: String(k.dropFirst("topic_style_".count))) else {
                throw fail("unknown [split] key '\(key)' (style measurements: \(ParagraphStyle.names.joined(separator: ", ")))")
            }
            s.topic.style[f] = try number()
        case "strict_language":
            guard value == "true" || value == "false" else { throw fail("'strict_language' must be true or false") }
            s.strictLanguage = value == "true"
        default:
            throw fail("unknown [split] key '\(key)'")
        }
    }
}
