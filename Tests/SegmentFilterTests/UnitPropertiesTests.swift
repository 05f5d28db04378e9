import ICUShim
import Testing
@testable import SegmentFilter

@Suite struct UnitPropertiesTests {
    /// Folded unit by unit from the table, random text folds as ICU folds it whole; and text of
    /// inert units only is NFC by ICU's quick check.
    @Test func sameAsICU() {
        var properties = UnitProperties()
        defer { properties.free() }
        let lookup = properties.lookup()
        var rng = SplitMix(seed: 5)
        // Every unit once, then random texts drawn mostly from a few scripts' blocks.
        var texts: [[UInt16]] = (0...0xFFFF).map { [UInt16($0)] }
        let blocks: [ClosedRange<UInt16>] = [0x20...0x7E, 0xA0...0x24F, 0x300...0x36F, 0x370...0x3FF, 0x400...0x52F,
                                             0x1E00...0x1FFF, 0x3040...0x30FF, 0xAC00...0xAC40, 0x1100...0x1175, 0xD800...0xDFFF]
        for _ in 0..<20_000 {
            var t: [UInt16] = []
            for _ in 0..<Int(rng.next() % 16) {
                let b = blocks[Int(rng.next() % UInt64(blocks.count))]
                t.append(b.lowerBound + UInt16(rng.next() % UInt64(b.count)))
            }
            texts.append(t)
        }
        var folded = 0, inert = 0
        for t in texts {
            var out = [UInt16](repeating: 0, count: t.count)
            let ok = t.withUnsafeBufferPointer { b in out.withUnsafeMutableBufferPointer { lookup.fold(b, into: $0.baseAddress!) } }
            if ok {
                #expect(out == LiteralScanner.fold(t), "\(t)")
                folded += 1
            }
            if t.allSatisfy({ lookup.isInert($0) }) {
                #expect(t.withUnsafeBufferPointer { sf_nfc16($0.baseAddress, Int32($0.count), nil, 0) } == -2, "\(t)")
                inert += 1
            }
        }
        #expect(folded > 60_000)
        #expect(inert > 50_000)
    }
}
