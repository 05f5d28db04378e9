import ICUShim

/// One pass over a paragraph that finds which patterns' required literals (``RequiredLiterals``)
/// occur in it, so that only those patterns' regexes run. A pattern can need several literal
/// sets at once (its clauses); it runs only when each of them has a literal in the text.
///
/// Text and literals are compared after ICU's full case folding, which is what ICU's
/// case-insensitive matching compares too. Literals are looked up by their first two UTF-16
/// units through a 64-kbit filter that rejects almost every position with one bit test.
struct LiteralScanner {
    private struct Entry {
        var units: [UInt16]
        var clause: Int
    }

    /// Per pattern: whether it has a prefilter (if not, it always runs).
    let filtered: [Bool]
    /// Per pattern: the ids of its clauses.
    private var clausesOf: [[Int]] = []
    private var clauseCount = 0
    private var pairFilter = [UInt64](repeating: 0, count: 1024)
    private var singleFilter = [UInt64](repeating: 0, count: 1024)
    private var byPair: [UInt32: [Entry]] = [:]
    private var bySingle: [UInt16: [Int]] = [:]

    /// One required literal set per pattern (`nil`: no prefilter).
    init(_ literals: [Set<String>?]) {
        self.init(clauses: literals.map { $0.map { [$0] } })
    }

    /// Per pattern, the literal sets it needs, all of them (`nil`: no prefilter).
    init(clauses: [[Set<String>]?]) {
        filtered = clauses.map { $0 != nil && !$0!.isEmpty }
        for sets in clauses {
            var ids: [Int] = []
            for set in sets ?? [] {
                ids.append(clauseCount)
                add(set, clause: clauseCount)
                clauseCount += 1
            }
            clausesOf.append(ids)
        }
    }

    private mutating func add(_ set: Set<String>, clause index: Int) {
        for literal in set {
            let units = LiteralScanner.fold(Array(literal.utf16))
            guard let c0 = units.first else { continue }
            if units.count == 1 {
                bySingle[c0, default: []].append(index)
                singleFilter[Int(c0) >> 6] |= 1 << (UInt64(c0) & 63)
            } else {
                let c1 = units[1]
                byPair[UInt32(c0) << 16 | UInt32(c1), default: []].append(Entry(units: units, clause: index))
                let h = LiteralScanner.pairHash(c0, c1)
                pairFilter[h >> 6] |= 1 << UInt64(h & 63)
            }
        }
    }

    @inline(__always)
    private static func pairHash(_ a: UInt16, _ b: UInt16) -> Int {
        Int((UInt32(a) &* 0x9E37 ^ UInt32(b) &* 0x3B) & 0xFFFF)
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
        var hit = [Bool](repeating: false, count: clauseCount)
        scanClauses(folded, into: &hit)
        for (p, ids) in clausesOf.enumerated() where filtered[p] && ids.allSatisfy({ hit[$0] }) { found[p] = true }
    }

    private func scanClauses(_ folded: [UInt16], into found: inout [Bool]) {
        folded.withUnsafeBufferPointer { t in
            let n = t.count
            var p = 0
            while p < n {
                let c0 = t[p]
                if singleFilter[Int(c0) >> 6] & (1 << (UInt64(c0) & 63)) != 0, let clauses = bySingle[c0] {
                    for q in clauses { found[q] = true }
                }
                if p + 1 < n {
                    let c1 = t[p + 1]
                    let h = LiteralScanner.pairHash(c0, c1)
                    if pairFilter[h >> 6] & (1 << UInt64(h & 63)) != 0, let entries = byPair[UInt32(c0) << 16 | UInt32(c1)] {
                        for e in entries where !found[e.clause] && p + e.units.count <= n {
                            var k = 2
                            while k < e.units.count && t[p + k] == e.units[k] { k += 1 }
                            if k == e.units.count { found[e.clause] = true }
                        }
                    }
                }
                p += 1
            }
        }
    }
}
