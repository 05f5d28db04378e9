import ICUShim
import Synchronization

public struct PatternError: Error, CustomStringConvertible {
    public var description: String
}

/// A rule pattern compiled by ICU. ICU regexes are not thread-safe: each worker clones its own.
///
/// Compiled on first use: most patterns never get past the literal prefilter on most corpora,
/// and compiling two dozen case-insensitive patterns up front was most of segfilter's start-up.
/// Patterns are validated when their rule file is parsed (built-in ones by the tests), so a
/// failure here cannot happen for a loaded rule set; it would count as no match.
final class CompiledPattern {
    let pattern: RuleSet.Pattern
    private var compiled: OpaquePointer?
    private var failed = false
    /// The compiled form every worker's copy clones (compiled once for all of them).
    private let shared: SharedRegex

    /// Compiles now, throwing ICU's message for an invalid regex (`asWritten`: the regex
    /// itself, not its ``matchingForm(_:)``; for tests).
    init(_ pattern: RuleSet.Pattern, asWritten: Bool = false) throws {
        self.pattern = pattern
        compiled = try asWritten ? CompiledPattern.open(pattern.regex, id: pattern.id) : CompiledPattern.compile(pattern)
        shared = SharedRegex(pattern)
    }

    /// Compiles on first use.
    init(lazy pattern: RuleSet.Pattern) {
        self.pattern = pattern
        shared = SharedRegex(pattern)
    }

    private init(sharing shared: SharedRegex) {
        pattern = shared.pattern
        self.shared = shared
    }

    static func compile(_ pattern: RuleSet.Pattern) throws -> OpaquePointer {
        // The matching form first; if it does not compile, the regex as written gives ICU's
        // message and offset.
        if let h = try? open(matchingForm(pattern.regex), id: pattern.id) { return h }
        return try open(pattern.regex, id: pattern.id)
    }

    private static func open(_ regex: String, id: String) throws -> OpaquePointer {
        var err = [CChar](repeating: 0, count: 64)
        var offset: Int32 = 0
        let bytes = Array(regex.utf8)
        let h = bytes.withUnsafeBufferPointer { b in
            b.withMemoryRebound(to: CChar.self) { c in
                sf_regex_open(c.baseAddress, Int32(c.count), 0, &err, 64, &offset)
            }
        }
        guard let h else {
            throw PatternError(description: "invalid regex in pattern '\(id)': \(cString(err)) near offset \(offset)")
        }
        return h
    }

    /// `regex` with its capturing groups made non-capturing, or `regex` itself when it could
    /// refer to a group (backreferences) or uses syntax this does not model (`\Q`, free
    /// spacing). Only whether and where a pattern matches is used, never a group, and ICU
    /// saves and restores every capture slot on each backtracking step: a long alternation
    /// with half a dozen groups ran up to 2.7 times slower than without them.
    ///
    /// Also, a property `\p{Name}` outside a set where case-insensitive matching is on becomes
    /// `(?-i)[\p{Name}extras]` (and its quantifier, then `(?i)`), `extras` being what ICU's
    /// case closure adds to the set (``caseClosureExtras(_:)``, `[\u0345]` for `\p{L}`): ICU
    /// builds the same set, compiles it to the same instruction (a flag change emits none),
    /// but without closing `\p{L}` over case code point by code point (a millisecond each; a
    /// multilingual bio pattern with twenty of them took 9 ms to compile).
    static func matchingForm(_ regex: String) -> String {
        let s = Array(regex.unicodeScalars)
        // Built as scalars and made a String once (appending to a String scalar by scalar was
        // most of this function's cost).
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(s.count + 64)
        // Whether case-insensitive matching is on, per open group (the flags a group changes
        // end with it, as in ICU).
        var caseless: [Bool] = [false]
        // (Not in a pattern with comments, whose parentheses the groups would miscount.)
        var rewriteProperties = true
        for k in s.indices.dropLast(2) where s[k] == "(" && s[k + 1] == "?" && s[k + 2] == "#" { rewriteProperties = false }
        var i = 0
        while i < s.count {
            let c = s[i]
            switch c {
            case "\\":
                guard i + 1 < s.count else { return regex }
                let e = s[i + 1]
                if e == "Q" || e == "E" || e == "k" || ("0"..."9").contains(e) { return regex }
                if e == "p", rewriteProperties, caseless.last!, let (name, end) = propertyName(s, i + 2),
                   let (quantifier, next) = quantifier(s, end), let extras = caseClosureExtras(name) {
                    out.append(contentsOf: "(?-i)[\\p{\(name)}\(extras == "[]" ? "" : extras)]".unicodeScalars)
                    out.append(contentsOf: s[end..<next])
                    out.append(contentsOf: "(?i)".unicodeScalars)
                    _ = quantifier
                    i = next
                    continue
                }
                out.append(c)
                out.append(e)
                i += 2
            case "[":
                var parser = RequiredLiterals.Parser(s)
                parser.i = i
                guard parser.skipClass() else { return regex }
                // A set of properties and caseless characters (`[\p{L}\p{M} &'’-]`) is closed
                // over case the same way, property by property.
                if rewriteProperties, caseless.last!, let extras = caselessSetExtras(s, i, parser.i),
                   let (_, next) = quantifier(s, parser.i) {
                    // (The extras first: after a trailing "-" a nested set would be subtracted.)
                    out.append(contentsOf: "(?-i)[".unicodeScalars)
                    out.append(contentsOf: extras.unicodeScalars)
                    out.append(contentsOf: s[(i + 1)..<parser.i])
                    out.append(contentsOf: s[parser.i..<next])
                    out.append(contentsOf: "(?i)".unicodeScalars)
                    i = next
                    continue
                }
                out.append(contentsOf: s[i..<parser.i])
                i = parser.i
            case "(":
                var state = caseless.last!
                if i + 1 < s.count, s[i + 1] == "?" {
                    // A flag group that turns on free spacing changes what is literal.
                    var j = i + 2
                    var flags: [Unicode.Scalar] = []
                    while j < s.count, s[j] != ")", s[j] != ":", s[j] != "-" {
                        if s[j] == "x" { return regex }
                        flags.append(s[j])
                        j += 1
                    }
                    var off: [Unicode.Scalar] = []
                    if j < s.count, s[j] == "-" {
                        j += 1
                        while j < s.count, s[j] != ")", s[j] != ":" { off.append(s[j]); j += 1 }
                    }
                    let isFlags = j < s.count && flags.allSatisfy { "imsw".unicodeScalars.contains($0) }
                        && off.allSatisfy { "imswx".unicodeScalars.contains($0) }
                        && !(flags.isEmpty && off.isEmpty && s[j] == ":")
                    if isFlags {
                        if flags.contains("i") { state = true }
                        if off.contains("i") { state = false }
                        if s[j] == ")" {
                            // (?i): for the rest of the enclosing group.
                            caseless[caseless.count - 1] = state
                            out.append(contentsOf: s[i...j])
                            i = j + 1
                            continue
                        }
                    }
                    out.append(c)
                } else {
                    out.append(contentsOf: ["(", "?", ":"])
                }
                caseless.append(state)
                i += 1
            case ")":
                if caseless.count > 1 { caseless.removeLast() }
                out.append(c)
                i += 1
            default:
                out.append(c)
                i += 1
            }
        }
        var utf8: [UInt8] = []
        utf8.reserveCapacity(out.count * 2)
        for c in out { UTF8.encode(c) { utf8.append($0) } }
        return String(decoding: utf8, as: UTF8.self)
    }

    /// For the set `s[start..<end]` (`[` to `]`): what case closure adds to it, as nested sets
    /// to append inside it, when it is a plain list of `\p{Name}` properties and characters that
    /// case closure leaves alone (white space, digits, punctuation, symbols: neither letters
    /// nor marks, none changed by case mapping); nil for anything else (ranges, negation,
    /// nested sets, set operations, letters), which ICU then closes itself. Case closure maps
    /// each code point on its own, so the closure of a union is the union of the closures.
    static func caselessSetExtras(_ s: [Unicode.Scalar], _ start: Int, _ end: Int) -> String? {
        guard end - start >= 3, s[start] == "[", s[end - 1] == "]", s[start + 1] != "^" else { return nil }
        var extras = ""
        var properties = 0
        var k = start + 1
        func caseless(_ c: Unicode.Scalar) -> Bool {
            let p = c.properties
            return !p.isAlphabetic && !p.changesWhenCaseMapped && !p.isCased && !p.changesWhenCaseFolded
                && !(p.generalCategory == .nonspacingMark || p.generalCategory == .spacingMark || p.generalCategory == .enclosingMark)
        }
        while k < end - 1 {
            let c = s[k]
            switch c {
            case "\\":
                guard k + 1 < end - 1 else { return nil }
                let e = s[k + 1]
                if e == "p" {
                    guard let (name, after) = propertyName(s, k + 2), after <= end - 1, let x = caseClosureExtras(name) else { return nil }
                    if x != "[]" { extras += x }
                    properties += 1
                    k = after
                } else if e == "s" || e == "d" {
                    k += 2
                } else if !("0"..."9").contains(e) && caseless(e) {
                    k += 2
                } else {
                    return nil
                }
            case "[", "]", "&", "^":
                // Nested sets and operations ("&&"): left to ICU. (A lone "&" is a character
                // to ICU, but cheap to leave alone.)
                if c == "&" && !(k + 1 < end - 1 && s[k + 1] == "&") && caseless(c) { k += 1; continue }
                return nil
            case "-":
                // A range between two members; a "-" last is the character. (Not first: the
                // extras go first, and "-" after a set subtracts.)
                guard k == end - 2 else { return nil }
                k += 1
            default:
                guard caseless(c) else { return nil }
                k += 1
            }
        }
        return properties > 0 ? extras : nil
    }

    /// The name of `\p{Name}` whose brace starts at `i` (letters, digits and `_` only), and
    /// where the property ends.
    static func propertyName(_ s: [Unicode.Scalar], _ i: Int) -> (String, Int)? {
        guard i < s.count, s[i] == "{" else { return nil }
        var j = i + 1, name = String.UnicodeScalarView()
        while j < s.count, s[j] != "}" {
            let c = s[j]
            guard c.isASCII, c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "_" else { return nil }
            name.append(c)
            j += 1
        }
        guard j < s.count, !name.isEmpty else { return nil }
        return (String(name), j + 1)
    }

    /// The quantifier at `i` (none, `?`, `*`, `+`, `{m}`, `{m,}`, `{m,n}`, each maybe lazy or
    /// possessive) and where it ends; nil for a malformed interval.
    private static func quantifier(_ s: [Unicode.Scalar], _ i: Int) -> (Int, Int)? {
        guard i < s.count else { return (0, i) }
        var j = i
        switch s[i] {
        case "?", "*", "+": j += 1
        case "{":
            j += 1
            while j < s.count, ("0"..."9").contains(s[j]) || s[j] == "," { j += 1 }
            guard j < s.count, s[j] == "}", j > i + 1, ("0"..."9").contains(s[i + 1]) else { return nil }
            j += 1
        default: return (0, i)
        }
        if j < s.count, s[j] == "?" || s[j] == "+" { j += 1 }
        return (j - i, j)
    }

    /// What ICU's case-insensitive matching adds to `\p{name}`, as a set pattern (`[]`: nothing),
    /// or nil when ICU does not know the property. Computed once per name and process.
    static func caseClosureExtras(_ name: String) -> String? {
        if let known = closureCache.withLock({ $0[name] }) { return known }
        var out = [CChar](repeating: 0, count: 65536)
        let bytes = Array(name.utf8)
        let n = bytes.withUnsafeBufferPointer { b in
            b.withMemoryRebound(to: CChar.self) { sf_case_closure_extras($0.baseAddress, Int32($0.count), &out, Int32(out.count)) }
        }
        let extras: String? = n < 0 ? nil : String(decoding: out[0..<Int(n)].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        closureCache.withLock { $0[name] = extras }
        return extras
    }

    private static let closureCache = Mutex<[String: String?]>([:])

    private var handle: OpaquePointer? {
        if compiled == nil && !failed {
            compiled = shared.clone()
            failed = compiled == nil
        }
        return compiled
    }

    /// A copy for another thread: on first use it clones the pattern's compiled form (compiling
    /// it if no worker has yet), which costs a fraction of a compilation.
    func copy() -> CompiledPattern { CompiledPattern(sharing: shared) }

    deinit { if let compiled { sf_regex_close(compiled) } }

    /// Whether the pattern matches somewhere in `text` (UTF-16). A match that ICU abandons at
    /// its work limit counts as no match.
    func matches(utf16 text: UnsafeBufferPointer<UInt16>) -> Bool {
        guard let handle else { return false }
        return sf_regex_matches16(handle, text.baseAddress, Int32(text.count)) == 1
    }

    /// Whether the pattern has a match that starts at `start` or later in `text` (UTF-16), or
    /// (`alsoAtZero`) at 0.
    func matches(utf16 text: UnsafeBufferPointer<UInt16>, from start: Int, alsoAtZero: Bool = false) -> Bool {
        guard let handle else { return false }
        if start <= 0 { return sf_regex_matches16(handle, text.baseAddress, Int32(text.count)) == 1 }
        return sf_regex_matches16_from(handle, text.baseAddress, Int32(text.count), Int32(start), alsoAtZero ? 1 : 0) == 1
    }

    /// Whether the pattern has a match in `text` (UTF-16) that starts where `starts` allows,
    /// `folded` being the text's case folding with the same positions, and no leading literal
    /// occurring before `from`. ICU is asked only at those positions (and not compiled when
    /// there are none). When ICU abandons a try at its work limit, the pattern counts as not
    /// matching, as when a search abandons: one limit's work at most, not one per position.
    func matches(utf16 text: UnsafeBufferPointer<UInt16>, folded: UnsafeBufferPointer<UInt16>, starts: MatchStarts, from: Int) -> Bool {
        var ready: OpaquePointer? = nil
        /// Whether a match starts at `p` (nil: ICU gave up).
        func lookingAt(_ p: Int) -> Bool? {
            if ready == nil {
                guard let handle, sf_regex_set_text16(handle, text.baseAddress, Int32(text.count)) == 0 else { return nil }
                ready = handle
            }
            switch sf_regex_looking_at16(ready, Int32(p)) {
            case 1: return true
            case 0: return false
            default: return nil
            }
        }
        let atZero = starts.anchoredMayMatch(text, folded: folded)
        if atZero {
            switch lookingAt(0) {
            case true: return true
            case nil: return false
            default: break
            }
        }
        switch starts.tryStarts(in: text, folded: folded, from: from, skippingZero: atZero, lookingAt) {
        case .matched: return true
        case .noMatch, .stopped: return false
        case .searchFrom(let p): return matches(utf16: text, from: p)
        }
    }

    /// Whether the pattern matches somewhere in `text`. A match that ICU abandons at its work
    /// limit (pathological input) counts as no match.
    func matches(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var s: Int32 = 0, e: Int32 = 0
        guard let handle else { return false }
        return text.withMemoryRebound(to: CChar.self) { c in
            sf_regex_find(handle, c.baseAddress, Int32(c.count), &s, &e) == 1
        }
    }
}

/// One pattern's compiled regex, shared by the workers' ``CompiledPattern``s: compiled on the
/// first request, then cloned for each worker (ICU clones share the compiled pattern; each has
/// its own matcher). The original is never matched with.
final class SharedRegex: @unchecked Sendable {
    let pattern: RuleSet.Pattern
    private let lock = Mutex<Void>(())
    private var original: OpaquePointer?
    private var tried = false

    init(_ pattern: RuleSet.Pattern) { self.pattern = pattern }

    /// A clone of the compiled regex for one worker, or nil if the regex does not compile.
    func clone() -> OpaquePointer? {
        lock.withLock { _ -> OpaquePointer? in
            if !tried {
                tried = true
                original = try? CompiledPattern.compile(pattern)
            }
            guard let original else { return nil }
            return sf_regex_clone(original)
        }
    }

    deinit { if let original { sf_regex_close(original) } }
}
