/// A built-in rule set's prefilter (``RuleMatcher/Prefilter``: the literal scanners of its
/// length tiers and each pattern's leading clause) as the bytes of its tables, stored in
/// `rules/prefilter.analysis` beside the patterns' analyses and copied into arrays at start-up.
///
/// Built from the patterns' analyses, the prefilter cost about half the instructions of a
/// process that filters one small document (57M of 104M: reading some 60,000 literals into
/// arrays of their own, hashing them into the scanner's tables, and restricting those to the
/// length tiers), and put start-up with one document over 20 ms. Copied from its image, a few
/// dozen arrays in all, it costs almost nothing. An image is found by the ``fingerprint(_:)`` of
/// the rule set's patterns, so a user's rule file, or an edited one, builds its prefilter as
/// before; and a stale image is never used, only missed.
enum PrefilterImage {
    /// FNV-1a over what the prefilter depends on: each pattern's regex and `maxChars`, in order.
    static func fingerprint(_ patterns: [RuleSet.Pattern]) -> UInt64 {
        // (Over each regex's contiguous UTF-8: iterating `String.utf8` cost 8M instructions, a
        // seventh of a small run.)
        var h = FeatureExtractor.fnvOffset
        func mix(_ bytes: UnsafeRawBufferPointer) {
            for b in bytes { h = (h ^ UInt64(b)) &* FeatureExtractor.fnvPrime }
        }
        func mix(_ v: Int) { withUnsafeBytes(of: Int64(v).littleEndian) { mix($0) } }
        for p in patterns {
            var regex = p.regex
            regex.withUTF8 { mix(UnsafeRawBufferPointer($0)) }
            mix(-1)   // (the regex ends)
            mix(p.maxChars)
        }
        mix(patterns.count)
        return h
    }

    /// Whether this platform reads images: they hold raw little-endian 64-bit arrays.
    static var supported: Bool {
        #if _endian(little)
        return MemoryLayout<Int>.size == 8
        #else
        return false
        #endif
    }
}

/// Writes arrays of plain values as their raw bytes, each after its count.
struct ImageWriter {
    var out: [UInt8] = []

    mutating func int(_ v: Int) { withUnsafeBytes(of: Int64(v).littleEndian) { out += $0 } }

    /// (For element types without padding bytes, whose raw bytes are then the same from one run
    /// to the next.)
    mutating func array<T: BitwiseCopyable>(_ a: [T]) {
        int(a.count)
        a.withUnsafeBytes { out += $0 }
    }
}

/// Reads what ``ImageWriter`` wrote: nil past the end.
struct ImageReader {
    let bytes: UnsafeRawBufferPointer
    var at = 0

    mutating func int() -> Int? {
        guard at + 8 <= bytes.count else { return nil }
        defer { at += 8 }
        return Int(Int64(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: Int64.self)))
    }

    mutating func array<T: BitwiseCopyable>() -> [T]? {
        let stride = MemoryLayout<T>.stride
        guard let n = int(), n >= 0, n <= (bytes.count - at) / stride else { return nil }
        let size = n * stride
        defer { at += size }
        return [T](unsafeUninitializedCapacity: n) { buffer, made in
            if size > 0 { UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[at..<(at + size)])) }
            made = n
        }
    }
}
