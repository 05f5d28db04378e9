#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ICUShim
import SegfilterData

/// Link-like words (URLs, addresses, paths), which identification leaves out: they carry no
/// language.
extension LanguageIdentifier {
    /// Words that are links, addresses or paths carry no language.
    static func isLinkLike<S: StringProtocol>(_ chunk: S) -> Bool {
        chunk.contains("://") || chunk.hasPrefix("www.") || (chunk.contains("@") && chunk.contains("."))
    }

    /// `isLinkLike` of the word of the code points `scalars[start..<end]`, where they decide
    /// it; nil where only the String's characters do. Each of `isLinkLike`'s tests compares
    /// characters, which needs the same code points in a row (no other character is
    /// canonically equivalent to `:`, `/`, `w`, `.` or `@`): a word without them is not
    /// link-like. A word of printable ASCII, one character per code point, is link-like
    /// exactly when it has them. Only the other words are built into a String and searched.
    static func isLinkLike(_ scalars: UnsafePointer<UInt32>, _ start: Int, _ end: Int) -> Bool? {
        var found = end - start >= 4 && scalars[start] == 0x77 && scalars[start + 1] == 0x77
            && scalars[start + 2] == 0x77 && scalars[start + 3] == 0x2E
        var at = false, dot = false, printableASCII = true
        for i in start..<end {
            let v = scalars[i]
            switch v {
            case 0x3A: if i + 2 < end && scalars[i + 1] == 0x2F && scalars[i + 2] == 0x2F { found = true }
            case 0x40: at = true
            case 0x2E: dot = true
            default: break
            }
            if v < 0x21 || v > 0x7E { printableASCII = false }
        }
        if !(found || (at && dot)) { return false }
        return printableASCII ? true : nil
    }

    /// A quick byte scan: only text with ':' followed by "//", "www." or '@' needs link removal.
    static func mayContainLinks(_ text: Substring) -> Bool {
        if let r = text.utf8.withContiguousStorageIfAvailable(mayContainLinks) { return r }
        return Array(text.utf8).withUnsafeBufferPointer(mayContainLinks)
    }

    static func mayContainLinks(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // From one '@', '/' or '.' to the next, 16 bytes at a time (C, SSE2).
        if let base = bytes.baseAddress {
            var i = sf_next_link_byte(base, 2, bytes.count)
            while i < bytes.count {
                if mayStartLink(bytes, i) { return true }
                i = sf_next_link_byte(base, i &+ 1, bytes.count)
            }
        }
        return bytes.first == UInt8(ascii: "@") || (bytes.count > 1 && bytes[1] == UInt8(ascii: "@"))
    }

    /// Whether the byte at `i` (at least 2) is '@' or ends "://" or "ww.".
    @inline(__always)
    static func mayStartLink(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let b = bytes[i]
        if b == UInt8(ascii: "@") { return true }
        if b == UInt8(ascii: "/") && bytes[i - 1] == UInt8(ascii: "/") && bytes[i - 2] == UInt8(ascii: ":") { return true }
        if b == UInt8(ascii: ".") && bytes[i - 1] == UInt8(ascii: "w") && bytes[i - 2] == UInt8(ascii: "w") { return true }
        return false
    }

    /// `mayContainLinks` a byte at a time (the reference for the tests).
    static func mayContainLinksScalar(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 2
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "@") { return true }
            if b == UInt8(ascii: "/") && bytes[i - 1] == UInt8(ascii: "/") && bytes[i - 2] == UInt8(ascii: ":") { return true }
            if b == UInt8(ascii: ".") && bytes[i - 1] == UInt8(ascii: "w") && bytes[i - 2] == UInt8(ascii: "w") { return true }
            i += 1
        }
        return bytes.first == UInt8(ascii: "@") || (bytes.count > 1 && bytes[1] == UInt8(ascii: "@"))
    }
}
