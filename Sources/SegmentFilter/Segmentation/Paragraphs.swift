/// Paragraph boundaries of a document, as byte ranges of its UTF-8 text.
///
/// When a document contains a blank line, paragraphs are the blank-line-separated blocks (lines
/// inside a block are wrapped text); otherwise every non-empty line is a paragraph. A line
/// ends at LF, CRLF or a lone CR. A line that holds only white space counts as blank.
///
/// Each range starts at the paragraph's first byte and ends after its last non-newline byte;
/// the separators between paragraphs belong to no paragraph, so a cut placed at a paragraph's
/// start leaves the preceding separator with the primary content.
public enum ParagraphSplitter {
    public static func paragraphs(in bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        let lines = Self.lines(in: bytes)
        let hasBlankLine = lines.contains { $0.isBlank } && lines.contains { !$0.isBlank }
        var result: [Range<Int>] = []
        result.reserveCapacity(lines.count)
        if hasBlankLine {
            var blockStart: Int? = nil
            var blockEnd = 0
            for line in lines {
                if line.isBlank {
                    if let s = blockStart { result.append(s..<blockEnd); blockStart = nil }
                } else {
                    if blockStart == nil { blockStart = line.content.lowerBound }
                    blockEnd = line.content.upperBound
                }
            }
            if let s = blockStart { result.append(s..<blockEnd) }
        } else {
            for line in lines where !line.isBlank { result.append(line.content) }
        }
        return result
    }

    struct Line {
        /// The line's bytes without its terminator.
        var content: Range<Int>
        var isBlank: Bool
    }

    static func lines(in bytes: UnsafeBufferPointer<UInt8>) -> [Line] {
        var lines: [Line] = []
        // Room for a typical document's lines at once.
        lines.reserveCapacity(16)
        var start = 0
        var blank = true
        var i = 0
        let n = bytes.count
        let lo: UInt64 = 0x0101_0101_0101_0101, hi: UInt64 = 0x8080_8080_8080_8080
        while i < n {
            // Inside a line that is already non-blank, skip eight bytes at a time while none of
            // them is a CR or an LF.
            if !blank, let base = bytes.baseAddress {
                while i &+ 8 <= n {
                    let x = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                    let a = x ^ (lo &* 0x0A), c = x ^ (lo &* 0x0D)
                    if ((a &- lo) & ~a | (c &- lo) & ~c) & hi != 0 { break }
                    i &+= 8
                }
                if i >= n { break }
            }
            let b = bytes[i]
            if b == 0x0A || b == 0x0D {
                lines.append(Line(content: start..<i, isBlank: blank))
                if b == 0x0D && i + 1 < n && bytes[i + 1] == 0x0A { i += 1 }
                i += 1
                start = i
                blank = true
                continue
            }
            // Space, tab, vertical tab, form feed and NUL do not make a line non-blank. Non-ASCII
            // spaces (NBSP, ideographic space) do: a line of them is rare and keeping it is safe.
            if blank && !(b == 0x20 || b == 0x09 || b == 0x0B || b == 0x0C || b == 0x00) { blank = false }
            i += 1
        }
        if start < n { lines.append(Line(content: start..<n, isBlank: blank)) }
        return lines
    }
}
