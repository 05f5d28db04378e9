#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ICUShim
import SegfilterData

/// From scores to calibrated probabilities: the temperature by feature count, the softmax, and
/// the out-of-model test.
extension LanguageIdentifier {
    /// The best `top` candidates with their calibrated probabilities, best first, from the
    /// `features` features `score` just read into `scores`.
    ///
    /// The probabilities are a softmax over the scores sorted best first, its sum taken in that
    /// order. A score far enough below the best has an `exp` that underflows to exactly 0 and
    /// changes neither the sum nor its order, so only the scores near the best are sorted.
    func rank(_ candidates: [Int], features: Int, top k: Int) -> [(code: String, probability: Double)] {
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
    func isOutOfModel(_ candidates: [Int], features: Int) -> Bool {
        guard let typicality = model.typicality, features >= model.typicalityMinFeatures else { return false }
        let bestIndex = bestCandidate
        let language = candidates[bestIndex]
        let mean = typicality[2 * language], sd = typicality[2 * language + 1]
        guard sd > 0, scores[bestIndex].isFinite else { return false }
        return scores[bestIndex] / Float(features) - mean < model.typicalityGap
    }

    /// The softmax temperature for `features` features, remembered for the common counts.
    @inline(__always)
    func temperature(_ features: Int) -> Double {
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
    func rankAll(_ unsorted: [(Int, Float)], tau: Double) -> [(Int, Double)] {
        var raw = unsorted
        sortByScore(&raw)
        let top = Double(raw[0].1)
        var probs = raw.map { (l, s) in (l, exp(tau * (Double(s) - top))) }
        let z = probs.reduce(0) { $0 + $1.1 }
        for i in probs.indices { probs[i].1 /= z }
        return probs
    }
}
