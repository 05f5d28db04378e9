/// A paragraph's content as weighted terms, for lexical cohesion.
///
/// Terms are ICU words, lower-cased; in scripts written without spaces (Han, kana, Thai, Lao,
/// Khmer, Myanmar) the character bigrams of each word are terms too, so that two paragraphs
/// about the same thing share terms even where the dictionary segments differently. Numbers
/// and names count like any rare word: they are strong evidence of a shared topic.
///
/// Stored as parallel arrays of terms and weights in insertion order, indexed by an
/// open-addressing table over the term hashes (which are already hashes, so they need no
/// hashing again). Sums run in insertion order, so results do not depend on a hash seed.
public struct TermVector: Sendable {
    private var keys: [UInt64] = []
    private var values: [Float] = []
    /// Index + 1 of the entry in each slot, 0 for an empty slot; a power of two, at least twice
    /// the entries (empty until the first term).
    private var slots: [Int32] = []
    public private(set) var normSquared: Float = 0

    public init() {}

    public var isEmpty: Bool { keys.isEmpty }

    /// Term hash → weight.
    public var weights: [UInt64: Float] { Dictionary(uniqueKeysWithValues: zip(keys, values)) }

    /// The number of terms.
    public var count: Int { keys.count }

    @inline(__always)
    private static func home(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    /// The entry of `key` in a table, or -1.
    @inline(__always)
    private static func find(_ key: UInt64, _ slots: UnsafeBufferPointer<Int32>, _ keys: UnsafeBufferPointer<UInt64>) -> Int {
        let mask = slots.count &- 1
        if mask < 0 { return -1 }
        var i = home(key, mask)
        while true {
            let e = Int(slots[i])
            if e == 0 { return -1 }
            if keys[e &- 1] == key { return e &- 1 }
            i = (i &+ 1) & mask
        }
    }

    private mutating func rehash(_ size: Int) {
        slots = [Int32](filled: 0, count: size)
        let mask = size - 1
        keys.withUnsafeBufferPointer { k in
            slots.withUnsafeMutableBufferPointer { s in
                for (n, key) in k.enumerated() {
                    var i = TermVector.home(key, mask)
                    while s[i] != 0 { i = (i &+ 1) & mask }
                    s[i] = Int32(n + 1)
                }
            }
        }
    }

    /// Adds `w` to the weight of `key`, returning the weight before (0 for a new term).
    @inline(__always)
    private mutating func addReturningOld(_ key: UInt64, _ w: Float) -> (old: Float, new: Float) {
        let found = slots.withUnsafeBufferPointer { s in keys.withUnsafeBufferPointer { k in TermVector.find(key, s, k) } }
        if found >= 0 {
            let old = values[found]
            let new = old + w
            values[found] = new
            return (old, new)
        }
        keys.append(key)
        let new: Float = 0 + w
        values.append(new)
        if 2 * keys.count > slots.count {
            rehash(max(16, 2 * slots.count))
        } else {
            let mask = slots.count - 1
            slots.withUnsafeMutableBufferPointer { s in
                var i = TermVector.home(key, mask)
                while s[i] != 0 { i = (i &+ 1) & mask }
                s[i] = Int32(keys.count)
            }
        }
        return (0, new)
    }

    /// Makes room for `n` terms.
    mutating func reserve(_ n: Int) {
        keys.reserveCapacity(n)
        values.reserveCapacity(n)
        var size = max(16, slots.count)
        while size < 2 * n { size *= 2 }
        if size > slots.count { rehash(size) }
    }

    mutating func add(_ term: UInt64, _ w: Float) {
        _ = addReturningOld(term, w)
    }

    /// Adds `n` terms with their weights in order (as `add` one by one); with `updateNorm`, the
    /// squared norm is updated term by term as `accumulate` does. The table is sized for all of
    /// them first, so the loop runs over raw buffers (a larger table changes no lookup result).
    @inline(__always)
    private mutating func addAll(_ terms: UnsafePointer<UInt64>, _ weights: UnsafePointer<Float>, _ n: Int, updateNorm: Bool) {
        if n == 0 { return }
        let before = keys.count
        // Room in the table (the arrays grow geometrically by themselves: reserving an exact
        // capacity on every call would copy a running sum again and again).
        var size = max(16, slots.count)
        while size < 2 * (before + n) { size *= 2 }
        if size > slots.count { rehash(size) }
        // Room for up to `n` new terms, written below and trimmed after. (Appending the
        // incoming buffers copies them in one go; appending a repeated zero went element by
        // element through the generic path. Every slot kept is overwritten.)
        keys.append(contentsOf: UnsafeBufferPointer(start: terms, count: n))
        values.append(contentsOf: UnsafeBufferPointer(start: weights, count: n))
        var count = before
        var norm = normSquared
        keys.withUnsafeMutableBufferPointer { k in
            values.withUnsafeMutableBufferPointer { v in
                slots.withUnsafeMutableBufferPointer { s in
                    let mask = s.count &- 1
                    for j in 0..<n {
                        let key = terms[j], w = weights[j]
                        var i = TermVector.home(key, mask)
                        while true {
                            let e = Int(s[i])
                            if e == 0 {
                                let old: Float = 0
                                let new: Float = 0 + w
                                k[count] = key
                                v[count] = new
                                count &+= 1
                                s[i] = Int32(truncatingIfNeeded: count)
                                if updateNorm { norm += new * new - old * old }
                                break
                            }
                            if k[e &- 1] == key {
                                let old = v[e &- 1]
                                let new = old + w
                                v[e &- 1] = new
                                if updateNorm { norm += new * new - old * old }
                                break
                            }
                            i = (i &+ 1) & mask
                        }
                    }
                }
            }
        }
        keys.removeLast(before + n - count)
        values.removeLast(before + n - count)
        if updateNorm { normSquared = norm }
    }

    /// Adds `n` terms with their weights, in order (as `add` one by one).
    mutating func add(_ terms: UnsafePointer<UInt64>, _ weights: UnsafePointer<Float>, count n: Int) {
        addAll(terms, weights, n, updateNorm: false)
    }

    mutating func finish() {
        var n: Float = 0
        for v in values { n = n + v * v }
        normSquared = n
    }

    public func dot(_ other: TermVector) -> Float {
        // (Two calls rather than a (small, large) pair: copying the vectors into a tuple
        // retained and released their three arrays each, on every one of the many dot products.)
        keys.count <= other.keys.count ? TermVector.dot(small: self, large: other) : TermVector.dot(small: other, large: self)
    }

    /// The dot product, looking up the terms of `small` in the table of `large`.
    @inline(__always)
    private static func dot(small: TermVector, large: TermVector) -> Float {
        if small.keys.isEmpty { return 0 }
        var s: Float = 0
        small.keys.withUnsafeBufferPointer { sk in
            small.values.withUnsafeBufferPointer { sv in
                large.slots.withUnsafeBufferPointer { ls in
                    large.keys.withUnsafeBufferPointer { lk in
                        large.values.withUnsafeBufferPointer { lv in
                            for i in 0..<sk.count {
                                let j = TermVector.find(sk[i], ls, lk)
                                if j >= 0 { s += sv[i] * lv[j] }
                            }
                        }
                    }
                }
            }
        }
        return s
    }

    /// Adds `other` into this vector (for running sums of paragraphs).
    /// The norm is updated term by term, so summing n paragraphs costs their total size.
    public mutating func accumulate(_ other: TermVector) {
        other.keys.withUnsafeBufferPointer { k in
            other.values.withUnsafeBufferPointer { v in
                if let kp = k.baseAddress, let vp = v.baseAddress { addAll(kp, vp, k.count, updateNorm: true) }
            }
        }
    }

    /// Calls `body` with each term and its weight, in insertion order.
    @inline(__always)
    func forEachTerm(_ body: (UInt64, Float) -> Void) {
        for i in 0..<keys.count { body(keys[i], values[i]) }
    }

    public func cosine(_ other: TermVector) -> Float {
        let d = normSquared * other.normSquared
        return d > 0 ? dot(other) / d.squareRoot() : 0
    }
}
