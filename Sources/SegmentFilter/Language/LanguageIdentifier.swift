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
    let languageCount: Int
    /// The candidates' scores, in candidate order.
    let scores: UnsafeMutablePointer<Float>
    /// `temperature`'s values by feature count (NaN until computed).
    static let temperatureSlots = 4096
    let temperatures: UnsafeMutablePointer<Double>
    /// `rank`'s sort keys, and room to merge them.
    let rankKeys: UnsafeMutablePointer<UInt64>
    let rankScratch: UnsafeMutablePointer<UInt64>
    /// The exp of each near score, beside its key.
    let rankTerms: UnsafeMutablePointer<Double>
    /// The weights of the features read so far, per language lane, in units of `model.step`:
    /// a 16-bit accumulator (8 lanes per SIMD add) that is emptied into the `Float` `sums`
    /// (exact below 2^24 steps) before it can overflow. `budget` bounds what `acc` holds in any
    /// lane.
    let acc: UnsafeMutablePointer<UInt16>
    let sums: UnsafeMutablePointer<Float>
    var budget = 0
    /// The lanes the candidates occupy, rounded out to whole SIMD vectors.
    var laneLow = 0
    var laneHigh = LanguageModel.lanes
    let orderCounts: UnsafeMutablePointer<Int>
    /// The scores so far per lane, from `laneLow` (lane `laneLow + i` at `i`).
    let totals: UnsafeMutablePointer<Float>
    /// The candidates' floors by lane, order by order: floor(language l, o) at
    /// o × (laneHigh - laneLow) + l - laneLow; a lane in the range that is not a candidate's
    /// holds `LanguageIdentifier.noFloor`, which sinks its score far below any candidate's once
    /// a feature is read. A last row (order maxOrder + 1) holds 0 for the candidates' lanes
    /// and `noFloor` for the others.
    var candidateFloors: UnsafeMutablePointer<Float>
    static let noFloor: Float = -1e20
    /// The candidates `candidateFloors` and the lanes hold, and the sets met before (their
    /// floors and lanes), the latest last.
    var floorsCandidates: [Int] = []
    var candidateSets: [(candidates: [Int], floors: UnsafeMutablePointer<Float>, lo: Int, hi: Int, uniform: Bool)] = []
    /// Whether the candidates share each order's floor (then the floors move every score
    /// alike, and the early-exit test leaves them out).
    var floorsUniform = false
    /// A candidate of the current set (whose floors all share when `floorsUniform`), and room
    /// for the floor terms of one paragraph.
    var uniformCandidate = 0
    let floorTerms: UnsafeMutablePointer<Float>
    static let candidateSetLimit = 16
    let tokenCache: TokenCache
    let entryCache = EntryCache()
    let scriptCounts: UnsafeMutablePointer<Int>
    /// The scripts counted so far (each once; codes are below 256), and how many. Buffers
    /// rather than arrays: an array in a class property costs a dynamic exclusivity check on
    /// every use.
    let touchedScripts: UnsafeMutablePointer<Int32>
    var touchedCount = 0
    /// For each script, the languages written in it.
    let languagesByScript: [String: [Int]]
    /// The same by script code, filled as scripts are met.
    let candidatesByCode: UnsafeMutablePointer<[Int]?>
    let scriptNames: UnsafeMutablePointer<String?>
    let japanese: [Int]
    /// Lower-cased letters of the text being identified: " tok1 tok2 ... tokN ", the tokens
    /// separated by one space, or by more where ASCII text was read 16 bytes at a time.
    var letters: UnsafeMutablePointer<UInt32>
    var letterCapacity: Int
    var letterCount = 0
    /// A chunk of one token's features: hashes and table entries.
    static let chunk = 128
    let featureHashes: UnsafeMutablePointer<UInt64>
    let featureEntries: UnsafeMutablePointer<UInt32>
    var sortKeys: [UInt64] = []
    var scalars: UnsafeMutablePointer<UInt32>
    var scalarCapacity = 1024
    let graphemeFlags: UnsafeMutablePointer<UInt8>
    /// The script code of the ASCII letters when the model's case table and the script table
    /// treat ASCII as `load`'s fast path does (letters A-Z and a-z, lower-cased, Latin), else 0;
    /// -1 until first needed.
    var asciiLatin = -1
    /// The candidate with the best score after `score` (the first of equals).
    var bestCandidate = 0

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
        featureEntries = .allocate(capacity: LanguageIdentifier.chunk)
    }

    /// `asciiLatin` as found from the tables (on first use: the script table is built lazily,
    /// and a run without text should not build it).
    static func asciiLatin(_ model: LanguageModel, _ bmp: UnsafePointer<UInt8>) -> Int {
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
    func decided(_ letters: Int, top: Int) -> LanguageGuess {
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
        // Not for Han text: every language written in Han alone is Chinese to a corpus filter,
        // and with thousands of characters, Chinese outside the training text's domain (a
        // recipe blog, a news portal) scores far below its held-out mean per feature without
        // being another language (a quarter of the page fixtures' Chinese paragraphs did).
        if dominant != Script.han.code && isOutOfModel(candidates, features: features) {
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

}
