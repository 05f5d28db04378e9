import ICUShim

/// Per UTF-16 unit, the two facts of ICU's that the matcher asks of every unit of a paragraph:
/// its full case folding (when that is one unit) and whether it leaves a text NFC. Asked of
/// ICU once per unit a worker meets, then read from a table: folding a paragraph with
/// `u_strFoldCase` and checking it with `unorm2_spanQuickCheckYes` took about 25 instructions a
/// unit, most paragraphs being outside ASCII.
///
/// Both are per code point, without context (full case folding is context-free; a text whose
/// characters all have NFC_Quick_Check Yes and combining class 0 is NFC), so unit by unit they
/// give what ICU gives for the whole text. Surrogates (supplementary characters) are left to ICU.
struct UnitProperties {
    /// Per unit: 0 not asked yet, else `learned` | ``sf_unit_info(_:)``.
    private var table: UnsafeMutablePointer<UInt32>? = nil

    private static let learned: UInt32 = 1 << 31
    private static let oneUnitFolding: UInt32 = 1 << 16
    private static let inert: UInt32 = 1 << 17

    /// The table, to read with the static functions below (a local pointer: reading a class's
    /// stored struct unit by unit cost an exclusivity check each).
    mutating func lookup() -> Lookup {
        if let table { return Lookup(table: table) }
        let t = UnsafeMutablePointer<UInt32>.allocate(capacity: 65536)
        t.initialize(repeating: 0, count: 65536)
        table = t
        return Lookup(table: t)
    }

    func free() { table?.deallocate() }

    struct Lookup {
        let table: UnsafeMutablePointer<UInt32>

        @inline(__always)
        private func info(_ u: UInt16) -> UInt32 {
            let v = table[Int(u)]
            if v != 0 { return v }
            let known = UnitProperties.learned | UInt32(truncatingIfNeeded: sf_unit_info(u))
            table[Int(u)] = known
            return known
        }

        /// Whether the unit leaves a text NFC (see above).
        @inline(__always)
        func isInert(_ u: UInt16) -> Bool { info(u) & UnitProperties.inert != 0 }

        /// Both: the unit's folding when it is one unit, and whether it is inert.
        @inline(__always)
        func facts(_ u: UInt16) -> (folding: UInt16?, inert: Bool) {
            let v = info(u)
            return (v & UnitProperties.oneUnitFolding != 0 ? UInt16(truncatingIfNeeded: v) : nil, v & UnitProperties.inert != 0)
        }

        /// ICU's full case folding of `text` into `out` (room for `text.count`), or false
        /// (nothing known of `out`) when a unit does not fold to one unit.
        func fold(_ text: UnsafeBufferPointer<UInt16>, into out: UnsafeMutablePointer<UInt16>) -> Bool {
            for i in 0..<text.count {
                let v = info(text[i])
                if v & UnitProperties.oneUnitFolding == 0 { return false }
                out[i] = UInt16(truncatingIfNeeded: v)
            }
            return true
        }
    }
}
