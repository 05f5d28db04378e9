import ICUShim

/// One pass over a paragraph that finds which patterns' required literals (``RequiredLiterals``)
/// occur in it, so that only those patterns' regexes run. A pattern can need several literal
/// sets at once (its clauses); it runs only when each of them has a literal in the text.
///
/// Text and literals are compared after ICU's full case folding, which is what ICU's
/// case-insensitive matching compares too. Each distinct literal is looked up once, whatever
/// the number of clauses that hold it ("©" is in a dozen). Literals of two and three units are
/// looked up whole, by their units; longer ones by their first four, and then compared. Each
/// kind sits in an open-addressing table behind a 64-kbit filter that rejects almost every
/// position. (Keyed by three units, a position that passed compared a dozen literals on
/// average: "the", "por" and "ver" start dozens of them.)
struct LiteralScanner {
    /// Per pattern: whether it has a prefilter (if not, it always runs).
    let filtered: [Bool]
    /// Per pattern `p`: the ids of its clauses, `clauseIDs[clauseStarts[p]..<clauseStarts[p + 1]]`
    /// (one flat array: the check after each scan reads them for every pattern).
    private var clauseIDs: [Int32] = []
    private var clauseStarts: [Int32] = [0]
    private var clauseCount = 0
    /// Per pattern `p`: its clauses `clauseIDs[clauseStarts[p]..<sharedEnd[p]]` are needed by
    /// every match; after them come its branches' (``PreparedPattern/branches``), of which it
    /// needs those of one branch: branch `b` of `branchStarts[p]..<branchStarts[p + 1]` needs
    /// `branchClauseIDs[branchBounds[b]..<branchBounds[b + 1]]`.
    private var sharedEnd: [Int32] = []
    private var branchStarts: [Int32] = [0]
    private var branchBounds: [Int32] = [0]
    private var branchClauseIDs: [Int32] = []
    /// Per branch: its pattern; per clause `c`, the branches that list it,
    /// `clauseBranches[clauseBranchStarts[c]..<clauseBranchStarts[c + 1]]`. A scan counts, for
    /// the clauses it found, their branches' found clauses, which costs little where deciding
    /// every branch of every candidate pattern (1,500 of them) was a tenth of the filter's time.
    private var branchPattern: [Int32] = []
    private var clauseBranchStarts: [Int32] = []
    private var clauseBranches: [Int32] = []
    /// One bit per hash of a two-unit literal, of a three-unit one, and of the first four
    /// units of a longer one.
    private var pairFilter = [UInt64](repeating: 0, count: 1024)
    private var tripleFilter = [UInt64](repeating: 0, count: 1024)
    private var quadFilter = [UInt64](repeating: 0, count: 1024)
    private var singleFilter = [UInt64](repeating: 0, count: 1024)
    /// One bit per UTF-16 unit that starts a literal (exact). Outside ASCII (most of the text
    /// in most languages) it rejects most positions with one test instead of three hashed ones.
    private var firstFilter = [UInt64](repeating: 0, count: 1024)
    /// For a text position whose two units are ASCII, the exact form of the filters: per pair
    /// `c0 << 7 | c1`, bit 0 when a two-unit literal is that pair, bit 1 when a three-unit one
    /// starts with it, bit 3 when a longer one does (the hashed filters then decide), bit 2
    /// when `c0` is a one-unit literal. Most text is ASCII, and one table load replaces three
    /// filter tests.
    private var asciiPairs = [UInt8](repeating: 0, count: 1 << 14)
    /// The one-unit literals: unit and clause, sorted by unit; `singleUnits[k]`'s clauses are
    /// `singles[singleRanges[k]]`. (A dash or a middle dot starts a literal of a dozen clauses,
    /// and news text is full of them: each occurrence looks at its own unit's clauses only.)
    private var singles: [(unit: UInt16, clause: Int32)] = []
    private var singleUnits: [UInt16] = []
    private var singleRanges: [Range<Int>] = []
    /// The literals of two and three units: an open-addressing table from `key + 1` (0: empty)
    /// to the literal's clauses, `literalClauses[start..<end]`. A key is the literal's units,
    /// `c0 << 16 | c1` or `1 << 48 | c0 << 32 | c1 << 16 | c2`.
    private var shortKeys: [UInt64] = []
    private var shortClauses: [(start: Int32, end: Int32)] = []
    /// The literals of four units or more, grouped by their first four (`c0 << 48 | c1 << 32 |
    /// c2 << 16 | c3`, a table apart: that key takes all 64 bits): `quadKeys[i]` (its `taken`
    /// flag set) holds the group `long[quadGroups[i]]`.
    private var quadKeys: [UInt64] = []
    private var quadTaken: [Bool] = []
    private var quadGroups: [(start: Int32, end: Int32)] = []
    /// Each long literal: its units, `units[start..<start + count]`, and its clauses.
    private var long: [(start: Int32, count: Int32, clauses: Int32, clausesEnd: Int32)] = []
    private var units: [UInt16] = []
    /// The clauses of each literal of two or more units, one run per literal (in the order the
    /// literals were first met).
    private var literalClauses: [Int32] = []
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
    /// prefilter reads them folded from ``PreparedPattern``); `branches`, per pattern (or none
    /// at all), as ``PreparedPattern/branches``.
    init(folded clauses: [[[[UInt16]]]?], branches: [[[Int]]] = []) {
        filtered = clauses.map { $0 != nil && !$0!.isEmpty }
        // Each distinct literal of two or more units, numbered in the order first met, with
        // the clauses that hold it; found again through an open-addressing table of numbers
        // (a Dictionary keyed by the literals spent 100M instructions hashing them, four
        // times the rest of the construction).
        var literalTotal = 0
        for sets in clauses { for set in sets ?? [] { literalTotal += set.count } }
        var numberSize = 16
        while numberSize < 2 * literalTotal { numberSize *= 2 }
        var numbers = [Int32](repeating: -1, count: numberSize)
        var distinct: [[UInt16]] = []
        // (Literal, clause) pairs, one per occurrence; laid out per literal below (an array
        // of clauses per literal was tens of thousands of allocations).
        var memberships: [(literal: Int32, clause: Int32)] = []
        memberships.reserveCapacity(literalTotal)
        for (p, sets) in clauses.enumerated() {
            let first = clauseCount
            let split = p < branches.count ? branches[p] : []
            sharedEnd.append(Int32(clauseIDs.count + PreparedPattern.sharedClauses(sets?.count ?? 0, branches: split)))
            for b in split {
                branchClauseIDs += b.map { Int32(first + $0) }
                branchBounds.append(Int32(branchClauseIDs.count))
                branchPattern.append(Int32(p))
            }
            branchStarts.append(Int32(branchBounds.count - 1))
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
                        continue
                    }
                    var i = LiteralScanner.slot(LiteralScanner.hash(units), numberSize - 1)
                    while numbers[i] >= 0 && distinct[Int(numbers[i])] != units { i = (i + 1) & (numberSize - 1) }
                    if numbers[i] >= 0 {
                        // (A set holds a literal once, so a clause is never listed twice.)
                        memberships.append((numbers[i], Int32(clauseCount)))
                        continue
                    }
                    numbers[i] = Int32(distinct.count)
                    memberships.append((numbers[i], Int32(clauseCount)))
                    distinct.append(units)
                    let c1 = units[1]
                    switch units.count {
                    case 2:
                        LiteralScanner.set(&pairFilter, LiteralScanner.pairHash(c0, c1))
                        if c0 | c1 < 0x80 { asciiPairs[Int(c0) << 7 | Int(c1)] |= 1 }
                    case 3:
                        LiteralScanner.set(&tripleFilter, LiteralScanner.tripleHash(c0, c1, units[2]))
                        if c0 | c1 < 0x80 { asciiPairs[Int(c0) << 7 | Int(c1)] |= 2 }
                    default:
                        LiteralScanner.set(&quadFilter, LiteralScanner.quadHash(LiteralScanner.quadKey(units)))
                        if c0 | c1 < 0x80 { asciiPairs[Int(c0) << 7 | Int(c1)] |= 8 }
                    }
                }
                clauseCount += 1
            }
            clauseStarts.append(Int32(clauseIDs.count))
        }
        // Each clause's branches (a counting sort of the branches' clause lists).
        clauseBranchStarts = [Int32](repeating: 0, count: clauseCount + 1)
        for c in branchClauseIDs { clauseBranchStarts[Int(c) + 1] += 1 }
        for c in 0..<clauseCount { clauseBranchStarts[c + 1] += clauseBranchStarts[c] }
        var nextBranch = clauseBranchStarts
        clauseBranches = [Int32](repeating: 0, count: branchClauseIDs.count)
        for b in 0..<branchPattern.count {
            for j in Int(branchBounds[b])..<Int(branchBounds[b + 1]) {
                let c = Int(branchClauseIDs[j])
                clauseBranches[Int(nextBranch[c])] = Int32(b)
                nextBranch[c] += 1
            }
        }
        for s in singles where s.unit < 0x80 {
            for c1 in 0..<128 { asciiPairs[Int(s.unit) << 7 | c1] |= 4 }
        }
        // (Stable: a unit's clauses stay in the order they were given.)
        singles = singles.enumerated().sorted { ($0.element.unit, $0.offset) < ($1.element.unit, $1.offset) }.map(\.element)
        (singleUnits, singleRanges) = LiteralScanner.singleIndex(singles)
        // Each literal's clauses, `literalClauses[clauseStart[k]..<clauseStart[k + 1]]` (a stable
        // counting sort: a literal's clauses in the order given).
        var clauseStart = [Int32](repeating: 0, count: distinct.count + 1)
        for m in memberships { clauseStart[Int(m.literal) + 1] += 1 }
        for k in distinct.indices { clauseStart[k + 1] += clauseStart[k] }
        var next = clauseStart
        literalClauses = [Int32](repeating: 0, count: memberships.count)
        for m in memberships {
            literalClauses[Int(next[Int(m.literal)])] = m.clause
            next[Int(m.literal)] += 1
        }
        // The short literals' table: one slot per literal.
        (shortKeys, shortClauses) = LiteralScanner.shortTable(distinct.indices.filter { distinct[$0].count <= 3 }.map {
            (LiteralScanner.shortKey(distinct[$0]), (clauseStart[$0], clauseStart[$0 + 1]))
        })
        // The long literals, grouped by their first four units (numbered in the order the keys
        // first occur; within a group, in the order met) by one counting sort; the groups are
        // found through an open-addressing table of their numbers (a Dictionary, or sorting by
        // key, cost several times the rest of the construction at start-up).
        var groupKeys: [UInt64] = []
        var longOnes: [(group: Int32, literal: Int)] = []
        var groupSize = 16
        while groupSize < 2 * distinct.count { groupSize *= 2 }
        var groupOf = [Int32](repeating: -1, count: groupSize)
        for k in distinct.indices where distinct[k].count > 3 {
            let key = LiteralScanner.quadKey(distinct[k])
            var i = LiteralScanner.slot(key, groupSize - 1)
            while groupOf[i] >= 0 && groupKeys[Int(groupOf[i])] != key { i = (i + 1) & (groupSize - 1) }
            if groupOf[i] < 0 {
                groupOf[i] = Int32(groupKeys.count)
                groupKeys.append(key)
            }
            longOnes.append((groupOf[i], k))
        }
        var groupStart = [Int32](repeating: 0, count: groupKeys.count + 1)
        for e in longOnes { groupStart[Int(e.group) + 1] += 1 }
        for g in 0..<groupKeys.count { groupStart[g + 1] += groupStart[g] }
        var slotOf = groupStart
        var order = [Int](repeating: 0, count: longOnes.count)
        for e in longOnes {
            order[Int(slotOf[Int(e.group)])] = e.literal
            slotOf[Int(e.group)] += 1
        }
        long.reserveCapacity(order.count)
        units.reserveCapacity(order.reduce(0) { $0 + distinct[$1].count })
        for k in order {
            long.append((Int32(units.count), Int32(distinct[k].count), clauseStart[k], clauseStart[k + 1]))
            units.append(contentsOf: distinct[k])
        }
        (quadKeys, quadTaken, quadGroups) = LiteralScanner.quadTable(groupKeys.enumerated().map { g, key in (key, groupStart[g], groupStart[g + 1]) })
    }

    /// The one-unit literals' index: the distinct units of `singles` (sorted by unit), and
    /// each unit's run of entries.
    private static func singleIndex(_ singles: [(unit: UInt16, clause: Int32)]) -> ([UInt16], [Range<Int>]) {
        var units: [UInt16] = [], ranges: [Range<Int>] = []
        for (k, e) in singles.enumerated() {
            if units.last == e.unit {
                ranges[ranges.count - 1] = ranges[ranges.count - 1].lowerBound..<(k + 1)
            } else {
                units.append(e.unit)
                ranges.append(k..<(k + 1))
            }
        }
        return (units, ranges)
    }

    /// The open-addressing table of the literals of two and three units: per slot `key + 1`
    /// (0: empty) and the literal's run of clauses.
    private static func shortTable(_ entries: [(key: UInt64, run: (start: Int32, end: Int32))]) -> ([UInt64], [(start: Int32, end: Int32)]) {
        var size = 16
        while size < 2 * entries.count { size *= 2 }
        var keys = [UInt64](repeating: 0, count: size)
        var runs = [(start: Int32, end: Int32)](repeating: (0, 0), count: size)
        for e in entries {
            var i = slot(e.key, size - 1)
            while keys[i] != 0 { i = (i + 1) & (size - 1) }
            keys[i] = e.key + 1
            runs[i] = e.run
        }
        return (keys, runs)
    }

    /// The open-addressing table of the long literals' groups by their first four units: per
    /// slot the key, whether it is taken, and the group's run in `long`.
    private static func quadTable(_ groups: [(key: UInt64, start: Int32, end: Int32)]) -> ([UInt64], [Bool], [(start: Int32, end: Int32)]) {
        var size = 16
        while size < 2 * groups.count { size *= 2 }
        var keys = [UInt64](repeating: 0, count: size)
        var taken = [Bool](repeating: false, count: size)
        var runs = [(start: Int32, end: Int32)](repeating: (0, 0), count: size)
        for g in groups {
            var i = slot(g.key, size - 1)
            while taken[i] { i = (i + 1) & (size - 1) }
            keys[i] = g.key
            taken[i] = true
            runs[i] = (g.start, g.end)
        }
        return (keys, taken, runs)
    }

    /// This scanner for the patterns of `keep` only: the others keep their clause ids, with no
    /// literals in them (as if built with their clauses emptied, and it finds the same). Made
    /// from the tables of distinct literals this one already holds: building a scanner again
    /// spent most of its time finding those, and the prefilter wants three (its length tiers).
    func restricted(to keep: [Bool]) -> LiteralScanner {
        var kept = [Bool](repeating: false, count: clauseCount)
        for p in 0..<min(keep.count, filtered.count) where keep[p] {
            for j in Int(clauseStarts[p])..<Int(clauseStarts[p + 1]) { kept[Int(clauseIDs[j])] = true }
        }
        var r = self
        r.everywhere = everywhere.filter { kept[Int($0)] }
        r.pairFilter = [UInt64](repeating: 0, count: 1024)
        r.tripleFilter = r.pairFilter
        r.quadFilter = r.pairFilter
        r.singleFilter = r.pairFilter
        r.firstFilter = r.pairFilter
        r.asciiPairs = [UInt8](repeating: 0, count: 1 << 14)
        @inline(__always) func first(_ c0: UInt16) { r.firstFilter[Int(c0) >> 6] |= 1 << (UInt64(c0) & 63) }
        // One-unit literals (listed per clause, so kept or not one by one).
        r.singles = singles.filter { kept[Int($0.clause)] }
        (r.singleUnits, r.singleRanges) = LiteralScanner.singleIndex(r.singles)
        for u in r.singleUnits {
            first(u)
            r.singleFilter[Int(u) >> 6] |= 1 << (UInt64(u) & 63)
            if u < 0x80 { for c1 in 0..<128 { r.asciiPairs[Int(u) << 7 | c1] |= 4 } }
        }
        // Each literal keeps the clauses kept; one that keeps none is dropped.
        var clauses: [Int32] = []
        clauses.reserveCapacity(literalClauses.count)
        func keptRun(_ start: Int32, _ end: Int32) -> (start: Int32, end: Int32)? {
            let from = clauses.count
            for j in Int(start)..<Int(end) where kept[Int(literalClauses[j])] { clauses.append(literalClauses[j]) }
            return clauses.count == from ? nil : (Int32(from), Int32(clauses.count))
        }
        var shortOnes: [(key: UInt64, run: (start: Int32, end: Int32))] = []
        for i in shortKeys.indices where shortKeys[i] != 0 {
            guard let run = keptRun(shortClauses[i].start, shortClauses[i].end) else { continue }
            shortOnes.append((shortKeys[i] - 1, run))
        }
        (r.shortKeys, r.shortClauses) = LiteralScanner.shortTable(shortOnes)
        for e in shortOnes {
            // The key's units back (``shortKey(_:)``).
            let c0, c1: UInt16
            if e.key >> 48 == 1 {
                (c0, c1) = (UInt16(truncatingIfNeeded: e.key >> 32), UInt16(truncatingIfNeeded: e.key >> 16))
                LiteralScanner.set(&r.tripleFilter, LiteralScanner.tripleHash(c0, c1, UInt16(truncatingIfNeeded: e.key)))
                if c0 | c1 < 0x80 { r.asciiPairs[Int(c0) << 7 | Int(c1)] |= 2 }
            } else {
                (c0, c1) = (UInt16(truncatingIfNeeded: e.key >> 16), UInt16(truncatingIfNeeded: e.key))
                LiteralScanner.set(&r.pairFilter, LiteralScanner.pairHash(c0, c1))
                if c0 | c1 < 0x80 { r.asciiPairs[Int(c0) << 7 | Int(c1)] |= 1 }
            }
            first(c0)
        }
        // Long literals, group by group (their units stay where they are).
        r.long = []
        var groups: [(key: UInt64, start: Int32, end: Int32)] = []
        for i in quadKeys.indices where quadTaken[i] {
            let start = Int32(r.long.count)
            for j in Int(quadGroups[i].start)..<Int(quadGroups[i].end) {
                guard let run = keptRun(long[j].clauses, long[j].clausesEnd) else { continue }
                r.long.append((long[j].start, long[j].count, run.start, run.end))
            }
            guard Int32(r.long.count) > start else { continue }
            let key = quadKeys[i]
            groups.append((key, start, Int32(r.long.count)))
            LiteralScanner.set(&r.quadFilter, LiteralScanner.quadHash(key))
            let c0 = UInt16(truncatingIfNeeded: key >> 48), c1 = UInt16(truncatingIfNeeded: key >> 32)
            if c0 | c1 < 0x80 { r.asciiPairs[Int(c0) << 7 | Int(c1)] |= 8 }
            first(c0)
        }
        (r.quadKeys, r.quadTaken, r.quadGroups) = LiteralScanner.quadTable(groups)
        r.literalClauses = clauses
        return r
    }

    /// A folded literal that almost any paragraph holds: one ASCII letter, digit, space, full
    /// stop or comma.
    static func ubiquitous(_ literal: [UInt16]) -> Bool {
        guard literal.count == 1, let c = literal.first, c < 0x80 else { return false }
        return (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) || c == 0x20 || c == 0x2E || c == 0x2C
    }

    @inline(__always)
    private static func set(_ filter: inout [UInt64], _ h: Int) { filter[h >> 6] |= 1 << UInt64(h & 63) }

    @inline(__always)
    private static func pairHash(_ a: UInt16, _ b: UInt16) -> Int {
        Int((UInt32(a) &* 0x9E37 ^ UInt32(b) &* 0x3B) & 0xFFFF)
    }

    @inline(__always)
    private static func tripleHash(_ a: UInt16, _ b: UInt16, _ c: UInt16) -> Int {
        Int(((UInt32(a) << 16 | UInt32(b)) &* 0x9E37_79B1 ^ UInt32(c) &* 0x85EB_CA77) >> 16)
    }

    @inline(__always)
    private static func quadHash(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0xC2B2_AE3D_27D4_EB4F) >> 48)
    }

    /// A hash of a literal's units (for the construction's table of distinct literals).
    private static func hash(_ u: [UInt16]) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for c in u { h = (h ^ UInt64(c)) &* 0x100_0000_01B3 }
        return h
    }

    @inline(__always)
    private static func slot(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
    }

    /// The table key of a literal of two or three units.
    private static func shortKey(_ u: [UInt16]) -> UInt64 {
        u.count == 2 ? pairKey(u[0], u[1]) : tripleKey(u[0], u[1], u[2])
    }

    @inline(__always)
    private static func pairKey(_ a: UInt16, _ b: UInt16) -> UInt64 { UInt64(a) << 16 | UInt64(b) }

    @inline(__always)
    private static func tripleKey(_ a: UInt16, _ b: UInt16, _ c: UInt16) -> UInt64 {
        1 << 48 | UInt64(a) << 32 | UInt64(b) << 16 | UInt64(c)
    }

    @inline(__always)
    private static func quadKey(_ a: UInt16, _ b: UInt16, _ c: UInt16, _ d: UInt16) -> UInt64 {
        UInt64(a) << 48 | UInt64(b) << 32 | UInt64(c) << 16 | UInt64(d)
    }

    private static func quadKey(_ u: [UInt16]) -> UInt64 { quadKey(u[0], u[1], u[2], u[3]) }

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
        var state = ScanState()
        scan(folded, into: &found, state: &state)
    }

    /// A scan's per-clause results, kept between scans so that the next one resets only what
    /// this one set (a pattern split into branches has dozens of clauses, and clearing them
    /// all before each paragraph was 5% of the filter's time).
    struct ScanState {
        /// Per clause: where in the text last scanned the first of its literals starts (-1: none).
        fileprivate(set) var positions: [Int32] = []
        /// The clauses found in the last scan, `touched[0..<touchedCount]`.
        fileprivate var touched: [Int32] = []
        fileprivate var touchedCount = 0
        /// Per branch: how many of its clauses were found; per pattern: whether all of one
        /// branch's were.
        fileprivate var branchFound: [Int32] = []
        fileprivate var satisfied: [Bool] = []
    }

    /// `scan`, with `state` the scratch of the scans before (its storage reused): afterwards
    /// its `positions` hold, per clause, where in `folded` the first of its literals starts
    /// (-1: none occurs). `only`: the patterns to decide (the others' entries in `found` are
    /// left as they are).
    func scan(_ folded: UnsafeBufferPointer<UInt16>, into found: inout [Bool], state: inout ScanState,
              only: ArraySlice<Int>? = nil) {
        if state.positions.count != clauseCount || state.satisfied.count != filtered.count || state.branchFound.count != branchPattern.count {
            state = ScanState(positions: [Int32](repeating: -1, count: clauseCount), touched: [Int32](repeating: 0, count: clauseCount),
                              touchedCount: 0, branchFound: [Int32](repeating: 0, count: branchPattern.count),
                              satisfied: [Bool](repeating: false, count: filtered.count))
        }
        var touchedCount = state.touchedCount
        state.positions.withUnsafeMutableBufferPointer { positions in
        state.touched.withUnsafeMutableBufferPointer { touched in
        state.branchFound.withUnsafeMutableBufferPointer { branchFound in
        state.satisfied.withUnsafeMutableBufferPointer { satisfied in
        clauseBranchStarts.withUnsafeBufferPointer { clauseBranchStarts in
        clauseBranches.withUnsafeBufferPointer { clauseBranches in
        branchPattern.withUnsafeBufferPointer { branchPattern in
        branchBounds.withUnsafeBufferPointer { bounds in
            // What the scan before set, undone.
            for k in 0..<touchedCount {
                let c = Int(touched[k])
                positions[c] = -1
                for j in Int(clauseBranchStarts[c])..<Int(clauseBranchStarts[c &+ 1]) {
                    let b = Int(clauseBranches[j])
                    branchFound[b] = 0
                    satisfied[Int(branchPattern[b])] = false
                }
            }
            touchedCount = 0
            for c in everywhere {
                positions[Int(c)] = 0
                touched[touchedCount] = c
                touchedCount &+= 1
            }
            scanClauses(folded, into: positions, touched: touched, count: &touchedCount)
            for k in 0..<touchedCount {
                let c = Int(touched[k])
                for j in Int(clauseBranchStarts[c])..<Int(clauseBranchStarts[c &+ 1]) {
                    let b = Int(clauseBranches[j])
                    branchFound[b] &+= 1
                    if branchFound[b] == bounds[b &+ 1] &- bounds[b] { satisfied[Int(branchPattern[b])] = true }
                }
            }
            filtered.withUnsafeBufferPointer { filtered in
            clauseIDs.withUnsafeBufferPointer { ids in
            clauseStarts.withUnsafeBufferPointer { starts in
            sharedEnd.withUnsafeBufferPointer { sharedEnd in
            branchStarts.withUnsafeBufferPointer { branchStarts in
            found.withUnsafeMutableBufferPointer { found in
                @inline(__always) func decide(_ p: Int) {
                    guard filtered[p] && !found[p] else { return }
                    for j in Int(starts[p])..<Int(sharedEnd[p]) where positions[Int(ids[j])] < 0 { return }
                    // (With branches, one of them must have all its clauses.)
                    if branchStarts[p] == branchStarts[p &+ 1] || satisfied[p] { found[p] = true }
                }
                if let only {
                    for p in only { decide(p) }
                } else {
                    for p in 0..<filtered.count { decide(p) }
                }
            }}}}}}
        }}}}}}}}
        state.touchedCount = touchedCount
    }

    /// The id of a pattern's `k`th clause (as given to `init`).
    func clauseID(pattern: Int, _ k: Int) -> Int { Int(clauseIDs[Int(clauseStarts[pattern]) + k]) }

    /// Records in `found` the first position of each clause's literals (positions only grow).
    /// Each clause found for the first time is added to `touched[count...]`.
    private func scanClauses(_ t: UnsafeBufferPointer<UInt16>, into found: UnsafeMutableBufferPointer<Int32>,
                             touched: UnsafeMutableBufferPointer<Int32>, count: inout Int) {
        let n = t.count
        guard n > 0 else { return }
        singleFilter.withUnsafeBufferPointer { singleFilter in
        firstFilter.withUnsafeBufferPointer { firstFilter in
        pairFilter.withUnsafeBufferPointer { pairFilter in
        tripleFilter.withUnsafeBufferPointer { tripleFilter in
        quadFilter.withUnsafeBufferPointer { quadFilter in
        shortKeys.withUnsafeBufferPointer { shortKeys in
        shortClauses.withUnsafeBufferPointer { shortClauses in
        quadKeys.withUnsafeBufferPointer { quadKeys in
        quadTaken.withUnsafeBufferPointer { quadTaken in
        quadGroups.withUnsafeBufferPointer { quadGroups in
        long.withUnsafeBufferPointer { long in
        units.withUnsafeBufferPointer { units in
        literalClauses.withUnsafeBufferPointer { literalClauses in
        asciiPairs.withUnsafeBufferPointer { asciiPairs in
            var c0 = t[0]
            var p = 0
            @inline(__always) func test(_ filter: UnsafeBufferPointer<UInt64>, _ h: Int) -> Bool {
                filter[h >> 6] & (1 << UInt64(h & 63)) != 0
            }
            @inline(__always) func set(_ clause: Int32) {
                found[Int(clause)] = Int32(truncatingIfNeeded: p)
                touched[count] = clause
                count &+= 1
            }
            @inline(__always) func mark(_ start: Int32, _ end: Int32) {
                for j in Int(start)..<Int(end) where found[Int(literalClauses[j])] < 0 { set(literalClauses[j]) }
            }
            @inline(__always) func single(_ c0: UInt16) {
                // The filters passed c0 only if it is a one-unit literal: find its clauses.
                var lo = 0, hi = singleUnits.count
                while lo < hi {
                    let mid = (lo &+ hi) >> 1
                    if singleUnits[mid] < c0 { lo = mid &+ 1 } else { hi = mid }
                }
                guard lo < singleUnits.count, singleUnits[lo] == c0 else { return }
                for j in singleRanges[lo] where found[Int(singles[j].clause)] < 0 { set(singles[j].clause) }
            }
            /// The literal of two or three units whose key is `key`, if any.
            @inline(__always) func short(_ key: UInt64) {
                let mask = shortKeys.count - 1
                var i = LiteralScanner.slot(key, mask)
                while true {
                    let k = shortKeys[i]
                    if k == 0 { return }
                    if k == key &+ 1 { mark(shortClauses[i].start, shortClauses[i].end); return }
                    i = (i &+ 1) & mask
                }
            }
            /// The longer literals that start with the four units of `key`.
            @inline(__always) func longer(_ key: UInt64) {
                let mask = quadKeys.count - 1
                var i = LiteralScanner.slot(key, mask)
                while quadTaken[i] {
                    if quadKeys[i] == key {
                        let g = quadGroups[i]
                        for j in Int(g.start)..<Int(g.end) {
                            let e = long[j]
                            let count = Int(e.count)
                            if p &+ count > n { continue }
                            let u = Int(e.start)
                            var k = 4
                            while k < count && t[p &+ k] == units[u &+ k] { k &+= 1 }
                            if k == count { mark(e.clauses, e.clausesEnd) }
                        }
                        return
                    }
                    i = (i &+ 1) & mask
                }
            }
            while p < n {
                guard p + 1 < n else {
                    if test(singleFilter, Int(c0)) { single(c0) }
                    break
                }
                let c1 = t[p + 1]
                // Whether a two-unit literal may be (c0, c1), a three-unit one start here, a
                // longer one.
                var two: Bool, three: Bool, four: Bool
                if c0 | c1 < 0x80 {
                    let a = asciiPairs[Int(c0) << 7 | Int(c1)]
                    if a == 0 {
                        // Nothing starts here (most positions).
                        c0 = c1
                        p += 1
                        continue
                    }
                    if a & 4 != 0 { single(c0) }
                    two = a & 1 != 0
                    three = a & 2 != 0
                    four = a & 8 != 0
                } else {
                    if !test(firstFilter, Int(c0)) {
                        c0 = c1
                        p += 1
                        continue
                    }
                    if test(singleFilter, Int(c0)) { single(c0) }
                    two = test(pairFilter, LiteralScanner.pairHash(c0, c1))
                    three = true
                    four = true
                }
                if two { short(LiteralScanner.pairKey(c0, c1)) }
                if p + 2 < n {
                    let c2 = t[p + 2]
                    if three && test(tripleFilter, LiteralScanner.tripleHash(c0, c1, c2)) { short(LiteralScanner.tripleKey(c0, c1, c2)) }
                    if four && p + 3 < n {
                        let key = LiteralScanner.quadKey(c0, c1, c2, t[p + 3])
                        if test(quadFilter, LiteralScanner.quadHash(key)) { longer(key) }
                    }
                }
                c0 = c1
                p += 1
            }
        }}}}}}}}}}}}}}
    }
}

// MARK: The scanner as an image (``PrefilterImage``)

extension LiteralScanner {
    /// Writes every table, as ``init(image:base:)`` reads them back. `base`: the scanner this
    /// one is ``restricted(to:)`` from, whose tables of clauses, branches and literal units it
    /// shares: they are not written again (they are most of a scanner's bytes).
    func write(to w: inout ImageWriter, base: LiteralScanner? = nil) {
        if base == nil {
            w.array(filtered)
            for a in [clauseIDs, clauseStarts, sharedEnd, branchStarts, branchBounds, branchClauseIDs, branchPattern,
                      clauseBranchStarts, clauseBranches] { w.array(a) }
            w.int(clauseCount)
            w.array(units)
        }
        for f in [pairFilter, tripleFilter, quadFilter, singleFilter, firstFilter] { w.array(f) }
        w.array(asciiPairs)
        // (Tuples with padding, or of Int, as arrays of their fields: the bytes are then the
        // same from one run to the next.)
        w.array(singles.map(\.unit))
        w.array(singles.map(\.clause))
        w.array(singleUnits)
        w.array(singleRanges.map { Int32($0.lowerBound) })
        w.array(singleRanges.map { Int32($0.upperBound) })
        w.array(shortKeys)
        w.array(shortClauses)
        w.array(quadKeys)
        w.array(quadTaken)
        w.array(quadGroups)
        w.array(long)
        w.array(literalClauses)
        w.array(everywhere)
    }

    /// The scanner ``write(to:base:)`` wrote (with the same `base`), or nil when the bytes run
    /// out. (Its indices are trusted: an image is only read from the binary's own data, whose
    /// test compares it with a fresh one.)
    init?(image r: inout ImageReader, base: LiteralScanner? = nil) {
        if let base {
            self = base
        } else {
            guard let filtered: [Bool] = r.array() else { return nil }
            self.filtered = filtered
            var int32s: [[Int32]] = []
            for _ in 0..<9 {
                guard let a: [Int32] = r.array() else { return nil }
                int32s.append(a)
            }
            (clauseIDs, clauseStarts, sharedEnd, branchStarts, branchBounds, branchClauseIDs, branchPattern, clauseBranchStarts, clauseBranches)
                = (int32s[0], int32s[1], int32s[2], int32s[3], int32s[4], int32s[5], int32s[6], int32s[7], int32s[8])
            guard let clauseCount = r.int(), let units: [UInt16] = r.array() else { return nil }
            (self.clauseCount, self.units) = (clauseCount, units)
        }
        var filters: [[UInt64]] = []
        for _ in 0..<5 {
            guard let f: [UInt64] = r.array(), f.count == 1024 else { return nil }
            filters.append(f)
        }
        (pairFilter, tripleFilter, quadFilter, singleFilter, firstFilter) = (filters[0], filters[1], filters[2], filters[3], filters[4])
        guard let asciiPairs: [UInt8] = r.array(), asciiPairs.count == 1 << 14,
              let singleUnitOf: [UInt16] = r.array(), let singleClause: [Int32] = r.array(), singleUnitOf.count == singleClause.count,
              let singleUnits: [UInt16] = r.array(), let lower: [Int32] = r.array(), let upper: [Int32] = r.array(),
              singleUnits.count == lower.count, lower.count == upper.count,
              let shortKeys: [UInt64] = r.array(), let shortClauses: [(start: Int32, end: Int32)] = r.array(),
              let quadKeys: [UInt64] = r.array(), let quadTaken: [Bool] = r.array(), let quadGroups: [(start: Int32, end: Int32)] = r.array(),
              let long: [(start: Int32, count: Int32, clauses: Int32, clausesEnd: Int32)] = r.array(),
              let literalClauses: [Int32] = r.array(), let everywhere: [Int32] = r.array()
        else { return nil }
        self.asciiPairs = asciiPairs
        singles = zip(singleUnitOf, singleClause).map { (unit: $0, clause: $1) }
        self.singleUnits = singleUnits
        singleRanges = zip(lower, upper).map { Int($0)..<Int($1) }
        (self.shortKeys, self.shortClauses) = (shortKeys, shortClauses)
        (self.quadKeys, self.quadTaken, self.quadGroups) = (quadKeys, quadTaken, quadGroups)
        (self.long, self.literalClauses, self.everywhere) = (long, literalClauses, everywhere)
    }
}
