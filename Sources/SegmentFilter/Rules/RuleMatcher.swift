import ICUShim

/// A rule set's patterns compiled for one worker.
public final class RuleMatcher {
    public let rules: RuleSet
    private let compiled: [CompiledPattern]

    public init(_ rules: RuleSet) throws {
        self.rules = rules
        compiled = try rules.patterns.map { try CompiledPattern($0) }
    }

    private init(rules: RuleSet, compiled: [CompiledPattern]) {
        self.rules = rules
        self.compiled = compiled
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
    public func copy() -> RuleMatcher { RuleMatcher(rules: rules, compiled: compiled.map { $0.copy() }) }

    /// The patterns that fire on a paragraph of `characters` characters in `language`, in a
    /// document whose primary language is `documentLanguage`.
    public func hits(_ text: UnsafeBufferPointer<UInt8>, characters: Int, language: String,
                     documentLanguage: String) -> [RuleSet.Pattern] {
        var out: [RuleSet.Pattern] = []
        var utf16: [UInt16]? = nil
        for c in compiled {
            let p = c.pattern
            if characters > p.maxChars { continue }
            if !p.languages.isEmpty && !p.languages.contains(language) && !p.languages.contains(documentLanguage) { continue }
            if utf16 == nil { utf16 = RuleMatcher.nfc(Array(String(decoding: text, as: UTF8.self).utf16)) }
            if utf16!.withUnsafeBufferPointer({ c.matches(utf16: $0) }) { out.append(p) }
        }
        return out
    }
}
