#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether `needle` occurs in `bytes` (`memchr` for its first byte, then a comparison: the
/// generic `Collection.contains(_:)` of a byte sequence cost about a million instructions a
/// call on a paragraph).
func containsBytes(_ bytes: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
    guard let first = needle.first else { return true }
    guard let base = bytes.baseAddress, bytes.count >= needle.count else { return false }
    let last = bytes.count - needle.count
    return needle.withUnsafeBufferPointer { n in
        var i = 0
        while i <= last {
            guard let hit = memchr(base + i, Int32(first), last - i + 1) else { return false }
            i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + i, n.baseAddress!, n.count) == 0 { return true }
            i += 1
        }
        return false
    }
}

/// UTF-8's byte order mark (U+FEFF), which Windows editors put before a file's first line.
let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

/// Calls `body` with each code point of `bytes`; false, part way, if they are not valid UTF-8.
@inline(__always)
func decodeUTF8(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (UInt32) -> Void) -> Bool {
    guard let p = bytes.baseAddress else { return true }
    let end = bytes.count
    var i = 0
    while i < end {
        let b0 = UInt32(p[i])
        if b0 < 0x80 {
            body(b0)
            i &+= 1
            continue
        }
        if b0 < 0xC2 || b0 > 0xF4 { return false }
        var v: UInt32
        if b0 < 0xF0 {
            guard let (bmp, length) = decodeMultibyteBMP(p, at: i, count: end) else { return false }
            v = bmp
            i &+= length
        } else {
            guard i + 3 < end else { return false }
            let b1 = UInt32(p[i + 1]), b2 = UInt32(p[i + 2]), b3 = UInt32(p[i + 3])
            guard b1 & 0xC0 == 0x80, b2 & 0xC0 == 0x80, b3 & 0xC0 == 0x80 else { return false }
            v = (b0 & 0x07) << 18 | (b1 & 0x3F) << 12 | (b2 & 0x3F) << 6 | (b3 & 0x3F)
            guard v >= 0x10000, v <= 0x10FFFF else { return false }
            i &+= 4
        }
        body(v)
    }
    return true
}

/// The code point of the two- or three-byte UTF-8 sequence at `p[i]` (of `count` bytes) and its
/// length; nil when the sequence is invalid (overlong, a surrogate, truncated) or is not a two-
/// or three-byte one (ASCII, a four-byte lead, a stray continuation byte).
@inline(__always)
func decodeMultibyteBMP(_ p: UnsafePointer<UInt8>, at i: Int, count end: Int) -> (value: UInt32, length: Int)? {
    let b0 = UInt32(p[i])
    if b0 >= 0xC2 && b0 < 0xE0 {
        guard i + 1 < end else { return nil }
        let b1 = UInt32(p[i + 1])
        guard b1 & 0xC0 == 0x80 else { return nil }
        return ((b0 & 0x1F) << 6 | (b1 & 0x3F), 2)
    }
    guard b0 >= 0xE0 && b0 <= 0xEF, i + 2 < end else { return nil }
    let b1 = UInt32(p[i + 1]), b2 = UInt32(p[i + 2])
    guard b1 & 0xC0 == 0x80, b2 & 0xC0 == 0x80 else { return nil }
    let v = (b0 & 0x0F) << 12 | (b1 & 0x3F) << 6 | (b2 & 0x3F)
    guard v >= 0x800, v & 0xF800 != 0xD800 else { return nil }
    return (v, 3)
}
