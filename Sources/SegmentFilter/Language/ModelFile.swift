import SegfilterData

/// The binary language model: read in place from the bytes embedded in the binary (or from a
/// file), with no parsing beyond the header, so start-up costs nothing.
///
/// Written by `tools/langdata/train.py`; the layout (little-endian, offsets from the start):
///
/// | offset | field |
/// |---|---|
/// | 0 | magic `SFLM`, u32 version (3) |
/// | 8 | u32 languages, u32 max n-gram order, u32 table slots (power of two), u32 postings |
/// | 24 | u32 offset and u32 length of the metadata (UTF-8 lines: code, name, scripts, chars) |
/// | 32 | u32 offset of the floors: f32[languages][order + 1], the last column for words |
/// | 36 | u32 offset of the hash table: slots of (u32 fingerprint, u32 start << 8 \| count); with count 1, the posting itself << 8 \| 1 |
/// | 40 | u32 offset of the postings: u16 (language \| quantised weight << 8); a dense feature's are a block of `lanes` u8 weights, one per language |
/// | 44 | u32 offset of the case table: u16[65536], the lower-case letter, 0 if not a letter |
/// | 48 | f32 quantisation step, f32 word weight, f32 calibration slope, f32 calibration bias |
/// | 64 | f32 short-text temperature exponent |
/// | 68 | u32 dense minimum: a feature with this many postings or more has a dense block |
/// | 72 | u32 lanes (128), u32 dense blocks |
/// | 80 | u32 offset of the typicality (0: none): f32[languages][2], the mean and sd of a language's winning score per feature on held-out text (sd 0: no test); f32 gap threshold; u32 minimum features (`tools/langdata/calibrate.py`); reserved to 128 |
///
/// A feature's log-probability in a language is `floor + weight × step`; a language absent
/// from a feature's postings scores the floor of that feature's order. The languages are
/// ordered by script (`tools/langdata/compact.py`), so a paragraph's candidates are a short
/// run of lanes; the dense blocks come first in the postings.
public struct LanguageModel: @unchecked Sendable {
    /// One language the model knows.
    public struct Language: Sendable, Hashable {
        /// ISO 639-1 where one exists, else ISO 639-3.
        public let code: String
        public let name: String
        /// ISO 15924 names of the scripts the language is written in.
        public let scripts: [String]
        /// Characters of training text behind the language's profile.
        public let trainingCharacters: Int
    }

    public let languages: [Language]
    let base: UnsafeRawPointer
    let count: Int
    let maxOrder: Int
    let slotMask: UInt64
    let floors: UnsafePointer<Float>
    let table: UnsafePointer<UInt32>
    let postings: UnsafePointer<UInt16>
    let caseTable: UnsafePointer<UInt16>
    let step: Float
    let wordWeight: Float
    let calibrationSlope: Float
    let calibrationBias: Float
    let lengthExponent: Float
    /// Entries with at least this many postings point at a dense block of `lanes` weights.
    let denseMinimum: Int
    static let lanes = 128
    /// The word weight as an integer (scores are summed in units of `step`).
    let wordMultiplier: UInt16
    /// Per language, the mean and standard deviation of its winning score per feature on
    /// held-out text (nil: no test for text in languages without a profile).
    let typicality: UnsafePointer<Float>?
    /// Text whose score per feature lies more than this below its language's mean (negative),
    /// from at least `typicalityMinFeatures` features, is out of model.
    let typicalityGap: Float
    let typicalityMinFeatures: Int

    public enum LoadError: Error, CustomStringConvertible {
        case malformed(String)
        public var description: String {
            switch self { case .malformed(let m): return "language model: \(m)" }
        }
    }

    /// The model embedded in the binary.
    public static let embedded: LanguageModel = {
        let blob = sf_language_model()
        do {
            return try LanguageModel(bytes: UnsafeRawPointer(blob.bytes), count: Int(blob.length))
        } catch {
            // The embedded model is checked by the tests; a build with a broken one is a bug.
            fatalError("segfilter: the embedded \(error)")
        }
    }()

    /// Reads a model from memory that stays valid for the model's lifetime.
    public init(bytes: UnsafeRawPointer, count: Int) throws {
        func u32(_ at: Int) -> Int { Int(bytes.loadUnaligned(fromByteOffset: at, as: UInt32.self).littleEndian) }
        func f32(_ at: Int) -> Float { Float(bitPattern: bytes.loadUnaligned(fromByteOffset: at, as: UInt32.self).littleEndian) }
        guard count >= 128, u32(0) == 0x4D4C_4653 else { throw LoadError.malformed("bad magic") }
        guard u32(4) == 3 else { throw LoadError.malformed("version \(u32(4)), expected 3") }
        let nLangs = u32(8), order = u32(12), slots = u32(16), nPostings = u32(20)
        let metaOffset = u32(24), metaLength = u32(28)
        let floorsOffset = u32(32), tableOffset = u32(36), postingsOffset = u32(40), caseOffset = u32(44)
        guard slots > 0, slots & (slots - 1) == 0, order >= 1, order <= 8, nLangs > 0, nLangs < 256,
              metaOffset + metaLength <= count,
              floorsOffset + 4 * nLangs * (order + 1) <= count,
              tableOffset + 8 * slots <= count,
              postingsOffset + 2 * nPostings <= count,
              caseOffset + 2 * 65536 <= count,
              floorsOffset % 4 == 0, tableOffset % 4 == 0, postingsOffset % 16 == 0, caseOffset % 2 == 0,
              u32(72) == LanguageModel.lanes, nLangs <= LanguageModel.lanes, u32(68) >= 1,
              u32(76) * LanguageModel.lanes / 2 <= nPostings
        else { throw LoadError.malformed("sections out of bounds") }
        // The metadata's lines and fields, split as bytes (a String split costs more than the
        // rest of the start-up of the model).
        let meta = UnsafeBufferPointer(start: (bytes + metaOffset).assumingMemoryBound(to: UInt8.self), count: metaLength)
        var langs: [Language] = []
        langs.reserveCapacity(nLangs)
        var lineStart = 0
        while lineStart < meta.count {
            var lineEnd = lineStart
            while lineEnd < meta.count && meta[lineEnd] != 0x0A { lineEnd += 1 }
            if lineEnd > lineStart {
                var fields: [String] = []
                var f = lineStart
                while true {
                    var e = f
                    while e < lineEnd && meta[e] != 0x09 { e += 1 }
                    fields.append(String(decoding: UnsafeBufferPointer(rebasing: meta[f..<e]), as: UTF8.self))
                    if e >= lineEnd { break }
                    f = e + 1
                }
                guard fields.count >= 4 else { throw LoadError.malformed("metadata line \(langs.count + 1)") }
                langs.append(Language(code: fields[0], name: fields[1],
                                      scripts: fields[2].split(separator: ",").map(String.init),
                                      trainingCharacters: Int(fields[3]) ?? 0))
            }
            lineStart = lineEnd + 1
        }
        guard langs.count == nLangs else { throw LoadError.malformed("\(langs.count) metadata lines for \(nLangs) languages") }
        languages = langs
        base = bytes
        self.count = count
        maxOrder = order
        slotMask = UInt64(slots - 1)
        floors = (bytes + floorsOffset).assumingMemoryBound(to: Float.self)
        table = (bytes + tableOffset).assumingMemoryBound(to: UInt32.self)
        postings = (bytes + postingsOffset).assumingMemoryBound(to: UInt16.self)
        caseTable = (bytes + caseOffset).assumingMemoryBound(to: UInt16.self)
        step = f32(48)
        wordWeight = f32(52)
        calibrationSlope = f32(56)
        calibrationBias = f32(60)
        lengthExponent = f32(64)
        denseMinimum = u32(68)
        let ww = f32(52)
        guard ww >= 1, ww <= 64, ww == ww.rounded() else { throw LoadError.malformed("word weight \(ww) is not a whole number") }
        wordMultiplier = UInt16(ww)
        let typicalityOffset = u32(80)
        guard typicalityOffset == 0 || (typicalityOffset % 4 == 0 && typicalityOffset + 8 * nLangs <= count) else {
            throw LoadError.malformed("typicality out of bounds")
        }
        typicality = typicalityOffset == 0 ? nil : (bytes + typicalityOffset).assumingMemoryBound(to: Float.self)
        typicalityGap = f32(84)
        typicalityMinFeatures = u32(88)
    }

    /// The table entry of a feature hash: start << 8 | count into `postings`, or 0 if absent.
    @inline(__always)
    func entry(_ hash: UInt64) -> UInt32 {
        let fp = UInt32(truncatingIfNeeded: hash >> 32) | 1
        var slot = hash & slotMask
        while true {
            let key = table[Int(slot) &* 2]
            if key == fp { return table[Int(slot) &* 2 &+ 1] }
            if key == 0 { return 0 }
            slot = (slot &+ 1) & slotMask
        }
    }

    /// The quantised weight of a table entry's feature in a language (0 if it has none).
    @inline(__always)
    func weight(entry: UInt32, language: Int) -> UInt16 {
        let start = Int(entry >> 8), count = Int(entry & 0xFF)
        if count >= denseMinimum { return UInt16(UnsafeRawPointer(postings + start).load(fromByteOffset: language, as: UInt8.self)) }
        if count == 1 { return Int(start & 0xFF) == language ? UInt16(start >> 8) : 0 }
        for k in start..<(start &+ count) {
            let p = postings[k]
            if Int(p & 0xFF) == language { return p >> 8 }
        }
        return 0
    }

    @inline(__always)
    func floor(language: Int, order: Int) -> Float { floors[language &* (maxOrder &+ 1) &+ order] }
}
