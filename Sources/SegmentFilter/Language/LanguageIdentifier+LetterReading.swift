#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ICUShim
import SegfilterData

/// Pass 1: the text decoded into lower-cased letters and tokens, letters counted per
/// script, and the candidate languages the scripts allow.
extension LanguageIdentifier {
    func reserveLetters(_ n: Int) {
        if n > letterCapacity {
            letters.deallocate()
            letterCapacity = max(n, 2 * letterCapacity)
            letters = .allocate(capacity: letterCapacity)
        }
    }

    /// Reads `text` into `letters` and counts its letters per script; returns the letter count.
    func load(_ text: Substring) -> Int {
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
    func readLetters(capacity: Int,
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
    func load(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
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
    func flags(_ v: UInt32) -> UInt8 {
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
    func loadWithoutLinks(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
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
    func tally(_ run: inout ScriptRun) {
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
    func add(_ v: UInt32, _ bmp: UnsafePointer<UInt8>, _ letters: UnsafeMutablePointer<UInt32>,
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
    ///
    /// Latin letters yield to another script that has a fair share of them: in a Korean or
    /// Chinese developer's post the Latin letters are identifiers and product names
    /// ("StepBuilder에 JobRepository를 넘기고"), longer than the prose around them, while an
    /// English paragraph that quotes a Korean name holds a handful of Hangul. The other script
    /// needs half as many letters as Latin has, a Hangul or Han character counting three (a
    /// syllable or a word).
    ///
    /// When the candidates are those of one script and the text also holds letters of others,
    /// only the tokens with a letter of that script are scored (``keepTokens(of:)``).
    func candidateLanguages(letters: Int) -> ([Int], Int32) {
        var dominant: Int32 = -1
        var most = 0, other: Int32 = -1, otherCount = 0
        for i in 0..<touchedCount {
            let c = touchedScripts[i]
            let k = scriptCounts[Int(c)]
            if k > most || (k == most && c < dominant) { dominant = c; most = k }
            if c != Script.latin.code && (k > otherCount || (k == otherCount && c < other)) { other = c; otherCount = k }
        }
        if dominant == Script.latin.code && other >= 0 {
            let weight = other == Script.hangul.code || other == Script.han.code ? 3 : 1
            if 2 * weight * otherCount >= most { dominant = other }
        }
        let kana = scriptCounts[Int(Script.hiragana.code)] + scriptCounts[Int(Script.katakana.code)]
        let mixed = dominant >= 0 && scriptCounts[Int(dominant)] < letters
        for i in 0..<touchedCount { scriptCounts[Int(touchedScripts[i])] = 0 }
        touchedCount = 0
        if kana > 0 && Double(kana) >= 0.05 * Double(letters) { return (japanese, dominant) }
        let c: [Int]
        if let known = candidatesByCode[Int(dominant)] {
            c = known
        } else {
            c = languagesByScript[shortName(dominant)] ?? []
            candidatesByCode[Int(dominant)] = c
        }
        if mixed && c.count > 1 { keepTokens(of: dominant) }
        return (c, dominant)
    }

    /// Drops from `letters` the tokens without a letter of `script`: the candidates are that
    /// script's languages, and a token in another script is evidence only for the candidates
    /// that are also written in it. In a Russian or Ukrainian line that names Telegram and
    /// Instagram, the Latin words made it Serbian (written in both scripts) with probability
    /// 1; in Serbian Latin text a quoted Cyrillic name would do the same. (Tokens of letters
    /// without a script of their own are kept.)
    func keepTokens(of script: Int32) {
        let text = letters, end = letterCount
        let bmp = ScriptTable.shared.bmp
        @inline(__always) func scriptOf(_ v: UInt32) -> Int32 {
            v < 0x10000 ? Int32(bmp[Int(v)]) : Int32(sf_script_of(v))
        }
        var w = 1
        var k = 1
        while k < end {
            if text[k] == 0x20 { k &+= 1; continue }
            var stop = k
            var keep = false, scripted = false
            while stop < end && text[stop] != 0x20 {
                let c = scriptOf(text[stop])
                if c == script { keep = true }
                if !Script(code: c).isNeutral { scripted = true }
                stop &+= 1
            }
            if keep || !scripted {
                for j in k..<stop { text[w] = text[j]; w &+= 1 }
                text[w] = 0x20
                w &+= 1
            }
            k = stop
        }
        letterCount = w
    }

    func shortName(_ code: Int32) -> String {
        if let s = scriptNames[Int(code)] { return s }
        let s = Script(code: code).shortName
        scriptNames[Int(code)] = s
        return s
    }
}
