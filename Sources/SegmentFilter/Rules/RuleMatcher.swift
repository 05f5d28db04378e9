#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ICUShim
import Synchronization

/// A rule set's patterns compiled for one worker.
public final class RuleMatcher {
    public let rules: RuleSet
    private let compiled: [CompiledPattern]
    /// The literal prefilter, analysed from the patterns on the first paragraph that needs it
    /// (and shared by every worker's copy): a run over empty input, or one whose paragraphs
    /// no pattern is eligible for, never pays for the analysis.
    private let shared: SharedPrefilter
    private var prefilter: Prefilter?
    /// Per pattern: `maxChars`.
    private let maxChars: [Int]
    /// Per language code: which patterns apply to it (filled as languages are met).
    private var languageMasks: [String: [Bool]] = [:]
    /// Per-call buffers: the paragraph in UTF-16, its NFC form and its case folding.
    private var utf16Buffer = ScratchBuffer<UInt16>()
    private var nfcBuffer = ScratchBuffer<UInt16>()
    private var foldBuffer = ScratchBuffer<UInt16>()
    private var units = UnitProperties()
    private var eligible: [Int] = []
    private var candidate: [Bool] = []
    private var scanState = LiteralScanner.ScanState()

    /// What the literal analysis of a rule set's patterns gives the matcher.
    final class Prefilter: Sendable {
        /// Decides which patterns can match a paragraph before any regex runs.
        let scanner: LiteralScanner
        /// The same decision for paragraphs of at most `limit` characters (and more than the
        /// previous tier's), by a scanner that holds only the literals of the patterns a
        /// paragraph that long can be eligible for (`maxChars` above the previous limit). Most of
        /// the text is in long paragraphs, and most patterns are for short ones: their literals
        /// ("tags", "our", "editor") would otherwise be looked up all along every paragraph.
        /// Clause ids are the full scanner's.
        let tiers: [(limit: Int, scanner: LiteralScanner)]
        static let tierLimits = [200, 400]
        /// Per pattern: the scanner clause of its leading literals (``RequiredLiterals/leading(of:)``),
        /// or -1, and how far into a match the literal can start.
        let leadClause: [Int]
        let leadOffset: [Int]
        /// Per pattern: whether some branch starts with `^` (a match at 0 must be tried as well).
        let leadAnchored: [Bool]
        /// Per pattern: where its matches can start, to ask ICU only there; nil for a prefilter
        /// read from its image (``PrefilterImage``), whose workers read a pattern's from the
        /// analysis file when it is first a candidate (``RuleMatcher/starts(_:)``).
        let starts: [MatchStarts?]?
        /// Per pattern: whether it has no prefilter (so is a candidate before any scan).
        let unfiltered: [Bool]
        /// The threads that analyse the patterns: the processors online, at most four.
        static let analysisThreads = max(1, min(4, sysconf(Int32(_SC_NPROCESSORS_ONLN))))

        /// A pattern's preparation: the embedded one, or worked out from its regex.
        static func prepared(_ regex: String) -> PreparedPattern {
            LiteralAnalysis.embedded(regex) ?? PreparedPattern(fresh: regex)
        }

        /// The prefilter of `patterns`: copied from the embedded image of a built-in rule set
        /// (``PrefilterImage``) when there is one for them, else built from their analyses
        /// (`fresh`: worked out from the regexes alone, as the image is written).
        static func make(_ patterns: [RuleSet.Pattern], fresh: Bool = false) -> Prefilter {
            if !fresh, PrefilterImage.supported, let bytes = LiteralAnalysis.embeddedImage(PrefilterImage.fingerprint(patterns)),
               let p = Prefilter(image: bytes, patterns: patterns.count) {
                return p
            }
            return Prefilter(patterns, fresh: fresh)
        }

        private init(_ patterns: [RuleSet.Pattern], fresh: Bool) {
            // Each pattern's work is independent and, for a pattern the embedded file does not
            // hold (``LiteralAnalysis``), a few milliseconds per dozen: done on every core.
            var prepared = [PreparedPattern?](repeating: nil, count: patterns.count)
            produceClaimed(into: &prepared, workers: Prefilter.analysisThreads) { k, _ in
                fresh ? PreparedPattern(fresh: patterns[k].regex) : Prefilter.prepared(patterns[k].regex)
            }
            let ready = prepared.map { $0! }
            // One scanner of every pattern (all have a positive `maxChars`); the longer tiers'
            // are it restricted to their patterns.
            let limits = Self.tierLimits + [Int.max]
            let all = LiteralScanner(folded: ready.map(\.clauses), branches: ready.map(\.branches))
            let scanners = limits.indices.map { t in
                t == 0 ? all : all.restricted(to: patterns.map { $0.maxChars > limits[t - 1] })
            }
            tiers = zip(limits, scanners).map { (limit: $0, scanner: $1) }
            scanner = all
            leadClause = ready.enumerated().map { k, p in p.lead < 0 ? -1 : all.clauseID(pattern: k, p.lead) }
            leadOffset = ready.map(\.offset)
            leadAnchored = ready.map(\.anchored)
            starts = ready.map(\.starts)
            unfiltered = all.filtered.map { !$0 }
        }

        /// The prefilter ``image()`` wrote, or nil when it does not read or is not of `patterns` patterns.
        init?(image: UnsafeRawBufferPointer, patterns: Int) {
            var r = ImageReader(bytes: image)
            guard let n = r.int(), n == Self.tierLimits.count + 1 else { return nil }
            var tiers: [(limit: Int, scanner: LiteralScanner)] = []
            for _ in 0..<n {
                guard let limit = r.int(), let s = LiteralScanner(image: &r, base: tiers.first?.scanner), s.filtered.count == patterns
                else { return nil }
                tiers.append((limit, s))
            }
            guard let leadClause: [Int] = r.array(), let leadOffset: [Int] = r.array(), let leadAnchored: [Bool] = r.array(),
                  leadClause.count == patterns, leadOffset.count == patterns, leadAnchored.count == patterns, r.at == image.count
            else { return nil }
            (self.tiers, scanner) = (tiers, tiers[0].scanner)
            (self.leadClause, self.leadOffset, self.leadAnchored) = (leadClause, leadOffset, leadAnchored)
            starts = nil
            unfiltered = scanner.filtered.map { !$0 }
        }

        /// Whether this prefilter was copied from an image.
        var fromImage: Bool { starts == nil }

        /// The bytes ``make(_:fresh:)`` copies it from.
        func image() -> [UInt8] {
            var w = ImageWriter()
            w.int(tiers.count)
            for t in tiers {
                w.int(t.limit)
                // (The longer tiers' are the first one restricted.)
                t.scanner.write(to: &w, base: t.limit == tiers[0].limit ? nil : tiers[0].scanner)
            }
            w.array(leadClause)
            w.array(leadOffset)
            w.array(leadAnchored)
            return w.out
        }
    }

    /// A rule set's ``Prefilter``, made on the first request and then shared.
    final class SharedPrefilter: @unchecked Sendable {
        private let patterns: [RuleSet.Pattern]
        private let fresh: Bool
        private let lock = Mutex<Prefilter?>(nil)
        init(_ patterns: [RuleSet.Pattern], fresh: Bool) { (self.patterns, self.fresh) = (patterns, fresh) }

        var value: Prefilter {
            lock.withLock { made in
                if let made { return made }
                let p = Prefilter.make(patterns, fresh: fresh)
                made = p
                return p
            }
        }
    }

    public convenience init(_ rules: RuleSet) throws { try self.init(rules, freshPrefilter: false) }

    /// `freshPrefilter`: never copied from an embedded image (``PrefilterImage``), for tests.
    init(_ rules: RuleSet, freshPrefilter: Bool) throws {
        self.rules = rules
        compiled = rules.patterns.map { CompiledPattern(lazy: $0) }
        shared = SharedPrefilter(rules.patterns, fresh: freshPrefilter)
        startsOf = [MatchStarts??](repeating: nil, count: rules.patterns.count)
        maxChars = rules.patterns.map(\.maxChars)
    }

    private init(_ other: RuleMatcher) {
        rules = other.rules
        compiled = other.compiled.map { $0.copy() }
        shared = other.shared
        prefilter = other.prefilter
        maxChars = other.maxChars
        startsOf = other.startsOf
    }

    /// The prefilter (analysed on first use).
    private var filter: Prefilter {
        if let prefilter { return prefilter }
        let p = shared.value
        prefilter = p
        return p
    }

    /// The most literals a required set may hold: a branch whose alternatives come to more has
    /// no prefilter.
    public static var maxLiteralsPerSet: Int { RequiredLiterals.maxLiterals }

    /// The ids of patterns that have no required literal, so run on every eligible paragraph
    /// (`rules check` reports them: they cost time).
    public var unfilteredPatternIDs: [String] {
        zip(compiled, filter.scanner.filtered).filter { !$0.1 }.map { $0.0.pattern.id }
    }

    /// The patterns that pass the prefilter on almost every paragraph: each of their required
    /// literal sets holds a literal of one or two ASCII characters (" à", "en", "/"), with the
    /// shortest such literal. In a pattern of many branches, one such literal makes ICU run
    /// the whole alternation wherever it occurs (`rules check` reports them: give that branch a
    /// pattern of its own, or a longer literal).
    /// (Only patterns for paragraphs longer than the prefilter's tiers, which hold most of the
    /// text, and only where ICU then searches: a pattern whose matches start only at 0, after a
    /// cheap check of its first literal, or at its leading literals, which are longer, costs
    /// little.)
    public var shortLiteralPatterns: [(id: String, literal: String)] {
        compiled.indices.compactMap { k in
            let prepared = Prefilter.prepared(compiled[k].pattern.regex)
            guard maxChars[k] > Prefilter.tierLimits.last!, let clauses = prepared.clauses, !clauses.isEmpty else { return nil }
            /// The shortest literal of one or two ASCII characters that all of `sets` hold one of.
            func shortest(_ sets: some Sequence<Int>) -> [UInt16]? {
                var shortest: [UInt16]?
                for c in sets {
                    let short = clauses[c].filter { $0.count <= 2 && $0.allSatisfy { $0 < 0x80 } }
                    guard let s = short.min(by: { $0.count < $1.count }) else { return nil }
                    if shortest == nil || s.count < shortest!.count { shortest = s }
                }
                return shortest
            }
            // The sets every match needs, and those of one of its branches, if it has branches.
            let branches = prepared.branches
            let shared = PreparedPattern.sharedClauses(clauses.count, branches: branches)
            guard var short = shared == 0 ? [] : shortest(0..<shared) else { return nil }
            if !branches.isEmpty {
                guard let b = branches.compactMap(shortest).min(by: { $0.count < $1.count }) else { return nil }
                if short.isEmpty || b.count < short.count { short = b }
            }
            let shortest: [UInt16]? = short
            if let starts = prepared.starts, !starts.literals.contains(where: { $0.count <= 2 }) { return nil }
            return shortest.map { (compiled[k].pattern.id, String(decoding: $0, as: UTF16.self)) }
        }
    }

    /// The patterns whose regex, as written, ICU does not compile, with its message: segfilter
    /// runs a rewritten form (capture-free, its properties closed over case) that may compile where the
    /// written one does not, but any other tool, and the tests, compile it as written.
    public var asWrittenErrors: [(id: String, message: String)] {
        rules.patterns.compactMap { p in
            do { _ = try CompiledPattern(p, asWritten: true); return nil } catch { return (p.id, "\(error)") }
        }
    }

    /// The patterns that name a letter category by its general category (`\p{L}`, `\p{Lu}`,
    /// `\p{Ll}`, or their long names), each with the binary property to write instead
    /// (`rules check` reports them). ICU builds a general category's set afresh at every use
    /// in a regex it compiles, some 0.3M instructions a time, while a binary property's set
    /// is built once per process and copied: with the letter categories written as
    /// `\p{Alphabetic}`, `\p{Uppercase}` and `\p{Lowercase}`, compiling the default set's
    /// regexes took 45% fewer instructions, a quarter of a run over 100 small documents. The
    /// binary properties hold a little more: the combining vowel signs of Indic and other
    /// scripts (so a Hindi month name is one run of letters), Roman numerals, circled letters.
    public var letterCategoryPatterns: [(id: String, written: String, instead: String)] {
        rules.patterns.flatMap { p in
            RuleMatcher.letterCategories(in: p.regex).map { (p.id, $0.written, $0.instead) }
        }
    }

    /// The general-category letter properties `regex` names, each once, with their binary
    /// counterparts (`\P{L}` → `\P{Alphabetic}`).
    static func letterCategories(in regex: String) -> [(written: String, instead: String)] {
        let binary = ["L": "Alphabetic", "Letter": "Alphabetic", "Lu": "Uppercase",
                      "Uppercase_Letter": "Uppercase", "Ll": "Lowercase", "Lowercase_Letter": "Lowercase"]
        let s = Array(regex.unicodeScalars)
        var found: [(written: String, instead: String)] = []
        var i = 0
        while i + 1 < s.count {
            guard s[i] == "\\" else { i += 1; continue }
            // (An escaped backslash is a literal one: "\\p{L}" names no property.)
            let e = s[i + 1]
            i += 2
            guard e == "p" || e == "P" else { continue }
            var name = ""
            if let (braced, end) = CompiledPattern.propertyName(s, i) {
                name = braced
                i = end
            } else if i < s.count, s[i] != "{" {
                name = String(s[i])   // \pL
                i += 1
            }
            guard let instead = binary[name] else { continue }
            let written = "\\\(e){\(name)}", replacement = "\\\(e){\(instead)}"
            if !found.contains(where: { $0.written == written }) { found.append((written, replacement)) }
        }
        return found
    }

    /// The patterns that ICU is asked to try at every occurrence of one letter, digit, space or
    /// sentence punctuation (. , ; ! ? quotes, hyphen)
    /// (a leading literal that folds to one such unit, as "n" in `\bn['’]engage` or " " in
    /// `\d (pages|…)`), with that literal: they cost a search per word of every paragraph
    /// they are a candidate for (`rules check` reports them; write the branch so that it
    /// starts with a longer literal, or with `\s` before the group).
    public var singleUnitLeadPatterns: [(id: String, literal: String)] {
        // The prefilter's own starts (folded literals): where ICU is in fact asked.
        compiled.compactMap { c in
            guard let starts = Prefilter.prepared(c.pattern.regex).starts else { return nil }
            for l in starts.literals where l.count == 1 && l[0] < 0x80 {
                let u = Unicode.Scalar(UInt8(l[0]))
                // (And the punctuation of every sentence: a caption-credit branch led by "." had
                // ICU try its whole pattern at each full stop, 1.6 times the filter's work.)
                if u.properties.isAlphabetic || u.properties.numericType != nil || u.properties.isWhitespace
                    || ".,;!?'\"-".unicodeScalars.contains(u) {
                    return (c.pattern.id, String(u))
                }
            }
            return nil
        }
    }

    /// The NFC form of UTF-16 text (patterns are written in NFC), or the text itself if it is.
    static func nfc(_ text: [UInt16]) -> [UInt16] {
        // First without an output buffer: text that is already NFC (almost all) costs a quick check
        // and no allocation.
        let quick = text.withUnsafeBufferPointer { sf_nfc16($0.baseAddress, Int32($0.count), nil, 0) }
        if quick == -2 { return text }
        var out = [UInt16](repeating: 0, count: text.count * 3 + 16)
        let n = text.withUnsafeBufferPointer { t in
            out.withUnsafeMutableBufferPointer { o in sf_nfc16(t.baseAddress, Int32(t.count), o.baseAddress, Int32(o.count)) }
        }
        return n >= 0 ? Array(out[0..<Int(n)]) : text
    }

    deinit {
        utf16Buffer.free()
        nfcBuffer.free()
        foldBuffer.free()
        units.free()
    }

    /// A matcher with its own regex clones, for another thread.
    public func copy() -> RuleMatcher { RuleMatcher(self) }

    /// The patterns that fire on a paragraph of `characters` characters in `language`, in a
    /// document whose primary language is `documentLanguage`.
    public func hits(_ text: UnsafeBufferPointer<UInt8>, characters: Int, language: String,
                     documentLanguage: String) -> [RuleSet.Pattern] {
        let own = languageMask(language)
        let document = language == documentLanguage ? own : languageMask(documentLanguage)
        // (Through pointers: with a pattern count of appends and bounds checks, choosing the
        // patterns cost as much as scanning a short paragraph for their literals.)
        let count = compiled.count
        if eligible.count < count { eligible = [Int](repeating: 0, count: count) }
        let eligibleCount = eligible.withUnsafeMutableBufferPointer { out in
            maxChars.withUnsafeBufferPointer { maxChars in
            own.withUnsafeBufferPointer { own in
            document.withUnsafeBufferPointer { document in
                var c = 0
                for k in 0..<count where characters <= maxChars[k] && (own[k] || document[k]) {
                    out[c] = k
                    c &+= 1
                }
                return c
            }}}
        }
        if eligibleCount == 0 { return [] }
        let eligible = self.eligible[0..<eligibleCount]
        let filter = self.filter
        var anyFiltered = false
        for k in eligible where filter.scanner.filtered[k] { anyFiltered = true; break }
        let (utf16, foldedWithIt) = utf16Text(text)
        if candidate.count != count { candidate = [Bool](repeating: false, count: count) }
        candidate.withUnsafeMutableBufferPointer { c in
            filter.unfiltered.withUnsafeBufferPointer { c.baseAddress!.update(from: $0.baseAddress!, count: count) }
        }
        // Whether positions in the folded text are positions in the text: case folding never
        // shortens a character, so when the lengths agree no character changed length.
        var samePositions = false
        var f = UnsafeBufferPointer<UInt16>(start: nil, count: 0)
        if anyFiltered {
            f = foldedWithIt ?? folded(utf16)
            samePositions = f.count == utf16.count
            let tier = filter.tiers.first { characters <= $0.limit }!
            tier.scanner.scan(f, into: &candidate, state: &scanState, only: eligible)
        }
        var out: [RuleSet.Pattern] = []
        for k in eligible where candidate[k] {
            let lead = filter.leadClause[k]
            let matched: Bool
            if samePositions, let starts = starts(k, filter) {
                // No leading literal occurs before the scanner's first one.
                matched = compiled[k].matches(utf16: utf16, folded: f, starts: starts, from: lead >= 0 ? max(0, Int(scanState.positions[lead])) : 0)
            } else {
                // A match starts at most `leadOffset` before an occurrence of one of its leading
                // literals, so none starts before the first occurrence minus that (but at 0, for
                // a branch anchored there).
                var start = 0
                if samePositions, lead >= 0 { start = max(0, Int(scanState.positions[lead]) - filter.leadOffset[k]) }
                matched = compiled[k].matches(utf16: utf16, from: start, alsoAtZero: filter.leadAnchored[k])
            }
            if matched { out.append(compiled[k].pattern) }
        }
        return out
    }

    /// Where pattern `k`'s matches can start: the prefilter's, or, for one copied from its
    /// image, read from the analysis file the first time the pattern is a candidate (a few
    /// dozen patterns are in most runs; reading all 250 was a tenth of a small run's start-up).
    private func starts(_ k: Int, _ filter: Prefilter) -> MatchStarts? {
        if let all = filter.starts { return all[k] }
        if let known = startsOf[k] { return known }
        let read = Prefilter.prepared(compiled[k].pattern.regex).starts
        startsOf[k] = .some(read)
        return read
    }
    /// Per pattern, its starts once read (``starts(_:_:)``; the outer nil: not read yet).
    private var startsOf: [MatchStarts??]

    /// Which patterns apply to paragraphs (or documents) in `code`.
    private func languageMask(_ code: String) -> [Bool] {
        // The last two asked for (a paragraph's language and the document's, mostly the same
        // from one call to the next) without hashing the code.
        if code == recentMasks.0.code { return recentMasks.0.mask }
        if code == recentMasks.1.code { return recentMasks.1.mask }
        let m: [Bool]
        if let known = languageMasks[code] {
            m = known
        } else {
            m = compiled.map { $0.pattern.languages.isEmpty || $0.pattern.languages.contains(code) }
            languageMasks[code] = m
        }
        recentMasks = (recentMasks.1, (code, m))
        return m
    }
    /// The two language masks used last, the older first (`code` nil: none yet).
    private var recentMasks: ((code: String?, mask: [Bool]), (code: String?, mask: [Bool])) = ((nil, []), (nil, []))

    /// The NFC form of `text` in UTF-16, as `nfc(Array(String(decoding: text, as: UTF8.self).utf16))`
    /// computes it, in a reused buffer; and its case folding (as ``folded(_:)``) when that came
    /// with the decoding (nil: ask `folded`). Most paragraphs are valid UTF-8 whose every unit
    /// leaves the text NFC and folds to one unit: one pass then gives both.
    private func utf16Text(_ text: UnsafeBufferPointer<UInt8>) -> (UnsafeBufferPointer<UInt16>, UnsafeBufferPointer<UInt16>?) {
        let n = text.count
        var any: UInt8 = 0
        for b in text { any |= b }
        // No more UTF-16 units than bytes.
        let out = utf16Buffer.reserve(n)
        let fold = foldBuffer.reserve(n)
        if any < 0x80 {
            // ASCII: one unit per byte, and already NFC; full case folding maps only A-Z.
            for i in 0..<n {
                let u = UInt16(text[i])
                out[i] = u
                fold[i] = u &- 0x41 < 26 ? u | 0x20 : u
            }
            return (UnsafeBufferPointer(start: out, count: n), UnsafeBufferPointer(start: fold, count: n))
        }
        var count = 0
        // Whether every unit leaves the text NFC (ASCII does), and folds to one unit.
        var inert = true, oneUnitFolds = true
        let lookup = units.lookup()
        let valid = decodeUTF8(text) { v in
            let u = UInt16(truncatingIfNeeded: v)
            if v < 0x80 {
                out[count] = u
                fold[count] = u &- 0x41 < 26 ? u | 0x20 : u
                count &+= 1
            } else if v < 0x10000 {
                let (folding, inertUnit) = lookup.facts(u)
                out[count] = u
                if let folding { fold[count] = folding } else { oneUnitFolds = false }
                inert = inert && inertUnit
                count &+= 1
            } else {
                inert = false
                out[count] = UInt16(truncatingIfNeeded: 0xD7C0 &+ (v >> 10))
                out[count &+ 1] = UInt16(truncatingIfNeeded: 0xDC00 | (v & 0x3FF))
                count &+= 2
            }
        }
        if valid && inert {
            return (UnsafeBufferPointer(start: out, count: count), oneUnitFolds ? UnsafeBufferPointer(start: fold, count: count) : nil)
        }
        if !valid {
            // Not valid UTF-8: as the repairing String decoding reads it (U+FFFD is one unit
            // for each byte at most, so the buffer still has room).
            count = 0
            for u in String(decoding: text, as: UTF8.self).utf16 { out[count] = u; count += 1 }
        }
        let quick = sf_nfc16(out, Int32(count), nil, 0)
        if quick == -2 { return (UnsafeBufferPointer(start: out, count: count), nil) }
        let cap = count * 3 + 16
        let normal = nfcBuffer.reserve(cap)
        let m = sf_nfc16(out, Int32(count), normal, Int32(cap))
        return (m >= 0 ? UnsafeBufferPointer(start: normal, count: Int(m)) : UnsafeBufferPointer(start: out, count: count), nil)
    }

    /// ICU full case folding of `text` (as `LiteralScanner.fold`), in a reused buffer.
    private func folded(_ text: UnsafeBufferPointer<UInt16>) -> UnsafeBufferPointer<UInt16> {
        let n = text.count
        let cap = n * 3 + 16
        let out = foldBuffer.reserve(cap)
        if units.lookup().fold(text, into: out) { return UnsafeBufferPointer(start: out, count: n) }
        let m = sf_fold16(text.baseAddress, Int32(n), out, Int32(cap))
        return m >= 0 ? UnsafeBufferPointer(start: out, count: Int(m)) : text
    }
}

/// A growable buffer kept between calls (not thread-safe; one per worker object).
struct ScratchBuffer<T> {
    private(set) var pointer: UnsafeMutablePointer<T>? = nil
    private(set) var capacity = 0

    /// Room for at least `n` elements (contents not kept).
    mutating func reserve(_ n: Int) -> UnsafeMutablePointer<T> {
        if n > capacity || pointer == nil {
            pointer?.deallocate()
            capacity = max(n, 2 * capacity, 64)
            pointer = .allocate(capacity: capacity)
        }
        return pointer!
    }

    func free() { pointer?.deallocate() }
}
