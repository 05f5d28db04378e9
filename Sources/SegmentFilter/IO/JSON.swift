/// The JSON that segfilter needs: validating a line as one JSON object, locating its top-level
/// members byte for byte, decoding strings (surrogate pairs included) and encoding them back.
///
/// The JSONL path edits records in place: every member other than the text field and the
/// `segfilter` object is written back exactly as it came (key order, number spelling, escapes).
public enum JSON {
    public struct ParseError: Error, CustomStringConvertible, Equatable {
        public var message: String
        public var offset: Int
        public var description: String { "\(message) at byte \(offset + 1)" }
    }

    /// A top-level member of an object: its key (decoded) and the byte range of its value.
    public struct Member: Equatable {
        public var key: String
        public var keyRange: Range<Int>
        public var valueRange: Range<Int>
        public var valueIsString: Bool
    }

    /// The members of the JSON object that `line` holds (surrounding white space allowed), and
    /// the offset of its closing brace. Throws unless the whole line is one valid JSON object.
    public static func objectMembers(_ line: UnsafeBufferPointer<UInt8>) throws -> (members: [Member], closingBrace: Int) {
        var p = Parser(bytes: line)
        p.skipSpace()
        guard p.peek() == UInt8(ascii: "{") else { throw p.error(p.atEnd ? "empty line, expected a JSON object" : "expected a JSON object") }
        p.pos += 1
        var members: [Member] = []
        // Room for a typical record's members at once, rather than growing one by one.
        members.reserveCapacity(16)
        p.skipSpace()
        var closing = 0
        if p.peek() == UInt8(ascii: "}") {
            closing = p.pos
            p.pos += 1
        } else {
            while true {
                p.skipSpace()
                guard p.peek() == UInt8(ascii: "\"") else { throw p.error("expected a member name in double quotes") }
                let keyStart = p.pos
                let key = try p.string()
                let keyRange = keyStart..<p.pos
                p.skipSpace()
                guard p.peek() == UInt8(ascii: ":") else { throw p.error("expected ':' after a member name") }
                p.pos += 1
                p.skipSpace()
                let vStart = p.pos
                let isString = p.peek() == UInt8(ascii: "\"")
                try p.value(depth: 1)
                members.append(Member(key: key, keyRange: keyRange, valueRange: vStart..<p.pos, valueIsString: isString))
                p.skipSpace()
                if p.peek() == UInt8(ascii: ",") { p.pos += 1; continue }
                guard p.peek() == UInt8(ascii: "}") else { throw p.error("expected ',' or '}' in an object") }
                closing = p.pos
                p.pos += 1
                break
            }
        }
        p.skipSpace()
        guard p.atEnd else { throw p.error("unexpected data after the JSON object") }
        return (members, closing)
    }

    /// Decodes the JSON string literal at `range` (quotes included).
    public static func decodeString(_ line: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) throws -> String {
        var p = Parser(bytes: UnsafeBufferPointer(rebasing: line[..<range.upperBound]))
        p.pos = range.lowerBound
        return try p.string()
    }

    /// Decodes the JSON string literal at `range` (quotes included) as UTF-8 bytes, appended to
    /// `out`. The bytes are valid UTF-8 (the parser rejects anything else).
    ///
    /// With `validated`, the caller vouches that the literal was already checked (it is the
    /// value of a member `objectMembers` returned for this line): its bytes are then copied
    /// between escapes without checking them again.
    public static func decodeString(_ line: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into out: inout [UInt8],
                                    validated: Bool = false) throws {
        var p = Parser(bytes: UnsafeBufferPointer(rebasing: line[..<range.upperBound]))
        p.pos = range.lowerBound
        if validated { try p.validatedString(into: &out) } else { try p.string(into: &out) }
    }

    /// Appends `s` as a JSON string literal: quotes, backslashes and control characters escaped;
    /// everything else (non-ASCII included) written as UTF-8.
    public static func appendString(_ s: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var runStart = 0
        let n = s.count
        var i = 0
        let lo: UInt64 = 0x0101_0101_0101_0101, hi: UInt64 = 0x8080_8080_8080_8080
        while i < n {
            // Eight bytes at a time while none needs escaping (below 0x20, a quote, a backslash).
            if let base = s.baseAddress {
                while i &+ 8 <= n {
                    let x = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                    let q = x ^ (lo &* 0x22), b = x ^ (lo &* 0x5C)
                    let special = (((x &- lo &* 0x20) & ~x) | ((q &- lo) & ~q) | ((b &- lo) & ~b)) & hi
                    if special != 0 { break }
                    i &+= 8
                }
            }
            guard i < n else { break }
            let b = s[i]
            i &+= 1
            if b >= 0x20 && b != 0x22 && b != 0x5C { continue }
            let at = i &- 1
            out.append(contentsOf: UnsafeBufferPointer(rebasing: s[runStart..<at]))
            runStart = at + 1
            out.append(0x5C)
            switch b {
            case 0x22: out.append(0x22)
            case 0x5C: out.append(0x5C)
            case 0x0A: out.append(UInt8(ascii: "n"))
            case 0x0D: out.append(UInt8(ascii: "r"))
            case 0x09: out.append(UInt8(ascii: "t"))
            case 0x08: out.append(UInt8(ascii: "b"))
            case 0x0C: out.append(UInt8(ascii: "f"))
            default:
                let hex: StaticString = "0123456789abcdef"
                out.append(UInt8(ascii: "u")); out.append(0x30); out.append(0x30)
                out.append(hex.utf8Start[Int(b >> 4)]); out.append(hex.utf8Start[Int(b & 0xF)])
            }
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: s[runStart..<s.count]))
        out.append(UInt8(ascii: "\""))
    }

    public static func appendString(_ s: String, to out: inout [UInt8]) {
        var s = s
        s.withUTF8 { appendString($0, to: &out) }
    }

    /// The length of the valid UTF-8 sequence of two to four bytes at `i` (shortest form, no
    /// surrogates, at most U+10FFFF), or 0.
    @inline(__always)
    static func validSequence(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> Int {
        let b0 = UInt32(p[i])
        if b0 >= 0xC2 && b0 <= 0xDF {
            guard i &+ 1 < n, p[i &+ 1] & 0xC0 == 0x80 else { return 0 }
            return 2
        }
        if b0 >= 0xE0 && b0 <= 0xEF {
            guard i &+ 2 < n, p[i &+ 1] & 0xC0 == 0x80, p[i &+ 2] & 0xC0 == 0x80 else { return 0 }
            let v = (b0 & 0x0F) << 12 | UInt32(p[i &+ 1] & 0x3F) << 6 | UInt32(p[i &+ 2] & 0x3F)
            guard v >= 0x800, v & 0xF800 != 0xD800 else { return 0 }
            return 3
        }
        if b0 >= 0xF0 && b0 <= 0xF4 {
            guard i &+ 3 < n, p[i &+ 1] & 0xC0 == 0x80, p[i &+ 2] & 0xC0 == 0x80, p[i &+ 3] & 0xC0 == 0x80 else { return 0 }
            let v = (b0 & 0x07) << 18 | UInt32(p[i &+ 1] & 0x3F) << 12 | UInt32(p[i &+ 2] & 0x3F) << 6 | UInt32(p[i &+ 3] & 0x3F)
            guard v >= 0x10000, v <= 0x10FFFF else { return 0 }
            return 4
        }
        return 0
    }

    struct Parser {
        let bytes: UnsafeBufferPointer<UInt8>
        var pos = 0

        var atEnd: Bool { pos >= bytes.count }
        func peek() -> UInt8? { pos < bytes.count ? bytes[pos] : nil }
        func error(_ m: String) -> ParseError { ParseError(message: m, offset: pos) }

        mutating func skipSpace() {
            while pos < bytes.count, bytes[pos] == 0x20 || bytes[pos] == 0x09 || bytes[pos] == 0x0D || bytes[pos] == 0x0A { pos += 1 }
        }

        mutating func value(depth: Int) throws {
            guard depth < 512 else { throw error("JSON nested more than 512 levels deep") }
            guard let c = peek() else { throw error("unexpected end of line, expected a value") }
            switch c {
            case UInt8(ascii: "\""): try skipString()
            case UInt8(ascii: "{"):
                pos += 1; skipSpace()
                if peek() == UInt8(ascii: "}") { pos += 1; return }
                while true {
                    skipSpace()
                    guard peek() == UInt8(ascii: "\"") else { throw error("expected a member name in double quotes") }
                    try skipString(); skipSpace()
                    guard peek() == UInt8(ascii: ":") else { throw error("expected ':' after a member name") }
                    pos += 1; skipSpace()
                    try value(depth: depth + 1); skipSpace()
                    if peek() == UInt8(ascii: ",") { pos += 1; continue }
                    guard peek() == UInt8(ascii: "}") else { throw error("expected ',' or '}' in an object") }
                    pos += 1; return
                }
            case UInt8(ascii: "["):
                pos += 1; skipSpace()
                if peek() == UInt8(ascii: "]") { pos += 1; return }
                while true {
                    skipSpace()
                    try value(depth: depth + 1); skipSpace()
                    if peek() == UInt8(ascii: ",") { pos += 1; continue }
                    guard peek() == UInt8(ascii: "]") else { throw error("expected ',' or ']' in an array") }
                    pos += 1; return
                }
            case UInt8(ascii: "t"): try literal("true")
            case UInt8(ascii: "f"): try literal("false")
            case UInt8(ascii: "n"): try literal("null")
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
            default: throw error("unexpected character, expected a JSON value")
            }
        }

        mutating func literal(_ word: String) throws {
            for c in word.utf8 {
                guard pos < bytes.count, bytes[pos] == c else { throw error("invalid literal") }
                pos += 1
            }
        }

        mutating func digits() -> Int {
            let s = pos
            while pos < bytes.count, bytes[pos] >= 0x30, bytes[pos] <= 0x39 { pos += 1 }
            return pos - s
        }

        mutating func number() throws {
            if peek() == UInt8(ascii: "-") { pos += 1 }
            if peek() == UInt8(ascii: "0") { pos += 1 } else if digits() == 0 { throw error("invalid number") }
            if peek() == UInt8(ascii: ".") { pos += 1; if digits() == 0 { throw error("invalid number") } }
            if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
                pos += 1
                if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { pos += 1 }
                if digits() == 0 { throw error("invalid number") }
            }
        }

        /// Skips bytes that need no attention inside a string: printable ASCII other than `"`
        /// and `\\`, eight at a time where it can.
        @inline(__always)
        mutating func skipPlain() {
            let n = bytes.count
            guard let base = bytes.baseAddress else { return }
            let lo: UInt64 = 0x0101_0101_0101_0101, hi: UInt64 = 0x8080_8080_8080_8080
            while pos &+ 8 <= n {
                let x = UnsafeRawPointer(base + pos).loadUnaligned(as: UInt64.self)
                let q = x ^ (lo &* 0x22), b = x ^ (lo &* 0x5C)
                // A byte with its high bit set, below 0x20, a quote or a backslash.
                let special = (x | ((x &- lo &* 0x20) & ~x) | ((q &- lo) & ~q) | ((b &- lo) & ~b)) & hi
                if special != 0 { break }
                pos &+= 8
            }
            while pos < n {
                let c = base[pos]
                if c >= 0x80 {
                    // A valid multi-byte sequence (as `utf8Scalar` checks it); anything else is
                    // left for `utf8Scalar` to report.
                    let len = JSON.validSequence(base, pos, n)
                    if len == 0 { break }
                    pos &+= len
                    continue
                }
                if c < 0x20 || c == 0x22 || c == 0x5C { break }
                pos &+= 1
            }
        }

        /// Validates a string literal without decoding it.
        mutating func skipString() throws {
            pos += 1
            while true {
                skipPlain()
                guard pos < bytes.count else { break }
                let b = bytes[pos]
                if b == 0x22 { pos += 1; return }
                if b == 0x5C {
                    pos += 1
                    guard let e = peek() else { break }
                    if e == UInt8(ascii: "u") { _ = try unicodeEscape() } else {
                        guard "\"\\/bfnrt".utf8.contains(e) else { throw error("invalid escape in a string") }
                        pos += 1
                    }
                    continue
                }
                if b < 0x20 { throw error("control character inside a string") }
                if b < 0x80 { pos += 1 } else { try utf8Scalar() }
            }
            throw error("unterminated string")
        }

        /// Decodes a string literal.
        mutating func string() throws -> String {
            // Most strings here (member names) have no escapes: straight from the line, without
            // a buffer, when the plain bytes reach the closing quote.
            let start = pos
            pos += 1
            skipPlain()
            if pos < bytes.count && bytes[pos] == 0x22 {
                defer { pos += 1 }
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[(start + 1)..<pos]), as: UTF8.self)
            }
            pos = start
            var out: [UInt8] = []
            try string(into: &out)
            return String(decoding: out, as: UTF8.self)
        }

        /// Decodes a string literal, appending its UTF-8 bytes to `out`.
        mutating func string(into out: inout [UInt8]) throws {
            pos += 1
            var runStart = pos
            while true {
                skipPlain()
                guard pos < bytes.count else { break }
                let b = bytes[pos]
                if b == 0x22 {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<pos]))
                    pos += 1
                    return
                }
                if b == 0x5C {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<pos]))
                    pos += 1
                    guard let e = peek() else { break }
                    try unescape(e, into: &out)
                    runStart = pos
                    continue
                }
                if b < 0x20 { throw error("control character inside a string") }
                if b < 0x80 { pos += 1 } else { try utf8Scalar() }
            }
            throw error("unterminated string")
        }

        /// Appends what the escape `\e` stands for (`pos` is at `e`) and moves past it.
        @inline(__always)
        private mutating func unescape(_ e: UInt8, into out: inout [UInt8]) throws {
            switch e {
            case UInt8(ascii: "u"):
                let scalar = try unicodeEscape()
                appendUTF8(scalar.value, to: &out)
            case UInt8(ascii: "n"): out.append(0x0A); pos += 1
            case UInt8(ascii: "t"): out.append(0x09); pos += 1
            case UInt8(ascii: "r"): out.append(0x0D); pos += 1
            case UInt8(ascii: "b"): out.append(0x08); pos += 1
            case UInt8(ascii: "f"): out.append(0x0C); pos += 1
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e); pos += 1
            default: throw error("invalid escape in a string")
            }
        }

        /// Decodes a string literal that is known to be valid: runs without a quote or a
        /// backslash are found eight bytes at a time and copied.
        mutating func validatedString(into out: inout [UInt8]) throws {
            pos += 1
            var runStart = pos
            let n = bytes.count
            guard let base = bytes.baseAddress else { throw error("unterminated string") }
            let lo: UInt64 = 0x0101_0101_0101_0101, hi: UInt64 = 0x8080_8080_8080_8080
            while true {
                while pos &+ 8 <= n {
                    let x = UnsafeRawPointer(base + pos).loadUnaligned(as: UInt64.self)
                    let q = x ^ (lo &* 0x22), b = x ^ (lo &* 0x5C)
                    if (((q &- lo) & ~q) | ((b &- lo) & ~b)) & hi != 0 { break }
                    pos &+= 8
                }
                while pos < n && base[pos] != 0x22 && base[pos] != 0x5C { pos &+= 1 }
                guard pos < n else { break }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<pos]))
                if base[pos] == 0x22 {
                    pos += 1
                    return
                }
                pos += 1
                guard let e = peek() else { break }
                try unescape(e, into: &out)
                runStart = pos
            }
            throw error("unterminated string")
        }

        /// Appends the UTF-8 encoding of a scalar value.
        func appendUTF8(_ v: UInt32, to out: inout [UInt8]) {
            if v < 0x80 {
                out.append(UInt8(v))
            } else if v < 0x800 {
                out.append(UInt8(0xC0 | v >> 6)); out.append(UInt8(0x80 | v & 0x3F))
            } else if v < 0x10000 {
                out.append(UInt8(0xE0 | v >> 12)); out.append(UInt8(0x80 | v >> 6 & 0x3F)); out.append(UInt8(0x80 | v & 0x3F))
            } else {
                out.append(UInt8(0xF0 | v >> 18)); out.append(UInt8(0x80 | v >> 12 & 0x3F))
                out.append(UInt8(0x80 | v >> 6 & 0x3F)); out.append(UInt8(0x80 | v & 0x3F))
            }
        }

        mutating func hex4() throws -> UInt32 {
            guard pos + 4 <= bytes.count else { throw error("truncated \\u escape") }
            var v: UInt32 = 0
            for i in 0..<4 {
                let c = bytes[pos + i]
                let d: UInt32
                switch c {
                case 0x30...0x39: d = UInt32(c - 0x30)
                case 0x41...0x46: d = UInt32(c - 0x41 + 10)
                case 0x61...0x66: d = UInt32(c - 0x61 + 10)
                default: throw error("invalid \\u escape")
                }
                v = v << 4 | d
            }
            pos += 4
            return v
        }

        /// At the `u` of a `\u` escape: decodes it, joining a surrogate pair. A lone surrogate
        /// cannot be represented in UTF-8 and is an error.
        mutating func unicodeEscape() throws -> Unicode.Scalar {
            pos += 1
            let hi = try hex4()
            if (0xD800..<0xDC00).contains(hi) {
                guard pos + 6 <= bytes.count, bytes[pos] == 0x5C, bytes[pos + 1] == UInt8(ascii: "u") else {
                    throw error("lone surrogate in a \\u escape")
                }
                pos += 2
                let lo = try hex4()
                guard (0xDC00..<0xE000).contains(lo) else { throw error("lone surrogate in a \\u escape") }
                return Unicode.Scalar(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00))!
            }
            guard let s = Unicode.Scalar(hi) else { throw error("lone surrogate in a \\u escape") }
            return s
        }

        /// Validates one multi-byte UTF-8 sequence.
        mutating func utf8Scalar() throws {
            let b0 = bytes[pos]
            let need: Int
            var minValue: UInt32
            var v: UInt32
            switch b0 {
            case 0xC2...0xDF: need = 1; v = UInt32(b0 & 0x1F); minValue = 0x80
            case 0xE0...0xEF: need = 2; v = UInt32(b0 & 0x0F); minValue = 0x800
            case 0xF0...0xF4: need = 3; v = UInt32(b0 & 0x07); minValue = 0x10000
            default: throw error("invalid UTF-8")
            }
            for i in 1...need {
                guard pos + i < bytes.count else { throw error("invalid UTF-8") }
                let c = bytes[pos + i]
                guard c & 0xC0 == 0x80 else { throw error("invalid UTF-8") }
                v = v << 6 | UInt32(c & 0x3F)
            }
            guard v >= minValue, v <= 0x10FFFF, !(0xD800..<0xE000).contains(v) else { throw error("invalid UTF-8") }
            pos += need + 1
        }
    }
}
