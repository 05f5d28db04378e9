import ICUShim

public struct PatternError: Error, CustomStringConvertible {
    public var description: String
}

/// A rule pattern compiled by ICU. ICU regexes are not thread-safe: each worker clones its own.
final class CompiledPattern {
    let pattern: RuleSet.Pattern
    private let handle: OpaquePointer

    init(_ pattern: RuleSet.Pattern) throws {
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
        self.pattern = pattern
        handle = h
    }

    private init(pattern: RuleSet.Pattern, handle: OpaquePointer) {
        self.pattern = pattern
        self.handle = handle
    }

    func copy() -> CompiledPattern {
        guard let h = sf_regex_clone(handle) else { fatalError("segfilter: out of memory cloning a regex") }
        return CompiledPattern(pattern: pattern, handle: h)
    }

    deinit { sf_regex_close(handle) }

    /// Whether the pattern matches somewhere in `text` (UTF-16). A match that ICU abandons at
    /// its work limit counts as no match.
    func matches(utf16 text: UnsafeBufferPointer<UInt16>) -> Bool {
        sf_regex_matches16(handle, text.baseAddress, Int32(text.count)) == 1
    }

    /// Whether the pattern matches somewhere in `text`. A match that ICU abandons at its work
    /// limit (pathological input) counts as no match.
    func matches(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var s: Int32 = 0, e: Int32 = 0
        return text.withMemoryRebound(to: CChar.self) { c in
            sf_regex_find(handle, c.baseAddress, Int32(c.count), &s, &e) == 1
        }
    }
}
