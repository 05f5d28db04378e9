import Foundation

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

    public static func == (a: LanguageGuess, b: LanguageGuess) -> Bool {
        a.code == b.code && a.probability == b.probability && a.script == b.script && a.letters == b.letters
            && a.top.map(\.code) == b.top.map(\.code) && a.top.map(\.probability) == b.top.map(\.probability)
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
/// Not thread-safe (it reuses buffers); use one per worker.
public final class LanguageIdentifier {
    public let model: LanguageModel
    private var extractor: FeatureExtractor
    private var scores: [Float]
    private var orderCounts: [Int]
    private let tokenCache: TokenCache
    private var scriptCounts = [Int](repeating: 0, count: 256)
    private var touchedScripts: [Int32] = []
    /// For each script, the languages written in it.
    private let languagesByScript: [String: [Int]]

    /// Words that are links, addresses or paths carry no language.
    static func isLinkLike<S: StringProtocol>(_ chunk: S) -> Bool {
        chunk.contains("://") || chunk.hasPrefix("www.") || (chunk.contains("@") && chunk.contains("."))
    }

    /// A quick byte scan: only text with ':' followed by "//", "www." or '@' needs link removal.
    static func mayContainLinks(_ text: Substring) -> Bool {
        func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
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
        if let r = text.utf8.withContiguousStorageIfAvailable(scan) { return r }
        return Array(text.utf8).withUnsafeBufferPointer(scan)
    }

    public init(model: LanguageModel = .embedded) {
        self.model = model
        extractor = FeatureExtractor(model: model)
        scores = [Float](repeating: 0, count: model.languages.count)
        orderCounts = [Int](repeating: 0, count: model.maxOrder + 1)
        tokenCache = TokenCache(languages: model.languages.count)
        var byScript: [String: [Int]] = [:]
        for (i, l) in model.languages.enumerated() {
            for s in l.scripts { byScript[s, default: []].append(i) }
        }
        languagesByScript = byScript
    }

    /// The language of `text`, with up to `top` alternatives.
    public func identify(_ text: String, top: Int = 3) -> LanguageGuess { identify(text[...], top: top) }

    /// The language of `text`, with up to `top` alternatives.
    public func identify(_ text: Substring, top: Int = 3) -> LanguageGuess {
        // Pass 1: letters per script, over the text without links.
        var analysed = text
        if LanguageIdentifier.mayContainLinks(text) {
            analysed = Substring(text.split(whereSeparator: \.isWhitespace)
                .filter { !LanguageIdentifier.isLinkLike($0) }.joined(separator: " "))
        }
        let (perScript, letters) = scriptProfile(analysed.unicodeScalars)
        guard letters > 0 else { return .undetermined }
        let (candidates, dominant) = candidateLanguages(perScript: perScript, letters: letters)
        let scriptName = Script(code: dominant).shortName
        if candidates.isEmpty {
            return LanguageGuess(code: "und", probability: 0, top: [], script: scriptName, letters: letters)
        }
        if candidates.count == 1 {
            let code = model.languages[candidates[0]].code
            return LanguageGuess(code: code, probability: 0.99, top: [(code, 0.99)], script: scriptName, letters: letters)
        }
        // Pass 2: n-gram and word evidence for every language; only candidates are read out.
        let ranked = rank(analysed.unicodeScalars, candidates)
        let best = ranked.prefix(max(1, top)).map { (model.languages[$0.0].code, $0.1) }
        return LanguageGuess(code: best[0].0, probability: best[0].1, top: best, script: scriptName, letters: letters)
    }

    /// The uncalibrated log-likelihood of each candidate language, best first, and the number of
    /// features behind them: what `tools/langdata/calibrate.py` fits the temperature on. Empty
    /// when the script alone decides.
    public func rawScores(_ text: String) -> (scores: [(code: String, score: Double)], features: Int) {
        let scalars = text[...].unicodeScalars
        let (perScript, letters) = scriptProfile(scalars)
        guard letters > 0 else { return ([], 0) }
        let (candidates, _) = candidateLanguages(perScript: perScript, letters: letters)
        guard candidates.count > 1 else { return ([], 0) }
        let (raw, features) = rawScores(scalars, candidates)
        return (raw.map { (model.languages[$0.0].code, Double($0.1)) }, features)
    }

    /// With `earlyExit`, reading stops once the leader is certain (see `Accumulator`).
    func rawScores(_ text: Substring.UnicodeScalarView, _ candidates: [Int], earlyExit: Bool = false) -> ([(Int, Float)], Int) {
        for i in scores.indices { scores[i] = 0 }
        for i in orderCounts.indices { orderCounts[i] = 0 }
        let wordOrder = model.maxOrder
        scores.withUnsafeMutableBufferPointer { sc in
            orderCounts.withUnsafeMutableBufferPointer { oc in
                candidates.withUnsafeBufferPointer { cand in
                    var sink = Accumulator(model: model, scores: sc.baseAddress!, counts: oc.baseAddress!, cache: tokenCache,
                                           candidates: earlyExit ? cand : nil)
                    extractor.forEachFeature(in: text, into: &sink)
                }
            }
        }
        var out: [(Int, Float)] = []
        out.reserveCapacity(candidates.count)
        for l in candidates {
            var s = scores[l]
            for o in 0...wordOrder {
                let w: Float = o == wordOrder ? model.wordWeight : 1
                s += Float(orderCounts[o]) * model.floor(language: l, order: o) * w
            }
            out.append((l, s))
        }
        out.sort { $0.1 > $1.1 }
        return (out, orderCounts.reduce(0, +))
    }

    /// Adds each feature's weights to the languages in its postings.
    ///
    /// A token's contribution to every language is the same wherever it occurs, and words follow
    /// Zipf's law, so the contributions of the first `TokenCache.capacity` distinct short tokens
    /// are kept: a repeated word then costs one vector add instead of a dozen table lookups.
    ///
    /// Given the candidates, it also stops early, as CLD2 stops reading a long document once it
    /// is sure: every few tokens past `EarlyExit.minFeatures` it computes the calibrated
    /// probability the rest of the candidates share, and finishes when that is below
    /// `EarlyExit.residual`. The probability reported is then that of the text read, which the
    /// calibration covers like any shorter text; long paragraphs cost what their first
    /// sentences cost.
    struct Accumulator: FeatureSink {
        enum EarlyExit {
            static let minFeatures = 160
            static let checkEvery = 4
            static let residual = 1e-4
        }

        let model: LanguageModel
        let scores: UnsafeMutablePointer<Float>
        let counts: UnsafeMutablePointer<Int>
        let cache: TokenCache
        let candidates: UnsafeBufferPointer<Int>?
        var recording: Int32 = -1
        var target: UnsafeMutablePointer<Float>
        var tokens = 0
        private(set) var finished = false

        init(model: LanguageModel, scores: UnsafeMutablePointer<Float>, counts: UnsafeMutablePointer<Int>, cache: TokenCache,
             candidates: UnsafeBufferPointer<Int>? = nil) {
            self.model = model
            self.scores = scores
            self.counts = counts
            self.cache = cache
            self.candidates = candidates
            target = scores
        }

        /// Whether the candidates other than the leader hold less than `EarlyExit.residual`
        /// of the calibrated probability, given the features so far.
        func certain(_ candidates: UnsafeBufferPointer<Int>) -> Bool {
            var features = 0
            for o in 0...model.maxOrder { features &+= counts[o] }
            guard features >= EarlyExit.minFeatures else { return false }
            let wordOrder = model.maxOrder
            var best = -Float.infinity
            var totals: [Float] = []
            totals.reserveCapacity(candidates.count)
            for l in candidates {
                var s = scores[l]
                for o in 0...wordOrder {
                    s += Float(counts[o]) * model.floor(language: l, order: o) * (o == wordOrder ? model.wordWeight : 1)
                }
                totals.append(s)
                best = max(best, s)
            }
            let tau = Double(model.calibrationSlope) / pow(Double(features), Double(model.lengthExponent))
            var rest = 0.0
            for s in totals where s < best { rest += exp(tau * Double(s - best)) }
            return rest < EarlyExit.residual && totals.filter { $0 == best }.count == 1
        }

        @inline(__always)
        mutating func beginToken(length m: Int, wordHash: UInt64) -> Bool {
            guard m <= FeatureExtractor.maxWordLength else { return false }
            let n = cache.languages
            if let slot = cache.index[wordHash] {
                let v = cache.vectors + Int(slot) &* n
                for l in 0..<n { scores[l] += v[l] }
                // A token's feature counts follow from its length alone.
                counts[0] &+= m
                for o in 1..<model.maxOrder { counts[o] &+= max(0, m + 2 - o) }
                counts[model.maxOrder] &+= 1
                return true
            }
            if cache.count < TokenCache.capacity {
                recording = Int32(cache.count)
                cache.index[wordHash] = recording
                cache.count += 1
                target = cache.vectors + Int(recording) &* n
                target.update(repeating: 0, count: n)
            }
            return false
        }

        @inline(__always)
        mutating func feature(_ hash: UInt64, order: Int) {
            counts[order] &+= 1
            guard let (start, count) = model.lookup(hash) else { return }
            let s = order == model.maxOrder ? model.step * model.wordWeight : model.step
            var k = start
            let end = start &+ count
            while k < end {
                let p = model.postings[k]
                target[Int(p & 0xFF)] += Float(p >> 8) * s
                k &+= 1
            }
        }

        @inline(__always)
        mutating func endToken() {
            if recording >= 0 {
                let n = cache.languages
                for l in 0..<n { scores[l] += target[l] }
                recording = -1
                target = scores
            }
            tokens &+= 1
            if let candidates, tokens % EarlyExit.checkEvery == 0 { finished = certain(candidates) }
        }
    }

    /// Per-token contributions, per identifier (so per worker).
    final class TokenCache {
        static let capacity = 8192
        let languages: Int
        var index: [UInt64: Int32] = [:]
        var count = 0
        let vectors: UnsafeMutablePointer<Float>

        init(languages: Int) {
            self.languages = languages
            vectors = .allocate(capacity: TokenCache.capacity * languages)
            index.reserveCapacity(TokenCache.capacity)
        }

        deinit { vectors.deallocate() }
    }

    private func rank(_ text: Substring.UnicodeScalarView, _ candidates: [Int]) -> [(Int, Double)] {
        let (raw, features) = rawScores(text, candidates, earlyExit: true)
        // Temperature scaling: the more features, the more the same score gap means.
        let tau = Double(model.calibrationSlope) / pow(Double(max(features, 1)), Double(model.lengthExponent))
        let top = Double(raw[0].1)
        var probs = raw.map { (l, s) in (l, exp(tau * (Double(s) - top))) }
        let z = probs.reduce(0) { $0 + $1.1 }
        for i in probs.indices { probs[i].1 /= z }
        return probs
    }

    /// Letters per script (neutral characters not counted), counted in a fixed array because a
    /// dictionary update per letter would cost more than the rest of the identification.
    private func scriptProfile(_ scalars: Substring.UnicodeScalarView) -> ([Int32: Int], Int) {
        var letters = 0
        let table = ScriptTable.shared
        scriptCounts.withUnsafeMutableBufferPointer { counts in
            for scalar in scalars where extractor.letter(scalar) != nil {
                let s = table.script(of: scalar)
                if !s.isNeutral && s.code >= 0 && s.code < 256 {
                    if counts[Int(s.code)] == 0 { touchedScripts.append(s.code) }
                    counts[Int(s.code)] &+= 1
                    letters &+= 1
                }
            }
        }
        var profile: [Int32: Int] = [:]
        for c in touchedScripts {
            profile[c] = scriptCounts[Int(c)]
            scriptCounts[Int(c)] = 0
        }
        touchedScripts.removeAll(keepingCapacity: true)
        return (profile, letters)
    }

    /// The languages that compete for a text with these letters, and its dominant script.
    private func candidateLanguages(perScript: [Int32: Int], letters: Int) -> ([Int], Int32) {
        let dominant = perScript.max { a, b in a.value < b.value || (a.value == b.value && a.key > b.key) }!.key
        let kana = (perScript[Script.hiragana.code] ?? 0) + (perScript[Script.katakana.code] ?? 0)
        if kana > 0 && Double(kana) >= 0.05 * Double(letters) {
            return (model.languages.indices.filter { model.languages[$0].code == "ja" }, dominant)
        }
        return (languagesByScript[Script(code: dominant).shortName] ?? [], dominant)
    }

}
