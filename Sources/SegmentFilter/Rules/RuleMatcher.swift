import ICUShim

/// A rule set's patterns compiled for one worker.
public final class RuleMatcher {
    public let rules: RuleSet
    private let compiled: [CompiledPattern]
    /// Decides which patterns can match a paragraph before any regex runs.
    private let scanner: LiteralScanner

    public init(_ rules: RuleSet) throws {
        self.rules = rules
        compiled = rules.patterns.map { CompiledPattern(lazy: $0) }
        scanner = LiteralScanner(clauses: rules.patterns.map { RequiredLiterals.clauses(of: $0.regex) })
    }

    private init(rules: RuleSet, compiled: [CompiledPattern], scanner: LiteralScanner) {
        self.rules = rules
        self.compiled = compiled
        self.scanner = scanner
    }

    /// The ids of patterns that have no required literal, so run on every eligible paragraph
    /// (`rules check` reports them: they cost time).
    public var unfilteredPatternIDs: [String] {
        zip(compiled, scanner.filtered).filter { !$0.1 }.map { $0.0.pattern.id }
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

    /// A matcher with its own regex clones, for another thread.
    public func copy() -> RuleMatcher { RuleMatcher(rules: rules, compiled: compiled.map { $0.copy() }, scanner: scanner) }

    /// The patterns that fire on a paragraph of `characters` characters in `language`, in a
    /// document whose primary language is `documentLanguage`.
    public func hits(_ text: UnsafeBufferPointer<UInt8>, characters: Int, language: String,
                     documentLanguage: String) -> [RuleSet.Pattern] {
        let eligible = compiled.indices.filter { k in
            let p = compiled[k].pattern
            return characters <= p.maxChars
                && (p.languages.isEmpty || p.languages.contains(language) || p.languages.contains(documentLanguage))
        }
        if eligible.isEmpty { return [] }
        let utf16 = RuleMatcher.nfc(Array(String(decoding: text, as: UTF8.self).utf16))
        var candidate = scanner.filtered.map { !$0 }
        if eligible.contains(where: { scanner.filtered[$0] }) {
            scanner.scan(LiteralScanner.fold(utf16), into: &candidate)
        }
        var out: [RuleSet.Pattern] = []
        utf16.withUnsafeBufferPointer { u in
            for k in eligible where candidate[k] && compiled[k].matches(utf16: u) { out.append(compiled[k].pattern) }
        }
        return out
    }
}
