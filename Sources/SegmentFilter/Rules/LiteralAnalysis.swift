import Dispatch
import SegfilterData

/// A pattern's literal analysis (``RequiredLiterals``), and the analyses of the built-in rule
/// sets' patterns worked out ahead of time.
///
/// Reading 120 regexes for their literals took about half the instructions of a process that
/// filters one small document (107 of 208 million; 119 million in all with the file), since the
/// prefilter must exist before the first paragraph is matched. The result depends only on the regex, so
/// `rules/prefilter.analysis` holds it for every built-in pattern (written by
/// `tools/rules/write-analysis.sh`, embedded like the rule sets), and only a pattern that is not
/// there, from an edited or a user's rule file, is analysed at start-up. A test checks that the
/// file is complete and equal to a fresh analysis.
enum LiteralAnalysis {
    typealias Result = (clauses: [Set<String>]?, lead: RequiredLiterals.Parser.Lead?)

    /// The analysis worked out from the regex.
    static func fresh(_ regex: String) -> Result {
        (RequiredLiterals.clauses(of: regex), RequiredLiterals.starts(of: regex))
    }

    /// Whether two analyses are the same (clause order included: the scanner's clause ids
    /// follow it).
    static func same(_ a: Result, _ b: Result) -> Bool {
        guard a.clauses == b.clauses else { return false }
        switch (a.lead, b.lead) {
        case (nil, nil): return true
        case let (x?, y?):
            return x.literals == y.literals && x.offset == y.offset && x.anchored == y.anchored && x.atZero == y.atZero
        default: return false
        }
    }

    /// The embedded analysis of `regex`, or `nil` when the file does not hold it.
    static func embedded(_ regex: String) -> Result? {
        guard let entry = embeddedTable[key(regex)], entry.regex == regex else { return nil }
        return entry.result
    }

    /// The analyses embedded in the binary, by ``key(_:)`` of their regex. (Swift hashes a
    /// String through its normalised form: hashing 200 KB of regexes that way cost a quarter of
    /// the time this table saves.)
    /// (Read in pieces on every core: a process that filters one small file waits for it.)
    private static let embeddedTable: [UInt64: (regex: String, result: Result)] = {
        let bytes = embeddedBytes
        guard let body = bodyStart(bytes) else { return [:] }
        // Pieces that start at an entry ("P " at the start of a line).
        let workers = RuleMatcher.Prefilter.analysisThreads
        var bounds = [body]
        for w in 1..<workers {
            var k = max(bounds.last!, body + (bytes.count - body) * w / workers)
            while k < bytes.count && !(bytes[k - 1] == 0x0A && bytes[k] == UInt8(ascii: "P")) { k += 1 }
            bounds.append(k)
        }
        bounds.append(bytes.count)
        var pieces = [[(regex: String, result: Result)]?](repeating: nil, count: bounds.count - 1)
        produceClaimed(into: &pieces, workers: workers) { i, _ in
            entries(UnsafeRawBufferPointer(rebasing: bytes[bounds[i]..<bounds[i + 1]]))
        }
        var table: [UInt64: (regex: String, result: Result)] = [:]
        for piece in pieces {
            // A piece that does not read is the file not read: every pattern is analysed.
            guard let piece else { return [:] }
            for (regex, result) in piece { table[key(regex)] = (regex, result) }
        }
        return table
    }()

    /// Starts reading the embedded analyses on another thread, so that a later ``embedded(_:)``
    /// finds them read (or waits for the rest).
    static func readEmbeddedAhead() {
        DispatchQueue.global().async { _ = embeddedTable.count }
    }

    private static var embeddedBytes: UnsafeRawBufferPointer {
        let blob = sf_prefilter_analysis()
        return UnsafeRawBufferPointer(start: blob.bytes, count: Int(blob.length))
    }

    /// The embedded file's text.
    static var embeddedFile: String { String(decoding: embeddedBytes, as: UTF8.self) }

    /// FNV-1a over the regex's UTF-8 bytes (the language features' constants).
    private static func key(_ regex: String) -> UInt64 {
        var h = FeatureExtractor.fnvOffset
        for b in regex.utf8 { h = (h ^ UInt64(b)) &* FeatureExtractor.fnvPrime }
        return h
    }

    // MARK: The file

    // One entry per regex, in lines:
    //   P <regex>                        the pattern (starts an entry)
    //   C <literal>␟<literal>…           one line per clause, in order; none: no clauses
    //   L <offset> <0|1> <literal>␟…     the lead (offset, anchored, literals); none: no lead
    //   Z <literal>␟…                    the lead's `atZero` literals, when known
    // Fields are escaped: backslash, newline, carriage return and ␟ (U+001F) as \\ \n \r \u.
    static let header = "segfilter prefilter analysis 1"
    private static let unit: Character = "\u{1F}"

    /// The file for `regexes` (each once, in the order given).
    static func serialize(_ regexes: [String]) -> String {
        var out = header + "\n"
        var seen = Set<String>()
        for regex in regexes where seen.insert(regex).inserted {
            let r = fresh(regex)
            out += "P " + escape(regex) + "\n"
            for clause in r.clauses ?? [] { out += "C " + join(clause.sorted()) + "\n" }
            if let lead = r.lead {
                out += "L \(lead.offset) \(lead.anchored ? 1 : 0) " + join(lead.literals) + "\n"
                if let z = lead.atZero { out += "Z " + join(z) + "\n" }
            }
        }
        return out
    }

    /// The entries of a file; an empty table when the header is not this version's (every
    /// pattern is then analysed at start-up, as before the file existed). Read as bytes: with
    /// String's character view, reading the file cost more than the analysis it saves.
    static func parse(_ bytes: UnsafeRawBufferPointer) -> [(regex: String, result: Result)] {
        guard let body = bodyStart(bytes) else { return [] }
        return entries(UnsafeRawBufferPointer(rebasing: bytes[body...])) ?? []
    }

    /// Where the entries start: after the header line, if it is this version's.
    private static func bodyStart(_ bytes: UnsafeRawBufferPointer) -> Int? {
        let head = Array(header.utf8) + [0x0A]
        guard bytes.count >= head.count, zip(bytes, head).allSatisfy({ $0 == $1 }) else { return nil }
        return head.count
    }

    /// The entries of the file's lines in `bytes` (whole lines, from an entry's first); nil when
    /// a line does not read.
    private static func entries(_ bytes: UnsafeRawBufferPointer) -> [(regex: String, result: Result)]? {
        var table: [(regex: String, result: Result)] = []
        var regex: String?
        var clauses: [Set<String>] = []
        var lead: RequiredLiterals.Parser.Lead?
        func finish() {
            if let regex { table.append((regex, (clauses.isEmpty ? nil : clauses, lead))) }
        }
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != 0x0A { end += 1 }
            defer { start = end + 1 }
            guard end - start >= 2 else { continue }
            let body = UnsafeRawBufferPointer(rebasing: bytes[(start + 2)..<end])
            switch bytes[start] {
            case UInt8(ascii: "P"):
                finish()
                regex = unescape(body)
                clauses = []
                lead = nil
            case UInt8(ascii: "C"):
                clauses.append(Set(fields(body)))
            case UInt8(ascii: "L"):
                // "<offset> <0|1> <literals>" (the literals may be empty, the space before them is not)
                guard let space = body.firstIndex(of: 0x20), body.count >= space + 3,
                      let offset = Int(String(decoding: body[..<space], as: UTF8.self)) else { return nil }
                lead = (fields(UnsafeRawBufferPointer(rebasing: body[(space + 3)...])), offset,
                        body[space + 1] == UInt8(ascii: "1"), nil)
            case UInt8(ascii: "Z"):
                lead?.atZero = fields(body)
            default:
                return nil
            }
        }
        finish()
        return table
    }

    /// The ␟-separated fields of `body`, unescaped.
    private static func fields(_ body: UnsafeRawBufferPointer) -> [String] {
        guard !body.isEmpty else { return [] }
        var out: [String] = []
        var from = 0
        for k in 0...body.count where k == body.count || body[k] == 0x1F {
            out.append(unescape(UnsafeRawBufferPointer(rebasing: body[from..<k])))
            from = k + 1
        }
        return out
    }

    private static func unescape(_ field: UnsafeRawBufferPointer) -> String {
        guard field.contains(UInt8(ascii: "\\")) else { return String(decoding: field, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(field.count)
        var escaped = false
        for b in field {
            if escaped {
                switch b {
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "u"): out.append(0x1F)
                default: out.append(b)
                }
                escaped = false
            } else if b == UInt8(ascii: "\\") {
                escaped = true
            } else {
                out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func join(_ literals: [String]) -> String {
        literals.map(escape).joined(separator: String(unit))
    }

    private static func escape(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\u{1F}": out += "\\u"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
