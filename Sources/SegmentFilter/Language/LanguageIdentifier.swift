#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ICUShim
import SegfilterData

/// A paragraph's language: the best guess, its probability and the runners-up.
public struct LanguageGuess: Equatable, Sendable {
    /// ISO 639-1 where one exists, else ISO 639-3; `und` when the text has no linguistic content.
    public var code: String
    /// The calibrated probability that `code` is right (0 for `und`).
    public var probability: Double
    /// The best languages, best first, with their probabilities (the first is `code`).
    public var top: [(code: String, probability: Double)]
    /// The script most of the letters are in (ISO 15924), or `Zyyy` with no letters.
    public var script: String
    /// Letters the decision rests on.
    public var letters: Int
    /// The text reads like none of the model's languages: its best language explains it far
    /// worse than that language's own text is usually explained (`code` is then `und`, and
    /// `top` still lists the nearest profiles).
    public var outOfModel = false

    public static func == (a: LanguageGuess, b: LanguageGuess) -> Bool {
        a.code == b.code && a.probability == b.probability && a.script == b.script && a.letters == b.letters
            && a.top.map(\.code) == b.top.map(\.code) && a.top.map(\.probability) == b.top.map(\.probability)
            && a.outOfModel == b.outOfModel
    }

    public static let undetermined = LanguageGuess(code: "und", probability: 0, top: [], script: "Zyyy", letters: 0)
}

/// Identifies the language of a paragraph: script first, then character n-grams and words.
///
/// 1. The letters' scripts (ICU's script property) pick the candidates: a script that one
///    language uses decides it outright (Greek, Hangul, Thai ...), kana means Japanese, and
///    otherwise only languages written in the dominant script compete.
/// 2. Among those, a naive-Bayes score over character 1–4-grams and whole words (frequent
///    function words weigh most; the word evidence keeps code-mixed Tagalog Tagalog).
/// 3. Scores become probabilities by a softmax whose temperature shrinks with the amount of
///    evidence, fitted on held-out text (`tools/langdata/calibrate.py`).
///
/// The text is decoded once: the first pass lower-cases its letters into a buffer (tokens
/// separated by single spaces, which are also the n-grams' padding) while counting scripts,
/// and the scoring pass reads the buffer. `FeatureExtractor` is the reference definition of
/// the features; this reads the same ones.
///
/// Not thread-safe (it reuses buffers); use one per worker.
public final class LanguageIdentifier {
    public let model: LanguageModel
    private let languageCount: Int
    /// The candidates' scores, in candidate order.
    private let scores: UnsafeMutablePointer<Float>
    /// `temperature`'s values by feature count (NaN until computed).
    private static let temperatureSlots = 4096
    private let temperatures: UnsafeMutablePointer<Double>
    /// `rank`'s sort keys, and room to merge them.
    private let rankKeys: UnsafeMutablePointer<UInt64>
    private let rankScratch: UnsafeMutablePointer<UInt64>
    /// The exp of each near score, beside its key.
    private let rankTerms: UnsafeMutablePointer<Double>
    /// The weights of the features read so far, per language lane, in units of `model.step`:
    /// a 16-bit accumulator (8 lanes per SIMD add) that is emptied into the `Float` `sums`
    /// (exact below 2^24 steps) before it can overflow. `budget` bounds what `acc` holds in any
    /// lane.
    private let acc: UnsafeMutablePointer<UInt16>
    private let sums: UnsafeMutablePointer<Float>
    private var budget = 0
    /// The lanes the candidates occupy, rounded out to whole SIMD vectors.
    private var laneLow = 0
    private var laneHigh = LanguageModel.lanes
    private let orderCounts: UnsafeMutablePointer<Int>
    /// The scores so far per lane, from `laneLow` (lane `laneLow + i` at `i`).
    private let totals: UnsafeMutablePointer<Float>
    /// The candidates' floors by lane, order by order: floor(language l, o) at
    /// o × (laneHigh - laneLow) + l - laneLow; a lane in the range that is not a candidate's
    /// holds `LanguageIdentifier.noFloor`, which sinks its score far below any candidate's once
    /// a feature is read. A last row (order maxOrder + 1) holds 0 for the candidates' lanes
    /// and `noFloor` for the others.
    private var candidateFloors: UnsafeMutablePointer<Float>
    private static let noFloor: Float = -1e20
    /// The candidates `candidateFloors` and the lanes hold, and the sets met before (their
    /// floors and lanes), the latest last.
    private var floorsCandidates: [Int] = []
    private var candidateSets: [(candidates: [Int], floors: UnsafeMutablePointer<Float>, lo: Int, hi: Int, uniform: Bool)] = []
    /// Whether the candidates share each order's floor (then the floors move every score
    /// alike, and the early-exit test leaves them out).
    private var floorsUniform = false
    /// A candidate of the current set (whose floors all share when `floorsUniform`), and room
    /// for the floor terms of one paragraph.
    private var uniformCandidate = 0
    private let floorTerms: UnsafeMutablePointer<Float>
    private static let candidateSetLimit = 16
    private let tokenCache: TokenCache
    private let entryCache = EntryCache()
    private let scriptCounts: UnsafeMutablePointer<Int>
    /// The scripts counted so far (each once; codes are below 256), and how many. Buffers
    /// rather than arrays: an array in a class property costs a dynamic exclusivity check on
    /// every use.
    private let touchedScripts: UnsafeMutablePointer<Int32>
    private var touchedCount = 0
    /// For each script, the languages written in it.
    private let languagesByScript: [String: [Int]]
    /// The same by script code, filled as scripts are met.
    private let candidatesByCode: UnsafeMutablePointer<[Int]?>
    private let scriptNames: UnsafeMutablePointer<String?>
    private let japanese: [Int]
    /// Lower-cased letters of the text being identified: " tok1 tok2 ... tokN ", the tokens
    /// separated by one space, or by more where ASCII text was read 16 bytes at a time.
    private var letters: UnsafeMutablePointer<UInt32>
    private var letterCapacity: Int
    private var letterCount = 0
    /// A chunk of one token's features: hashes, orders, table entries.
    private static let chunk = 128
    private let featureHashes: UnsafeMutablePointer<UInt64>
    private let featureOrders: UnsafeMutablePointer<Int>
    private let featureEntries: UnsafeMutablePointer<UInt32>
    private var sortKeys: [UInt64] = []
    private var scalars: UnsafeMutablePointer<UInt32>
    private var scalarCapacity = 1024
    private let graphemeFlags: UnsafeMutablePointer<UInt8>
    /// The script code of the ASCII letters when the model's case table and the script table
    /// treat ASCII as `load`'s fast path does (letters A-Z and a-z, lower-cased, Latin), else 0;
    /// -1 until first needed.
    private var asciiLatin = -1
    /// The candidate with the best score after `score` (the first of equals).
    private var bestCandidate = 0

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
    private static func mayStartLink(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
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

    public init(model: LanguageModel = .embedded) {
        self.model = model
        languageCount = model.languages.count
        scores = .allocate(capacity: languageCount)
        scores.initialize(repeating: 0, count: languageCount)
        rankKeys = .allocate(capacity: languageCount)
        rankKeys.initialize(repeating: 0, count: languageCount)
        temperatures = .allocate(capacity: LanguageIdentifier.temperatureSlots)
        temperatures.initialize(repeating: .nan, count: LanguageIdentifier.temperatureSlots)
        rankScratch = .allocate(capacity: languageCount)
        rankScratch.initialize(repeating: 0, count: languageCount)
        rankTerms = .allocate(capacity: languageCount)
        rankTerms.initialize(repeating: 0, count: languageCount)
        let lanes = LanguageModel.lanes
        acc = UnsafeMutableRawPointer.allocate(byteCount: 2 * lanes, alignment: 64).bindMemory(to: UInt16.self, capacity: lanes)
        acc.initialize(repeating: 0, count: lanes)
        sums = UnsafeMutableRawPointer.allocate(byteCount: 4 * lanes, alignment: 64).bindMemory(to: Float.self, capacity: lanes)
        sums.initialize(repeating: 0, count: lanes)
        totals = UnsafeMutableRawPointer.allocate(byteCount: 4 * lanes, alignment: 64).bindMemory(to: Float.self, capacity: lanes)
        candidateFloors = .allocate(capacity: 1)
        totals.initialize(repeating: 0, count: lanes)
        orderCounts = .allocate(capacity: model.maxOrder + 1)
        orderCounts.initialize(repeating: 0, count: model.maxOrder + 1)
        scriptCounts = .allocate(capacity: 256)
        scriptCounts.initialize(repeating: 0, count: 256)
        floorTerms = .allocate(capacity: model.maxOrder + 1)
        floorTerms.initialize(repeating: 0, count: model.maxOrder + 1)
        touchedScripts = .allocate(capacity: 256)
        candidatesByCode = .allocate(capacity: 256)
        candidatesByCode.initialize(repeating: nil, count: 256)
        scriptNames = .allocate(capacity: 256)
        scriptNames.initialize(repeating: nil, count: 256)
        tokenCache = TokenCache()
        // Candidates in the order of their codes: ties between scores go to the first.
        var byScript: [String: [Int]] = [:]
        for i in model.languages.indices.sorted(by: { model.languages[$0].code < model.languages[$1].code }) {
            for s in model.languages[i].scripts { byScript[s, default: []].append(i) }
        }
        languagesByScript = byScript
        japanese = model.languages.indices.filter { model.languages[$0].code == "ja" }
        letterCapacity = 1024
        letters = .allocate(capacity: letterCapacity)
        scalars = .allocate(capacity: scalarCapacity)
        graphemeFlags = calloc(0x10000, 1)!.bindMemory(to: UInt8.self, capacity: 0x10000)
        featureHashes = .allocate(capacity: LanguageIdentifier.chunk)
        featureOrders = .allocate(capacity: LanguageIdentifier.chunk)
        featureEntries = .allocate(capacity: LanguageIdentifier.chunk)
    }

    /// `asciiLatin` as found from the tables (on first use: the script table is built lazily,
    /// and a run without text should not build it).
    private static func asciiLatin(_ model: LanguageModel, _ bmp: UnsafePointer<UInt8>) -> Int {
        let latin = Int(bmp[0x61])
        guard latin > 1, latin != Int(Script.unknown.code) else { return 0 }
        for v in 0..<0x80 {
            let lower = v | 0x20
            let isLetter = lower >= 0x61 && lower <= 0x7A
            if Int(model.caseTable[v]) != (isLetter ? lower : 0) { return 0 }
            if isLetter && Int(bmp[v]) != latin { return 0 }
        }
        return latin
    }

    deinit {
        scores.deallocate()
        rankKeys.deallocate()
        rankScratch.deallocate()
        rankTerms.deallocate()
        temperatures.deallocate()
        acc.deallocate()
        sums.deallocate()
        totals.deallocate()
        if candidateSets.isEmpty { candidateFloors.deallocate() }
        for set in candidateSets { set.floors.deallocate() }
        orderCounts.deallocate()
        scriptCounts.deallocate()
        floorTerms.deallocate()
        touchedScripts.deallocate()
        candidatesByCode.deinitialize(count: 256)
        candidatesByCode.deallocate()
        scriptNames.deinitialize(count: 256)
        scriptNames.deallocate()
        letters.deallocate()
        scalars.deallocate()
        free(graphemeFlags)
        featureHashes.deallocate()
        featureOrders.deallocate()
        featureEntries.deallocate()
    }

    /// The language of `text`, with up to `top` alternatives.
    public func identify(_ text: String, top: Int = 3) -> LanguageGuess { identify(text[...], top: top) }

    /// The language of `text`, with up to `top` alternatives.
    public func identify(_ text: Substring, top: Int = 3) -> LanguageGuess {
        // Pass 1: letters per script, over the text without links.
        var analysed = text
        if LanguageIdentifier.mayContainLinks(text) {
            if let r = text.utf8.withContiguousStorageIfAvailable({ loadWithoutLinks($0) }), let n = r {
                return decided(n, top: top)
            }
            analysed = Substring(text.split(whereSeparator: \.isWhitespace)
                .filter { !LanguageIdentifier.isLinkLike($0) }.joined(separator: " "))
        }
        return decided(load(analysed), top: top)
    }

    /// The language of UTF-8 bytes, as `identify(String(decoding: bytes, as: UTF8.self))`
    /// would find it, without making the string when the bytes are valid UTF-8.
    public func identify(utf8 bytes: UnsafeBufferPointer<UInt8>, top: Int = 3) -> LanguageGuess {
        if !LanguageIdentifier.mayContainLinks(bytes) {
            if let n = load(bytes) { return decided(n, top: top) }
        } else if let n = loadWithoutLinks(bytes) {
            return decided(n, top: top)
        }
        return identify(String(decoding: bytes, as: UTF8.self), top: top)
    }

    /// Steps 1-3 for the text `load` has just read, with `letters` letters.
    private func decided(_ letters: Int, top: Int) -> LanguageGuess {
        guard letters > 0 else { return .undetermined }
        let (candidates, dominant) = candidateLanguages(letters: letters)
        let scriptName = shortName(dominant)
        if candidates.isEmpty {
            return LanguageGuess(code: "und", probability: 0, top: [], script: scriptName, letters: letters)
        }
        if candidates.count == 1 {
            let code = model.languages[candidates[0]].code
            return LanguageGuess(code: code, probability: 0.99, top: [(code, 0.99)], script: scriptName, letters: letters)
        }
        // Pass 2: n-gram and word evidence for every language; only candidates are read out.
        let features = score(candidates, earlyExit: true)
        let best = rank(candidates, features: features, top: max(1, top))
        if isOutOfModel(candidates, features: features) {
            return LanguageGuess(code: "und", probability: 0, top: best, script: scriptName, letters: letters, outOfModel: true)
        }
        return LanguageGuess(code: best[0].code, probability: best[0].probability, top: best, script: scriptName, letters: letters)
    }

    /// The uncalibrated log-likelihood of each candidate language, best first, and the number of
    /// features behind them: what `tools/langdata/calibrate.py` fits the temperature on. Empty
    /// when the script alone decides.
    public func rawScores(_ text: String) -> (scores: [(code: String, score: Double)], features: Int) {
        let letters = load(text[...])
        guard letters > 0 else { return ([], 0) }
        let (candidates, _) = candidateLanguages(letters: letters)
        guard candidates.count > 1 else { return ([], 0) }
        let (raw, features) = rawScores(candidates)
        return (raw.map { (model.languages[$0.0].code, Double($0.1)) }, features)
    }

    // MARK: Pass 1: decoding and scripts

    private func reserveLetters(_ n: Int) {
        if n > letterCapacity {
            letters.deallocate()
            letterCapacity = max(n, 2 * letterCapacity)
            letters = .allocate(capacity: letterCapacity)
        }
    }

    /// Reads `text` into `letters` and counts its letters per script; returns the letter count.
    private func load(_ text: Substring) -> Int {
        if let r = text.utf8.withContiguousStorageIfAvailable({ load($0) }), let n = r { return n }
        // Not contiguous (or, impossibly for a String, not valid UTF-8): scalar by scalar.
        let caseTable = model.caseTable
        return readLetters(capacity: text.utf8.count + 2) { bmp, out, w, n, run in
            for scalar in text.unicodeScalars { add(scalar.value, bmp, out, &w, &n, &run, caseTable) }
            return true
        } ?? 0
    }

    /// The frame every loader shares: `letters` made room for `capacity` code points and
    /// opened with a space; `body` appends the text through `add` (given the script table, the
    /// buffer, its write index, the letter count and the current script run) and says whether
    /// the text was valid. Then the last run is counted and the buffer closed with a space.
    /// Returns the letter count, or nil (with the script counts cleared) when `body` says no.
    @inline(__always)
    private func readLetters(capacity: Int,
                             _ body: (UnsafePointer<UInt8>, UnsafeMutablePointer<UInt32>, inout Int, inout Int, inout ScriptRun) -> Bool) -> Int? {
        reserveLetters(capacity)
        let out = letters
        var w = 1
        var n = 0
        var run = ScriptRun()
        out[0] = 0x20
        let valid = ScriptTable.shared.bmp.withUnsafeBufferPointer { body($0.baseAddress!, out, &w, &n, &run) }
        tally(&run)
        if !valid {
            for i in 0..<touchedCount { scriptCounts[Int(touchedScripts[i])] = 0 }
            touchedCount = 0
            return nil
        }
        if out[w - 1] != 0x20 { out[w] = 0x20; w += 1 }
        letterCount = w
        return n
    }

    /// Reads UTF-8 bytes into `letters`; nil, with nothing counted, if they are not valid UTF-8.
    private func load(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let caseTable = model.caseTable
        return readLetters(capacity: bytes.count + 2) { bmp, out, wRef, nRef, runRef -> Bool in
            // Local copies, which stay in registers (the inout parameters of a closure live in
            // memory: every code point would store and reload them).
            var w = wRef, n = nRef, run = runRef
            defer { (wRef, nRef, runRef) = (w, n, run) }
            if asciiLatin < 0 { asciiLatin = LanguageIdentifier.asciiLatin(model, bmp) }
            let asciiLatin = self.asciiLatin
            guard asciiLatin > 1, let p = bytes.baseAddress else {
                return decodeUTF8(bytes) { add($0, bmp, out, &w, &n, &run, caseTable) }
            }
            // Runs of ASCII without tables (the model's case table and the script table agree
            // with this for ASCII, checked in init: letters are A-Z and a-z, Latin), the rest
            // through the decoder. An ASCII byte is never inside a multi-byte sequence, so the
            // pieces between them decode (and fail) as the whole would.
            let end = bytes.count
            var i = 0
            while i < end {
                var latin = 0
                var afterSpace = run.afterSpace
                // 16 bytes at a time while they are ASCII: every separator becomes a space (the
                // scorer skips runs of spaces), every letter its lower case.
                if i &+ 16 <= end {
                    var count = 0
                    var after: Int32 = afterSpace ? 1 : 0
                    let read = sf_ascii_blocks(p + i, end &- i, out + w, &count, &after)
                    if read > 0 {
                        i &+= read
                        w &+= read
                        latin &+= count
                        afterSpace = after != 0
                    }
                }
                while i < end {
                    let b = UInt32(p[i])
                    if b >= 0x80 { break }
                    let lower = b | 0x20
                    let isLetter = lower &- 0x61 < 26
                    out[w] = isLetter ? lower : 0x20
                    w &+= isLetter || !afterSpace ? 1 : 0
                    afterSpace = !isLetter
                    latin &+= isLetter ? 1 : 0
                    i &+= 1
                }
                run.afterSpace = afterSpace
                if latin > 0 {
                    if run.code != asciiLatin {
                        tally(&run)
                        run.code = asciiLatin
                    }
                    run.count &+= latin
                    n &+= latin
                }
                // Two- and three-byte sequences here, checked as the decoder checks them; from
                // any other sequence on, the rest of the run of non-ASCII through the decoder.
                while i < end {
                    let b0 = UInt32(p[i])
                    if b0 < 0x80 { break }
                    var v: UInt32 = 0
                    var length = 0
                    if b0 >= 0xC2 && b0 < 0xE0 && i &+ 1 < end {
                        let b1 = UInt32(p[i &+ 1])
                        if b1 & 0xC0 == 0x80 {
                            v = (b0 & 0x1F) << 6 | (b1 & 0x3F)
                            length = 2
                        }
                    } else if b0 >= 0xE0 && b0 < 0xF0 && i &+ 2 < end {
                        let b1 = UInt32(p[i &+ 1]), b2 = UInt32(p[i &+ 2])
                        let u = (b0 & 0x0F) << 12 | (b1 & 0x3F) << 6 | (b2 & 0x3F)
                        if b1 & 0xC0 == 0x80 && b2 & 0xC0 == 0x80 && u >= 0x800 && u & 0xF800 != 0xD800 {
                            v = u
                            length = 3
                        }
                    }
                    if length == 0 {
                        var j = i &+ 1
                        while j < end && p[j] >= 0x80 { j &+= 1 }
                        let ok = decodeUTF8(UnsafeBufferPointer(start: p + i, count: j &- i)) { add($0, bmp, out, &w, &n, &run, caseTable) }
                        if !ok { return false }
                        i = j
                        break
                    }
                    add(v, bmp, out, &w, &n, &run, caseTable)
                    i &+= length
                }
            }
            return true
        }
    }

    /// Facts about a code point for `loadWithoutLinks`, found by asking String itself and kept
    /// for the BMP: bit 0 known, bit 1 White_Space, bit 2 joins a space before it into one
    /// Character (Extend, ZWJ, SpacingMark), bit 3 joins a space after it (Prepend).
    @inline(__always)
    private func flags(_ v: UInt32) -> UInt8 {
        if v < 0x80 { return (v >= 0x09 && v <= 0x0D) || v == 0x20 ? 3 : 1 }
        if v < 0x10000 && graphemeFlags[Int(v)] != 0 { return graphemeFlags[Int(v)] }
        let u = Unicode.Scalar(v)!
        var f: UInt8 = 1
        if u.properties.isWhitespace { f |= 2 }
        var after = " "
        after.unicodeScalars.append(u)
        if after.count == 1 { f |= 4 }
        var before = String(u)
        before.unicodeScalars.append(" ")
        if before.count == 1 { f |= 8 }
        if v < 0x10000 { graphemeFlags[Int(v)] = f }
        return f
    }

    /// Reads UTF-8 bytes into `letters` as `identify(_: Substring)` reads them after taking out
    /// the link-like words, without splitting them into Characters: the words are the runs
    /// between White_Space code points, which is what splitting the Characters on
    /// `isWhitespace` gives unless a space is joined to a neighbour (a Prepend before it, a
    /// combining mark after it). Nil, with nothing counted, for such text or invalid UTF-8.
    private func loadWithoutLinks(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        if bytes.count + 1 > scalarCapacity {
            scalars.deallocate()
            scalarCapacity = max(bytes.count + 1, 2 * scalarCapacity)
            scalars = .allocate(capacity: scalarCapacity)
        }
        let sc = scalars
        var count = 0
        guard decodeUTF8(bytes, { v in sc[count] = v; count &+= 1 }) else { return nil }
        for i in 0..<count where flags(sc[i]) & 2 != 0 {
            let v = sc[i]
            // Controls (tab, line breaks) break on both sides whatever their neighbours.
            if v <= 0x0D || v == 0x85 || v == 0x2028 || v == 0x2029 { continue }
            if i > 0 && flags(sc[i - 1]) & 8 != 0 { return nil }
            if i + 1 < count && flags(sc[i + 1]) & 4 != 0 { return nil }
        }
        let caseTable = model.caseTable
        return readLetters(capacity: bytes.count + 2) { bmp, out, w, n, run -> Bool in
            var first = true
            var i = 0, byte = 0
            @inline(__always) func width(_ v: UInt32) -> Int { v < 0x80 ? 1 : v < 0x800 ? 2 : v < 0x10000 ? 3 : 4 }
            while i < count {
                if flags(sc[i]) & 2 != 0 {
                    byte &+= width(sc[i])
                    i &+= 1
                    continue
                }
                let start = i, startByte = byte
                // Only a word with ':' or '@' in it, or one starting with 'w', can be link-like.
                var suspect = sc[i] == 0x77
                while i < count && flags(sc[i]) & 2 == 0 {
                    if sc[i] == 0x3A || sc[i] == 0x40 { suspect = true }
                    byte &+= width(sc[i])
                    i &+= 1
                }
                if suspect {
                    let linkLike = LanguageIdentifier.isLinkLike(sc, start, i) ?? LanguageIdentifier.isLinkLike(
                        String(decoding: UnsafeBufferPointer(rebasing: bytes[startByte..<byte]), as: UTF8.self)[...])
                    if linkLike { continue }
                }
                // The words are joined with single spaces.
                if !first { add(0x20, bmp, out, &w, &n, &run, caseTable) }
                first = false
                for j in start..<i { add(sc[j], bmp, out, &w, &n, &run, caseTable) }
            }
            return true
        }
    }

    /// One code point of pass 1: a letter is appended lower-cased and counted under its script
    /// (neutral ones not counted); a separator ends the current token.
    /// Letters of one script in a row, counted locally and added to `scriptCounts` when the
    /// script changes (a count per letter in memory would make each letter wait for the last).
    /// Also whether the last code point written was the space (the buffer starts with one),
    /// kept here rather than read back from the buffer.
    struct ScriptRun {
        var code = 0
        var count = 0
        var afterSpace = true
    }

    @inline(__always)
    private func tally(_ run: inout ScriptRun) {
        if run.count > 0 {
            if scriptCounts[run.code] == 0 {
                touchedScripts[touchedCount] = Int32(run.code)
                touchedCount &+= 1
            }
            scriptCounts[run.code] &+= run.count
            run.count = 0
        }
    }

    @inline(__always)
    private func add(_ v: UInt32, _ bmp: UnsafePointer<UInt8>, _ letters: UnsafeMutablePointer<UInt32>,
                     _ w: inout Int, _ n: inout Int, _ run: inout ScriptRun, _ caseTable: UnsafePointer<UInt16>) {
        if v < 0x10000 {
            // Without branches on letter or not, which text makes unpredictable: a separator
            // writes a space that only counts after a letter.
            let l = UInt32(caseTable[Int(v)])
            let isLetter = l != 0
            letters[w] = isLetter ? l : 0x20
            w &+= isLetter || !run.afterSpace ? 1 : 0
            run.afterSpace = !isLetter
            // Script.isNeutral: Common, Inherited, Unknown.
            let code = isLetter ? Int(bmp[Int(v)]) : 0
            let counted = code > 1 && code != Int(Script.unknown.code)
            if counted && code != run.code {
                tally(&run)
                run.code = code
            }
            run.count &+= counted ? 1 : 0
            n &+= counted ? 1 : 0
            return
        }
        guard let l = FeatureExtractor.letterOutsideBMP(Unicode.Scalar(v)!) else {
            if !run.afterSpace { letters[w] = 0x20; w &+= 1 }
            run.afterSpace = true
            return
        }
        let code = Int(sf_script_of(v))
        letters[w] = l
        w &+= 1
        run.afterSpace = false
        if code > 1 && code != Int(Script.unknown.code) && code < 256 {
            if code != run.code {
                tally(&run)
                run.code = code
            }
            run.count &+= 1
            n &+= 1
        }
    }

    /// The languages that compete for the loaded text, and its dominant script (the most
    /// letters; the lower code on a tie). Clears the script counts.
    private func candidateLanguages(letters: Int) -> ([Int], Int32) {
        var dominant: Int32 = -1
        var most = 0
        for i in 0..<touchedCount {
            let c = touchedScripts[i]
            let k = scriptCounts[Int(c)]
            if k > most || (k == most && c < dominant) { dominant = c; most = k }
        }
        let kana = scriptCounts[Int(Script.hiragana.code)] + scriptCounts[Int(Script.katakana.code)]
        for i in 0..<touchedCount { scriptCounts[Int(touchedScripts[i])] = 0 }
        touchedCount = 0
        if kana > 0 && Double(kana) >= 0.05 * Double(letters) { return (japanese, dominant) }
        if let c = candidatesByCode[Int(dominant)] { return (c, dominant) }
        let c = languagesByScript[shortName(dominant)] ?? []
        candidatesByCode[Int(dominant)] = c
        return (c, dominant)
    }

    private func shortName(_ code: Int32) -> String {
        if let s = scriptNames[Int(code)] { return s }
        let s = Script(code: code).shortName
        scriptNames[Int(code)] = s
        return s
    }

    // MARK: Pass 2: scores

    /// The candidates' scores over the loaded text, best first (ties in candidate order), and
    /// the number of features read. With `earlyExit`, reading stops once the leader is certain.
    ///
    /// A feature's log-probability in a language is the floor of its order plus the weight in
    /// its postings; the weights are summed here and the floors, which depend only on how many
    /// features of each order there were, are added at the end.
    ///
    /// The weights are integers (units of the model's step): they are summed exactly, 8 to 16
    /// languages per SIMD add (dense blocks in C, `sf_apply_postings`, with AVX2 where the
    /// processor has it), in 16-bit lanes that are emptied into `Float` sums (exact below 2^24)
    /// before they can overflow, and only over the candidates' lanes (the model orders the
    /// languages by script). While the sums stay below 2^24 steps this gives the same scores as
    /// summing the products in `Float` did. The early-exit test and the final scores are
    /// computed lane by lane, 8 at a time, and gathered into candidate order at the end.
    ///
    /// A token's contribution to every language is the same wherever it occurs, and words follow
    /// Zipf's law: a token met for the first time keeps its list of table entries
    /// (`EntryCache`), and one met again its vector of contributions (`TokenCache`, up to its
    /// capacity), so a repeated word costs one vector add instead of a dozen table lookups.
    ///
    /// Given the candidates, it also stops early, as CLD2 stops reading a long document once it
    /// is sure: every few tokens past `EarlyExit.minFeatures` it computes the calibrated
    /// probability the rest of the candidates share, and finishes when that is below
    /// `EarlyExit.residual`. The probability reported is then that of the text read, which the
    /// calibration covers like any shorter text; long paragraphs cost what their first
    /// sentences cost.
    func rawScores(_ candidates: [Int], earlyExit: Bool = false, sorted: Bool = true) -> ([(Int, Float)], Int) {
        let features = score(candidates, earlyExit: earlyExit)
        var out: [(Int, Float)] = []
        out.reserveCapacity(candidates.count)
        for (j, l) in candidates.enumerated() { out.append((l, scores[j])) }
        if sorted { sortByScore(&out) }
        return (out, features)
    }

    /// `rawScores` into `scores` (in candidate order), returning the number of features.
    private func score(_ candidates: [Int], earlyExit: Bool) -> Int {
        let n = LanguageModel.lanes
        let counts = orderCounts
        let maxOrder = model.maxOrder
        counts.update(repeating: 0, count: maxOrder + 1)
        // Only the candidates' lanes are added up (a scatter may write others: they are
        // cleared here and never read).
        // The lanes and floors of a candidate set, found once per set (a few per script).
        if candidates != floorsCandidates {
            if let k = candidateSets.firstIndex(where: { $0.candidates == candidates }) {
                (candidateFloors, laneLow, laneHigh, floorsUniform) =
                    (candidateSets[k].floors, candidateSets[k].lo, candidateSets[k].hi, candidateSets[k].uniform)
            } else {
                var low = n, high = 0
                for l in candidates { low = min(low, l); high = max(high, l &+ 1) }
                laneLow = low & ~7
                laneHigh = min(n, (high &+ 7) & ~7)
                // (The first time, `candidateFloors` is the placeholder from init.)
                if candidateSets.isEmpty { candidateFloors.deallocate() }
                if candidateSets.count >= LanguageIdentifier.candidateSetLimit {
                    candidateSets.removeFirst().floors.deallocate()
                }
                let width = laneHigh - laneLow
                let size = max(8, width * (maxOrder + 2))
                let floors = UnsafeMutableRawPointer.allocate(byteCount: 4 * size, alignment: 64)
                    .bindMemory(to: Float.self, capacity: size)
                floors.initialize(repeating: LanguageIdentifier.noFloor, count: size)
                var uniform = true
                for o in 0...maxOrder {
                    for l in candidates {
                        floors[o &* width &+ l &- laneLow] = model.floor(language: l, order: o)
                        uniform = uniform && model.floor(language: l, order: o) == model.floor(language: candidates[0], order: o)
                    }
                }
                for l in candidates { floors[(maxOrder &+ 1) &* width &+ l &- laneLow] = 0 }
                floorsUniform = uniform
                candidateSets.append((candidates, floors, laneLow, laneHigh, uniform))
                candidateFloors = floors
            }
            floorsCandidates = candidates
            uniformCandidate = candidates[0]
        }
        acc.update(repeating: 0, count: n)
        sums.update(repeating: 0, count: n)
        budget = 0
        let lo = laneLow, hi = laneHigh
        let acc = self.acc
        let cache = tokenCache
        let entries = entryCache
        var cached = cache.count
        let text = letters
        let end = letterCount
        var tokens = 0
        candidates.withUnsafeBufferPointer { cand in
            // text[0] is a space; each token is followed by one or more.
            // The end and word hash (0 past `maxWordLength`) of the token at `start`.
            @inline(__always) func scan(_ start: Int) -> (Int, UInt64) {
                var stop = start
                var h = (FeatureExtractor.fnvOffset ^ 0x01) &* FeatureExtractor.fnvPrime
                while text[stop] != 0x20 {
                    h = FeatureExtractor.mix(h, text[stop])
                    stop &+= 1
                }
                return (stop, stop &- start <= FeatureExtractor.maxWordLength ? h : 0)
            }
            // A pipeline over the tokens: the cache slots of the token after next are fetched,
            // and the next token's vector, while this one is scored.
            @inline(__always) func fetchSlots(_ start: Int, _ stop: Int, _ hash: UInt64) {
                if stop &- start <= FeatureExtractor.maxWordLength {
                    cache.prefetch(hash)
                    entries.prefetch(hash)
                }
            }
            // The first letter at or after `k` (runs of ASCII separators leave runs of spaces).
            @inline(__always) func skip(_ k: Int) -> Int {
                var k = k
                while k < end && text[k] == 0x20 { k &+= 1 }
                return k
            }
            var start = skip(1)
            var (stop, wordHash) = start < end ? scan(start) : (0, 0)
            if start < end { fetchSlots(start, stop, wordHash) }
            var nextStart = skip(stop &+ 1)
            var (nextStop, nextHash) = start < end && nextStart < end ? scan(nextStart) : (0, UInt64(0))
            if start < end && nextStart < end { fetchSlots(nextStart, nextStop, nextHash) }
            // The current token's slot in the token cache when it was found a token ago.
            var slotAhead: Int32 = -1
            while start < end {
                let m = stop &- start
                var afterStart = nextStart
                var (afterStop, afterHash) = (0, UInt64(0))
                var nextSlot: Int32 = -1
                if nextStart < end {
                    afterStart = skip(nextStop &+ 1)
                    if afterStart < end {
                        (afterStop, afterHash) = scan(afterStart)
                        fetchSlots(afterStart, afterStop, afterHash)
                    }
                    if nextStop &- nextStart <= FeatureExtractor.maxWordLength {
                        nextSlot = cache.find(nextHash)
                        if nextSlot >= 0 {
                            let v = UnsafeRawPointer(cache.vector(Int(nextSlot)) + lo)
                            var b = 0
                            while b < (hi &- lo) &* 2 { sf_prefetch(v + b); b &+= 64 }
                        }
                    }
                }
                if m <= FeatureExtractor.maxWordLength {
                    // (A token not found a token ago may have been added since: "the the".)
                    let slot = slotAhead >= 0 ? slotAhead : cache.find(wordHash)
                    if slot >= 0 {
                        reserve(Int(cache.maxima[Int(slot)]))
                        LanguageIdentifier.addLanes(acc, cache.vector(Int(slot)), lo, hi)
                        // A token's feature counts follow from its length alone.
                        counts[0] &+= m
                        for o in 1..<maxOrder { counts[o] &+= max(0, m + 2 - o) }
                        counts[maxOrder] &+= 1
                    } else {
                        var recording = false
                        if let (list, c, lastIsWord) = entries.find(wordHash, length: m) {
                            // A token met again gets its vector kept (over all the lanes: it
                            // may come back in a text of another script) while the cache has
                            // room; tokens met once, most of a vocabulary, do not take the room.
                            var target = acc, tlo = lo, thi = hi
                            if cached < TokenCache.capacity {
                                cache.insert(wordHash, Int32(cached))
                                target = cache.vector(cached)
                                target.update(repeating: 0, count: n)
                                (tlo, thi) = (0, n)
                                recording = true
                            }
                            counts[0] &+= m
                            for o in 1..<maxOrder { counts[o] &+= max(0, m + 2 - o) }
                            counts[maxOrder] &+= 1
                            let postings = model.postings
                            for j in 0..<c where list[j] & 0xFF > 1 { sf_prefetch(postings + Int(list[j] >> 8)) }
                            apply(list, c, lastIsWord: lastIsWord, into: target, tlo, thi, budgeted: !recording)
                        } else {
                            addFeatures(text + (start &- 1), m, wordHash: wordHash, into: acc, lo, hi, record: true, budgeted: true)
                        }
                        if recording {
                            let target = cache.vector(cached)
                            var most: UInt16 = 0
                            for l in 0..<n { most = max(most, target[l]) }
                            cache.maxima[cached] = most
                            cached &+= 1
                            reserve(Int(most))
                            LanguageIdentifier.addLanes(acc, target, lo, hi)
                        }
                    }
                } else {
                    addFeatures(text + (start &- 1), m, wordHash: 0, into: acc, lo, hi, record: false, budgeted: true)
                }
                tokens &+= 1
                start = nextStart
                stop = nextStop
                wordHash = nextHash
                slotAhead = nextSlot
                nextStart = afterStart
                nextStop = afterStop
                nextHash = afterHash
                if earlyExit && tokens % EarlyExit.checkEvery == 0 && certain(cand) { break }
            }
        }
        cache.count = cached
        // Order by order over all the candidates at once; each score still adds its terms in
        // order (weights, then the floors of orders 0, 1 ...).
        laneTotals()
        let totals = self.totals
        var leader = 0
        for (j, l) in candidates.enumerated() {
            let s = totals[l &- lo]
            scores[j] = s
            if s > scores[leader] { leader = j }
        }
        bestCandidate = leader
        var features = 0
        for o in 0...maxOrder { features += counts[o] }
        return features
    }

    /// The largest of 8 lanes (`SIMD8.max()` is a call to a generic function here).
    @inline(__always)
    static func largest(_ v: SIMD8<Float>) -> Float {
        let a = v.lowHalf, b = v.highHalf
        let m = a.replacing(with: b, where: b .> a)
        let c = m.lowHalf, d = m.highHalf
        let n = c.replacing(with: d, where: d .> c)
        return n[1] > n[0] ? n[1] : n[0]
    }

    /// The summed weights of the lanes `laneLow..<laneHigh` as log-probabilities into `totals`
    /// (from 0), the lanes that are not candidates' sunk by `noFloor`.
    @inline(__always)
    private func weightTotals() {
        let lo = laneLow, width = laneHigh &- laneLow
        let step = SIMD8<Float>(repeating: model.step)
        let a = UnsafeRawPointer(acc + lo), s = UnsafeRawPointer(sums + lo)
        let t = UnsafeMutableRawPointer(totals)
        let mask = UnsafeRawPointer(candidateFloors + (model.maxOrder &+ 1) &* width)
        var i = 0
        while i < width {
            let wsum = s.load(fromByteOffset: i &* 4, as: SIMD8<Float>.self)
                + SIMD8<Float>(a.load(fromByteOffset: i &* 2, as: SIMD8<UInt16>.self))
            t.storeBytes(of: wsum * step + mask.load(fromByteOffset: i &* 4, as: SIMD8<Float>.self), toByteOffset: i &* 4, as: SIMD8<Float>.self)
            i &+= 8
        }
    }

    /// The scores of the lanes `laneLow..<laneHigh` into `totals` (from 0): the summed weights
    /// as a log-probability above the floors (exact while the sum is below 2^24 steps, as the
    /// sum of the products in `Float` was), then the floors of orders 0, 1 ... times their
    /// feature counts, 8 lanes at a time.
    @inline(__always)
    private func laneTotals() {
        let lo = laneLow, width = laneHigh &- laneLow
        let maxOrder = model.maxOrder
        let step = SIMD8<Float>(repeating: model.step)
        let a = UnsafeRawPointer(acc + lo), s = UnsafeRawPointer(sums + lo)
        let t = UnsafeMutableRawPointer(totals), f = UnsafeRawPointer(candidateFloors)
        var i = 0
        if floorsUniform {
            // Every candidate's floor term of order o is the same (k × f) × w: the same sums,
            // in one pass (the lanes that are not candidates' are not sunk: only the
            // candidates' are read after this).
            let terms = floorTerms
            for o in 0...maxOrder {
                terms[o] = Float(orderCounts[o]) * model.floor(language: uniformCandidate, order: o)
                    * (o == maxOrder ? model.wordWeight : 1)
            }
            while i < width {
                var v = (s.load(fromByteOffset: i &* 4, as: SIMD8<Float>.self)
                    + SIMD8<Float>(a.load(fromByteOffset: i &* 2, as: SIMD8<UInt16>.self))) * step
                for o in 0...maxOrder { v = v + SIMD8<Float>(repeating: terms[o]) }
                t.storeBytes(of: v, toByteOffset: i &* 4, as: SIMD8<Float>.self)
                i &+= 8
            }
            return
        }
        while i < width {
            let wsum = s.load(fromByteOffset: i &* 4, as: SIMD8<Float>.self)
                + SIMD8<Float>(a.load(fromByteOffset: i &* 2, as: SIMD8<UInt16>.self))
            t.storeBytes(of: wsum * step, toByteOffset: i &* 4, as: SIMD8<Float>.self)
            i &+= 8
        }
        for o in 0...maxOrder {
            let k = SIMD8<Float>(repeating: Float(orderCounts[o]))
            let w = SIMD8<Float>(repeating: o == maxOrder ? model.wordWeight : 1)
            let fo = f + o &* width &* 4
            i = 0
            while i < width {
                let v = t.load(fromByteOffset: i &* 4, as: SIMD8<Float>.self)
                    + k * fo.load(fromByteOffset: i &* 4, as: SIMD8<Float>.self) * w
                t.storeBytes(of: v, toByteOffset: i &* 4, as: SIMD8<Float>.self)
                i &+= 8
            }
        }
    }

    /// Makes room in `acc` for `amount` more in any lane.
    @inline(__always)
    private func reserve(_ amount: Int) {
        if budget &+ amount > Int(UInt16.max) { flush() }
        budget &+= amount
    }

    /// Empties the candidates' lanes of `acc` into `sums`.
    private func flush() {
        let acc = self.acc, sums = self.sums
        for l in laneLow..<laneHigh {
            sums[l] += Float(acc[l])
            acc[l] = 0
        }
        budget = 0
    }

    /// `dst[lo..<hi] += src[lo..<hi] × multiplier` (wrapping), 8 lanes at a time; `lo` and
    /// `hi` are multiples of 8 and `dst` is 16-byte aligned.
    @inline(__always)
    static func addLanes(_ dst: UnsafeMutablePointer<UInt16>, _ src: UnsafePointer<UInt8>, _ lo: Int, _ hi: Int,
                         multiplier: UInt16) {
        let d = UnsafeMutableRawPointer(dst), s = UnsafeRawPointer(src)
        var i = lo
        if multiplier == 1 {
            while i < hi {
                let a = d.load(fromByteOffset: i &* 2, as: SIMD8<UInt16>.self)
                let b = SIMD8<UInt16>(truncatingIfNeeded: s.loadUnaligned(fromByteOffset: i, as: SIMD8<UInt8>.self))
                d.storeBytes(of: a &+ b, toByteOffset: i &* 2, as: SIMD8<UInt16>.self)
                i &+= 8
            }
        } else {
            let k = SIMD8<UInt16>(repeating: multiplier)
            while i < hi {
                let a = d.load(fromByteOffset: i &* 2, as: SIMD8<UInt16>.self)
                let b = SIMD8<UInt16>(truncatingIfNeeded: s.loadUnaligned(fromByteOffset: i, as: SIMD8<UInt8>.self))
                d.storeBytes(of: a &+ b &* k, toByteOffset: i &* 2, as: SIMD8<UInt16>.self)
                i &+= 8
            }
        }
    }

    /// The same for 16-bit weights.
    @inline(__always)
    static func addLanes(_ dst: UnsafeMutablePointer<UInt16>, _ src: UnsafePointer<UInt16>, _ lo: Int, _ hi: Int,
                         multiplier: UInt16 = 1) {
        let d = UnsafeMutableRawPointer(dst), s = UnsafeRawPointer(src)
        var i = lo &* 2
        let stop = hi &* 2
        if multiplier == 1 {
            while i < stop {
                let a = d.load(fromByteOffset: i, as: SIMD8<UInt16>.self)
                let b = s.loadUnaligned(fromByteOffset: i, as: SIMD8<UInt16>.self)
                d.storeBytes(of: a &+ b, toByteOffset: i, as: SIMD8<UInt16>.self)
                i &+= 16
            }
        } else {
            let k = SIMD8<UInt16>(repeating: multiplier)
            while i < stop {
                let a = d.load(fromByteOffset: i, as: SIMD8<UInt16>.self)
                let b = s.loadUnaligned(fromByteOffset: i, as: SIMD8<UInt16>.self)
                d.storeBytes(of: a &+ b &* k, toByteOffset: i, as: SIMD8<UInt16>.self)
                i &+= 16
            }
        }
    }

    enum EarlyExit {
        static let minFeatures = 160
        static let checkEvery = 4
        static let residual = 1e-4
        /// ln(residual).
        static let logResidual = -9.210340371976182
    }

    /// Adds the features of the token `padded[1...m]` (`padded[0]` and `padded[m + 1]` are its
    /// spaces) into `target`, in `FeatureExtractor`'s order. The features go in chunks: all of
    /// a chunk's table slots are prefetched, then its postings, then the weights are added, so
    /// the cache misses of a chunk overlap instead of following one another.
    @inline(__always)
    private func addFeatures(_ padded: UnsafeMutablePointer<UInt32>, _ m: Int, wordHash: UInt64, into target: UnsafeMutablePointer<UInt16>,
                             _ lo: Int, _ hi: Int, record: Bool, budgeted: Bool) {
        let maxOrder = model.maxOrder
        let hashes = featureHashes, orders = featureOrders
        let counts = orderCounts
        let table = model.table, mask = model.slotMask
        var k = 0
        for i in 0...(m + 1) {
            var h = FeatureExtractor.fnvOffset
            let limit = min(maxOrder, m + 2 - i)
            var o = 0
            while o < limit {
                h = FeatureExtractor.mix(h, padded[i &+ o])
                // A lone pad is not a feature.
                if o != 0 || (i != 0 && i != m + 1) {
                    hashes[k] = h
                    orders[k] = o
                    counts[o] &+= 1
                    sf_prefetch(table + Int(h & mask) &* 2)
                    k &+= 1
                    if k == LanguageIdentifier.chunk {
                        // (Only tokens longer than a word are chunked; they are not recorded.)
                        addPostings(k, into: target, lo, hi, record: nil, budgeted: budgeted)
                        k = 0
                    }
                }
                o &+= 1
            }
        }
        if m <= FeatureExtractor.maxWordLength {
            hashes[k] = wordHash
            orders[k] = maxOrder
            counts[maxOrder] &+= 1
            sf_prefetch(table + Int(wordHash & mask) &* 2)
            k &+= 1
        }
        if k > 0 { addPostings(k, into: target, lo, hi, record: record ? (wordHash, m) : nil, budgeted: budgeted) }
    }

    /// Adds the postings of the first `k` features of the chunk into `target`, and with `record`
    /// (the token's word hash and length) keeps the token's list of entries in `entryCache`.
    @inline(__always)
    private func addPostings(_ k: Int, into target: UnsafeMutablePointer<UInt16>, _ lo: Int, _ hi: Int,
                             record: (UInt64, Int)?, budgeted: Bool) {
        let hashes = featureHashes, orders = featureOrders, list = featureEntries
        let postings = model.postings
        let maxOrder = model.maxOrder
        let dense = UInt32(model.denseMinimum)
        // The features that have postings, in order; a word feature can only be the last.
        var c = 0
        var lastIsWord = false
        for j in 0..<k {
            let e = model.entry(hashes[j])
            if e != 0 {
                // A dense block is read from the candidates' lanes on; a single posting is in
                // the entry.
                if e & 0xFF > 1 { sf_prefetch(postings + Int(e >> 8) + (e & 0xFF >= dense ? lo / 2 : 0)) }
                list[c] = e
                c &+= 1
                lastIsWord = orders[j] == maxOrder
            }
        }
        if let (hash, m) = record { entryCache.insert(hash, length: m, list, c, lastIsWord: lastIsWord) }
        apply(list, c, lastIsWord: lastIsWord, into: target, lo, hi, budgeted: budgeted)
    }

    /// Adds the postings of the table entries in `list` into lanes `lo..<hi` of `target` (and
    /// possibly others); with `lastIsWord` the last is a word feature's. With `budgeted` the
    /// target is `acc`, and room is made for the weights first.
    @inline(__always)
    private func apply(_ list: UnsafePointer<UInt32>, _ c: Int, lastIsWord: Bool, into target: UnsafeMutablePointer<UInt16>,
                       _ lo: Int, _ hi: Int, budgeted: Bool) {
        let postings = model.postings
        let dense = model.denseMinimum
        let wordMultiplier = model.wordMultiplier
        if budgeted { reserve(255 &* (c &+ (lastIsWord ? Int(wordMultiplier) &- 1 : 0))) }
        sf_apply_postings(list, c, lastIsWord ? 1 : 0, target, lo, hi, postings, UInt32(dense), wordMultiplier)
    }

    /// Whether the candidates other than the leader hold less than `EarlyExit.residual`
    /// of the calibrated probability, given the features so far.
    private func certain(_ candidates: UnsafeBufferPointer<Int>) -> Bool {
        let counts = orderCounts, totals = self.totals
        var features = 0
        for o in 0...model.maxOrder { features &+= counts[o] }
        guard features >= EarlyExit.minFeatures else { return false }
        // The same sums as `rawScores` makes at the end, lane by lane (the lanes in the range
        // that are not candidates' sink far below the candidates: they are never the leader
        // or the runner-up, and their terms are 0). When the candidates share their floors,
        // the floors add the same to every score and change no difference between two:
        // only the weights are summed (the differences then differ from the full sums' in
        // their rounding, a few parts in 10^7 of the floors' sum).
        if floorsUniform {
            weightTotals()
        } else {
            laneTotals()
        }
        let width = laneHigh &- laneLow
        let c = width
        // The leader, how many share its score, and the best score below it.
        let t = UnsafeRawPointer(totals)
        var top = SIMD8<Float>(repeating: -.infinity)
        var i = 0
        while i < width {
            let v = t.load(fromByteOffset: i &* 4, as: SIMD8<Float>.self)
            top.replace(with: v, where: v .> top)
            i &+= 8
        }
        let best = LanguageIdentifier.largest(top)
        var below = SIMD8<Float>(repeating: -.infinity)
        var ties = SIMD8<Int32>(repeating: 0)
        i = 0
        while i < width {
            let v = t.load(fromByteOffset: i &* 4, as: SIMD8<Float>.self)
            let isBest = v .== best
            ties &+= SIMD8<Int32>(repeating: 0).replacing(with: 1, where: isBest)
            below.replace(with: v, where: v .> below .& .!isBest)
            i &+= 8
        }
        let second = LanguageIdentifier.largest(below)
        if ties.wrappedSum() != 1 { return false }
        let tau = temperature(features)
        // The rest is a sum of non-negative terms, which is never below its largest term: when
        // the runner-up alone holds the residual (the usual case until the leader is clear),
        // the sum need not be taken. exp is increasing and within an ulp: only an exponent
        // within 1e-6 of ln(residual) needs it to decide.
        if second > -Float.infinity {
            let x = tau * Double(second - best)
            if x > EarlyExit.logResidual + 1e-6 { return false }
            if x >= EarlyExit.logResidual - 1e-6 && exp(x) >= EarlyExit.residual { return false }
            // Nor when the runner-up's term times the other candidates is below the residual
            // (each of them is at most the runner-up's).
            if x < EarlyExit.logResidual - log(Double(candidates.count &- 1)) - 1e-6 { return true }
        }
        // The terms below e^-40 (4e-18) are left out first: with at most 128 of them, and the
        // rounding of as many additions to a sum near the residual (1e-20 each), they move the
        // sum by less than 1e-15, so only a sum that close to the residual needs them.
        var rest = 0.0
        var small = false
        for j in 0..<c {
            let s = totals[j]
            if s < best {
                let x = tau * Double(s - best)
                if x > -40 { rest += exp(x) } else { small = true }
                // The terms are not negative: once the rest is too large it stays so.
                if rest >= EarlyExit.residual { return false }
            }
        }
        if !small || rest < EarlyExit.residual - 1e-15 { return true }
        rest = 0
        for j in 0..<c {
            let s = totals[j]
            if s < best {
                let x = tau * Double(s - best)
                // exp underflows to exactly 0 below -746: adding it would change nothing.
                if x > -750 { rest += exp(x) }
                if rest >= EarlyExit.residual { return false }
            }
        }
        return rest < EarlyExit.residual
    }

    /// Sorts by score, best first, ties in their present order (as a stable sort by `>`),
    /// through integer keys that compare like the scores.
    private func sortByScore(_ out: inout [(Int, Float)]) {
        let count = out.count
        guard count > 1, count < 1 << 32 else { return }
        sortKeys.removeAll(keepingCapacity: true)
        for (i, e) in out.enumerated() {
            guard e.1.isFinite else {
                out.sort { $0.1 > $1.1 }
                return
            }
            // -0 and +0 are equal scores: make them the same key.
            let bits = (e.1 + 0).bitPattern
            let ascending = bits & 0x8000_0000 != 0 ? ~bits : bits | 0x8000_0000
            sortKeys.append(UInt64(~ascending) << 32 | UInt64(i))
        }
        sortKeys.sort()
        let original = out
        for (j, key) in sortKeys.enumerated() { out[j] = original[Int(key & 0xFFFF_FFFF)] }
    }

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
        private let vectors: UnsafeMutablePointer<UInt16>
        let maxima: UnsafeMutablePointer<UInt16>
        /// Per slot, the top 48 bits of a word hash and its vector's index + 1 in the low 16
        /// (0: an empty slot): 8 bytes, so the table is 512 KB. (Two word hashes that share
        /// their top 48 bits would share a vector: once in 2^48 comparisons.)
        private let slots: UnsafeMutablePointer<UInt64>

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
        private func home(_ hash: UInt64) -> Int {
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
        private let slots: UnsafeMutablePointer<Slot>
        /// Pool offset << 17 | last is a word << 16 | length << 8 | list count, per slot; 0 for
        /// an empty slot.
        private let pool: UnsafeMutablePointer<UInt32>
        private let used: UnsafeMutablePointer<Int>

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
        private func home(_ hash: UInt64) -> Int {
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

    /// The best `top` candidates with their calibrated probabilities, best first, from the
    /// `features` features `score` just read into `scores`.
    ///
    /// The probabilities are a softmax over the scores sorted best first, its sum taken in that
    /// order. A score far enough below the best has an `exp` that underflows to exactly 0 and
    /// changes neither the sum nor its order, so only the scores near the best are sorted.
    private func rank(_ candidates: [Int], features: Int, top k: Int) -> [(code: String, probability: Double)] {
        let c = candidates.count
        let scores = self.scores
        // Temperature scaling: the more features, the more the same score gap means.
        let tau = temperature(max(features, 1))
        // (`score` found the best. A score of -infinity is left out below like any far one;
        // NaN cannot come from finite weights and floors.)
        let best = scores[bestCandidate]
        guard tau > 0, tau.isFinite, best.isFinite else {
            var raw: [(Int, Float)] = []
            for j in 0..<c { raw.append((candidates[j], scores[j])) }
            return rankAll(raw, tau: tau).prefix(k).map { (model.languages[$0.0].code, $0.1) }
        }
        let topScore = Double(best)
        // The sum starts with the best score's exp(0) = 1, so it is at least 1 throughout; the
        // terms below e^-28 (7e-13) are left out: at most 127 of them move it by less than
        // 1e-10 (relative), far below the printed digits, so only the scores near the best are
        // summed (a float comparison, with room for its rounding, picks them before any
        // double arithmetic). They are summed in candidate order, not best first: the sum may
        // differ from the sorted one in its last place, and nothing is sorted. The top k are
        // then selected from the near scores by keys that compare like the scores, best
        // first, then by candidate order (as a stable sort by `>` orders them).
        let keys = rankKeys, terms = rankTerms
        var near = 0
        var z = 0.0
        let cut = Float(topScore - 28.5 / tau)
        var j = sf_next_at_least(scores, 0, c, cut)
        while j < c {
            defer { j = sf_next_at_least(scores, j &+ 1, c, cut) }
            let x = tau * (Double(scores[j]) - topScore)
            if x > -28 {
                let e = exp(x)
                // -0 and +0 are equal scores: make them the same key.
                let bits = (scores[j] + 0).bitPattern
                let ascending = bits & 0x8000_0000 != 0 ? ~bits : bits | 0x8000_0000
                keys[near] = UInt64(~ascending) << 32 | UInt64(j)
                terms[near] = e
                z += e
                near &+= 1
            }
        }
        var out: [(code: String, probability: Double)] = []
        out.reserveCapacity(min(k, c))
        for i in 0..<min(k, near) {
            // Selection: the smallest key of the rest to position i.
            var m = i
            for q in (i &+ 1)..<near where keys[q] < keys[m] { m = q }
            if m != i {
                (keys[i], keys[m]) = (keys[m], keys[i])
                (terms[i], terms[m]) = (terms[m], terms[i])
            }
            let j = Int(keys[i] & 0xFFFF_FFFF)
            out.append((model.languages[candidates[j]].code, terms[i] / z))
        }
        if out.count >= k { return out }
        // The rest of the top from the far scores: the best each time, the first of equals (as
        // the stable sort would order them). A score taken is marked like a near one, so no
        // list of the far ones is built (most guesses come here: a confident one has few near).
        var taken = [Bool](filled: false, count: c)
        for i in 0..<near { taken[Int(keys[i] & 0xFFFF_FFFF)] = true }
        while out.count < k {
            var best = -1
            for j in 0..<c where !taken[j] && (best < 0 || scores[j] > scores[best]) { best = j }
            if best < 0 { break }
            taken[best] = true
            out.append((model.languages[candidates[best]].code, exp(tau * (Double(scores[best]) - topScore)) / z))
        }
        return out
    }

    /// Whether the best-scoring candidate explains the `features` just scored far worse than
    /// its own held-out text: a language the model has no profile for (the nearest profile
    /// wins such text, but by a score per feature its own text almost never has).
    private func isOutOfModel(_ candidates: [Int], features: Int) -> Bool {
        guard let typicality = model.typicality, features >= model.typicalityMinFeatures else { return false }
        let bestIndex = bestCandidate
        let language = candidates[bestIndex]
        let mean = typicality[2 * language], sd = typicality[2 * language + 1]
        guard sd > 0, scores[bestIndex].isFinite else { return false }
        return scores[bestIndex] / Float(features) - mean < model.typicalityGap
    }

    /// The softmax temperature for `features` features, remembered for the common counts.
    @inline(__always)
    private func temperature(_ features: Int) -> Double {
        if features >= 0 && features < LanguageIdentifier.temperatureSlots {
            let t = temperatures[features]
            if t == t { return t }
        }
        let t = Double(model.calibrationSlope) / pow(Double(features), Double(model.lengthExponent))
        if features >= 0 && features < LanguageIdentifier.temperatureSlots { temperatures[features] = t }
        return t
    }

    /// Sorts `keys[0..<n]` ascending: runs of 8 by insertion, then merged bottom-up (the
    /// library's sort is generic and stable, and costs several times more at this size).
    static func sortAscending(_ keys: UnsafeMutablePointer<UInt64>, _ n: Int, scratch: UnsafeMutablePointer<UInt64>) {
        let run = 8
        var start = 0
        while start < n {
            let end = min(start &+ run, n)
            var i = start &+ 1
            while i < end {
                let k = keys[i]
                var j = i
                while j > start && keys[j &- 1] > k {
                    keys[j] = keys[j &- 1]
                    j &-= 1
                }
                keys[j] = k
                i &+= 1
            }
            start = end
        }
        var src = keys, dst = scratch
        var width = run
        while width < n {
            var lo = 0
            while lo < n {
                let mid = min(lo &+ width, n), hi = min(lo &+ 2 &* width, n)
                var a = lo, b = mid, o = lo
                while a < mid && b < hi {
                    if src[b] < src[a] { dst[o] = src[b]; b &+= 1 } else { dst[o] = src[a]; a &+= 1 }
                    o &+= 1
                }
                while a < mid { dst[o] = src[a]; a &+= 1; o &+= 1 }
                while b < hi { dst[o] = src[b]; b &+= 1; o &+= 1 }
                lo = hi
            }
            swap(&src, &dst)
            width &*= 2
        }
        if src != keys { keys.update(from: src, count: n) }
    }

    /// The softmax over all the scores, as `rank` computes it in general.
    private func rankAll(_ unsorted: [(Int, Float)], tau: Double) -> [(Int, Double)] {
        var raw = unsorted
        sortByScore(&raw)
        let top = Double(raw[0].1)
        var probs = raw.map { (l, s) in (l, exp(tau * (Double(s) - top))) }
        let z = probs.reduce(0) { $0 + $1.1 }
        for i in probs.indices { probs[i].1 /= z }
        return probs
    }
}
