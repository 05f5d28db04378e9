import Glibc

/// The hits of paragraphs a worker has already matched, by their text.
///
/// Boilerplate repeats: the same licence line, "online help" line or newsletter prompt ends
/// many documents of one source (a tenth of the development documents' paragraphs are such
/// repeats, in documents of many languages), and those are the paragraphs whose patterns run
/// longest. A paragraph's hits depend only on its text and on which patterns are eligible for
/// it, so a repeat with the same eligible patterns reuses them.
struct HitCache {
    private struct Entry {
        var text: [UInt8]
        var eligible: [Int]
        var hits: [RuleSet.Pattern]
    }

    /// One entry per hash (a collision replaces the older), checked in full on lookup.
    private var entries: [UInt64: Entry] = [:]
    private var storedBytes = 0
    /// Bytes of text kept before the cache starts over (bounds a worker's memory).
    static let maxBytes = 4 << 20
    /// Paragraphs longer than this are not kept: boilerplate is short, and a long paragraph
    /// is rarely repeated.
    static let maxParagraphBytes = 4096

    func hits(_ text: UnsafeBufferPointer<UInt8>, hash: UInt64, eligible: [Int]) -> [RuleSet.Pattern]? {
        guard let e = entries[hash], e.text.count == text.count, e.eligible == eligible,
              text.isEmpty || e.text.withUnsafeBufferPointer({ memcmp($0.baseAddress!, text.baseAddress!, text.count) == 0 }) else { return nil }
        return e.hits
    }

    mutating func insert(_ text: UnsafeBufferPointer<UInt8>, hash: UInt64, eligible: [Int], hits: [RuleSet.Pattern]) {
        guard text.count <= HitCache.maxParagraphBytes else { return }
        if storedBytes + text.count > HitCache.maxBytes {
            entries.removeAll(keepingCapacity: true)
            storedBytes = 0
        }
        if let old = entries.updateValue(Entry(text: Array(text), eligible: eligible, hits: hits), forKey: hash) {
            storedBytes -= old.text.count
        }
        storedBytes += text.count
    }

    /// A 64-bit hash of the text (eight bytes at a time), to look it up by.
    static func hash(_ text: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(text.count)
        guard let base = UnsafeRawPointer(text.baseAddress) else { return h }
        let n = text.count
        var i = 0
        @inline(__always) func mix(_ v: UInt64) {
            h = (h ^ v) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 29
        }
        while i + 8 <= n {
            mix(base.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < n {
            tail |= UInt64(text[i]) << shift
            shift += 8
            i += 1
        }
        mix(tail)
        return h ^ (h >> 32)
    }
}
