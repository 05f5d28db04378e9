import ICUShim

/// What ICU's word break rules say a word segment is.
public enum WordKind: UInt8, Sendable {
    case number, letters, kana, ideographs

    init(ruleStatus: Int32) {
        switch Int(ruleStatus) {
        case Int(SF_WORD_NUMBER)..<Int(SF_WORD_LETTER): self = .number
        case Int(SF_WORD_KANA)..<Int(SF_WORD_IDEO): self = .kana
        case Int(SF_WORD_IDEO)...: self = .ideographs
        default: self = .letters
        }
    }
}

/// A word found by ICU, as a byte range of the paragraph's UTF-8 text.
public struct Word: Equatable, Sendable {
    public var range: Range<Int>
    public var kind: WordKind
}

public enum SegmentationError: Error, CustomStringConvertible {
    case icu(String)
    public var description: String {
        switch self { case .icu(let m): return "ICU break iterator: \(m)" }
    }
}

/// ICU word and sentence segmentation for one worker.
///
/// ICU break iterators are not thread-safe, so each worker owns a `Segmenter`; `copy()` clones
/// the iterators for another thread. Text is handed to ICU through one reused UText (UTF-16
/// for words, UTF-8 for sentences), which costs 2-3 µs per paragraph against ~15 µs for a
/// fresh iterator.
public final class Segmenter: @unchecked Sendable {
    private let words: OpaquePointer
    /// Opened on first use: the filter itself needs only words, and opening a sentence
    /// iterator with its abbreviation suppressions was a noticeable part of start-up.
    private var sentences: OpaquePointer?
    private let locale: String
    private var scratch: [Int32] = []
    private var utf16 = ScratchBuffer<UInt16>()
    private var utf16Offsets = ScratchBuffer<Int32>()
    /// ICU's word rules for the text they reduce to a handful for (most text).
    private let fast = FastWordBreak()
    /// Whether the fast path agreed with this iterator's rules on `FastWordBreak.probes` (it
    /// models ICU 72's root word rules; another ICU version or a locale that tailors them, such
    /// as Swedish's colon, turns it off).
    private var fastAgrees = false

    /// - Parameter locale: the ICU locale for the rules; "@ss=standard" turns on the sentence
    ///   break's abbreviation suppressions ("Dr.", "e.g.").
    public init(locale: String = "en@ss=standard") throws {
        var err = [CChar](repeating: 0, count: 64)
        guard let w = sf_breaker_open(Int32(SF_BREAK_WORD), locale, &err, 64) else {
            throw SegmentationError.icu(cString(err))
        }
        words = w
        self.locale = locale
        fastAgrees = probeFastPath()
    }

    /// Whether the fast path and ICU find the same words in `FastWordBreak.probes`.
    private func probeFastPath() -> Bool {
        var text = FastWordBreak.probes
        return text.withUTF8 { b in
            var fast: [Word] = [], icu: [Word] = []
            icuWords(in: b, into: &icu)
            return self.fast.words(b, into: &fast) && fast == icu
        }
    }

    /// `words(in:into:)` by the fast path alone: false when it does not cover the text.
    func fastWords(in text: UnsafeBufferPointer<UInt8>, into result: inout [Word]) -> Bool {
        result.removeAll(keepingCapacity: true)
        return fast.words(text, into: &result)
    }

    /// Whether `words(in:into:)` uses the fast path (see `fastAgrees`).
    var usesFastPath: Bool { fastAgrees }

    private init(words: OpaquePointer, locale: String, fastAgrees: Bool) {
        self.words = words
        self.locale = locale
        self.fastAgrees = fastAgrees
    }

    /// A segmenter with its own iterators, for another thread.
    public func copy() -> Segmenter {
        // Cloning only fails when memory runs out; there is nothing sensible to do then.
        guard let w = sf_breaker_clone(words) else {
            fatalError("segfilter: out of memory while cloning an ICU break iterator")
        }
        return Segmenter(words: w, locale: locale, fastAgrees: fastAgrees)
    }

    /// The sentence iterator, opened now if it is not yet.
    private func sentenceBreaker() -> OpaquePointer {
        if let sentences { return sentences }
        var err = [CChar](repeating: 0, count: 64)
        guard let s = sf_breaker_open(Int32(SF_BREAK_SENTENCE), locale, &err, 64) else {
            // The word iterator opened with the same locale and data, so only a failed
            // allocation can get here.
            fatalError("segfilter: cannot open an ICU sentence break iterator: \(cString(err))")
        }
        sentences = s
        return s
    }

    deinit {
        utf16.free()
        utf16Offsets.free()
        sf_breaker_close(words)
        if let sentences { sf_breaker_close(sentences) }
    }

    /// The words (letters, numbers, kana, ideographs; not spaces or punctuation) of `text`.
    ///
    /// Valid UTF-8 goes to ICU as UTF-16, which its break iterator reads in place (a UTF-8
    /// UText is converted chunk by chunk behind every access); the word boundaries, which
    /// depend only on the code points, are mapped back to byte offsets.
    public func words(in text: UnsafeBufferPointer<UInt8>) -> [Word] {
        var result: [Word] = []
        words(in: text, into: &result)
        return result
    }

    /// `words(in:)` into `result` (emptied first, its storage kept: one array for every paragraph).
    ///
    /// Text that `FastWordBreak` covers (letters, digits, spaces and punctuation of the
    /// alphabetic scripts) is segmented without ICU, with the same result; the rest by ICU.
    public func words(in text: UnsafeBufferPointer<UInt8>, into result: inout [Word]) {
        result.removeAll(keepingCapacity: true)
        if fastAgrees && fast.words(text, into: &result) { return }
        icuWords(in: text, into: &result)
    }

    /// `words(in:into:)` by ICU alone (the fast path's reference).
    func icuWords(in text: UnsafeBufferPointer<UInt8>, into result: inout [Word]) {
        result.removeAll(keepingCapacity: true)
        let n = text.count
        if n == 0 { return }
        let cap = n + 1
        if scratch.count < 3 * cap { scratch = [Int32](repeating: 0, count: 3 * cap) }
        // UTF-16 units, and for each unit (and the end) its byte offset.
        let units = utf16.reserve(n)
        let offsets = utf16Offsets.reserve(n + 1)
        var count = 0
        var byte = 0
        var any: UInt8 = 0
        for b in text { any |= b }
        let valid = any < 0x80 ? asciiUnits(text, units, offsets, &count) : decodeUTF8(text) { v in
            offsets[count] = Int32(truncatingIfNeeded: byte)
            if v < 0x80 {
                units[count] = UInt16(truncatingIfNeeded: v)
                count &+= 1
                byte &+= 1
            } else if v < 0x10000 {
                units[count] = UInt16(truncatingIfNeeded: v)
                count &+= 1
                byte &+= v < 0x800 ? 2 : 3
            } else {
                units[count] = UInt16(truncatingIfNeeded: 0xD7C0 &+ (v >> 10))
                offsets[count &+ 1] = Int32(truncatingIfNeeded: byte)
                units[count &+ 1] = UInt16(truncatingIfNeeded: 0xDC00 | (v & 0x3FF))
                count &+= 2
                byte &+= 4
            }
        }
        let found: Int32
        if valid {
            offsets[count] = Int32(truncatingIfNeeded: n)
            found = scratch.withUnsafeMutableBufferPointer { out in
                sf_breaker_words16(words, units, Int32(count), out.baseAddress, Int32(cap))
            }
        } else {
            found = text.withMemoryRebound(to: CChar.self) { chars in
                scratch.withUnsafeMutableBufferPointer { out in
                    sf_breaker_words(words, chars.baseAddress, Int32(n), out.baseAddress, Int32(cap))
                }
            }
        }
        guard found > 0 else { return }
        result.reserveCapacity(Int(found))
        scratch.withUnsafeBufferPointer { s in
            for i in 0..<Int(found) {
                var start = Int(s[3 * i]), end = Int(s[3 * i + 1])
                if valid { start = Int(offsets[start]); end = Int(offsets[end]) }
                result.append(Word(range: start..<end, kind: WordKind(ruleStatus: s[3 * i + 2])))
            }
        }
    }

    /// ASCII text's UTF-16 units and their offsets (the identity).
    @inline(__always)
    private func asciiUnits(_ text: UnsafeBufferPointer<UInt8>, _ units: UnsafeMutablePointer<UInt16>,
                            _ offsets: UnsafeMutablePointer<Int32>, _ count: inout Int) -> Bool {
        for i in 0..<text.count {
            units[i] = UInt16(text[i])
            offsets[i] = Int32(truncatingIfNeeded: i)
        }
        count = text.count
        return true
    }

    /// The end offsets (bytes) of the sentences of `text`.
    public func sentenceEnds(in text: UnsafeBufferPointer<UInt8>) -> [Int] {
        let n = text.count
        if n == 0 { return [] }
        let cap = n + 1
        if scratch.count < cap { scratch = [Int32](repeating: 0, count: cap) }
        let sentences = sentenceBreaker()
        let found = text.withMemoryRebound(to: CChar.self) { chars in
            scratch.withUnsafeMutableBufferPointer { out in
                sf_breaker_boundaries(sentences, chars.baseAddress, Int32(n), out.baseAddress, Int32(cap))
            }
        }
        return found > 0 ? scratch[0..<Int(found)].map(Int.init) : []
    }
}

/// A NUL-terminated C buffer as a String.
func cString(_ buffer: [CChar]) -> String {
    String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}
