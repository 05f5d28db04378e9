/// Filters plain-text documents: each input (a file or standard input) is one document; the
/// primary content goes to the output and the appended material to its own stream, so that
/// the two together are the input's bytes exactly (invalid UTF-8 included).
public final class PlainTextProcessor {
    let filter: DocumentFilter
    /// Documents larger than this are passed through whole, unanalysed, with a warning.
    public var maxDocumentBytes: Int

    public init(filter: DocumentFilter, maxDocumentBytes: Int = 64 << 20) {
        self.filter = filter
        self.maxDocumentBytes = maxDocumentBytes
    }

    /// Processes one document. Returns nil when it was too large and was passed through.
    @discardableResult
    public func run(_ reader: LineReader, output: ByteWriter, appended: ByteWriter?, explain: ByteWriter?) throws -> DocumentAnalysis? {
        let (bytes, truncated) = try reader.readAll(limit: maxDocumentBytes)
        if truncated {
            // Too large to analyse: copy it through whole, streaming the rest.
            try output.write(bytes)
            try reader.copyRest(to: output)
            return nil
        }
        return try bytes.withUnsafeBufferPointer { b in
            let analysis = filter.analyse(b)
            try output.write(UnsafeBufferPointer(rebasing: b[0..<analysis.splitByte]))
            try appended?.write(UnsafeBufferPointer(rebasing: b[analysis.splitByte...]))
            if let explain { try explain.write(Report.explain(analysis, text: b, title: reader.displayName)) }
            return analysis
        }
    }
}
