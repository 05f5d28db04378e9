import ICUShim

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

    /// Compiles now, throwing ICU's message for an invalid regex.
    init(_ pattern: RuleSet.Pattern) throws {
        self.pattern = pattern
        compiled = try CompiledPattern.compile(pattern)
    }

    /// Compiles on first use.
    init(lazy pattern: RuleSet.Pattern) {
        self.pattern = pattern
    }

    private static func compile(_ pattern: RuleSet.Pattern) throws -> OpaquePointer {
        var err = [CChar](repeating: 0, count: 64)
        var offset: Int32 = 0
        let bytes = Array(pattern.regex.utf8)
        let h = bytes.withUnsafeBufferPointer { b in
            b.withMemoryRebound(to: CChar.self) { c in
                sf_regex_open(c.baseAddress, Int32(c.count), 0, &err, 64, &offset)
            }
        }
        guard let h else {
            throw PatternError(description: "invalid regex in pattern '\(pattern.id)': \(cString(err)) near offset \(offset)")
        }
        return h
    }

    private var handle: OpaquePointer? {
        if compiled == nil && !failed {
            compiled = try? CompiledPattern.compile(pattern)
            failed = compiled == nil
        }
        return compiled
    }

    /// An uncompiled copy for another thread (it compiles what it uses).
    func copy() -> CompiledPattern { CompiledPattern(lazy: pattern) }

    deinit { if let compiled { sf_regex_close(compiled) } }

    /// Whether the pattern matches somewhere in `text` (UTF-16). A match that ICU abandons at
    /// its work limit counts as no match.
    func matches(utf16 text: UnsafeBufferPointer<UInt16>) -> Bool {
        guard let handle else { return false }
        return sf_regex_matches16(handle, text.baseAddress, Int32(text.count)) == 1
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
