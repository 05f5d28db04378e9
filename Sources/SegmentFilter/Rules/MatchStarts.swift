/// Where a pattern's matches can start (``RequiredLiterals/starts(of:)``), so that ICU is asked
/// only there.
///
/// A search from the first leading literal on still tries the whole pattern at almost every
/// later position, and a paragraph that merely says "licensed" or "translation" (most of the
/// prefilter's candidates that fail) pays for all of them. Every match starts at most `offset`
/// units before an occurrence of a leading literal, or at 0 for an anchored branch; so the
/// pattern has a match if and only if one starts at one of those positions, and ICU is asked
/// at each of them (in order) instead. An anchored branch `^\s*literal` needs one of its
/// literals right after the white space the text starts with: checked here before ICU (a
/// pattern such as `byline` is a candidate in almost every short paragraph: "by", "di", "par").
///
/// Positions are looked up in the case-folded text, as ``LiteralScanner`` does, and so only
/// when its positions are the text's.
struct MatchStarts: Equatable {
    let offset: Int
    let anchored: Bool
    /// The leading literals, folded, sorted by first unit; `firstUnits[k]`'s literals are
    /// `literals[ranges[k]]`.
    let literals: [[UInt16]]
    private let firstUnits: [UInt16]
    private let ranges: [Range<Int>]
    /// One bit per first unit of a leading literal (its unit modulo 4096): rejects most positions.
    private var firstFilter = [UInt64](repeating: 0, count: 64)
    /// The literals one of which every anchored branch has after the white space that starts
    /// the text, folded (nil: unknown, always try at 0).
    let atZero: [[UInt16]]?

    /// From `regex`'s ``RequiredLiterals/starts(of:)``; `nil` when the analysis knows nothing
    /// of where matches start, or when a match could start far before its literal (too many
    /// starts to try one by one). `folded`: the lead's literals already folded, if they are.
    init?(_ regex: String, starts: RequiredLiterals.Parser.Lead?, folded foldedLead: [[UInt16]]? = nil) {
        // `\G` matches where the search starts, which a search started at each position moves.
        // (Bytes compared: String.contains(String) cost 200,000 instructions a pattern.)
        let bytes = Array(regex.utf8)
        for k in bytes.indices.dropLast() where bytes[k] == UInt8(ascii: "\\") && bytes[k + 1] == UInt8(ascii: "G") { return nil }
        guard let lead = starts, lead.offset <= 8 else { return nil }
        let folded = Set(foldedLead ?? lead.literals.map(LiteralScanner.foldLiteral))
        let atZero = lead.atZero.map { $0.map(LiteralScanner.foldLiteral) }
        // (A literal that folds to nothing would be everywhere.) With no leading literal every
        // branch is anchored (the analysis gives up on a branch that has neither): matches can
        // start only at 0, whether or not the literals after `^` are known. Without starts ICU
        // searched such a pattern from every position, each failing at `^` in every branch: 250
        // microseconds for an organisation-boilerplate pattern of two dozen branches on a
        // 400-character paragraph, against one try at 0.
        guard !folded.contains([]), !(atZero?.contains([]) ?? false), !folded.isEmpty || atZero != nil || lead.anchored else { return nil }
        self.init(offset: lead.offset, anchored: lead.anchored, literals: folded.sorted { $0.lexicographicallyPrecedes($1) }, atZero: atZero)
    }

    /// From its parts (as ``LiteralAnalysis`` stores them): `literals` folded and sorted.
    init(offset: Int, anchored: Bool, literals: [[UInt16]], atZero: [[UInt16]]?) {
        self.offset = offset
        self.anchored = anchored
        self.atZero = atZero
        self.literals = literals
        var units: [UInt16] = [], ranges: [Range<Int>] = []
        for (k, l) in literals.enumerated() {
            if units.last == l[0] {
                ranges[ranges.count - 1] = ranges[ranges.count - 1].lowerBound..<(k + 1)
            } else {
                units.append(l[0])
                ranges.append(k..<(k + 1))
                firstFilter[Int(l[0] & 4095) >> 6] |= 1 << UInt64(l[0] & 63)
            }
        }
        firstUnits = units
        self.ranges = ranges
    }

    /// Whether an anchored branch may match at 0 of `text` (UTF-16, as ICU sees it), `folded`
    /// being its case folding with the same positions.
    func anchoredMayMatch(_ text: UnsafeBufferPointer<UInt16>, folded: UnsafeBufferPointer<UInt16>) -> Bool {
        guard anchored else { return false }
        guard let atZero else { return true }
        // The literal starts at the first character that is not white space (no literal starts
        // with white space). Tab, line feed, form feed, carriage return and space are white space
        // to `\s` by ICU's documented definition ([\t\n\f\r\p{Z}]) and by White_Space; a character
        // that is neither White_Space nor in Z is none to either. Any other is left to ICU.
        var j = 0
        let n = text.count
        while j < n {
            let c = text[j]
            if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0C || c == 0x0D { j += 1; continue }
            if c < 0x80 { if c == 0x0B { return true }; break }
            if (0xD800..<0xE000).contains(c) { break }   // not white space (all of it is in the BMP)
            if Unicode.Scalar(c)!.properties.isWhitespace { return true }
            break
        }
        if j == n { return false }
        for l in atZero where j + l.count <= n {
            var k = 0
            while k < l.count && folded[j + k] == l[k] { k += 1 }
            if k == l.count { return true }
        }
        return false
    }

    /// What ``tryStarts(in:folded:from:skippingZero:_:)`` found.
    enum Outcome: Equatable {
        case matched, noMatch
        /// `body` returned nil (ICU gave up: a search from the first start would have too).
        case stopped
        /// Too many starts: none before this position matched; a search from it decides.
        case searchFrom(Int)
    }

    /// Calls `body` with each position where a match of a branch not anchored can start, in
    /// increasing order, from the first leading literal at or after `from` on (and 0 only if
    /// not `skippingZero`), until it returns true (a match starts there) or nil (stop).
    ///
    /// After `8 + n / 8` positions it stops: a frequent literal ("es") gives so many that ICU's
    /// own scan is cheaper.
    ///
    /// Positions inside a surrogate pair of `text` are skipped: a search never starts there.
    func tryStarts(in text: UnsafeBufferPointer<UInt16>, folded: UnsafeBufferPointer<UInt16>, from: Int, skippingZero: Bool,
                   _ body: (Int) -> Bool?) -> Outcome {
        let n = folded.count
        var budget = 8 + (n - from) / 8
        var next = skippingZero ? 1 : 0
        var q = from
        while q < n {
            let c = folded[q]
            if firstFilter[Int(c & 4095) >> 6] & (1 << UInt64(c & 63)) != 0, let r = bucket(c) {
                for l in literals[r] where q + l.count <= n {
                    var k = 1
                    while k < l.count && folded[q + k] == l[k] { k += 1 }
                    guard k == l.count else { continue }
                    var p = max(q - offset, next)
                    while p <= q {
                        if p > 0 && text[p] & 0xFC00 == 0xDC00 && text[p - 1] & 0xFC00 == 0xD800 { p += 1; continue }
                        if budget == 0 { return .searchFrom(p) }
                        budget -= 1
                        switch body(p) {
                        case true: return .matched
                        case nil: return .stopped
                        default: break
                        }
                        p += 1
                    }
                    next = q + 1
                    break
                }
            }
            q += 1
        }
        return .noMatch
    }

    private func bucket(_ c: UInt16) -> Range<Int>? {
        var lo = 0, hi = firstUnits.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if firstUnits[mid] < c { lo = mid + 1 } else { hi = mid }
        }
        return lo < firstUnits.count && firstUnits[lo] == c ? ranges[lo] : nil
    }
}
