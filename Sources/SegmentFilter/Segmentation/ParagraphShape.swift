// The shapes of a paragraph's text that the split reads besides its words: a headline, a name
// on its own line, a name opening a bio, a dialogue's or an interview's turn, a list item's
// number, a line of code. Each is a predicate over the paragraph's UTF-8 bytes, computed once
// per candidate paragraph by `DocumentFilter` into `ParagraphEvidence`.

/// The paragraph's last code point that is not whitespace or closing punctuation (quotes,
/// brackets), found from the end one or two code points back; 0 when there is none. (It reads
/// the bytes as valid UTF-8: `isHeadline` checks that first.)
func lastCodePoint(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
    guard let p = bytes.baseAddress else { return 0 }
    var end = bytes.count
    while end > 0 {
        var start = end &- 1
        while start > 0 && p[start] & 0xC0 == 0x80 { start &-= 1 }
        var v: UInt32 = 0
        _ = decodeUTF8(UnsafeBufferPointer(start: p + start, count: end &- start)) { v = $0 }
        if !closesSentence(v) { return v }
        end = start
    }
    return 0
}

/// Whether `line` is a short line (a name, at most `ParagraphEvidence/nameLimit` characters
/// with two letters or more) that `next` begins with, followed by a space or punctuation: the
/// header of the paragraph about its subject.
func isLeadingLine(_ line: UnsafeBufferPointer<UInt8>, of next: UnsafeBufferPointer<UInt8>, characters: Int, letters: Int) -> Bool {
    guard characters <= ParagraphEvidence.nameLimit, letters >= 2 else { return false }
    var a = 0, b = line.count
    func space(_ x: UInt8) -> Bool { x == 0x20 || x == 0x09 || x == 0x0D }
    while a < b && space(line[a]) { a += 1 }
    while b > a && space(line[b - 1]) { b -= 1 }
    var j = 0
    while j < next.count && space(next[j]) { j += 1 }
    let n = b - a
    guard n > 0, j + n < next.count, !line[a..<b].contains(0x0A) else { return false }
    for k in 0..<n where line[a + k] != next[j + k] { return false }
    // The name ends there: a space or ASCII punctuation ("Kevin Oduya, 34, …"), not a letter.
    let after = next[j + n]
    return space(after) || (after < 0x80 && after != 0x0A && !isASCIIDigit(after) && !isASCIILetter(after))
}

/// Whether the paragraph is a name alone on its line: two to four words, each a capital letter
/// and then letters (and `.`, `'`, `’`, `-`), separated by single spaces.
func isNameLine(_ bytes: UnsafeBufferPointer<UInt8>, characters: Int) -> Bool {
    guard characters <= ParagraphEvidence.nameLimit else { return false }
    // The bytes first, without decoding: one to three single spaces inside, no digit, and an
    // upper-case ASCII letter or a non-ASCII lead byte first (most short lines fail here).
    var a = 0, b = bytes.count
    while a < b && bytes[a] == 0x20 { a += 1 }
    while b > a && bytes[b - 1] == 0x20 { b -= 1 }
    guard a < b, (bytes[a] >= 0x41 && bytes[a] <= 0x5A) || bytes[a] >= 0xC0 else { return false }
    var spaces = 0
    for i in a..<b {
        let x = bytes[i]
        if x == 0x20 {
            if bytes[i - 1] == 0x20 { return false }
            spaces += 1
        } else if x < 0x20 || (x >= 0x30 && x <= 0x39) {
            return false
        }
    }
    guard (1...3).contains(spaces) else { return false }
    let text = String(decoding: bytes, as: UTF8.self)
    let words = text.split(separator: " ", omittingEmptySubsequences: false).drop { $0.isEmpty }.reversed().drop { $0.isEmpty }
    guard (2...4).contains(words.count) else { return false }
    return words.allSatisfy { isNameWord($0.unicodeScalars) }
}

/// A signature: one to three name words (`isNameWord`), after a dash or not ("Mo", "— Ate
/// Joy", "Linnea S.").
func isSignature(_ bytes: UnsafeBufferPointer<UInt8>, characters: Int) -> Bool {
    guard characters <= 30 else { return false }
    var words = String(decoding: bytes, as: UTF8.self).split(separator: " ")
    if let first = words.first, ["—", "–", "-", "~", "--"].contains(first) { words.removeFirst() }
    guard (1...3).contains(words.count) else { return false }
    return words.allSatisfy { isNameWord($0.unicodeScalars) }
}

/// A word of a name: a capital letter, then at least one letter (or `.`, `'`, `’`, `-`).
func isNameWord<Word: Collection<Unicode.Scalar>>(_ word: Word) -> Bool {
    guard let first = word.first, first.properties.isUppercase, word.count >= 2 else { return false }
    return word.dropFirst().allSatisfy(isNameCharacter)
}

@inline(__always)
func isNameCharacter(_ v: Unicode.Scalar) -> Bool { v.properties.isAlphabetic || v == "." || v == "'" || v == "’" || v == "-" }

/// The name a paragraph opens with: two to four words, each a capital letter and then
/// letters (or `.`, `'`, `’`, `-`), separated by single spaces ("Lucía Arrieta (Pamplona,
/// 1979) es …", "Priya Nandakumar grew up …"), or one such word of at least four letters
/// before a comma ("Arredondo, de 41 años, …"), or the two to four after an opening phrase's
/// comma in the first 80 code points ("Nada en Lugo en 1984, Sabela Vázquez licenciouse …",
/// "Born in Leeds, Ana Ruiz …"); its UTF-8 bytes, nil when the paragraph does not open with one.
func leadingName(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
    let scalars = String(decoding: UnsafeBufferPointer(rebasing: bytes[leadingBlanks(bytes)..<min(bytes.count, 160)]), as: UTF8.self).unicodeScalars
    // The name words from `start` (at most four): how many, and where they end.
    func nameWords(from first: String.UnicodeScalarView.Index) -> (Int, String.UnicodeScalarView.Index) {
        var words = 0, end = first, start = first
        while words < 4 {
            // One name word (`isNameWord`), then a single space (or the end of the name).
            var k = start
            while k < scalars.endIndex, isNameCharacter(scalars[k]) { k = scalars.index(after: k) }
            guard isNameWord(scalars[start..<k]) else { break }
            words += 1
            end = k
            guard k < scalars.endIndex, scalars[k] == " " else { break }
            start = scalars.index(after: k)
        }
        return (words, end)
    }
    let (words, end) = nameWords(from: scalars.startIndex)
    if words >= 2 { return Array(String(scalars[..<end]).utf8) }
    // A surname alone before an apposition is how an article returns to its subject; an
    // author's bio gives the whole name.
    if words == 1, end < scalars.endIndex, scalars[end] == ",", scalars.distance(from: scalars.startIndex, to: end) >= 4 {
        return Array(String(scalars[..<end]).utf8)
    }
    // The subject after an opening phrase ("Born in …, Name …").
    guard let comma = scalars.prefix(80).firstIndex(of: ","), scalars.index(after: comma) < scalars.endIndex,
          scalars[scalars.index(after: comma)] == " " else { return nil }
    let from = scalars.index(comma, offsetBy: 2)
    let (after, stop) = nameWords(from: from)
    return after >= 2 ? Array(String(scalars[from..<stop]).utf8) : nil
}

/// The spaces and tabs a paragraph opens with, in bytes.
@inline(__always)
func leadingBlanks(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    var i = 0
    while i < bytes.count && (bytes[i] == 0x20 || bytes[i] == 0x09) { i += 1 }
    return i
}

/// Whether the paragraph's first code point after spaces is a dialogue dash (U+2013, U+2014,
/// U+2015) followed by a space, or a doubled dash ("――", how Japanese interviews mark the
/// interviewer's lines): an interview's or a dialogue's turn.
func opensWithDialogueDash(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let i = leadingBlanks(bytes)
    // U+2013...U+2015 are E2 80 93...95.
    func dash(at j: Int) -> Bool { j + 2 < bytes.count && bytes[j] == 0xE2 && bytes[j + 1] == 0x80 && (0x93...0x95).contains(bytes[j + 2]) }
    guard dash(at: i), i + 3 < bytes.count else { return false }
    let next = bytes[i + 3]
    return next == 0x20 || next == 0x09 || (next == 0xC2 && i + 4 < bytes.count && bytes[i + 4] == 0xA0)
        || (bytes[i + 2] != 0x93 && dash(at: i + 3))
}

/// Whether the paragraph opens with a news dateline: one to three capitalised words (the
/// place), optionally an agency in parentheses and a date after a comma, then a dash between
/// spaces and the story's first capitalised word ("HOHENFURT – Unbekannte …", "TAIPEI, Oct 16
/// (Reuters) - …", "Roma, 9 luglio 2024 – Il …"). Only prose paragraphs (80 letters or more)
/// qualify: a schedule's "Friday, 18 April – Mass at 3 pm" items are short.
func opensWithDateline(_ bytes: UnsafeBufferPointer<UInt8>, letters: Int) -> Bool {
    guard letters >= 80 else { return false }
    let head = UnsafeBufferPointer(rebasing: bytes[leadingBlanks(bytes)..<min(bytes.count, 120)])
    // Most paragraphs have no dash near their start: decided from the bytes.
    var dash = false
    for k in head.indices where head[k] == 0x2D || (head[k] == 0xE2 && k + 2 < head.endIndex && head[k + 1] == 0x80
                                                     && (head[k + 2] == 0x93 || head[k + 2] == 0x94)) {
        dash = true
        break
    }
    guard dash else { return false }
    var scalars = Array(String(decoding: head, as: UTF8.self).unicodeScalars)
    // (The cut at 120 bytes may leave a broken last character; it is never reached.)
    scalars.append(" ")
    var i = 0
    func isDash(_ v: Unicode.Scalar) -> Bool { v == "-" || v == "\u{2013}" || v == "\u{2014}" }
    // The place: capitalised words of letters (and . ' ’ -), one space apart.
    var words = 0
    while words < 3 && i < scalars.count && scalars[i].properties.isUppercase {
        var j = i + 1
        while j < scalars.count && (scalars[j].properties.isAlphabetic || scalars[j] == "." || scalars[j] == "'" || scalars[j] == "’"
                                    || (scalars[j] == "-" && j + 1 < scalars.count && scalars[j + 1].properties.isAlphabetic)) { j += 1 }
        words += 1
        i = j
        guard i + 1 < scalars.count, scalars[i] == " ", scalars[i + 1].properties.isUppercase else { break }
        i += 1
    }
    guard words > 0, i < scalars.count else { return false }
    // The date after a comma ("…, Oct 16", "…, 9 luglio 2024"): no sentence end, no dash.
    if scalars[i] == "," {
        var j = i + 1, n = 0
        while j < scalars.count && n < 30 && !isDash(scalars[j]) && scalars[j] != "." && scalars[j] != "(" { j += 1; n += 1 }
        guard n < 30 else { return false }
        // (Back to the space before the dash or the agency.)
        while j > i + 1 && scalars[j - 1] == " " { j -= 1 }
        i = j
    }
    // The agency: "(Reuters)", "(ANP)".
    if i + 1 < scalars.count && scalars[i] == " " && scalars[i + 1] == "(" {
        guard let close = scalars[(i + 1)...].prefix(32).firstIndex(of: ")") else { return false }
        i = close + 1
    }
    guard i + 3 < scalars.count, scalars[i] == " " else { return false }
    i += 1
    // (A doubled hyphen counts as a dash too.)
    guard isDash(scalars[i]) else { return false }
    i += 1
    if scalars[i] == "-" { i += 1 }
    guard i + 1 < scalars.count, scalars[i] == " " else { return false }
    let first = scalars[i + 1]
    return first.properties.isUppercase || "\"„«“‘'".unicodeScalars.contains(first)
}

/// Whether the paragraph opens with an interview's question label: "Q:", "Q.", "Question:",
/// "F:"/"Frage:", "P:"/"Pregunta:", "D:"/"Domanda:", "В:"/"Вопрос:", then a space; or is a
/// short Korean line opening with "- ", how Korean interviews mark the interviewer's questions
/// ("- 앞으로 계획은.").
func opensWithQuestionLabel(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let i = leadingBlanks(bytes)
    // "- " then a Hangul syllable (U+AC00...U+D7A3: lead bytes EA...ED).
    if bytes.count <= 160, i + 2 < bytes.count, bytes[i] == 0x2D, bytes[i + 1] == 0x20, (0xEA...0xED).contains(bytes[i + 2]) { return true }
    for label in questionLabels where i + label.count < bytes.count {
        var k = 0
        while k < label.count && bytes[i + k] == label[k] { k += 1 }
        if k == label.count && (bytes[i + k] == 0x20 || bytes[i + k] == 0x09) { return true }
    }
    return false
}

private let questionLabels: [[UInt8]] = ["Q:", "Q.", "Question:", "F:", "Frage:", "P:", "Pregunta:", "D:", "Domanda:", "В:", "Вопрос:"].map { Array($0.utf8) }

/// The number a paragraph opens with as a list item ("7. Walk", "12) Stretch": one to three
/// digits, then `.` or `)` and a space), or nil.
func itemNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    var i = leadingBlanks(bytes)
    var n = 0, digits = 0
    while i < bytes.count && bytes[i] >= 0x30 && bytes[i] <= 0x39 && digits < 4 { n = n * 10 + Int(bytes[i] - 0x30); digits += 1; i += 1 }
    guard (1...3).contains(digits), i + 1 < bytes.count, bytes[i] == 0x2E || bytes[i] == 0x29, bytes[i + 1] == 0x20 else { return nil }
    return n
}

/// The bullet a paragraph opens with as a list item, or nil: one of the bullet signs (not a
/// dash or an asterisk, which open dialogue turns and footnotes too). Items under one bullet
/// are one list, whether a colon introduced it or not ("主な変更点は次の通り。" and its "・" lines).
/// A command-line option ("-n, --dry-run  Shows …", "--delete  Removes …") counts as the bullet
/// "-": a manual page's options are one list, and its last options (`--version`, `--license`)
/// share few words with the rest without being appended to it.
func bullet(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32? {
    let i = leadingBlanks(bytes)
    if i + 1 < bytes.count, bytes[i] == 0x2D, opensOption(bytes, at: i) { return 0x2D }
    guard i + 2 < bytes.count, bytes[i] >= 0xE2 && bytes[i] <= 0xE3 else { return nil }
    let c = UInt32(bytes[i] & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
    return bulletSigns.contains(c) ? c : nil
}

/// Whether the "-" at `i` opens an option: "--" and a letter, or one letter after "-" and then
/// a comma, a space, "=" or the end ("-n, --dry-run", "-o FILE"); not a dialogue dash ("- Yes"),
/// a negative number or a signature ("--Anna" has no option after it either way: it takes
/// another option line before it to make a list).
private func opensOption(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
    func isLetter(_ k: Int) -> Bool { k < bytes.count && isASCIILetter(bytes[k]) }
    if i + 2 < bytes.count, bytes[i + 1] == 0x2D { return isLetter(i + 2) }
    guard isLetter(i + 1) else { return false }
    guard i + 2 < bytes.count else { return true }
    switch bytes[i + 2] { case 0x2C, 0x20, 0x3D: return true; default: return false }
}

/// Whether a paragraph opens with a label and a colon, then more text: one to three words of
/// letters, digits or hyphens (30 bytes at most) starting with a letter, then ": " ("Tests: run
/// make test", "Time needed: about 20 minutes"). Not a link ("https://…"), a time ("10:30") or a
/// sentence with punctuation before its colon.
func opensWithLabel(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let start = leadingBlanks(bytes)
    guard start < bytes.count else { return false }
    let first = bytes[start]
    guard isASCIILetter(first) || first >= 0xC2 else { return false }
    var spaces = 0
    var j = start
    while j < bytes.count && j - start <= 30 {
        let b = bytes[j]
        if b == 0x3A { break }
        if b == 0x20 {
            spaces += 1
            if spaces > 2 || bytes[j - 1] == 0x20 { return false }
        } else if !(b >= 0x80 || isASCIILetter(b) || isASCIIDigit(b) || b == 0x2D) {
            return false
        }
        j += 1
    }
    guard j < bytes.count, bytes[j] == 0x3A, bytes[j - 1] != 0x20 else { return false }
    return j + 2 < bytes.count && bytes[j + 1] == 0x20 && bytes[j + 2] != 0x20
}

@inline(__always) private func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
@inline(__always) private func isASCIIDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

/// • ‣ ◦ ∙ ▪ ■ □ ● ○ ◆ ◇ ▸ ► ・
private let bulletSigns: Set<UInt32> = [0x2022, 0x2023, 0x25E6, 0x2219, 0x25AA, 0x25A0, 0x25A1, 0x25CF, 0x25CB, 0x25C6,
                                        0x25C7, 0x25B8, 0x25BA, 0x30FB]

/// Whether a paragraph reads as a line of code or a command: at least two of the characters
/// prose rarely uses (= ; _ { } $ # | \ ~ ^ and the backtick; "()" and "--" as pairs; an
/// opening parenthesis right after a letter or digit, as in a call), making up at least one in
/// 25 of its non-space bytes; or a line of at most 160 bytes that starts with a shell command
/// ("npm install -g …"); never a sentence of eight words or more that ends like one. Parentheses
/// and slashes alone are prose's too, and @ < > a credit line's address or a handle.
///
/// Such a line's language guess ("en" for SQL in a Russian post) says nothing about the
/// document, so it is no language evidence (`Splitter.languageReading`). `last` is
/// `lastCodePoint(bytes)` when the caller has it.
func looksLikeCode(_ bytes: UnsafeBufferPointer<UInt8>, last known: UInt32? = nil) -> Bool {
    // A sentence of eight words or more that ends like one is prose, whatever it names
    // ("The linkat() system call operates … like link()."): most paragraphs are decided by
    // their end and their first seven spaces, without reading the rest.
    let last = known ?? lastCodePoint(bytes)
    let endsSentence = last == 0x2E || last == 0x21 || last == 0x3F
    var marks = 0, visible = 0, spaces = 0
    var previous: UInt8 = 0x20
    var inHandle = false
    for b in bytes {
        if b == 0x20 || b == 0x09 || b == 0x0D {
            spaces &+= 1
            if endsSentence && spaces >= 7 { return false }
            inHandle = false
            previous = b
            continue
        }
        visible &+= 1
        // A handle or an address ("@sato_miho_write", "jan@example.org") is not code.
        if b == 0x40 { inHandle = true }
        if !inHandle {
            switch b {
            case 0x3D, 0x3B, 0x5F, 0x7B, 0x7D, 0x24, 0x23, 0x7C, 0x5C, 0x60, 0x7E, 0x5E: marks &+= 1
            case 0x28 where isASCIILetter(previous) || isASCIIDigit(previous): marks &+= 1
            case 0x29 where previous == 0x28: marks &+= 1
            case 0x2D where previous == 0x2D: marks &+= 1
            default: break
            }
        }
        previous = b
    }
    if marks >= 2 && marks &* 25 >= visible { return true }
    guard bytes.count <= 160 else { return false }
    // The first word after blanks and a prompt ("$ "): a command is lower-case ASCII, so most
    // lines (headlines, names) are ruled out before a string is made.
    var start = leadingBlanks(bytes)
    if start < bytes.count && bytes[start] == 0x24 { start += 1 + leadingBlanks(UnsafeBufferPointer(rebasing: bytes[(start + 1)...])) }
    guard start < bytes.count, bytes[start] >= 0x61, bytes[start] <= 0x7A else { return false }
    var stop = start
    while stop < bytes.count && bytes[stop] != 0x20 { stop += 1 }
    guard stop < bytes.count else { return false }
    return shellCommands.contains(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<stop]), as: UTF8.self))
}

/// Commands a command line in a post starts with.
let shellCommands: Set<String> = ["npm", "npx", "pip", "pip3", "git", "cargo", "go", "docker", "kubectl", "sudo", "apt", "apt-get",
                                  "brew", "yarn", "pnpm", "curl", "wget", "make", "python", "python3", "node", "swift", "gcc",
                                  "cmake", "helm", "terraform", "ssh", "export", "mkdir", "chmod", "gem", "composer", "dotnet",
                                  "rustup", "conda", "mvn", "gradle", "systemctl", "podman"]

/// Whether the paragraph ends with a smiley (":)", ":-)", ";)"): its colon introduces nothing.
func endsWithSmiley(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var end = bytes.count
    while end > 0 && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 || bytes[end - 1] == 0x0D) { end -= 1 }
    guard end >= 2, bytes[end - 1] == 0x29 else { return false }
    var k = end - 2
    if bytes[k] == 0x2D && k > 0 { k -= 1 }
    return bytes[k] == 0x3A || bytes[k] == 0x3B
}

/// Whitespace and the closing quotes and brackets that may follow a sentence's end.
@inline(__always)
func closesSentence(_ v: UInt32) -> Bool {
    switch v {
    case 0x20, 0x09, 0x0A, 0x0D, 0x22, 0x27, 0x29, 0x5D, 0xBB, 0x2019, 0x201D, 0x300D, 0x300F, 0xFF09: return true
    default: return false
    }
}

/// Whether `last` is the full stop of a script that has its own: the double danda, Armenian,
/// Ethiopic (and its question mark), Myanmar, Khmer, Tibetan, Mongolian.
func endsWithScriptStop(_ last: UInt32) -> Bool {
    switch last {
    case 0x0965, 0x0589, 0x1362, 0x1367, 0x104B, 0x17D4, 0x17D5, 0x0F0D, 0x1803: return true
    default: return false
    }
}

/// One short line with letters that does not end like a sentence (`.`, `!`, `?`, `:`, `;`
/// and their full-width and CJK forms, also inside closing quotes and brackets): the shape of
/// a headline or a list item. `last` is `lastCodePoint(bytes)` when the caller has it.
func isHeadline(_ bytes: UnsafeBufferPointer<UInt8>, characters: Int, letters: Int, last known: UInt32? = nil) -> Bool {
    guard characters <= ParagraphEvidence.headlineLimit, letters >= 2 else { return false }
    guard let p = bytes.baseAddress else { return false }
    // One pass, eight bytes at a time, for a line break and for whether the bytes are all
    // ASCII (then valid UTF-8). (A word has a zero byte, here one equal to a line break, when
    // a byte's top bit is set by subtracting 1 from each and was not set before.)
    let n = bytes.count
    var any: UInt64 = 0, i = 0
    while i &+ 8 <= n {
        let x = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)
        let y = x ^ 0x0A0A_0A0A_0A0A_0A0A
        if (y &- 0x0101_0101_0101_0101) & ~y & 0x8080_8080_8080_8080 != 0 { return false }
        any |= x
        i &+= 8
    }
    while i < n {
        if p[i] == 0x0A { return false }
        any |= UInt64(p[i])
        i &+= 1
    }
    var last: UInt32 = 0
    if any & 0x8080_8080_8080_8080 == 0 || decodeUTF8(bytes, { _ in }) {
        last = known ?? lastCodePoint(bytes)
    } else {
        // Invalid: what comes before the first bad byte, as language identification reads it.
        _ = decodeUTF8(bytes) { v in if !closesSentence(v) { last = v } }
    }
    switch last {
    case 0x2E, 0x21, 0x3F, 0x3A, 0x3B, 0x3002, 0xFF01, 0xFF1F, 0xFF1A, 0xFF1B, 0x0964, 0x06D4, 0x061F, 0x2026: return false
    default: return true
    }
}

/// Code points in UTF-8 bytes: every byte that does not continue a sequence starts one.
@inline(__always)
func codePoints(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    guard let p = bytes.baseAddress else { return 0 }
    let n = bytes.count
    var continuations = 0, i = 0
    // Eight bytes at a time: a continuation byte's top bit is set and the bit below it clear;
    // the flags, shifted to each byte's lowest bit, are summed into the top byte by a multiply.
    while i &+ 8 <= n {
        let x = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)
        let flags = (x & ~(x << 1) & 0x8080_8080_8080_8080) >> 7
        continuations &+= Int(truncatingIfNeeded: (flags &* 0x0101_0101_0101_0101) >> 56)
        i &+= 8
    }
    while i < n {
        if p[i] & 0xC0 == 0x80 { continuations &+= 1 }
        i &+= 1
    }
    return n &- continuations
}

/// The length of the longest prefix of `range` of at most `limit` bytes that ends on a
/// code point boundary.
func utf8Prefix(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ limit: Int) -> Int {
    if range.count <= limit { return range.count }
    var end = range.lowerBound + limit
    while end > range.lowerBound && bytes[end] & 0xC0 == 0x80 { end -= 1 }
    return end - range.lowerBound
}
