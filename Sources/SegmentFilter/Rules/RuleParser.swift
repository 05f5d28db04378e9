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

        for (index, raw) in lines(text).enumerated() {
            let lineNo = index + 1
            let line = stripComment(raw).trimmingCharacters(in: " \t\r")
            if line.isEmpty { continue }
            if line.hasPrefix("[") {
                guard line.hasSuffix("]") else { throw fail(lineNo, "a section header must end with ']'") }
                try finishPattern()
                section = String(line.dropFirst().dropLast()).trimmingCharacters(in: " ")
                switch section {
                case "split": break
                case "pattern":
                    pattern = (RuleSet.Pattern(id: "", kind: "boilerplate", weight: 1, languages: [], maxChars: 1000,
                                               regex: "", origin: "\(origin):\(lineNo)"), lineNo)
                default: throw fail(lineNo, "unknown section [\(section)]; expected [split] or [pattern]")
                }
                continue
            }
            guard let eq = line.firstIndex(of: "=") else { throw fail(lineNo, "expected 'key = value'") }
            let key = line[..<eq].trimmingCharacters(in: " \t")
            let value = line[line.index(after: eq)...].trimmingCharacters(in: " \t")
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
                    p.languages = value == "*" ? [] : Set(value.split(separator: ",").map { $0.trimmingCharacters(in: " ") })
                case "max_chars":
                    guard let m = Int(value), m > 0 else { throw fail(lineNo, "max_chars must be a positive whole number") }
                    p.maxChars = m
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
                default: throw fail(lineNo, "unknown pattern key '\(key)'; expected id, kind, weight, languages, max_chars, topical, closes, trails_headline or regex")
                }
                pattern = (p, start)
            default: break
            }
        }
        try finishPattern()
        return rules
    }

    /// The text's lines as `text.split(separator: "\n", omittingEmptySubsequences: false)`
    /// makes them: split at each LF, except that a CR LF pair is one Character and so no
    /// line break there; without a CR, the bytes can be split directly.
    static func lines(_ text: String) -> [String] {
        var text = text
        if text.withUTF8({ $0.contains(0x0D) }) {
            return text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
        return text.withUTF8 { bytes in
            var out: [String] = []
            var start = 0
            for i in 0..<bytes.count where bytes[i] == 0x0A {
                out.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self))
                start = i + 1
            }
            out.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self))
            return out
        }
    }

    /// `#` starts a comment unless it is inside a regex value (regexes may contain `#`), so a
    /// comment on a `regex =` line is not possible; elsewhere ` #` ends the value.
    static func stripComment(_ line: String) -> String {
        if let ascii = asciiStripComment(line) { return ascii }
        let t = line.drop { $0 == " " || $0 == "\t" }
        if t.hasPrefix("#") { return "" }
        if t.hasPrefix("regex") { return line }
        if let cut = asciiCommentStart(line) { return cut < 0 ? line : String(line.utf8.prefix(cut))! }
        if let r = line.firstRange(of: " #") { return String(line[..<r.lowerBound]) }
        return line
    }

    /// `stripComment` for ASCII text without a CR (each byte a Character), read as bytes; nil
    /// for other text.
    private static func asciiStripComment(_ line: String) -> String? {
        var copy = line
        // -2: not such text; -1: the whole line; else where the comment's space starts.
        let cut = copy.withUTF8 { b -> Int in
            for x in b where x >= 0x80 || x == 0x0D { return -2 }
            var k = 0
            while k < b.count, b[k] == 0x20 || b[k] == 0x09 { k += 1 }
            if k < b.count, b[k] == 0x23 { return 0 }
            if b.count - k >= 5, b[k] == 0x72, b[k + 1] == 0x65, b[k + 2] == 0x67, b[k + 3] == 0x65, b[k + 4] == 0x78 { return -1 }
            var j = 1
            while j < b.count, !(b[j - 1] == 0x20 && b[j] == 0x23) { j += 1 }
            return j < b.count ? j - 1 : -1
        }
        if cut == -2 { return nil }
        if cut == -1 { return line }
        return String(line.utf8.prefix(cut))!
    }

    /// For ASCII text without a CR (where every byte is a Character), the byte offset of the
    /// first " #" or -1 when there is none, as `firstRange(of: " #")` finds it; nil for other text.
    private static func asciiCommentStart(_ line: String) -> Int? {
        var found = -1, previous: UInt8 = 0, k = 0
        for b in line.utf8 {
            if b >= 0x80 || b == 0x0D { return nil }
            if found < 0 && previous == 0x20 && b == 0x23 { found = k - 1 }
            previous = b
            k += 1
        }
        return found
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

extension String {
    func trimmingCharacters(in set: String) -> String {
        // ASCII text without a CR, trimmed of ASCII characters: each byte is a Character, so the
        // bytes can be trimmed directly (a CR LF pair or a combining mark makes one Character
        // of two code points; such text goes the Character way).
        var asciiSet: UInt128 = 0
        for b in set.utf8 {
            if b >= 0x80 || b == 0x0A { asciiSet = 0; break }
            asciiSet |= 1 << UInt128(b)
        }
        if asciiSet != 0, let trimmed = utf8.withContiguousStorageIfAvailable({ bytes -> String? in
            var lo = 0, hi = bytes.count
            for b in bytes where b >= 0x80 || b == 0x0D { return nil }
            while lo < hi, asciiSet & (1 << UInt128(bytes[lo])) != 0 { lo += 1 }
            while hi > lo, asciiSet & (1 << UInt128(bytes[hi - 1])) != 0 { hi -= 1 }
            if lo == 0 && hi == bytes.count { return self }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[lo..<hi]), as: UTF8.self)
        }), let trimmed { return trimmed }
        // (The set is a few characters: a linear search beats hashing them into a Set.)
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}

extension Substring {
    func trimmingCharacters(in set: String) -> String { String(self).trimmingCharacters(in: set) }
}
