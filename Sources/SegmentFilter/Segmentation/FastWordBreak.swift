import ICUShim

/// ICU's word segmentation, without ICU, for text in which its rules reduce to a handful.
///
/// ICU stays the authority: this covers only text whose every character falls in one of the
/// classes below, and `Segmenter` hands anything else (invalid UTF-8, dictionary scripts (Thai,
/// Lao, Khmer, Myanmar), kana and Han, Hangul (ICU breaks it from letters of other scripts),
/// Hebrew, ZWJ, characters outside the BMP) to ICU whole. Over those classes UAX #29 as ICU 72
/// implements it is:
///
/// - letters (Word_Break ALetter, and `@`, which ICU 72's rules add) and numbers (Numeric) join
///   each other (WB5, WB8-10), and `_` (ExtendNumLet) joins both sides (WB13a/b);
/// - a letter, MidLetter or MidNumLet (`.`, `'`, `’`), letter run joins (WB6/7), as does a
///   number, MidNum or MidNumLet (`,`, `;`, `.`), number run (WB11/12); ICU 72 does not count
///   the colon as MidLetter;
/// - Extend and Format characters belong to the character before them (WB4): inside a word they
///   extend it, and elsewhere they are part of no word (after a line end or at the start they
///   stand alone, WB3a/b); ZWJ, which also joins a pictograph after it (WB3c), goes to ICU;
/// - everything else (spaces, line ends, other punctuation and symbols) is never part of a word,
///   so how it is segmented does not matter: only word segments are reported.
///
/// A word's rule status (which `WordKind` it gets) is that of the rule that ended it: 200
/// (letters) when its last character is a letter, 100 (number) for a digit, and for a final
/// `_` that of the character before it (100 after a digit, else 200); a lone `_`, and a word
/// whose final `_` has an Extend or Format character after it, is no word (status 0).
///
/// `FastWordBreakTests` checks all this against ICU: on every ASCII string up to three
/// characters, every covered non-ASCII code point in a few hundred contexts, random strings,
/// and the development corpus (89% of whose paragraph bytes take the fast path).
final class FastWordBreak {
    /// A text whose words exercise every rule above (lines are segmented apart): `Segmenter`
    /// compares the fast path with its ICU iterator on it and uses the fast path only if they
    /// agree, so another ICU's or a tailored locale's rules fall back to ICU.
    static let probes = [
        "a@b c:d e.g. can't 1,000 3.14 a_ _ __ a1 1a x.1 1.x a1.2 a·b 1;2 a;b ©x a  b @ 1_ _1 a_1 1_a ‿x",
        "_\u{301}", "a_\u{301}", "1_\u{301} x", "é\u{301}x", "a\u{AD}b", "\u{301}a", "ab’cd", "a‿b", "١٢٣,٤", "x²",
        "Ünïcödé ЖЖ ά", "a\u{200C}b", "a.\u{301}b", "1,\u{301}2", "a'\u{301}", "x\u{2060}y z\u{FEFF}",
    ].joined(separator: "\n")

    static let fallback: UInt8 = 0
    static let letter: UInt8 = 1
    static let number: UInt8 = 2
    static let extendNumLet: UInt8 = 3
    static let midLetter: UInt8 = 4
    static let midNum: UInt8 = 5
    static let midNumLet: UInt8 = 6
    static let other: UInt8 = 7
    static let extend: UInt8 = 8

    /// Classes of the BMP in pages of 256 code points, each filled from ICU when first met.
    private let pages: UnsafeMutablePointer<UnsafeMutablePointer<UInt8>?>
    private let ascii: UnsafeMutablePointer<UInt8>
    /// The words found, before they are appended to the caller's array in one go.
    private var found = ScratchBuffer<Word>()

    init() {
        ascii = .allocate(capacity: 128)
        for c in 0..<128 { ascii[c] = FastWordBreak.asciiClass(UInt8(c)) }
        pages = .allocate(capacity: 256)
        pages.initialize(repeating: nil, count: 256)
    }

    deinit {
        ascii.deallocate()
        for i in 0..<256 { pages[i]?.deallocate() }
        pages.deallocate()
        found.free()
    }

    static func asciiClass(_ c: UInt8) -> UInt8 {
        switch c {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "@"): return letter
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return number
        case UInt8(ascii: "_"): return extendNumLet
        case UInt8(ascii: "."), UInt8(ascii: "'"): return midNumLet
        case UInt8(ascii: ","), UInt8(ascii: ";"): return midNum
        default: return other
        }
    }

    /// The class of a code point from ICU's properties (ASCII: `asciiClass`).
    static func classify(_ cp: UInt32) -> UInt8 {
        if cp < 0x80 { return asciiClass(UInt8(cp)) }
        if cp >= 0x10000 { return fallback }
        let info = sf_word_break_info(cp)
        if info & 0x100 != 0 { return fallback }
        // A pictograph (©, ®, ™, arrows) is Other unless a ZWJ comes before it (WB3c): ZWJ
        // goes to ICU.
        if info & 0x200 != 0 { return info & 0xFF == 0 ? other : fallback }
        switch info & 0xFF {
        case 1: return letter            // ALetter
        case 6: return number            // Numeric
        case 7: return extendNumLet      // ExtendNumLet
        case 4:                          // MidLetter, less what ICU's rules take out of it
            return cp == 0xFE55 || cp == 0xFF1A ? fallback : midLetter
        case 5: return midNum            // MidNum
        case 11, 15: return midNumLet    // MidNumLet, Single_Quote (no Hebrew letters here)
        case 0, 8, 10, 12, 16, 22: return other  // Other, CR, LF, Newline, Double_Quote, WSegSpace
        case 2, 9: return extend         // Format, Extend
        default: return fallback         // ZWJ, Katakana, Hebrew_Letter, Regional_Indicator, emoji
        }
    }

    @inline(__always)
    private func classOf(_ cp: UInt32) -> UInt8 {
        let page = Int(cp >> 8)
        if let p = pages[page] { return p[Int(cp & 0xFF)] }
        return fill(page, cp)
    }

    @inline(never)
    private func fill(_ page: Int, _ cp: UInt32) -> UInt8 {
        let p = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        for i in 0..<256 { p[i] = FastWordBreak.classify(UInt32(page << 8 | i)) }
        pages[page] = p
        return p[Int(cp & 0xFF)]
    }

    /// The words of `text` as ICU finds them, appended to `result`; false (with `result` in
    /// an unspecified state) when the text is not valid UTF-8 or has a character this does not
    /// cover.
    func words(_ text: UnsafeBufferPointer<UInt8>, into result: inout [Word]) -> Bool {
        guard let base = text.baseAddress else { return true }
        let n = text.count
        let ascii = self.ascii
        // At most one word per two bytes, and one more.
        let out = found.reserve(n / 2 + 1)
        var count = 0
        var inWord = false
        var start = 0
        var last: UInt8 = 0, prev: UInt8 = 0
        var single = true
        var extended = false            // Extend or Format after the word's last character
        var mid: UInt8 = 0, midAt = 0   // a mid character after the word's last one (0: none)
        @inline(__always) func emit(_ end: Int) {
            let kind: WordKind
            if last == FastWordBreak.letter {
                kind = .letters
            } else if last == FastWordBreak.number {
                kind = .number
            } else {
                if single || extended { return }
                kind = prev == FastWordBreak.number ? .number : .letters
            }
            (out + count).initialize(to: Word(range: start..<end, kind: kind))
            count &+= 1
        }
        var i = 0
        while i < n {
            let b0 = base[i]
            var c: UInt8
            var len = 1
            if b0 < 0x80 {
                c = ascii[Int(b0)]
            } else {
                // Invalid, or outside the BMP: ICU's.
                guard let (v, length) = decodeMultibyteBMP(base, at: i, count: n) else { return false }
                len = length
                c = classOf(v)
                if c == FastWordBreak.fallback { return false }
            }
            if inWord {
                if c == FastWordBreak.extend {
                    // WB4: part of the character before it, so of the word (or its pending
                    // mid character).
                    if mid == 0 { extended = true }
                    i &+= len
                    continue
                }
                if mid != 0 {
                    if c == last && (c == FastWordBreak.letter ? mid != FastWordBreak.midNum : mid != FastWordBreak.midLetter) {
                        // WB6/7, WB11/12: the mid character and this one continue the word.
                        prev = mid
                        last = c
                        single = false
                        extended = false
                        mid = 0
                        i &+= len
                        continue
                    }
                    emit(midAt)
                    inWord = false
                    mid = 0
                } else if c <= FastWordBreak.extendNumLet {
                    // WB5, WB8-10, WB13a/b.
                    prev = last
                    last = c
                    single = false
                    extended = false
                    i &+= len
                    // The rest of the word's run of letters, digits and marks (most of a text),
                    // tightly; whatever else ends the run and goes through the loop above.
                    while i < n {
                        let b = base[i]
                        var d: UInt8
                        var l = 1
                        if b < 0x80 {
                            d = ascii[Int(b)]
                        } else if let (v, length) = decodeMultibyteBMP(base, at: i, count: n) {
                            d = classOf(v)
                            l = length
                        } else {
                            break
                        }
                        if d == FastWordBreak.extend {
                            extended = true
                        } else if d != FastWordBreak.fallback && d <= FastWordBreak.extendNumLet {
                            prev = last
                            last = d
                            extended = false
                        } else {
                            break
                        }
                        i &+= l
                    }
                    continue
                } else if c <= FastWordBreak.midNumLet
                            && (last == FastWordBreak.letter ? c != FastWordBreak.midNum
                                : last == FastWordBreak.number && c != FastWordBreak.midLetter) {
                    mid = c
                    midAt = i
                    i &+= len
                    continue
                } else {
                    emit(i)
                    inWord = false
                }
            }
            if c <= FastWordBreak.extendNumLet {
                inWord = true
                start = i
                last = c
                prev = 0
                single = true
                extended = false
            }
            i &+= len
        }
        if inWord { emit(mid != 0 ? midAt : n) }
        result.append(contentsOf: UnsafeBufferPointer(start: out, count: count))
        return true
    }
}
