#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ICUShim
import SegfilterData

/// Pass 2: the candidates' scores from the n-gram and word features of the loaded letters.
extension LanguageIdentifier {
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
    func score(_ candidates: [Int], earlyExit: Bool) -> Int {
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
    func weightTotals() {
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
    func laneTotals() {
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
    func reserve(_ amount: Int) {
        if budget &+ amount > Int(UInt16.max) { flush() }
        budget &+= amount
    }

    /// Empties the candidates' lanes of `acc` into `sums`.
    func flush() {
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
    func addFeatures(_ padded: UnsafeMutablePointer<UInt32>, _ m: Int, wordHash: UInt64, into target: UnsafeMutablePointer<UInt16>,
                             _ lo: Int, _ hi: Int, record: Bool, budgeted: Bool) {
        let maxOrder = model.maxOrder
        let hashes = featureHashes
        let counts = orderCounts
        let table = model.table, mask = model.slotMask
        let hasWord = m <= FeatureExtractor.maxWordLength
        // A token's feature counts follow from its length alone (as for a cached token).
        counts[0] &+= m
        for o in 1..<maxOrder { counts[o] &+= max(0, m + 2 - o) }
        if hasWord { counts[maxOrder] &+= 1 }
        var k = 0
        @inline(__always) func put(_ h: UInt64) {
            hashes[k] = h
            sf_prefetch(table + Int(h & mask) &* 2)
            k &+= 1
            if k == LanguageIdentifier.chunk {
                // (Only tokens longer than a word are chunked; they are not recorded.)
                addPostings(k, into: target, lo, hi, record: nil, wordLast: false, budgeted: budgeted)
                k = 0
            }
        }
        // Position 0 is the leading pad, whose 1-gram (a lone pad) is not a feature; the
        // trailing pad at m + 1 starts no other.
        for i in 0...m {
            var h = FeatureExtractor.mix(FeatureExtractor.fnvOffset, padded[i])
            if i != 0 { put(h) }
            let limit = min(maxOrder, m + 2 - i)
            var o = 1
            while o < limit {
                h = FeatureExtractor.mix(h, padded[i &+ o])
                put(h)
                o &+= 1
            }
        }
        if hasWord {
            hashes[k] = wordHash
            sf_prefetch(table + Int(wordHash & mask) &* 2)
            k &+= 1
        }
        if k > 0 { addPostings(k, into: target, lo, hi, record: record ? (wordHash, m) : nil, wordLast: hasWord, budgeted: budgeted) }
    }

    /// Adds the postings of the first `k` features of the chunk into `target`, and with `record`
    /// (the token's word hash and length) keeps the token's list of entries in `entryCache`.
    /// With `wordLast` the chunk's last feature is the token's word feature.
    @inline(__always)
    func addPostings(_ k: Int, into target: UnsafeMutablePointer<UInt16>, _ lo: Int, _ hi: Int,
                             record: (UInt64, Int)?, wordLast: Bool, budgeted: Bool) {
        let hashes = featureHashes, list = featureEntries
        let postings = model.postings
        let dense = UInt32(model.denseMinimum)
        // The features that have postings, in order; a word feature can only be the last.
        var c = 0
        var lastFound = -1
        for j in 0..<k {
            let e = model.entry(hashes[j])
            if e != 0 {
                // A dense block is read from the candidates' lanes on; a single posting is in
                // the entry.
                if e & 0xFF > 1 { sf_prefetch(postings + Int(e >> 8) + (e & 0xFF >= dense ? lo / 2 : 0)) }
                list[c] = e
                c &+= 1
                lastFound = j
            }
        }
        let lastIsWord = wordLast && lastFound == k &- 1
        if let (hash, m) = record { entryCache.insert(hash, length: m, list, c, lastIsWord: lastIsWord) }
        apply(list, c, lastIsWord: lastIsWord, into: target, lo, hi, budgeted: budgeted)
    }

    /// Adds the postings of the table entries in `list` into lanes `lo..<hi` of `target` (and
    /// possibly others); with `lastIsWord` the last is a word feature's. With `budgeted` the
    /// target is `acc`, and room is made for the weights first.
    @inline(__always)
    func apply(_ list: UnsafePointer<UInt32>, _ c: Int, lastIsWord: Bool, into target: UnsafeMutablePointer<UInt16>,
                       _ lo: Int, _ hi: Int, budgeted: Bool) {
        let postings = model.postings
        let dense = model.denseMinimum
        let wordMultiplier = model.wordMultiplier
        if budgeted { reserve(255 &* (c &+ (lastIsWord ? Int(wordMultiplier) &- 1 : 0))) }
        sf_apply_postings(list, c, lastIsWord ? 1 : 0, target, lo, hi, postings, UInt32(dense), wordMultiplier)
    }

    /// Whether the candidates other than the leader hold less than `EarlyExit.residual`
    /// of the calibrated probability, given the features so far.
    func certain(_ candidates: UnsafeBufferPointer<Int>) -> Bool {
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
    func sortByScore(_ out: inout [(Int, Float)]) {
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
}
