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
    static func matchingForm(_ regex: String) -> String {
        let s = Array(regex.unicodeScalars)
        // Built as scalars and made a String once (appending to a String scalar by scalar was
        // most of this function's cost).
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(s.count + 64)
        var i = 0
        while i < s.count {
            let c = s[i]
            switch c {
            case "\\":
                guard i + 1 < s.count else { return regex }
                let e = s[i + 1]
                if e == "Q" || e == "E" || e == "k" || ("0"..."9").contains(e) { return regex }
                out.append(c)
                out.append(e)
                i += 2
            case "[":
                var parser = RequiredLiterals.Parser(s)
                parser.i = i
                guard parser.skipClass() else { return regex }
                out.append(contentsOf: s[i..<parser.i])
                i = parser.i
            case "(":
                if i + 1 < s.count, s[i + 1] == "?" {
                    // A flag group that turns on free spacing changes what is literal.
                    var j = i + 2
                    while j < s.count, s[j] != ")", s[j] != ":", s[j] != "-" {
                        if s[j] == "x" { return regex }
                        j += 1
                    }
                    out.append(c)
                } else {
                    out.append(contentsOf: ["(", "?", ":"])
                }
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
