import SegmentFilter

// One filter for the whole run (as a worker would hold), built on first use.
nonisolated(unsafe) var worker: DocumentFilter? = nil
nonisolated(unsafe) var jsonl: JSONLProcessor? = nil

/// libFuzzer's entry point: the input is used three ways, each with its own invariant.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    if worker == nil { worker = try! DocumentFilter(rules: try! RuleSet.load("news")) }
    let bytes = UnsafeBufferPointer(start: data, count: size)

    // 1. As a plain-text document: the cut lies on a paragraph start or at the end.
    let a = worker!.analyse(bytes)
    precondition(a.splitByte >= 0 && a.splitByte <= size)
    precondition(a.splitByte == size || a.paragraphs.contains { $0.byteRange.lowerBound == a.splitByte })

    // 2. As a JSON line: either a parse error or members whose ranges lie inside the line.
    if let (members, brace) = try? JSON.objectMembers(bytes) {
        precondition(brace < size)
        for m in members {
            precondition(m.valueRange.upperBound <= size)
            if m.valueIsString { _ = try? JSON.decodeString(bytes, m.valueRange) }
        }
    }

    // 3. As a JSON string's content: encoding then decoding gives the same string back.
    let s = String(decoding: bytes, as: UTF8.self)
    var encoded: [UInt8] = []
    JSON.appendString(s, to: &encoded)
    let back = encoded.withUnsafeBufferPointer { try? JSON.decodeString($0, 0..<$0.count) }
    precondition(back == s)
    return 0
}

// SwiftPM links an executable target's entry point under the name `<Target>_main`; hand the
// process to libFuzzer's driver from there.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> CInt

@_cdecl("SegfilterFuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var c = argc
    var v = argv
    return LLVMFuzzerRunDriver(&c, &v) { data, size in fuzz(data, size) }
}
