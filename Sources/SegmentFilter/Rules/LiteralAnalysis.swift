#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ICUShim
import SegfilterData

/// What the prefilter needs of one pattern, worked out from its regex alone: its required
/// literal sets (``RequiredLiterals``) case-folded, which of them holds its leading literals,
/// and where its matches can start (``MatchStarts``).
struct PreparedPattern: Equatable {
    /// The pattern's literal sets, each folded and sorted (nil: no prefilter). Without
    /// `branches` the pattern needs all of them; with them, it needs those that no branch
    /// lists (they come first), and all those of one of its branches.
    var clauses: [[[UInt16]]]?
    /// Per top-level branch (``RequiredLiterals/branches(of:)``), the indices in `clauses` of
    /// the sets it needs; empty when the pattern is not split (one branch, or a branch that
    /// needs no literal).
    var branches: [[Int]] = []
    /// The clause that holds the leading literals, or -1.
    var lead: Int
    /// How far into a match its leading literal can start.
    var offset: Int
    /// Whether some branch starts with `^`.
    var anchored: Bool
    var starts: MatchStarts?

    /// The preparation worked out from the regex.
    init(fresh regex: String) {
        // Per branch when every branch needs a literal: a pattern of many branches is then a
        // candidate where one of its branches can match, not wherever a literal of any branch
        // occurs (the union held "(", ",", "who", and most paragraphs passed).
        var perBranch: [[Set<String>]] = []
        if let parts = RequiredLiterals.branches(of: regex) {
            for part in parts {
                guard let c = RequiredLiterals.clauses(of: part) else { perBranch = []; break }
                perBranch.append(c)
            }
        }
        let clauses = perBranch.isEmpty ? RequiredLiterals.clauses(of: regex) : []
        let starts = RequiredLiterals.starts(of: regex)
        // Its clauses, and its leading literals as one more clause unless one of them is the
        // same set. When a branch anchored at 0 needs none of them they are no clause: only a
        // clause that is the same set gives their position. (Scanning for them anyway cost more
        // than the searches it shortened.)
        var c = clauses ?? []
        lead = -1
        offset = 0
        anchored = false
        if let leading = starts.flatMap(RequiredLiterals.leading) {
            if let same = c.firstIndex(of: leading.literals) {
                lead = same
            } else if !leading.anchored {
                lead = c.count
                c.append(leading.literals)
            }
            offset = leading.offset
            anchored = leading.anchored
        }
        // The branches' sets after the sets every match needs.
        for b in perBranch {
            var indices: [Int] = []
            for set in b {
                if let same = c.firstIndex(of: set), same >= PreparedPattern.sharedClauses(c.count, branches: branches) {
                    indices.append(same)
                } else {
                    indices.append(c.count)
                    c.append(set)
                }
            }
            branches.append(indices)
        }
        // (Sorted: a Set's order changes from one process to the next, and the scanner's
        // answer does not depend on it.)
        let folded = c.map { $0.map(LiteralScanner.foldLiteral).sorted { $0.lexicographicallyPrecedes($1) } }
        self.clauses = folded.isEmpty ? nil : folded
        self.starts = MatchStarts(regex, starts: starts, folded: lead >= 0 ? folded[lead] : nil)
    }

    init(clauses: [[[UInt16]]]?, branches: [[Int]] = [], lead: Int, offset: Int, anchored: Bool, starts: MatchStarts?) {
        (self.clauses, self.branches, self.lead, self.offset, self.anchored, self.starts) = (clauses, branches, lead, offset, anchored, starts)
    }

    /// How many of a pattern's `clauses` sets every match needs: the branches' sets come after
    /// them, so the first branch's first set is where they end (all of them without branches).
    static func sharedClauses(_ clauses: Int, branches: [[Int]]) -> Int { branches.first?.first ?? clauses }
}

/// The built-in rule sets' patterns prepared ahead of time (``PreparedPattern``).
///
/// Reading the regexes for their literals took about half the instructions of a process that
/// filters one small document, since the prefilter must exist before the first paragraph is
/// matched; later, reading a text form of the analyses (Strings and Sets) and folding their
/// literals still took a third. The result depends only on the regex (and on the Unicode
/// version's case folding), so `rules/prefilter.analysis` holds it for every built-in pattern in
/// a binary form that is looked up in place (written by `tools/rules/write-analysis.sh`, embedded
/// like the rule sets). Only a pattern that is not there, from an edited or a user's rule file,
/// is analysed at start-up. A test checks that the file is equal to a fresh analysis.
enum LiteralAnalysis {
    /// The embedded preparation of `regex`, or `nil` when the file does not hold it.
    static func embedded(_ regex: String) -> PreparedPattern? {
        embeddedFile?.prepared(regex)
    }

    /// The embedded image of the prefilter of the patterns of `fingerprint`
    /// (``PrefilterImage/fingerprint(_:)``), or nil.
    static func embeddedImage(_ fingerprint: UInt64) -> UnsafeRawBufferPointer? {
        embeddedFile?.image(fingerprint)
    }

    private static let embeddedFile = File(embeddedBytes)

    /// The embedded file's bytes.
    static var embeddedBytes: UnsafeRawBufferPointer {
        let blob = sf_prefilter_analysis()
        return UnsafeRawBufferPointer(start: blob.bytes, count: Int(blob.length))
    }

    /// FNV-1a over the regex's UTF-8 bytes (the language features' constants).
    static func key(_ regex: String) -> UInt64 {
        var regex = regex
        return regex.withUTF8 { bytes in
            var h = FeatureExtractor.fnvOffset
            for b in bytes { h = (h ^ UInt64(b)) &* FeatureExtractor.fnvPrime }
            return h
        }
    }

    // MARK: The file
    //
    // Little-endian, read in place (a damaged or foreign file is no file: every pattern is then
    // analysed at start-up):
    //   magic "SFPA", version u32, Unicode version u32 (`sf_unicode_version`), entry count u32,
    //   image count u32, 0 u32
    //   images' index: per image its fingerprint u64, offset u32, byte count u32
    //   index, sorted by key: per entry key u64, offset of the entry u32, 0 u32
    //   entries: regex (u32 byte count, UTF-8 bytes); clauses (i32 count, -1 for nil; each a
    //   literal list); lead i32; offset i32; anchored u8; starts u8 (0 none); with starts: its
    //   offset i32, anchored u8, literals (a literal list), atZero (i32 count, -1 for nil, then
    //   the literals); branches (i32 count; each an i32 count, then its clause indices, i32)
    //   literal list: u32 count, then per literal u32 unit count and its UTF-16 units (u16)
    //   images: the bytes of each (``PrefilterImage``), in the index's order
    // (A new version whenever an entry's or an image's layout changes, the scanner's tables
    // included: a file of another version is no file.)
    static let magic: [UInt8] = Array("SFPA".utf8)
    static let version: UInt32 = 4

    /// The file for `regexes` (each once), with the prefilter `images` (by fingerprint).
    static func serialize(_ regexes: [String], images: [(fingerprint: UInt64, bytes: [UInt8])] = []) -> [UInt8] {
        var seen = Set<String>()
        var entries: [(key: UInt64, bytes: [UInt8])] = []
        for regex in regexes where seen.insert(regex).inserted {
            var w = Writer()
            w.bytes(Array(regex.utf8))
            let p = PreparedPattern(fresh: regex)
            w.literalLists(p.clauses)
            w.int(p.lead)
            w.int(p.offset)
            w.flag(p.anchored)
            w.flag(p.starts != nil)
            if let s = p.starts {
                w.int(s.offset)
                w.flag(s.anchored)
                w.literals(s.literals)
                if let z = s.atZero { w.literals(z) } else { w.int(-1) }
            }
            w.int(p.branches.count)
            for b in p.branches {
                w.int(b.count)
                for k in b { w.int(k) }
            }
            entries.append((key(regex), w.out))
        }
        // (Two regexes of one key: the lookup compares the regex, and finds the first only.)
        entries.sort { $0.key < $1.key }
        var w = Writer()
        w.out = magic
        w.u32(version)
        w.u32(UInt32(sf_unicode_version()))
        w.u32(UInt32(entries.count))
        w.u32(UInt32(images.count))
        w.u32(0)
        var offset = headerSize + 16 * images.count + 16 * entries.count + entries.reduce(0) { $0 + $1.bytes.count }
        for i in images {
            w.u64(i.fingerprint)
            w.u32(UInt32(offset))
            w.u32(UInt32(i.bytes.count))
            offset += i.bytes.count
        }
        offset = headerSize + 16 * images.count + 16 * entries.count
        for e in entries {
            w.u64(e.key)
            w.u32(UInt32(offset))
            w.u32(0)
            offset += e.bytes.count
        }
        for e in entries { w.out += e.bytes }
        for i in images { w.out += i.bytes }
        return w.out
    }

    /// A file's bytes, checked for its header. (Sendable: the bytes are the binary's read-only
    /// data, or a caller's buffer that outlives the value.)
    struct File: @unchecked Sendable {
        let bytes: UnsafeRawBufferPointer
        let count: Int
        let images: Int
        /// Where the entries' index starts.
        let index: Int

        init?(_ bytes: UnsafeRawBufferPointer) {
            var r = Reader(bytes: bytes, at: 0)
            guard bytes.count >= headerSize, Array(bytes[0..<4]) == LiteralAnalysis.magic else { return nil }
            r.at = 4
            guard r.u32() == LiteralAnalysis.version, r.u32() == UInt32(sf_unicode_version()), let n = r.u32(), let m = r.u32(),
                  headerSize + 16 * (Int(m) + Int(n)) <= bytes.count else { return nil }
            self.bytes = bytes
            count = Int(n)
            images = Int(m)
            index = headerSize + 16 * images
        }

        /// The bytes of the image of `fingerprint`, or nil.
        func image(_ fingerprint: UInt64) -> UnsafeRawBufferPointer? {
            for i in 0..<images where bytes.loadUnaligned(fromByteOffset: headerSize + 16 * i, as: UInt64.self).littleEndian == fingerprint {
                let at = Int(bytes.loadUnaligned(fromByteOffset: headerSize + 16 * i + 8, as: UInt32.self).littleEndian)
                let n = Int(bytes.loadUnaligned(fromByteOffset: headerSize + 16 * i + 12, as: UInt32.self).littleEndian)
                guard at <= bytes.count, n <= bytes.count - at else { return nil }
                return UnsafeRawBufferPointer(rebasing: bytes[at..<(at + n)])
            }
            return nil
        }

        /// The entry of `regex` (binary search on its key), or nil.
        func prepared(_ regex: String) -> PreparedPattern? {
            let k = LiteralAnalysis.key(regex)
            var lo = 0, hi = count
            while lo < hi {
                let mid = (lo + hi) / 2
                if bytes.loadUnaligned(fromByteOffset: index + 16 * mid, as: UInt64.self).littleEndian < k { lo = mid + 1 } else { hi = mid }
            }
            guard lo < count, bytes.loadUnaligned(fromByteOffset: index + 16 * lo, as: UInt64.self).littleEndian == k else { return nil }
            let at = Int(bytes.loadUnaligned(fromByteOffset: index + 16 * lo + 8, as: UInt32.self).littleEndian)
            var r = Reader(bytes: bytes, at: at)
            return r.entry(regex)
        }

        /// Every entry's regex and preparation, in the file's order (nil when one does not read).
        func all() -> [(regex: String, prepared: PreparedPattern)]? {
            var out: [(regex: String, prepared: PreparedPattern)] = []
            for i in 0..<count {
                var r = Reader(bytes: bytes, at: Int(bytes.loadUnaligned(fromByteOffset: index + 16 * i + 8, as: UInt32.self).littleEndian))
                let start = r.at
                guard let n = r.u32(), let regexBytes = r.take(Int(n)) else { return nil }
                let regex = String(decoding: regexBytes, as: UTF8.self)
                r.at = start
                guard let p = r.entry(regex) else { return nil }
                out.append((regex, p))
            }
            return out
        }
    }

    /// The entries of a file (an empty list when it is not this version's or does not read).
    static func parse(_ bytes: UnsafeRawBufferPointer) -> [(regex: String, prepared: PreparedPattern)] {
        File(bytes)?.all() ?? []
    }

    /// The header's bytes: magic, version, Unicode version, entry count, image count, 0.
    static let headerSize = 24

    private struct Writer {
        var out: [UInt8] = []
        mutating func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { out += $0 } }
        mutating func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { out += $0 } }
        mutating func int(_ v: Int) { u32(UInt32(bitPattern: Int32(v))) }
        mutating func flag(_ v: Bool) { out.append(v ? 1 : 0) }
        mutating func bytes(_ b: [UInt8]) { u32(UInt32(b.count)); out += b }
        mutating func literals(_ list: [[UInt16]]) {
            u32(UInt32(list.count))
            for l in list {
                u32(UInt32(l.count))
                for u in l { withUnsafeBytes(of: u.littleEndian) { out += $0 } }
            }
        }
        mutating func literalLists(_ lists: [[[UInt16]]]?) {
            guard let lists else { return int(-1) }
            int(lists.count)
            for l in lists { literals(l) }
        }
    }

    /// Bounds-checked reads: nil past the end.
    private struct Reader {
        let bytes: UnsafeRawBufferPointer
        var at: Int

        mutating func take(_ n: Int) -> UnsafeRawBufferPointer? {
            guard n >= 0, at + n <= bytes.count else { return nil }
            defer { at += n }
            return UnsafeRawBufferPointer(rebasing: bytes[at..<(at + n)])
        }
        mutating func u32() -> UInt32? { take(4).map { $0.loadUnaligned(as: UInt32.self).littleEndian } }
        mutating func int() -> Int? { u32().map { Int(Int32(bitPattern: $0)) } }
        mutating func flag() -> Bool? { take(1).map { $0[0] != 0 } }
        mutating func literals() -> [[UInt16]]? { u32().flatMap { literals(count: Int($0)) } }
        mutating func literals(count n: Int) -> [[UInt16]]? {
            guard n <= bytes.count else { return nil }
            var out: [[UInt16]] = []
            out.reserveCapacity(Int(n))
            for _ in 0..<n {
                guard let c = u32(), let raw = take(2 * Int(c)) else { return nil }
                out.append([UInt16](unsafeUninitializedCapacity: Int(c)) { units, made in
                    UnsafeMutableRawBufferPointer(units).copyMemory(from: raw)
                    if UInt16(1).littleEndian != 1 { for k in 0..<Int(c) { units[k] = units[k].byteSwapped } }
                    made = Int(c)
                })
            }
            return out
        }

        /// The entry here, if it is `regex`'s.
        mutating func entry(_ regex: String) -> PreparedPattern? {
            guard let n = u32(), let stored = take(Int(n)) else { return nil }
            var regex = regex
            guard regex.withUTF8({ $0.count == stored.count && ($0.isEmpty || memcmp($0.baseAddress!, stored.baseAddress!, $0.count) == 0) }) else { return nil }
            guard let count = int() else { return nil }
            var clauses: [[[UInt16]]]?
            if count >= 0 {
                clauses = []
                for _ in 0..<count {
                    guard let l = literals() else { return nil }
                    clauses!.append(l)
                }
            }
            guard let lead = int(), let offset = int(), let anchored = flag(), let hasStarts = flag() else { return nil }
            var starts: MatchStarts?
            if hasStarts {
                guard let o = int(), let a = flag(), let l = literals(), let z = int() else { return nil }
                var atZero: [[UInt16]]?
                if z >= 0 {
                    guard let list = literals(count: z) else { return nil }
                    atZero = list
                }
                starts = MatchStarts(offset: o, anchored: a, literals: l, atZero: atZero)
            }
            guard let branchCount = int(), branchCount >= 0, branchCount <= bytes.count else { return nil }
            var branches: [[Int]] = []
            for _ in 0..<branchCount {
                guard let n = int(), n >= 0, n <= bytes.count else { return nil }
                var b: [Int] = []
                for _ in 0..<n {
                    guard let k = int(), k >= 0, k < (clauses?.count ?? 0) else { return nil }
                    b.append(k)
                }
                branches.append(b)
            }
            return PreparedPattern(clauses: clauses, branches: branches, lead: lead, offset: offset, anchored: anchored, starts: starts)
        }
    }
}
