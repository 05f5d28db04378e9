#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ICUShim
import SegfilterData

/// Per-identifier memory of tokens already scored (exact: a token's contribution does not
/// depend on where it occurs).
extension LanguageIdentifier {
    /// Per-token contributions of the tokens met at least twice, per identifier (so per worker):
    /// an open-addressing table from a token's word hash to its slot in `vectors`. Never
    /// cleared: the first `capacity` repeated tokens stay (8 MB of vectors at most, touched as
    /// they fill).
    final class TokenCache {
        static let capacity = 32768
        static let slotBits = 16
        var count = 0
        /// Per token, its weights in every lane (`LanguageModel.lanes` u16, in units of the
        /// model's step) and the largest of them.
        let vectors: UnsafeMutablePointer<UInt16>
        let maxima: UnsafeMutablePointer<UInt16>
        /// Per slot, the top 48 bits of a word hash and its vector's index + 1 in the low 16
        /// (0: an empty slot): 8 bytes, so the table is 512 KB. (Two word hashes that share
        /// their top 48 bits would share a vector: once in 2^48 comparisons.)
        let slots: UnsafeMutablePointer<UInt64>

        init() {
            let size = TokenCache.capacity * LanguageModel.lanes
            vectors = UnsafeMutableRawPointer.allocate(byteCount: 2 * size, alignment: 64).bindMemory(to: UInt16.self, capacity: size)
            maxima = .allocate(capacity: TokenCache.capacity)
            // Zeroed by calloc: the pages cost nothing until used.
            slots = calloc(1 << TokenCache.slotBits, 8)!.bindMemory(to: UInt64.self, capacity: 1 << TokenCache.slotBits)
        }

        deinit {
            vectors.deallocate()
            maxima.deallocate()
            free(slots)
        }

        @inline(__always)
        func vector(_ slot: Int) -> UnsafeMutablePointer<UInt16> { vectors + slot &* LanguageModel.lanes }

        @inline(__always)
        func prefetch(_ hash: UInt64) { sf_prefetch(slots + home(hash)) }

        @inline(__always)
        func home(_ hash: UInt64) -> Int {
            Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - TokenCache.slotBits))
        }

        /// The slot of `hash`, or -1.
        @inline(__always)
        func find(_ hash: UInt64) -> Int32 {
            let mask = (1 << TokenCache.slotBits) - 1
            let key = hash & ~0xFFFF
            var i = home(hash)
            while true {
                let s = slots[i]
                if s == 0 || s & ~0xFFFF == key { return Int32(truncatingIfNeeded: s & 0xFFFF) &- 1 }
                i = (i &+ 1) & mask
            }
        }

        /// Adds `hash` (not present) with `slot`; at most `capacity` are ever added.
        @inline(__always)
        func insert(_ hash: UInt64, _ slot: Int32) {
            let mask = (1 << TokenCache.slotBits) - 1
            var i = home(hash)
            while slots[i] != 0 { i = (i &+ 1) & mask }
            slots[i] = hash & ~0xFFFF | UInt64(slot &+ 1)
        }
    }

    /// For tokens not in the token cache (met once, or past its capacity): the table entries of
    /// each token's features that have postings (`LanguageIdentifier.apply`'s lists), so that a
    /// repeated token costs its postings but not its hashing and table lookups. Cleared when
    /// full.
    final class EntryCache {
        static let slotBits = 16
        static let maxTokens = 1 << 15
        static let poolCapacity = 1 << 20
        struct Slot {
            var key: UInt64
            var value: UInt64
        }
        /// Word hash and value per slot.
        let slots: UnsafeMutablePointer<Slot>
        /// Pool offset << 17 | last is a word << 16 | length << 8 | list count, per slot; 0 for
        /// an empty slot.
        let pool: UnsafeMutablePointer<UInt32>
        let used: UnsafeMutablePointer<Int>

        init() {
            let n = 1 << EntryCache.slotBits
            // Zeroed (empty) by calloc: the pages cost nothing until used.
            slots = calloc(n, MemoryLayout<Slot>.stride)!.bindMemory(to: Slot.self, capacity: n)
            pool = .allocate(capacity: EntryCache.poolCapacity)
            used = .allocate(capacity: 2)
            used.initialize(repeating: 0, count: 2)
        }

        deinit {
            free(slots)
            pool.deallocate()
            used.deallocate()
        }

        @inline(__always)
        func home(_ hash: UInt64) -> Int {
            Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - EntryCache.slotBits))
        }

        @inline(__always)
        func prefetch(_ hash: UInt64) { sf_prefetch(slots + home(hash)) }

        /// The list of the token with this word hash and length, if kept.
        @inline(__always)
        func find(_ hash: UInt64, length m: Int) -> (UnsafePointer<UInt32>, Int, Bool)? {
            let mask = (1 << EntryCache.slotBits) - 1
            var i = home(hash)
            while true {
                let v = slots[i].value
                if v == 0 { return nil }
                if slots[i].key == hash {
                    guard Int((v >> 8) & 0xFF) == m else { return nil }
                    return (UnsafePointer(pool + Int(v >> 17)), Int(v & 0xFF), v & 0x1_0000 != 0)
                }
                i = (i &+ 1) & mask
            }
        }

        /// Keeps a list (of at most 255 entries) for a token not kept yet.
        @inline(__always)
        func insert(_ hash: UInt64, length m: Int, _ list: UnsafePointer<UInt32>, _ c: Int, lastIsWord: Bool) {
            guard c < 256, m < 256 else { return }
            if used[0] >= EntryCache.maxTokens || used[1] + c > EntryCache.poolCapacity {
                slots.update(repeating: Slot(key: 0, value: 0), count: 1 << EntryCache.slotBits)
                used[0] = 0
                used[1] = 0
            }
            let mask = (1 << EntryCache.slotBits) - 1
            var i = home(hash)
            while slots[i].value != 0 { i = (i &+ 1) & mask }
            let offset = used[1]
            (pool + offset).update(from: list, count: c)
            slots[i] = Slot(key: hash, value: UInt64(offset) << 17 | (lastIsWord ? 0x1_0000 : 0) | UInt64(m) << 8 | UInt64(c))
            used[0] += 1
            used[1] += c
        }
    }
}
