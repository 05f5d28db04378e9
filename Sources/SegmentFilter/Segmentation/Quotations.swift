/// Quoted speech inside a paragraph.
///
/// An article quotes people in their own language ("«Masaya kami,» she told the crowd in
/// Tagalog"): the quotation is part of the article, and the language the paragraph is written
/// in is the language around the quotations.
enum Quotations {
    /// The paragraph's bytes with every closed quotation (between `"` and `"`, `“` and `”`,
    /// `„` and `“` or `”`, `«` and `»`, `「` and `」`) replaced by one space, or `nil` when it
    /// has none. An opening mark that is never closed quotes nothing.
    static func outside(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var out: [UInt8] = []
        var i = 0, copied = 0
        var found = false
        let n = bytes.count
        while i < n {
            guard let (closers, width) = opening(bytes, i) else { i += 1; continue }
            // The nearest closing mark of this kind, if any.
            var j = i + width
            var end = -1, endWidth = 0
            while j < n {
                if let w = closing(bytes, j, closers) { end = j; endWidth = w; break }
                j += 1
            }
            guard end >= 0 else { i += width; continue }
            if !found { out.reserveCapacity(n) }
            found = true
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<i]))
            out.append(0x20)
            i = end + endWidth
            copied = i
        }
        guard found else { return nil }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<n]))
        return out
    }

    /// Whether the paragraph opens (after blanks) with a quotation mark: `"`, `“`, `„`, `«`,
    /// `「`, or one of the marks some languages open with (`'`, `‘`, `‚`, `»`, `”`, `『`).
    static func opensWithQuotation(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let i = leadingBlanks(bytes)
        guard i < bytes.count else { return false }
        if opening(bytes, i) != nil { return true }
        switch bytes[i] {
        case 0x27: return true
        case 0xC2: return i + 1 < bytes.count && bytes[i + 1] == 0xBB                                         // »
        case 0xE2: return i + 2 < bytes.count && bytes[i + 1] == 0x80 && [0x98, 0x9A, 0x9D].contains(bytes[i + 2]) // ‘ ‚ ”
        case 0xE3: return i + 2 < bytes.count && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x8E                  // 『
        default: return false
        }
    }

    // The closing marks (UTF-8) of each kind of opening mark.
    private static let straight: [[UInt8]] = [[0x22]]
    private static let guillemet: [[UInt8]] = [[0xC2, 0xBB]]                     // «  »
    private static let curly: [[UInt8]] = [[0xE2, 0x80, 0x9D]]                   // “  ”
    private static let low: [[UInt8]] = [[0xE2, 0x80, 0x9C], [0xE2, 0x80, 0x9D]] // „  “ or ”
    private static let corner: [[UInt8]] = [[0xE3, 0x80, 0x8D]]                  // 「  」

    /// The quotation marks that close the one opening at `i` (as UTF-8), and its length.
    private static func opening(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> ([[UInt8]], Int)? {
        switch b[i] {
        case 0x22: return (straight, 1)
        case 0xC2 where i + 1 < b.count && b[i + 1] == 0xAB: return (guillemet, 2)
        case 0xE2 where i + 2 < b.count && b[i + 1] == 0x80 && b[i + 2] == 0x9C: return (curly, 3)
        case 0xE2 where i + 2 < b.count && b[i + 1] == 0x80 && b[i + 2] == 0x9E: return (low, 3)
        case 0xE3 where i + 2 < b.count && b[i + 1] == 0x80 && b[i + 2] == 0x8C: return (corner, 3)
        default: return nil
        }
    }

    private static func closing(_ b: UnsafeBufferPointer<UInt8>, _ j: Int, _ closers: [[UInt8]]) -> Int? {
        for c in closers where j + c.count <= b.count {
            var k = 0
            while k < c.count && b[j + k] == c[k] { k += 1 }
            if k == c.count { return c.count }
        }
        return nil
    }
}
