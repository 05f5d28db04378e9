import ICUShim

/// One pass over a paragraph that finds which patterns' required literals (``RequiredLiterals``)
/// occur in it, so that only those patterns' regexes run. A pattern can need several literal
/// sets at once (its clauses); it runs only when each of them has a literal in the text.
///
/// Text and literals are compared after ICU's full case folding, which is what ICU's
/// case-insensitive matching compares too. Two-unit literals are looked up by their units, longer
/// ones by their first three, in open-addressing tables behind 64-kbit filters (on the first two
/// units of two-unit literals, the first three of longer ones) that reject almost every position.
/// (Keyed by two units, a position that passed compared a dozen literals on average: "co" starts
/// 40 of them.)
struct LiteralScanner {
    /// Per pattern: whether it has a prefilter (if not, it always runs).
    let filtered: [Bool]
    /// Per pattern `p`: the ids of its clauses, `clauseIDs[clauseStarts[p]..<clauseStarts[p + 1]]`
    /// (one flat array: the check after each scan reads them for every pattern).
    private var clauseIDs: [Int32] = []
    private var clauseStarts: [Int32] = [0]
    private var clauseCount = 0
    /// One bit per UTF-16 unit that is a one-unit literal (exact), and per hash of a literal's
    /// first two units.
    private var pairFilter = [UInt64](repeating: 0, count: 1024)
    /// One bit per hash of the first three units of a literal of three or more units (the
    /// pair filter then only holds two-unit literals): far fewer text positions pass it.
    private var tripleFilter = [UInt64](repeating: 0, count: 1024)
    private var singleFilter = [UInt64](repeating: 0, count: 1024)
    /// One bit per UTF-16 unit that starts a literal (exact). Outside ASCII (most of the text
    /// in most languages) it rejects most positions with one test instead of three hashed ones.
    private var firstFilter = [UInt64](repeating: 0, count: 1024)
    /// For a text position whose two units are ASCII, the exact form of the filters: per pair
    /// `c0 << 7 | c1`, bit 0 when a two-unit literal is that pair, bit 1 when a longer literal
    /// starts with it (the triple filter then decides), bit 2 when `c0` is a one-unit literal.
    /// Most text is ASCII, and one table load replaces three filter tests.
    private var asciiPairs = [UInt8](repeating: 0, count: 1 << 14)
    /// The one-unit literals: unit and clause, sorted by unit; `singleUnits[k]`'s clauses are
    /// `singles[singleRanges[k]]`. (A dash or a middle dot starts a literal of a dozen clauses,
    /// and news text is full of them: each occurrence looks at its own unit's clauses only.)
    private var singles: [(unit: UInt16, clause: Int32)] = []
    private var singleUnits: [UInt16] = []
    private var singleRanges: [Range<Int>] = []
    /// The literals of two or more units, grouped by their first two units (two-unit literals)
    /// or three (longer ones): an open-addressing table from `key + 1` (0: empty) to a range of
    /// `entries`. A key is `c0 << 16 | c1` for two units, `1 << 48 | c0 << 32 | c1 << 16 | c2`
    /// for three.
    private var pairKeys: [UInt64] = []
    private var pairRanges: [(start: Int32, end: Int32)] = []
    /// Each literal of the table: its units in `units` (from `start`, `count` of them) and its
    /// clause.
    private var entries: [(start: Int32, count: Int32, clause: Int32)] = []
    private var units: [UInt16] = []
    /// The clauses that hold a literal found in almost any text (``ubiquitous(_:)``): taken as
    /// found at 0 without looking. Looked up, such a literal cost a search at every space or
    /// letter "a" of every paragraph, and told nothing.
    private var everywhere: [Int32] = []

    /// One required literal set per pattern (`nil`: no prefilter).
    init(_ literals: [Set<String>?]) {
        self.init(clauses: literals.map { $0.map { [$0] } })
    }

    /// Per pattern, the literal sets it needs, all of them (`nil`: no prefilter).
    init(clauses: [[Set<String>]?]) {
        self.init(folded: clauses.map { $0?.map { $0.map(LiteralScanner.foldLiteral) } })
    }

    /// `init(clauses:)` from the clauses' literals already case-folded (`foldLiteral`; the
    /// prefilter reads them folded from ``PreparedPattern``).
    init(folded clauses: [[[[UInt16]]]?]) {
        filtered = clauses.map { $0 != nil && !$0!.isEmpty }
        // The literals of two or more units, each with its table key's group (numbered in the
        // order the keys first occur) and its clause; grouped by one stable counting sort below
        // (a dictionary of arrays, one per key, was most of the construction's cost).
        var groupOf: [UInt64: Int32] = [:]
        var groupKeys: [UInt64] = []
        var long: [(group: Int32, literal: [UInt16], clause: Int32)] = []
        for sets in clauses {
            for set in sets ?? [] {
                clauseIDs.append(Int32(clauseCount))
                if set.contains(where: LiteralScanner.ubiquitous) {
                    everywhere.append(Int32(clauseCount))
                    clauseCount += 1
                    continue
                }
                for units in set {
                    guard let c0 = units.first else { continue }
                    firstFilter[Int(c0) >> 6] |= 1 << (UInt64(c0) & 63)
                    if units.count == 1 {
                        singles.append((c0, Int32(clauseCount)))
                        singleFilter[Int(c0) >> 6] |= 1 << (UInt64(c0) & 63)
                    } else {
                        let c1 = units[1]
                        let key = units.count == 2 ? LiteralScanner.pairKey(c0, c1) : LiteralScanner.tripleKey(c0, c1, units[2])
                        let group: Int32
                        if let g = groupOf[key] {
                            group = g
                        } else {
                            group = Int32(groupKeys.count)
                            groupOf[key] = group
                            groupKeys.append(key)
                        }
                        long.append((group, units, Int32(clauseCount)))
                        if units.count == 2 {
                            let h = LiteralScanner.pairHash(c0, c1)
                            pairFilter[h >> 6] |= 1 << UInt64(h & 63)
                        } else {
                            let h = LiteralScanner.tripleHash(c0, c1, units[2])
                            tripleFilter[h >> 6] |= 1 << UInt64(h & 63)
                        }
                        if c0 < 0x80 && c1 < 0x80 { asciiPairs[Int(c0) << 7 | Int(c1)] |= units.count == 2 ? 1 : 2 }
                    }
                }
                clauseCount += 1
            }
            clauseStarts.append(Int32(clauseIDs.count))
        }
        for s in singles where s.unit < 0x80 {
            for c1 in 0..<128 { asciiPairs[Int(s.unit) << 7 | c1] |= 4 }
        }
        // (Stable: a unit's clauses stay in the order they were given.)
        singles = singles.enumerated().sorted { ($0.element.unit, $0.offset) < ($1.element.unit, $1.offset) }.map(\.element)
        for (k, e) in singles.enumerated() {
            if singleUnits.last == e.unit {
                singleRanges[singleRanges.count - 1] = singleRanges[singleRanges.count - 1].lowerBound..<(k + 1)
            } else {
                singleUnits.append(e.unit)
                singleRanges.append(k..<(k + 1))
            }
        }
        // Each group's first entry, then the literals in group order (within a group, in the
        // order given).
        var groupStart = [Int32](repeating: 0, count: groupKeys.count + 1)
        for e in long { groupStart[Int(e.group) + 1] += 1 }
        for g in 0..<groupKeys.count { groupStart[g + 1] += groupStart[g] }
        var slotOf = groupStart
        var order = [Int](repeating: 0, count: long.count)
        for (k, e) in long.enumerated() {
            order[Int(slotOf[Int(e.group)])] = k
            slotOf[Int(e.group)] += 1
        }
        entries.reserveCapacity(long.count)
        units.reserveCapacity(long.reduce(0) { $0 + $1.literal.count })
        for k in order {
            entries.append((Int32(units.count), Int32(long[k].literal.count), long[k].clause))
            units.append(contentsOf: long[k].literal)
        }
        var size = 16
        while size < 2 * groupKeys.count { size *= 2 }
        pairKeys = [UInt64](repeating: 0, count: size)
        pairRanges = [(start: Int32, end: Int32)](repeating: (0, 0), count: size)
        for (g, key) in groupKeys.enumerated() {
            var i = LiteralScanner.pairSlot(key, size - 1)
            while pairKeys[i] != 0 { i = (i + 1) & (size - 1) }
            pairKeys[i] = key + 1
            pairRanges[i] = (groupStart[g], groupStart[g + 1])
        }
    }

    /// A folded literal that almost any paragraph holds: one ASCII letter, digit, space, full
    /// stop or comma.
    static func ubiquitous(_ literal: [UInt16]) -> Bool {
        guard literal.count == 1, let c = literal.first, c < 0x80 else { return false }
        return (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) || c == 0x20 || c == 0x2E || c == 0x2C
    }

    @inline(__always)
    private static func pairHash(_ a: UInt16, _ b: UInt16) -> Int {
        Int((UInt32(a) &* 0x9E37 ^ UInt32(b) &* 0x3B) & 0xFFFF)
    }

    @inline(__always)
    private static func tripleHash(_ a: UInt16, _ b: UInt16, _ c: UInt16) -> Int {
        Int(((UInt32(a) << 16 | UInt32(b)) &* 0x9E37_79B1 ^ UInt32(c) &* 0x85EB_CA77) >> 16)
    }

    @inline(__always)
    private static func pairSlot(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
    }

    @inline(__always)
    private static func pairKey(_ a: UInt16, _ b: UInt16) -> UInt64 { UInt64(a) << 16 | UInt64(b) }

    @inline(__always)
    private static func tripleKey(_ a: UInt16, _ b: UInt16, _ c: UInt16) -> UInt64 {
        1 << 48 | UInt64(a) << 32 | UInt64(b) << 16 | UInt64(c)
    }

    /// `fold(Array(literal.utf16))`, without ICU for an ASCII literal (full case folding maps
    /// only A-Z there).
    static func foldLiteral(_ literal: String) -> [UInt16] {
        var literal = literal
        return literal.withUTF8 { bytes in
            if !bytes.contains(where: { $0 >= 0x80 }) { return bytes.map { UInt16($0 &- 0x41 < 26 ? $0 | 0x20 : $0) } }
            // Straight from UTF-8 (as `fold`, the text itself if ICU fails).
            var out = [UInt16](repeating: 0, count: 3 * bytes.count + 16)
            let n = bytes.withMemoryRebound(to: CChar.self) { b in
                out.withUnsafeMutableBufferPointer { sf_fold8(b.baseAddress, Int32(b.count), $0.baseAddress, Int32($0.count)) }
            }
            guard n >= 0 else { return Array(String(decoding: bytes, as: UTF8.self).utf16) }
            out.removeSubrange(Int(n)...)
            return out
        }
    }

    /// ICU full case folding of UTF-16 text (or the text itself if ICU fails).
    static func fold(_ text: [UInt16]) -> [UInt16] {
        var out = [UInt16](repeating: 0, count: text.count * 3 + 16)
        let n = text.withUnsafeBufferPointer { t in
            out.withUnsafeMutableBufferPointer { o in sf_fold16(t.baseAddress, Int32(t.count), o.baseAddress, Int32(o.count)) }
        }
        guard n >= 0 else { return text }
        out.removeSubrange(Int(n)...)
        return out
    }

    /// Marks in `found` every pattern that has a literal of each of its clauses in `folded`
    /// (case-folded text).
    func scan(_ folded: [UInt16], into found: inout [Bool]) {
        folded.withUnsafeBufferPointer { scan($0, into: &found) }
    }

    func scan(_ folded: UnsafeBufferPointer<UInt16>, into found: inout [Bool]) {
        var hit: [Int32] = []
        scan(folded, into: &found, clauses: &hit)
    }

    /// `scan`, with `hit` as the per-clause scratch (its storage reused): afterwards it holds,
    /// per clause, where in `folded` the first of its literals starts (-1: none occurs).
    func scan(_ folded: UnsafeBufferPointer<UInt16>, into found: inout [Bool], clauses hit: inout [Int32]) {
        if hit.count == clauseCount {
            hit.withUnsafeMutableBufferPointer { $0.update(repeating: -1) }
        } else {
            hit = [Int32](repeating: -1, count: clauseCount)
        }
        for c in everywhere { hit[Int(c)] = 0 }
        hit.withUnsafeMutableBufferPointer { hit in
            scanClauses(folded, into: hit)
            filtered.withUnsafeBufferPointer { filtered in
            clauseIDs.withUnsafeBufferPointer { ids in
            clauseStarts.withUnsafeBufferPointer { starts in
            found.withUnsafeMutableBufferPointer { found in
                for p in 0..<filtered.count where filtered[p] && !found[p] {
                    var all = true
                    for j in Int(starts[p])..<Int(starts[p &+ 1]) where hit[Int(ids[j])] < 0 { all = false; break }
                    if all { found[p] = true }
                }
            }}}}
        }
    }

    /// The id of a pattern's `k`th clause (as given to `init`).
    func clauseID(pattern: Int, _ k: Int) -> Int { Int(clauseIDs[Int(clauseStarts[pattern]) + k]) }

    /// Records in `found` the first position of each clause's literals (positions only grow).
    private func scanClauses(_ t: UnsafeBufferPointer<UInt16>, into found: UnsafeMutableBufferPointer<Int32>) {
        let n = t.count
        guard n > 0 else { return }
        singleFilter.withUnsafeBufferPointer { singleFilter in
        firstFilter.withUnsafeBufferPointer { firstFilter in
        pairFilter.withUnsafeBufferPointer { pairFilter in
        tripleFilter.withUnsafeBufferPointer { tripleFilter in
        pairKeys.withUnsafeBufferPointer { pairKeys in
        pairRanges.withUnsafeBufferPointer { pairRanges in
        entries.withUnsafeBufferPointer { entries in
        units.withUnsafeBufferPointer { units in
        asciiPairs.withUnsafeBufferPointer { asciiPairs in
            let mask = pairKeys.count - 1
            var c0 = t[0]
            var p = 0
            @inline(__always) func single(_ c0: UInt16, _ p: Int) {
                // The filters passed c0 only if it is a one-unit literal: find its clauses.
                var lo = 0, hi = singleUnits.count
                while lo < hi {
                    let mid = (lo &+ hi) >> 1
                    if singleUnits[mid] < c0 { lo = mid &+ 1 } else { hi = mid }
                }
                guard lo < singleUnits.count, singleUnits[lo] == c0 else { return }
                for j in singleRanges[lo] where found[Int(singles[j].clause)] < 0 { found[Int(singles[j].clause)] = Int32(truncatingIfNeeded: p) }
            }
            while p < n {
                guard p + 1 < n else {
                    if singleFilter[Int(c0) >> 6] & (1 << (UInt64(c0) & 63)) != 0 { single(c0, p) }
                    break
                }
                let c1 = t[p + 1]
                // Whether a two-unit literal is (c0, c1), and whether a longer one may start here.
                var two: Bool, three = false
                if c0 | c1 < 0x80 {
                    let a = asciiPairs[Int(c0) << 7 | Int(c1)]
                    if a == 0 {
                        // Nothing starts here (most positions).
                        c0 = c1
                        p += 1
                        continue
                    }
                    if a & 4 != 0 { single(c0, p) }
                    two = a & 1 != 0
                    if a & 2 != 0 && p + 2 < n {
                        let h3 = LiteralScanner.tripleHash(c0, c1, t[p + 2])
                        three = tripleFilter[h3 >> 6] & (1 << UInt64(h3 & 63)) != 0
                    }
                } else {
                    if firstFilter[Int(c0) >> 6] & (1 << (UInt64(c0) & 63)) == 0 {
                        c0 = c1
                        p += 1
                        continue
                    }
                    if singleFilter[Int(c0) >> 6] & (1 << (UInt64(c0) & 63)) != 0 { single(c0, p) }
                    let h = LiteralScanner.pairHash(c0, c1)
                    two = pairFilter[h >> 6] & (1 << UInt64(h & 63)) != 0
                    if p + 2 < n {
                        let h3 = LiteralScanner.tripleHash(c0, c1, t[p + 2])
                        three = tripleFilter[h3 >> 6] & (1 << UInt64(h3 & 63)) != 0
                    }
                }
                @inline(__always) func lookUp(_ key: UInt64, from k0: Int) {
                    var i = LiteralScanner.pairSlot(key, mask)
                    while true {
                        let k = pairKeys[i]
                        if k == 0 { return }
                        if k == key &+ 1 {
                            let r = pairRanges[i]
                            for j in Int(r.start)..<Int(r.end) {
                                let e = entries[j]
                                let clause = Int(e.clause), count = Int(e.count)
                                if found[clause] >= 0 || p + count > n { continue }
                                let u = Int(e.start)
                                var k = k0
                                while k < count && t[p + k] == units[u + k] { k += 1 }
                                if k == count { found[clause] = Int32(truncatingIfNeeded: p) }
                            }
                            return
                        }
                        i = (i + 1) & mask
                    }
                }
                if two { lookUp(LiteralScanner.pairKey(c0, c1), from: 2) }
                if three { lookUp(LiteralScanner.tripleKey(c0, c1, t[p + 2]), from: 3) }
                c0 = c1
                p += 1
            }
        }}}}}}}}}
    }
}
