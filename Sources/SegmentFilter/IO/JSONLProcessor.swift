import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// What to do with a record that cannot be processed (invalid JSON, no string text field, a
/// line over the size limit).
public enum ErrorPolicy: String, Sendable, CaseIterable {
    /// Stop with an error naming the file and line (exit status 1), after flushing the output.
    case fail
    /// Write the record and the reason to the rejects stream and go on.
    case skip
    /// Copy the record through unchanged and go on (it is still counted as a reject).
    case pass
}

/// A record that could not be processed, and why.
public struct DataError: Error, CustomStringConvertible {
    public var source: String
    public var line: Int
    public var reason: String
    public var description: String { "\(source):\(line): \(reason)" }
    public init(source: String, line: Int, reason: String) {
        self.source = source
        self.line = line
        self.reason = reason
    }
}

/// Options of a JSONL run.
public struct JSONLOptions: Sendable {
    public var textField = "text"
    public var onError = ErrorPolicy.fail
    /// Lines longer than this are rejects (their bytes beyond it are never held in memory).
    public var maxLineBytes = 64 << 20
    /// Worker threads; output stays in input order.
    public var jobs = 1
    /// Include the per-paragraph array in the `segfilter` object.
    public var paragraphs = true
    /// The member that identifies a record (for `--explain` and the attributes).
    public var idField = "id"
    /// Put the `segfilter` object inside this object member (datatrove's `metadata`) instead
    /// of at the top level; the member is created if the record lacks it.
    public var metadataField: String? = nil
    /// Leave the text field as it is (annotations only).
    public var annotateOnly = false
    /// Do not keep the appended text in the output (`segfilter.appended` is left out).
    public var dropAppended = false
    /// Write Dolma-style attribute lines (one per input record).
    public var attributes = false
    /// Add the evidence the tuning tools need to each paragraph (`top`, `cut_coherence`).
    public var debugEvidence = false
    public init() {}
}

/// Counts that reconcile: records = written + rejected (passed-through rejects are written too).
public struct RunSummary: Sendable {
    public var records = 0
    public var written = 0
    public var rejected = 0
    public var passedThrough = 0
    public var blankLines = 0
    public var withAppended = 0
    public var bytes = 0
    public var languages: [String: Int] = [:]
    public init() {}

    public mutating func add(_ o: RunSummary) {
        records += o.records; written += o.written; rejected += o.rejected; passedThrough += o.passedThrough
        blankLines += o.blankLines; withAppended += o.withAppended; bytes += o.bytes
        for (k, v) in o.languages { languages[k, default: 0] += v }
    }
}

/// Filters JSON Lines: one output line per input record, in input order, every member other
/// than the text field and `segfilter` written back byte for byte.
public final class JSONLProcessor {
    private var workers: [DocumentFilter]
    public let options: JSONLOptions
    /// A batch ends at this many records or at `batchByteLimit` (two batches and their output
    /// are held at once).
    private let batchSize = 512

    public init(filter: DocumentFilter, options: JSONLOptions) {
        self.options = options
        workers = [filter]
        for _ in 1..<max(1, options.jobs) { workers.append(filter.copy()) }
    }

    enum Outcome {
        /// The summary needs only these of a document's analysis: keeping the whole analysis
        /// until its batch is written kept a batch's paragraphs (cold by then) to free at once.
        case record([UInt8], analysis: (hasAppended: Bool, language: String)?, explain: String?, attributes: [UInt8]?)
        case reject(String)
        case blank
    }

    /// A batch of input lines and, once its analysis is done, their outcomes.
    private final class Batch: @unchecked Sendable {
        let lines: [([UInt8], Bool)]
        let firstLine: Int
        var outcomes: [Outcome] = []
        private let done = DispatchGroup()
        init(_ lines: [([UInt8], Bool)], firstLine: Int) {
            self.lines = lines
            self.firstLine = firstLine
        }
        /// Analyses the batch on another thread; `wait` returns when the outcomes are there.
        func start(_ processor: JSONLProcessor, explain: Bool) {
            // The processor's workers serve one batch at a time: `run` waits for this one
            // before it starts the next.
            nonisolated(unsafe) let processor = processor
            DispatchQueue.global().async(group: done) { self.outcomes = processor.process(self.lines, explain: explain) }
        }
        func wait() { done.wait() }
    }

    /// Processes every line of `reader`. Throws `DataError` under `.fail`, `IOError` on I/O.
    ///
    /// With more than one job, this thread reads the next batch and writes the previous one
    /// while the workers analyse the current one: reading and writing are the run's only
    /// serial parts, and left between the batches they idle every worker. With one job the
    /// analysis runs on this thread, so a one-job run uses one core.
    public func run(_ reader: LineReader, output: ByteWriter, rejects: ByteWriter, explain: ByteWriter?,
                    attributes: ByteWriter? = nil) throws -> RunSummary {
        var summary = RunSummary()
        var lines: [([UInt8], Bool)] = []
        var pendingBytes = 0   // the bytes of `lines`
        var nextLine = 1
        var inFlight: Batch? = nil
        // An error must not leave the workers running on a batch.
        defer { inFlight?.wait() }
        func write(_ batch: Batch) throws {
            for (i, outcome) in batch.outcomes.enumerated() {
                let lineNo = batch.firstLine + i
                let line = batch.lines[i].0
                switch outcome {
                case .blank:
                    summary.blankLines += 1
                case .record(let bytes, let analysis, let text, let attributeLine):
                    summary.records += 1
                    summary.written += 1
                    try output.write(bytes)
                    if let attributeLine, let attributes { try attributes.write(attributeLine) }
                    if let analysis {
                        if analysis.hasAppended { summary.withAppended += 1 }
                        summary.languages[analysis.language, default: 0] += 1
                    }
                    if let text, let explain { try explain.write(text) }
                case .reject(let reason):
                    summary.records += 1
                    summary.rejected += 1
                    // Attribute lines stay aligned 1:1 with the input records.
                    if let attributes { try attributes.write("{\"id\":null,\"attributes\":{}}\n") }
                    switch options.onError {
                    case .fail:
                        try output.flush()
                        throw DataError(source: reader.displayName, line: lineNo, reason: reason)
                    case .skip:
                        try rejects.write("\(reader.displayName):\(lineNo): \(reason)\t")
                        try rejects.write(line)
                        try rejects.write("\n")
                    case .pass:
                        summary.passedThrough += 1
                        summary.written += 1
                        try output.write(line)
                        try output.write("\n")
                    }
                }
                summary.bytes += line.count + 1
            }
        }
        /// Hands the lines read so far to the workers; with `finish`, also waits for them and
        /// writes everything.
        func dispatch(finish: Bool) throws {
            let batch = Batch(lines, firstLine: nextLine)
            nextLine += lines.count
            lines = []
            pendingBytes = 0
            let previous = inFlight
            previous?.wait()
            inFlight = nil
            if workers.count == 1 {
                batch.outcomes = process(batch.lines, explain: explain != nil)
                try write(batch)
                return
            }
            batch.start(self, explain: explain != nil)
            inFlight = batch
            if let previous { try write(previous) }
            if finish {
                batch.wait()
                inFlight = nil
                try write(batch)
            }
        }
        // A byte order mark before the first record (editors on Windows write one) is no JSON:
        // it is dropped, as a JSON reader that accepts it would.
        var first = true
        while try reader.nextLine(limit: options.maxLineBytes, { line, tooLong in
            if first && line.starts(with: byteOrderMark) {
                lines.append((Array(line.dropFirst(byteOrderMark.count)), tooLong))
            } else {
                lines.append((Array(line), tooLong))
            }
            first = false
            pendingBytes += line.count
        }) {
            // A full batch, or an input that has nothing more ready (an interactive pipe): finish
            // what is there and pass it on before blocking on the next read.
            if lines.count >= batchSize || pendingBytes >= batchByteLimit || reader.isDrained {
                try dispatch(finish: reader.isDrained || Interruption.received != 0)
                if reader.isDrained { try output.flush() }
                if Interruption.received != 0 {
                    try output.flush()
                    throw Interrupted(signal: Interruption.received)
                }
            }
        }
        try dispatch(finish: true)
        try output.flush()
        try rejects.flush()
        return summary
    }

    private func process(_ batch: [([UInt8], Bool)], explain: Bool) -> [Outcome] {
        var outcomes = [Outcome](repeating: .blank, count: batch.count)
        // Each worker uses only its own DocumentFilter.
        produceClaimed(into: &outcomes, workers: workers.count) { i, w in
            record(batch[i].0, tooLong: batch[i].1, worker: workers[w], explain: explain)
        }
        return outcomes
    }

    private func record(_ line: [UInt8], tooLong: Bool, worker: DocumentFilter, explain: Bool) -> Outcome {
        if tooLong { return .reject("line longer than --max-line-bytes (\(options.maxLineBytes) bytes)") }
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return .blank }
        return line.withUnsafeBufferPointer { l -> Outcome in
            let parsed: (members: [JSON.Member], closingBrace: Int)
            do { parsed = try JSON.objectMembers(l) } catch { return .reject("invalid JSON: \(error)") }
            guard let field = parsed.members.last(where: { $0.key == options.textField }) else {
                return .reject("no \"\(options.textField)\" field")
            }
            guard field.valueIsString else { return .reject("the \"\(options.textField)\" field is not a string") }
            var text: [UInt8] = []
            text.reserveCapacity(field.valueRange.count)
            // objectMembers has validated the whole line, this string included.
            do { try JSON.decodeString(l, field.valueRange, into: &text, validated: true) } catch { return .reject("invalid JSON: \(error)") }
            return text.withUnsafeBufferPointer { t -> Outcome in
                let analysis = worker.analyse(t)
                let primary = UnsafeBufferPointer(rebasing: t[0..<analysis.splitByte])
                let appended = UnsafeBufferPointer(rebasing: t[analysis.splitByte...])
                let object = Report.segfilterObject(analysis, appended: options.dropAppended ? nil : appended, paragraphs: options.paragraphs, debug: options.debugEvidence)
                var edits: [(Range<Int>, [UInt8])] = []
                edits.reserveCapacity(2)
                var encoded: [UInt8] = []
                if !options.annotateOnly {
                    // The quotes and a few escapes: grown once at most.
                    encoded.reserveCapacity(primary.count + 16)
                    JSON.appendString(primary, to: &encoded)
                    edits.append((field.valueRange, encoded))
                }
                if let meta = options.metadataField {
                    if let m = parsed.members.last(where: { $0.key == meta }) {
                        guard let inner = try? JSON.objectMembers(UnsafeBufferPointer(rebasing: l[m.valueRange])) else {
                            return .reject("the \"\(meta)\" field is not an object")
                        }
                        let base = m.valueRange.lowerBound
                        if let existing = inner.members.last(where: { $0.key == "segfilter" }) {
                            edits.append(((existing.valueRange.lowerBound + base)..<(existing.valueRange.upperBound + base), object))
                        } else {
                            let at = inner.closingBrace + base
                            edits.append((at..<at, Array((inner.members.isEmpty ? "\"segfilter\":" : ",\"segfilter\":").utf8) + object))
                        }
                    } else {
                        var member: [UInt8] = [UInt8(ascii: ",")]
                        JSON.appendString(meta, to: &member)
                        member += Array(":{\"segfilter\":".utf8) + object + [UInt8(ascii: "}")]
                        edits.append((parsed.closingBrace..<parsed.closingBrace, member))
                    }
                } else if let existing = parsed.members.last(where: { $0.key == "segfilter" }) {
                    edits.append((existing.valueRange, object))
                } else {
                    edits.append((parsed.closingBrace..<parsed.closingBrace, Array(",\"segfilter\":".utf8) + object))
                }
                edits.sort { $0.0.lowerBound < $1.0.lowerBound }
                var out: [UInt8] = []
                out.reserveCapacity(l.count + encoded.count + object.count + 16)
                var pos = 0
                for (range, bytes) in edits {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: l[pos..<range.lowerBound]))
                    out.append(contentsOf: bytes)
                    pos = range.upperBound
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: l[pos...]))
                out.append(0x0A)
                // The id only for the outputs that show it.
                func id() -> [UInt8]? {
                    parsed.members.last(where: { $0.key == options.idField }).map { Array(UnsafeBufferPointer(rebasing: l[$0.valueRange])) }
                }
                let title = explain ? id().map { String(decoding: $0, as: UTF8.self) } ?? "record" : ""
                return .record(out, analysis: (analysis.hasAppended, analysis.language), explain: explain ? Report.explain(analysis, text: t, title: title) : nil,
                               attributes: options.attributes ? Report.attributesLine(analysis, id: id(), textLength: codePoints(t)) : nil)
            }
        }
    }
}
