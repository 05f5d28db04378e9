import Foundation
import Testing
@testable import SegmentFilter

@Suite struct IdentifyProcessorTests {
    /// Runs `input` through an `IdentifyProcessor` via temporary files: its output, and the
    /// error it stopped with.
    func identify(_ input: [UInt8], _ options: IdentifyOptions) -> (output: String, error: DataError?) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("segfilter-identify-\(UInt64.random(in: 0...UInt64.max))")
        try! FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let inPath = dir.appendingPathComponent("in.txt"), outPath = dir.appendingPathComponent("out.txt")
        try! Data(input).write(to: inPath)
        let w = try! ByteWriter(path: outPath.path)
        var error: DataError? = nil
        do { try IdentifyProcessor(options: options).run(try LineReader(path: inPath.path), output: w) } catch let e as DataError {
            error = e
        } catch { Issue.record("unexpected \(error)") }
        try! w.close()
        return (String(decoding: try! Data(contentsOf: outPath), as: UTF8.self), error)
    }

    /// A line far over the sample (three-byte characters, so the cut falls inside one) is read
    /// up to the last whole code point before 64 KiB, and answered like its sample.
    @Test func aLongLineIsIdentifiedFromItsFirst64KiB() {
        let sentence = "東京では今日も雨が降っていますが、明日は晴れるでしょう。"
        let long = String(repeating: sentence, count: 3000)   // about 250 KB
        var options = IdentifyOptions()
        options.top = 2
        let (out, error) = identify(Array((long + "\nThe weather is nice today.\n").utf8), options)
        #expect(error == nil)
        let lines = out.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first?.hasPrefix("ja\t") == true, "\(out)")
        #expect(lines.last?.hasPrefix("en\t") == true)
        let sample = Array(long.utf8).withUnsafeBufferPointer { b in String(decoding: b[0..<IdentifyProcessor.sampleLength(b)], as: UTF8.self) }
        #expect(sample.utf8.count <= DocumentFilter.analysisLimit && sample.utf8.count > DocumentFilter.analysisLimit - 4)
        #expect(long.hasPrefix(sample))
        #expect(identify(Array((sample + "\n").utf8), options).output == String(lines[0]) + "\n")
    }

    /// A JSONL line over `maxLineBytes` stops the run at its line, after the lines before it.
    @Test func aJSONLLineOverTheLimitIsAnErrorAfterTheLinesBeforeIt() {
        var options = IdentifyOptions()
        options.jsonl = true
        options.maxLineBytes = 200
        let ok = "{\"text\": \"Le musée ouvre ses portes samedi matin.\"}\n"
        let long = "{\"text\": \"" + String(repeating: "Die Stadt plant einen neuen Radweg. ", count: 20) + "\"}\n"
        let (out, error) = identify(Array((ok + ok + long + ok).utf8), options)
        #expect(out.split(separator: "\n").count == 2)
        #expect(out.hasPrefix("fr\t"))
        #expect(error?.line == 3)
        #expect(error?.reason.contains("longer than") == true)
    }
}
