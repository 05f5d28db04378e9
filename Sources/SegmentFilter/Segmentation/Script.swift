import ICUShim

/// A Unicode script as ICU numbers it (`UScriptCode`), named by its ISO 15924 code.
public struct Script: Hashable, Sendable, CustomStringConvertible {
    public let code: Int32

    public static let common = Script(code: 0)
    public static let inherited = Script(code: 1)
    public static let han = Script(code: 17)
    public static let hiragana = Script(code: 20)
    public static let katakana = Script(code: 22)
    public static let hangul = Script(code: 18)
    public static let latin = Script(code: 25)
    /// ICU's "unknown" script (Zzzz), for unassigned code points.
    public static let unknown = Script(code: 103)

    /// The ISO 15924 short name ("Latn").
    public var shortName: String { String(cString: sf_script_short_name(code)) }
    /// The long name ("Latin").
    public var longName: String { String(cString: sf_script_long_name(code)) }
    public var description: String { shortName }

    /// Common and Inherited characters (punctuation, digits, combining marks) take the script of
    /// their neighbours.
    public var isNeutral: Bool { code <= 1 || code == Script.unknown.code }

    /// Japanese kana: their presence means Japanese.
    public var isKana: Bool { self == .hiragana || self == .katakana }

    /// The script whose ISO 15924 name is `name`, or nil.
    public init?(shortName name: String) {
        guard let s = ScriptTable.shared.byName[name] else { return nil }
        self = s
    }

    init(code: Int32) { self.code = code }

    /// The script of one code point.
    public init(of scalar: Unicode.Scalar) { self = ScriptTable.shared.script(of: scalar) }
}

/// ICU's script property for the Basic Multilingual Plane, read once into a table so that the
/// per-character lookup on the hot path is one array load instead of a call into ICU.
final class ScriptTable: Sendable {
    static let shared = ScriptTable()

    let bmp: [UInt8]
    let byName: [String: Script]

    private init() {
        var table = [UInt8](repeating: 0, count: 0x10000)
        for cp in 0..<0x10000 {
            let code = sf_script_of(UInt32(cp))
            table[cp] = code >= 0 && code < 255 ? UInt8(code) : UInt8(Script.unknown.code)
        }
        bmp = table
        var names: [String: Script] = [:]
        for code in 0..<sf_script_code_limit() {
            let name = String(cString: sf_script_short_name(code))
            if !name.isEmpty { names[name] = Script(code: code) }
        }
        byName = names
    }

    @inline(__always)
    func script(of scalar: Unicode.Scalar) -> Script {
        let v = scalar.value
        if v < 0x10000 { return Script(code: Int32(bmp[Int(v)])) }
        return Script(code: sf_script_of(v))
    }
}

/// A maximal run of one script in a text, as a range of Unicode scalar indices.
public struct ScriptRun: Equatable, Sendable {
    public var script: Script
    /// Scalar offsets into the text.
    public var range: Range<Int>
    /// Letters in the run (characters of the run's own script, not neutral ones).
    public var letters: Int
}

public enum ScriptRuns {
    /// Splits `text` into script runs. Neutral characters (Common, Inherited) join the run
    /// before them, or the run after them at the start of the text, so "Tokyo (東京)" is two
    /// runs, not four.
    public static func runs(of text: String) -> [ScriptRun] {
        var runs: [ScriptRun] = []
        var index = 0
        for scalar in text.unicodeScalars {
            let s = Script(of: scalar)
            if s.isNeutral {
                if !runs.isEmpty { runs[runs.count - 1].range = runs[runs.count - 1].range.lowerBound..<(index + 1) }
            } else if var last = runs.last, last.script == s {
                last.range = last.range.lowerBound..<(index + 1)
                last.letters += 1
                runs[runs.count - 1] = last
            } else {
                let start = runs.isEmpty ? 0 : index
                runs.append(ScriptRun(script: s, range: start..<(index + 1), letters: 1))
            }
            index += 1
        }
        if runs.isEmpty && index > 0 { runs.append(ScriptRun(script: .common, range: 0..<index, letters: 0)) }
        return runs
    }
}
