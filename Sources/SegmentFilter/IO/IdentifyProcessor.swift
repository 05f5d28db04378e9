
/// Options of an `identify` run.
public struct IdentifyOptions: Sendable {
    /// The best this many languages per line.
    public var top = 1
    /// Input lines are JSON records; the language of `textField` is identified.
    public var jsonl = false
    public var textField = "text"
    /// Worker threads; output stays in input order.
    public var jobs = 1
    /// JSONL lines longer than this are errors (their bytes beyond it are never held in memory).
    public var maxLineBytes = 64 << 20
    /// Print the uncalibrated scores and the feature count instead (for the calibration
    /// tool, `tools/langdata/calibrate.py`).
    public var rawScores = false
    public init() {}
}

/// Identifies the language of every input line: one output line per input line, in input
/// order, `LANG<TAB>SCORE` pairs (like fastText's `predict` and langid.py).
///
/// Only a text's first 64 KiB (`DocumentFilter.analysisLimit`, cut at a code point boundary)
/// are read, as the filter reads a paragraph: they decide the language as well as 100 MB
/// would, and a plain line longer than that is never held in memory whole.
///
/// Lines are read in batches; with several jobs, the workers (one identifier each: an
/// identifier keeps per-text scratch state) claim a batch's lines a chunk at a time and format
/// their results into the chunk's own buffer, which this thread writes in order. Reading and
/// writing a batch cost a few percent of identifying it, so they are not overlapped with it.
public final class IdentifyProcessor {
    public let options: IdentifyOptions
    private let identifiers: [LanguageIdentifier]
    /// A batch ends at this many lines or at `batchByteLimit`.
    private let batchLines = 4096
    private let chunkLines = 64

    public init(options: IdentifyOptions, model: LanguageModel = .embedded) {
        self.options = options
        identifiers = (0..<max(1, options.jobs)).map { _ in LanguageIdentifier(model: model) }
    }

    /// A batch's lines, copied end to end into one buffer.
    private struct Batch {
        var bytes: [UInt8] = []
        var ends: [Int] = []
        var firstLine = 1
        var count: Int { ends.count }
        func line(_ i: Int, _ base: UnsafePointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
            let start = i == 0 ? 0 : ends[i - 1]
            return UnsafeBufferPointer(start: base + start, count: ends[i] - start)
        }
    }

    /// A chunk's output lines, and the first of its lines that could not be read (JSONL only).
    private struct ChunkOutput {
        var bytes: [UInt8] = []
        var failure: (index: Int, reason: String)? = nil
    }

    /// Identifies every line of `reader`, returning the number of lines. Throws `DataError`
    /// for a JSONL line that is not a JSON object with a string `textField` (after writing the
    /// lines before it), `IOError` on I/O.
    @discardableResult
    public func run(_ reader: LineReader, output: ByteWriter) throws -> Int {
        var batch = Batch()
        func flushBatch() throws {
            guard batch.count > 0 else { return }
            let chunks = process(batch)
            for chunk in chunks {
                try output.write(chunk.bytes)
                if let failure = chunk.failure {
                    try output.flush()
                    throw DataError(source: reader.displayName, line: batch.firstLine + failure.index, reason: failure.reason)
                }
            }
            batch.firstLine += batch.count
            batch.bytes.removeAll(keepingCapacity: true)
            batch.ends.removeAll(keepingCapacity: true)
        }
        // (A few bytes over the limit, so that a cut line can end on a code point boundary.)
        let limit = options.jsonl ? options.maxLineBytes : DocumentFilter.analysisLimit + 4
        // (A byte order mark before the first JSONL record is dropped, as the filter drops it.)
        var first = options.jsonl
        while try reader.nextLine(limit: limit, { line, tooLong in
            if tooLong && options.jsonl {
                try flushBatch()
                throw DataError(source: reader.displayName, line: reader.lineNumber,
                                reason: "line longer than the limit (\(options.maxLineBytes) bytes)")
            }
            let from = first && line.starts(with: byteOrderMark) ? byteOrderMark.count : 0
            first = false
            batch.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: line[from..<max(from, Self.sampleLength(line))]))
            batch.ends.append(batch.bytes.count)
        }) {
            // A full batch, or an input with nothing more ready (an interactive pipe): answer
            // what is there before blocking on the next read.
            if batch.count >= batchLines || batch.bytes.count >= batchByteLimit || reader.isDrained {
                try flushBatch()
                if reader.isDrained { try output.flush() }
                if Interruption.received != 0 {
                    try output.flush()
                    throw Interrupted(signal: Interruption.received)
                }
            }
        }
        try flushBatch()
        try output.flush()
        return batch.firstLine - 1
    }

    /// The batch's output, chunk by chunk in input order.
    private func process(_ batch: Batch) -> [ChunkOutput] {
        let chunkCount = (batch.count + chunkLines - 1) / chunkLines
        var chunks = [ChunkOutput](repeating: ChunkOutput(), count: chunkCount)
        batch.bytes.withUnsafeBufferPointer { b in
            // (An empty batch buffer may have no base address; every line is then empty.)
            let base = b.baseAddress ?? UnsafePointer(bitPattern: 1)!
            // Each worker uses only its own identifier.
            produceClaimed(into: &chunks, workers: identifiers.count) { c, w in chunk(c, of: batch, base, identifiers[w]) }
        }
        return chunks
    }

    /// The output lines of the batch's chunk `c`, stopping at the first line that cannot be read.
    private func chunk(_ c: Int, of batch: Batch, _ base: UnsafePointer<UInt8>, _ identifier: LanguageIdentifier) -> ChunkOutput {
        var out = ChunkOutput()
        out.bytes.reserveCapacity(chunkLines * 16 * options.top)
        var text: [UInt8] = []
        for i in (c * chunkLines)..<min(batch.count, (c + 1) * chunkLines) {
            let line = batch.line(i, base)
            if options.jsonl {
                do {
                    let (members, _) = try JSON.objectMembers(line)
                    guard let f = members.last(where: { $0.key == options.textField }), f.valueIsString else {
                        out.failure = (i, "no string \"\(options.textField)\" field")
                        return out
                    }
                    text.removeAll(keepingCapacity: true)
                    try JSON.decodeString(line, f.valueRange, into: &text, validated: true)
                } catch {
                    out.failure = (i, "invalid JSON: \(error)")
                    return out
                }
                text.withUnsafeBufferPointer { t in
                    appendResult(UnsafeBufferPointer(rebasing: t[0..<Self.sampleLength(t)]), identifier, to: &out.bytes)
                }
            } else {
                appendResult(line, identifier, to: &out.bytes)
            }
        }
        return out
    }

    /// The bytes of `text` that are read: at most `DocumentFilter.analysisLimit`, ending on a
    /// code point boundary.
    static func sampleLength(_ text: UnsafeBufferPointer<UInt8>) -> Int {
        utf8Prefix(text, 0..<text.count, DocumentFilter.analysisLimit)
    }

    /// One output line for `text`.
    private func appendResult(_ text: UnsafeBufferPointer<UInt8>, _ identifier: LanguageIdentifier, to out: inout [UInt8]) {
        if options.rawScores {
            // Features, then code/score pairs.
            let (scores, features) = identifier.rawScores(String(decoding: text, as: UTF8.self))
            out.append(contentsOf: ([String(features)] + scores.prefix(12).flatMap { [$0.code, String($0.score)] }).joined(separator: "\t").utf8)
            out.append(0x0A)
            return
        }
        let top = options.top
        let guess = identifier.identify(utf8: text, top: top)
        // No candidates, or a language without a profile: `und` first (then, for --top, the
        // nearest profiles).
        let undFirst = guess.top.isEmpty || guess.outOfModel
        if undFirst { out.append(contentsOf: guess.code.utf8); out.append(contentsOf: "\t0".utf8) }
        for (i, t) in guess.top.prefix(undFirst ? top - 1 : top).enumerated() {
            if i > 0 || undFirst { out.append(0x09) }
            out.append(contentsOf: t.code.utf8)
            out.append(0x09)
            Self.appendScore(t.probability, to: &out)
        }
        out.append(0x0A)
    }

    /// The probability with four decimals ("0.9731").
    static func appendScore(_ p: Double, to out: inout [UInt8]) {
        let v = Int((p * 10000).rounded())
        let whole = v / 10000
        if whole >= 0 && whole < 10 { out.append(UInt8(48 + whole)) } else { out.append(contentsOf: String(whole).utf8) }
        out.append(0x2E)
        var frac = v % 10000
        var d = 1000
        for _ in 0..<4 { out.append(UInt8(48 + frac / d)); frac %= d; d /= 10 }
    }
}
