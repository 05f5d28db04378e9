/// The literal strings a regular expression cannot match without: a set such that every match
/// contains at least one of them.
///
/// Running two dozen case-insensitive ICU patterns over every candidate paragraph was most of
/// segfilter's time, and almost all of those runs find nothing. Like RE2's and Hyperscan's
/// prefilters, one scan for the patterns' required literals (``LiteralScanner``) decides which
/// patterns can match at all, and only those run. The analysis is conservative: when it is
/// unsure (lookarounds, backreferences, `\Q`, free-spacing mode, optional or repeated parts) it
/// drops that part's requirement, and when nothing is left the pattern has no prefilter and
/// always runs.
enum RequiredLiterals {
    /// The required literals of `regex`, or `nil` when the analysis finds no useful set.
    /// Literals are returned as written; the scanner case-folds them (a superset of what a
    /// case-sensitive pattern needs, so folding never loses a match).
    static func of(_ regex: String) -> Set<String>? {
        var parser = Parser(Array(regex.unicodeScalars))
        guard let info = parser.parseAlternation(), parser.atEnd, let r = usable(info.required) else { return nil }
        return Set(r)
    }

    /// All the literal sets `regex` needs at once: every match contains a literal of each set.
    /// A co-occurrence pattern ("a word for error, then one for translation, or the other way
    /// round") needs one literal of each list; requiring both keeps its regex from running on
    /// every paragraph that merely says "error". `nil` when nothing is required.
    static func clauses(of regex: String) -> [Set<String>]? {
        var parser = Parser(Array(regex.unicodeScalars))
        guard let info = parser.parseAlternation(), parser.atEnd else { return nil }
        var out: [Set<String>] = []
        for c in info.clauses + [info.required].compactMap({ $0 }) {
            guard let u = usable(c) else { continue }
            let set = Set(u)
            if !out.contains(set) { out.append(set) }
        }
        // (Each set's key computed once, not at every comparison: the same comparisons, so
        // the same order.)
        let keys = out.map { leastSelectivity(Array($0)) }
        let order = out.indices.sorted { keys[$0] > keys[$1] }
        out = order.map { out[$0] }
        return out.isEmpty ? nil : Array(out.prefix(maxClauses))
    }

    /// Largest set kept, and largest cross product of exact sets.
    static let maxLiterals = 256
    static let maxProduct = 64
    static let maxClauses = 8

    /// What is known about the text a piece of a pattern matches.
    struct Info {
        /// The piece matches exactly one of these strings, or `nil` when unknown. (Arrays, not
        /// sets: a pattern is read one character at a time, and hashing every prefix of every
        /// literal was a measurable part of start-up.)
        var exact: [String]?
        /// Every match of the piece contains one of these strings, or `nil` when unknown.
        var required: [String]?
        /// Further literal sets every match needs, all of them (usable sets only).
        var clauses: [[String]] = []

        static let empty = Info(exact: [""], required: nil)
        static let unknown = Info(exact: nil, required: nil)
        static func literal(_ c: Unicode.Scalar) -> Info { Info(exact: [String(c)], required: nil) }

        var requiredOrExact: [String]? { better(required, exact) }
    }

    /// A set is only useful when it has no empty string and is not too large.
    static func usable(_ s: [String]?) -> [String]? {
        guard let s, !s.isEmpty, s.count <= maxLiterals, !s.contains("") else { return nil }
        return s
    }

    /// The more selective of two required sets: the one whose least selective literal is more
    /// selective, then fewer literals. A literal's selectivity adds up its characters' rarity
    /// in text: a space or a digit is everywhere, a letter less so, punctuation and non-ASCII
    /// characters (©, é, kana) rarely; so "©" beats "19" and "copyright" beats both.
    static func better(_ a: [String]?, _ b: [String]?) -> [String]? {
        guard let a = usable(a) else { return usable(b) }
        guard let b = usable(b) else { return a }
        let sa = leastSelectivity(a), sb = leastSelectivity(b)
        if sa != sb { return sa > sb ? a : b }
        return a.count <= b.count ? a : b
    }

    static func selectivity(_ literal: String) -> Int {
        // By UTF-8 bytes: a non-ASCII scalar is one lead byte (6) and continuation bytes (0).
        var literal = literal
        return literal.withUTF8 { bytes in
            var sum = 0
            for b in bytes { sum &+= Int(selectivityOfByte[Int(b)]) }
            return sum
        }
    }

    /// The least selectivity of a set's literals (`set.map(selectivity).min()!`).
    static func leastSelectivity(_ set: [String]) -> Int {
        var least = Int.max
        for l in set { least = min(least, selectivity(l)) }
        return least
    }

    /// Each byte's part in ``selectivity(_:)``.
    private static let selectivityOfByte: [UInt8] = (0..<256).map { b in
        switch b {
        case 0x20: return 1
        case 0x30...0x39: return 2
        case 0x41...0x5A, 0x61...0x7A: return 3
        case 0..<0x80: return 5
        case 0xC0...: return 6
        default: return 0
        }
    }

    /// A recursive-descent reader of ICU regex syntax, computing ``Info`` bottom-up. It
    /// returns `nil` (give up on the whole pattern) for syntax it does not model.
    struct Parser {
        let s: [Unicode.Scalar]
        var i = 0
        /// Whether ``leadSequence(runAllowed:)`` may read a repeated atom that starts the regex
        /// (not where a match can start moves it: `\G`).
        var runsLead = false
        init(_ s: [Unicode.Scalar]) { self.s = s }

        var atEnd: Bool { i >= s.count }

        /// The scalars `s[from..<to]` as a String (encoded at once: appending to a String scalar
        /// by scalar cost hundreds of instructions each).
        func string(_ from: Int, _ to: Int) -> String {
            var utf8: [UInt8] = []
            utf8.reserveCapacity(4 * (to - from))
            for k in from..<to { UTF8.encode(s[k]) { utf8.append($0) } }
            return String(decoding: utf8, as: UTF8.self)
        }
        func peek(_ k: Int = 0) -> Unicode.Scalar? { i + k < s.count ? s[i + k] : nil }

        mutating func parseAlternation() -> Info? {
            var branches: [Info] = []
            while true {
                guard let b = parseSequence() else { return nil }
                branches.append(b)
                if peek() == "|" { i += 1; continue }
                break
            }
            if branches.count == 1 { return branches[0] }
            var exact: [String]? = []
            var required: [String]? = []
            for b in branches {
                if let e = b.exact, let x = exact, x.count + e.count <= RequiredLiterals.maxProduct {
                    exact = x + e
                } else {
                    exact = nil
                }
                if let r = usable(b.requiredOrExact), let x = required { required = x + r } else { required = nil }
            }
            // A set every branch needs is needed by the alternation. (Branch by branch, stopping
            // once nothing is common: in a list of words that is after the second.)
            func sets(_ b: Info) -> [Set<String>] { (b.clauses + [b.requiredOrExact].compactMap { $0 }).map { Set($0) } }
            var common = sets(branches[0])
            for b in branches.dropFirst() {
                if common.isEmpty { break }
                let other = sets(b)
                common = common.filter { other.contains($0) }
            }
            return Info(exact: exact, required: usable(required), clauses: common.map { Array($0) })
        }

        mutating func parseSequence() -> Info? {
            var run: [String]? = [""]   // exact strings of the current run of exact pieces
            var best: [String]? = nil
            var clauses: [[String]] = []
            func keep(_ c: [String]?) { if let u = usable(c), clauses.count < 4 * RequiredLiterals.maxClauses { clauses.append(u) } }
            var whollyExact = true
            while let c = peek(), c != "|", c != ")" {
                // A run of plain characters, none but the last followed by a quantifier, is one
                // exact piece: the run grows by the whole string at once (as it would character
                // by character).
                if Parser.isPlain(c) && !Parser.isQuantifier(peek(1)), let r = run, r.count <= RequiredLiterals.maxProduct {
                    let start = i
                    while let d = peek(), Parser.isPlain(d), !Parser.isQuantifier(peek(1)) { i += 1 }
                    let literal = string(start, i)
                    run = r.map { $0 + literal }
                    continue
                }
                guard var piece = parseAtom() else { return nil }
                guard let q = parseQuantifier() else { return nil }
                if let (min, max) = q {
                    if min == 1 && max == 1 {
                        // {1}: the piece itself.
                    } else {
                        piece = min >= 1 ? Info(exact: nil, required: piece.requiredOrExact, clauses: piece.clauses)
                                         : .unknown
                    }
                }
                if let e = piece.exact, var r = run, r.count * e.count <= RequiredLiterals.maxProduct {
                    if e.count == 1 {
                        for k in r.indices { r[k] += e[0] }   // the common case: one more literal character
                        run = r
                    } else {
                        run = r.flatMap { a in e.map { a + $0 } }
                    }
                } else {
                    whollyExact = false
                    best = better(best, run)
                    best = better(best, piece.required)
                    keep(run)
                    keep(piece.required)
                    for c in piece.clauses { keep(c) }
                    run = piece.exact   // a new run starts with this piece (or after it)
                    if run == nil { run = [""] }
                }
            }
            best = better(best, run)
            keep(run)
            return Info(exact: whollyExact ? run : nil, required: best, clauses: clauses)
        }

        /// A character that stands for itself where an atom starts (``parseAtom``'s default).
        @inline(__always)
        static func isPlain(_ c: Unicode.Scalar) -> Bool {
            switch c {
            case "(", "[", ".", "^", "$", "\\", "*", "+", "?", "{", "|", ")": return false
            default: return true
            }
        }

        @inline(__always)
        static func isQuantifier(_ c: Unicode.Scalar?) -> Bool {
            c == "?" || c == "*" || c == "+" || c == "{"
        }

        /// Reads `?`, `*`, `+`, `{m}`, `{m,}`, `{m,n}` and their lazy or possessive forms.
        /// Returns `.some(nil)` for no quantifier, `nil` for a malformed one.
        mutating func parseQuantifier() -> (Int, Int)?? {
            guard let c = peek() else { return .some(nil) }
            var bounds: (Int, Int)
            switch c {
            case "?": bounds = (0, 1); i += 1
            case "*": bounds = (0, Int.max); i += 1
            case "+": bounds = (1, Int.max); i += 1
            case "{":
                var j = i + 1, text = ""
                while j < s.count, s[j] != "}" { text.unicodeScalars.append(s[j]); j += 1 }
                guard j < s.count else { return nil }
                let parts = text.split(separator: ",", omittingEmptySubsequences: false)
                guard let lo = Int(parts[0].trimmingSpaces) else { return nil }
                if parts.count == 1 { bounds = (lo, lo) }
                else if parts.count == 2 { bounds = (lo, parts[1].trimmingSpaces.isEmpty ? Int.max : (Int(parts[1].trimmingSpaces) ?? Int.max)) }
                else { return nil }
                i = j + 1
            default: return .some(nil)
            }
            if let m = peek(), m == "?" || m == "+" { i += 1 }
            return .some(bounds)
        }

        mutating func parseAtom() -> Info? {
            guard let c = peek() else { return nil }
            switch c {
            case "(": return parseGroup()
            case "[": return skipClass() ? .unknown : nil
            case ".": i += 1; return .unknown
            case "^", "$": i += 1; return .empty
            case "\\": return parseEscape()
            case "*", "+", "?", "{": return nil   // a quantifier with nothing before it
            default: i += 1; return .literal(c)
            }
        }

        mutating func parseGroup() -> Info? {
            i += 1  // (
            if peek() == "?" {
                i += 1
                guard let k = peek() else { return nil }
                switch k {
                case ":": i += 1
                case "=", "!", ">":
                    // Lookahead or atomic group: zero-width (lookahead), or not worth modelling.
                    i += 1
                    guard skipToGroupEnd() else { return nil }
                    return k == ">" ? .unknown : .empty
                case "<":
                    guard let n = peek(1) else { return nil }
                    if n == "=" || n == "!" {
                        i += 2
                        guard skipToGroupEnd() else { return nil }
                        return .empty
                    }
                    // A named group: skip the name.
                    while let x = peek(), x != ">" { i += 1 }
                    i += 1
                case "#":
                    while let x = peek(), x != ")" { i += 1 }
                    i += 1
                    return .empty
                default:
                    // Flags: (?ismwx-ismwx) or (?ismwx-ismwx: ... ).
                    var flags = ""
                    while let x = peek(), x != ")", x != ":" { flags.unicodeScalars.append(x); i += 1 }
                    guard let end = peek() else { return nil }
                    let on = flags.split(separator: "-", maxSplits: 1).first.map(String.init) ?? ""
                    if on.contains("x") { return nil }   // free spacing changes what is literal
                    i += 1
                    if end == ")" { return .empty }
                }
            }
            guard let inner = parseAlternation(), peek() == ")" else { return nil }
            i += 1
            return inner
        }

        /// Skips an escape's argument: `{...}`, or else `width` characters.
        mutating func skipBracedOr(_ width: Int) {
            guard peek() == "{" else { i += width; return }
            while let x = peek(), x != "}" { i += 1 }
            i += 1
        }

        /// Skips a lookaround's body, balancing parentheses and classes.
        mutating func skipToGroupEnd() -> Bool {
            var depth = 1
            while let c = peek() {
                switch c {
                case "\\": i += 2
                case "[": guard skipClass() else { return false }
                case "(": depth += 1; i += 1
                case ")":
                    depth -= 1; i += 1
                    if depth == 0 { return true }
                default: i += 1
                }
            }
            return false
        }

        /// Skips a character class `[...]`, which ICU lets nest (`[[a-z]--[aeiou]]`).
        mutating func skipClass() -> Bool {
            var depth = 0
            while let c = peek() {
                switch c {
                case "\\": i += 2
                case "[":
                    depth += 1; i += 1
                    if peek() == "^" { i += 1 }
                    if depth == 1, peek() == "]" { i += 1 }   // a leading ] is literal
                case "]":
                    depth -= 1; i += 1
                    if depth == 0 { return true }
                default: i += 1
                }
            }
            return false
        }

        mutating func parseEscape() -> Info? {
            guard let e = peek(1) else { return nil }
            i += 2
            switch e {
            case "b", "B", "A", "z", "Z", "G": return .empty
            case "d", "D", "w", "W", "s", "S", "h", "H", "v", "V", "R", "X":
                return .unknown
            // A control character, which has no case: required like any literal (a pattern that
            // spans lines needs a newline, which a paragraph of one line does not have).
            case "n": return .literal("\n")
            case "t": return .literal("\t")
            case "r": return .literal("\r")
            case "f": return .literal("\u{0C}")
            case "e": return .literal("\u{1B}")
            case "a": return .literal("\u{07}")
            case "p", "P", "N": skipBracedOr(1); return .unknown   // \p{L}, \pL
            case "x": skipBracedOr(2); return .unknown             // \x{1F600}, \x41
            case "u": i += 4; return .unknown
            case "U": i += 8; return .unknown
            case "c": i += 1; return .unknown
            case "0"..."9", "k": return .unknown   // backreference or octal
            case "Q", "E": return nil
            default:
                // An escaped punctuation character stands for itself.
                if e.properties.isAlphabetic { return nil }
                return .literal(e)
            }
        }
    }
}

private extension Substring {
    var trimmingSpaces: Substring {
        var s = self
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return s
    }
}

// MARK: Leading literals

extension RequiredLiterals {
    /// Literals one of which every match of `regex` starts with, at most `offset` UTF-16 units
    /// after the match's start; `nil` when the analysis cannot bound that. (When the regex
    /// starts with a repeated atom, `[\w.]+@`, not every match: but if there is a match, there
    /// is one of those, and only whether there is one is asked.)
    ///
    /// A search can then begin at the first occurrence of such a literal (minus `offset`)
    /// instead of at the start of the text: ICU tries a pattern's whole alternation at every
    /// position before it, which is most of the cost of the long multilingual word lists.
    /// Only zero-width assertions (`\b`, lookarounds, flag groups) and atoms of bounded width
    /// may come before the literal; `$`, `(?m)`, unbounded or optional groups before it give
    /// up. A branch that starts with `^` can only match at the start of the text: it adds no
    /// literal, and `anchored` says that a match at 0 must be tried too.
    static func leading(of regex: String) -> (literals: Set<String>, offset: Int, anchored: Bool)? {
        starts(of: regex).flatMap(leading)
    }

    /// ``leading(of:)`` from the regex's ``starts(of:)``.
    static func leading(_ lead: Parser.Lead) -> (literals: Set<String>, offset: Int, anchored: Bool)? {
        guard let u = usable(lead.literals) else { return nil }
        return (Set(u), lead.offset, lead.anchored)
    }

    /// What ``leading(of:)`` finds, also when every branch is anchored (no literal), and for the
    /// anchored branches what follows the `^` (``Parser/Lead``); `nil` when the analysis gives up.
    static func starts(of regex: String) -> Parser.Lead? {
        // The rest of a branch is skipped by its structure: not with quoting or free spacing
        // (whose comments may hold parentheses) anywhere.
        let scalars = Array(regex.unicodeScalars)
        for k in scalars.indices where scalars[k] == "\\" && k + 1 < scalars.count && scalars[k + 1] == "Q" { return nil }
        var multiLine = false
        for k in scalars.indices where scalars[k] == "(" && k + 1 < scalars.count && scalars[k + 1] == "?" {
            var j = k + 2, on = true
            while j < scalars.count, scalars[j].properties.isAlphabetic || scalars[j] == "-" {
                if scalars[j] == "x" { return nil }
                if scalars[j] == "-" { on = false }
                if scalars[j] == "m" && on { multiLine = true }
                j += 1
            }
        }
        var parser = Parser(scalars)
        parser.runsLead = !scalars.indices.dropLast().contains { scalars[$0] == "\\" && scalars[$0 + 1] == "G" }
        guard let lead = parser.leadAlternation(runAllowed: true), parser.atEnd else { return nil }
        // A flag group lasts to the end of its group, over later branches too: with multi-line
        // mode turned on anywhere, an anchored branch may match after any line break, so where
        // matches start is not bounded (trying 0 and the literals' places would miss those).
        if multiLine && lead.anchored { return nil }
        return lead
    }

    /// The top-level branches of `regex` as regexes of their own, each with the flags that open
    /// `regex` (`(?i)A|B` gives `(?i)A` and `(?i)B`; a group around the whole regex is looked
    /// into, and so is a branch that is such a group), or `nil` when there is one branch or the
    /// split is not safe: a flag setting after
    /// the start, which would reach into later branches; quoting, comments, free spacing, `\G`
    /// or backreferences (whose group numbers splitting changes).
    ///
    /// `regex` matches a text if and only if one of its branches does, so each branch can have
    /// a prefilter of its own (``PreparedPattern``): the required literals of `A|B` are the
    /// union of both branches', which a frequent literal of one branch ("(" or ",") makes
    /// useless for the other.
    static func branches(of regex: String) -> [String]? {
        let s = Array(regex.unicodeScalars)
        for k in s.indices.dropLast() where s[k] == "\\" && "QEGk123456789".unicodeScalars.contains(s[k + 1]) { return nil }
        for k in s.indices.dropLast(2) where s[k] == "(" && s[k + 1] == "?" {
            if s[k + 2] == "#" { return nil }
            // Free spacing, wherever it is turned on, changes what is literal (and `|` in a comment).
            var j = k + 2
            while j < s.count, s[j].properties.isAlphabetic || s[j] == "-" {
                if s[j] == "x" { return nil }
                j += 1
            }
        }
        // The opening flags, then the group around everything (if any).
        var parser = Parser(s)
        var prefix: [Unicode.Scalar] = []
        func flagsEnd(_ at: Int) -> (end: Int, scoped: Bool)? {
            guard at + 1 < s.count, s[at] == "(", s[at + 1] == "?" else { return nil }
            var j = at + 2
            while j < s.count, s[j].properties.isAlphabetic || s[j] == "-" {
                if s[j] == "x" { return nil }
                j += 1
            }
            guard j > at + 2, j < s.count, s[j] == ")" || s[j] == ":" else { return nil }
            return (j + 1, s[j] == ":")
        }
        var start = 0, end = s.count
        if let f = flagsEnd(0), !f.scoped {
            prefix = Array(s[0..<f.end])
            start = f.end
        }
        // A group that spans the rest: `(…)`, `(?:…)` or `(?flags:…)`, without a quantifier.
        if start < end, s[start] == "(" {
            var innerStart: Int?
            var groupFlags: [Unicode.Scalar] = []
            if start + 1 < end, s[start + 1] != "?" {
                innerStart = start + 1
            } else if start + 2 < end, s[start + 2] == ":" {
                innerStart = start + 3
            } else if let f = flagsEnd(start), f.scoped {
                innerStart = f.end
                groupFlags = Array(s[start..<(f.end - 1)]) + [")"]
            }
            if let innerStart {
                parser.i = start + 1
                if parser.skipToGroupEnd(), parser.i == end {
                    start = innerStart
                    end -= 1
                    prefix += groupFlags
                }
            }
        }
        // Split at each `|` outside groups and classes.
        var out: [String] = []
        var from = start
        parser.i = start
        while parser.i < end {
            let c = s[parser.i]
            switch c {
            case "\\": parser.i += 2
            case "[": guard parser.skipClass() else { return nil }
            case "(":
                // A flag setting at this level would change the branches after it.
                if let f = flagsEnd(parser.i), !f.scoped { return nil }
                parser.i += 1
                guard parser.skipToGroupEnd() else { return nil }
            case "|":
                out.append(String(String.UnicodeScalarView(prefix + s[from..<parser.i])))
                parser.i += 1
                from = parser.i
            default: parser.i += 1
            }
        }
        guard parser.i == end else { return nil }
        out.append(String(String.UnicodeScalarView(prefix + s[from..<end])))
        // A branch that is a group of branches itself (`(?i)(A|B)|C`) is split in turn.
        if out.count == 1 { return out[0].unicodeScalars.count < s.count ? branches(of: out[0]) : nil }
        return out.flatMap { branches(of: $0) ?? [$0] }
    }

    /// The most UTF-16 units one code point matched by a set or escape can take.
    static let atomWidth = 2
    /// The most UTF-16 units one literal character can match under case-insensitive matching
    /// (a full case folding has up to three code points: "ΐ", "ﬃ").
    static let literalWidth = 6
}

extension RequiredLiterals.Parser {
    /// `literals` and `offset` as ``RequiredLiterals/leading(of:)`` gives them (the literals of
    /// the branches not anchored), `anchored` when a branch starts with `^`, and `atZero` the
    /// literals one of which every match of such a branch has right after the white space at
    /// the start of the text (`^\s*` then a literal; none of them starts with white space),
    /// `nil` when unknown (empty when no branch is anchored).
    typealias Lead = (literals: [String], offset: Int, anchored: Bool, atZero: [String]?)

    /// `runAllowed`: the alternation's branches start the regex (see ``leadSequence(runAllowed:)``).
    mutating func leadAlternation(runAllowed: Bool = false) -> Lead? {
        var literals: [String] = []
        var offset = 0
        var anchored = false
        var atZero: [String]? = []
        while true {
            guard let b = leadSequence(runAllowed: runAllowed) else { return nil }
            literals += b.literals
            anchored = anchored || b.anchored
            if let a = b.atZero, let z = atZero { atZero = z + a } else { atZero = nil }
            offset = max(offset, b.offset)
            if literals.count > RequiredLiterals.maxLiterals { return nil }
            if peek() == "|" { i += 1; continue }
            break
        }
        if let z = atZero, z.count > RequiredLiterals.maxLiterals { atZero = nil }
        return (literals, offset, anchored, atZero)
    }

    /// Reads a quantifier after a bounded atom of `width` units: the added width, or `nil`.
    private mutating func boundedWidth(_ width: Int) -> Int? {
        guard let q = parseQuantifier() else { return nil }
        guard let (_, hi) = q else { return width }
        guard hi <= 1000 else { return nil }
        return width * hi
    }

    /// Skips the rest of a branch, to the `|` or `)` that ends it (not consumed), balancing
    /// groups, classes and escapes. (Only the leading part of a branch matters here; reading
    /// the rest with ``parseSequence()`` computed literal sets for nothing.)
    private mutating func skipBranch() -> Bool {
        var depth = 0
        while let c = peek() {
            switch c {
            case "\\":
                guard i + 1 < s.count else { return false }
                i += 2
            case "[":
                guard skipClass() else { return false }
            case "(":
                depth += 1; i += 1
            case ")":
                if depth == 0 { return true }
                depth -= 1; i += 1
            case "|":
                if depth == 0 { return true }
                i += 1
            default:
                i += 1
            }
        }
        return depth == 0
    }

    private mutating func noQuantifier() -> Bool {
        if case .some(.none) = parseQuantifier() { return true }
        return false
    }

    /// Whether the escape at `i` is an escaped punctuation character (a literal).
    private func escapedLiteral() -> Unicode.Scalar? {
        guard peek() == "\\", let e = peek(1), e.isASCII, !e.properties.isAlphabetic, !("0"..."9").contains(e) else { return nil }
        return e
    }

    /// With `runAllowed`, a branch that starts the regex may start with an atom of one code
    /// point repeated without bound, at least `lo` times (`[\p{L}.]+@`), `lo` at most 2: a
    /// match then has a match too that starts with the last `lo` of those code points (each is
    /// matched by the atom alone, and nothing before the atom looked at where the match
    /// started), so `offset` counts `lo` code points for it.
    mutating func leadSequence(runAllowed: Bool = false) -> Lead? {
        var width = 0
        // Whether nothing but flags has been read (the branch starts here).
        var atStart = runAllowed && runsLead
        /// The width an atom of one code point adds, its quantifier read.
        func atomWidth(_ p: inout Self) -> Int? {
            defer { atStart = false }
            guard let q = p.parseQuantifier() else { return nil }
            guard let (lo, hi) = q else { return RequiredLiterals.atomWidth }
            if hi <= 1000 { return RequiredLiterals.atomWidth * hi }
            guard atStart, lo <= 2 else { return nil }
            return RequiredLiterals.atomWidth * lo
        }
        while let c = peek(), c != "|", c != ")" {
            // A literal: a run of plain (or escaped punctuation) characters not followed by a
            // quantifier; the run is the leading literal.
            var run: [Unicode.Scalar] = []
            while true {
                if let d = peek(), Self.isPlain(d), !Self.isQuantifier(peek(1)) { run.append(d); i += 1; continue }
                if let e = escapedLiteral(), !Self.isQuantifier(peek(2)) { run.append(e); i += 2; continue }
                break
            }
            if !run.isEmpty {
                // The rest of the branch is only skipped (it must still be modelled syntax).
                guard skipBranch() else { return nil }
                var utf8: [UInt8] = []
                for c in run { UTF8.encode(c) { utf8.append($0) } }
                return ([String(decoding: utf8, as: UTF8.self)], width, false, [])
            }
            switch c {
            case "^":
                // Outside multi-line mode (which gives up) only at the start of the text: the
                // branch can match nowhere else, whatever comes before it here (zero-width, or
                // atoms that must then match nothing) and after.
                i += 1
                guard noQuantifier() else { return nil }
                let atZero = width == 0 ? literalsAfterSpace() : nil
                guard skipBranch() else { return nil }
                return ([], 0, true, atZero)
            case "$", "*", "+", "?", "{":
                return nil
            case ".":
                i += 1
                guard let w = atomWidth(&self) else { return nil }
                width += w
            case "[":
                guard skipClass(), let w = atomWidth(&self) else { return nil }
                width += w
            case "\\":
                guard let e = peek(1) else { return nil }
                atStart = atStart && e != "b" && e != "B"
                switch e {
                case "b", "B":
                    i += 2
                    guard noQuantifier() else { return nil }
                case "d", "D", "w", "W", "s", "S", "h", "H", "v", "V", "n", "t", "r", "f", "e", "a",
                     "p", "P", "N", "x", "u", "U", "c":
                    guard parseEscape() != nil, let w = atomWidth(&self) else { return nil }
                    width += w
                case "R":
                    // A line break: up to two code points (CR LF).
                    atStart = false
                    guard parseEscape() != nil, let w = boundedWidth(RequiredLiterals.atomWidth) else { return nil }
                    width += w
                default:
                    atStart = false
                    if escapedLiteral() != nil {
                        // Escaped punctuation with a quantifier: one literal character.
                        i += 2
                        guard let w = boundedWidth(RequiredLiterals.literalWidth) else { return nil }
                        width += w
                    } else {
                        return nil
                    }
                }
            case "(":
                guard peek(1) == "?" else {
                    i += 1
                    return leadGroupBody(width)
                }
                guard let k = peek(2) else { return nil }
                switch k {
                case ":":
                    i += 3
                    return leadGroupBody(width)
                case "=", "!", "<", "#":
                    if k == "<", let n = peek(3), n != "=", n != "!" { return nil }   // named group
                    // Lookaround or comment: zero width.
                    atStart = false
                    guard parseGroup() != nil, noQuantifier() else { return nil }
                default:
                    // Flags: (?ismw-ismw) applies to the rest; (?ismw-ismw: ... ) is a group.
                    var j = i + 2, flags = ""
                    while j < s.count, s[j] != ")", s[j] != ":" { flags.unicodeScalars.append(s[j]); j += 1 }
                    guard j < s.count, flags.allSatisfy({ "ismw-".contains($0) }) else { return nil }
                    let on = flags.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
                    if on.contains("m") { return nil }   // multi-line: ^ and $ elsewhere
                    i = j + 1
                    if s[j] == ":" { return leadGroupBody(width) }
                }
            default:
                // A literal character with a quantifier.
                atStart = false
                i += 1
                guard let w = boundedWidth(RequiredLiterals.literalWidth) else { return nil }
                width += w
            }
        }
        return nil
    }

    /// After a group's opening: its leading literals (a quantifier needing at least one
    /// repetition keeps them), then the rest of the branch skipped.
    private mutating func leadGroupBody(_ width: Int) -> Lead? {
        guard let inner = leadAlternation(), peek() == ")" else { return nil }
        i += 1
        guard let q = parseQuantifier() else { return nil }
        if let (lo, _) = q, lo < 1 {
            // An optional group ("\b(please )?consider", "(all )?content"): a match starts at
            // the group's first repetition, or, when it repeats none, where the rest of the
            // branch starts (from the same place). Both kinds of literal lead.
            guard !inner.anchored, !inner.literals.isEmpty, let rest = leadSequence(), !rest.anchored, !rest.literals.isEmpty,
                  inner.literals.count + rest.literals.count <= RequiredLiterals.maxLiterals else { return nil }
            return (inner.literals + rest.literals, width + max(inner.offset, rest.offset), false, [])
        }
        guard skipBranch() else { return nil }
        return (inner.literals, width + inner.offset, inner.anchored, width == 0 || !inner.anchored ? inner.atZero : nil)
    }

    /// After a `^` with nothing before it: `\s*` (or nothing), then a branch that starts with
    /// one of these literals at once (the branch then read to its end), or `nil` (nothing read).
    private mutating func literalsAfterSpace() -> [String]? {
        let start = i
        if peek() == "\\", peek(1) == "s", peek(2) == "*" {
            i += 3
            if let m = peek(), m == "?" || m == "+" { i += 1 }
        }
        if let lead = leadSequence(), !lead.literals.isEmpty, lead.offset == 0, !lead.anchored,
           lead.literals.allSatisfy({ $0.unicodeScalars.first.map { !$0.properties.isWhitespace } ?? false }) {
            return lead.literals
        }
        i = start
        return nil
    }
}
