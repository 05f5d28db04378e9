/// Writes an analysis as the `segfilter` JSON object and as the `--explain` table.
public enum Report {
    /// Appends a number with at most three decimals (JSON has no NaN; non-finite becomes 0).
    static func appendNumber(_ x: Double, to out: inout [UInt8]) {
        let v = x.isFinite ? x : 0
        let scaled = Int((abs(v) * 1000).rounded())
        if v < 0 && scaled != 0 { out.append(UInt8(ascii: "-")) }
        out.append(contentsOf: String(scaled / 1000).utf8)
        let frac = scaled % 1000
        if frac != 0 {
            var digits = String(frac)
            while digits.count < 3 { digits = "0" + digits }
            while digits.hasSuffix("0") { digits.removeLast() }
            out.append(UInt8(ascii: "."))
            out.append(contentsOf: digits.utf8)
        }
    }

    /// The `segfilter` object: `appended`, `language`, `split`, `reason`, `margin` and, unless
    /// `paragraphs` is false, one entry per paragraph.
    public static func segfilterObject(_ a: DocumentAnalysis, appended: UnsafeBufferPointer<UInt8>, paragraphs: Bool = true) -> [UInt8] {
        var o: [UInt8] = []
        o.reserveCapacity(appended.count + 64 + (paragraphs ? 160 * a.paragraphs.count : 0))
        o.append(contentsOf: "{\"appended\":".utf8)
        JSON.appendString(appended, to: &o)
        o.append(contentsOf: ",\"language\":".utf8)
        JSON.appendString(a.language, to: &o)
        o.append(contentsOf: ",\"split\":\(a.splitCodePoint),\"reason\":".utf8)
        JSON.appendString(a.hasAppended ? a.decision.reason : "", to: &o)
        o.append(contentsOf: ",\"margin\":".utf8)
        appendNumber(a.decision.margin, to: &o)
        if paragraphs {
            o.append(contentsOf: ",\"paragraphs\":[".utf8)
            for (i, p) in a.paragraphs.enumerated() {
                if i > 0 { o.append(UInt8(ascii: ",")) }
                o.append(contentsOf: "{\"start\":\(p.start),\"end\":\(p.end),\"language\":".utf8)
                JSON.appendString(p.evidence.language.code, to: &o)
                o.append(contentsOf: ",\"language_score\":".utf8)
                appendNumber(p.evidence.language.probability, to: &o)
                o.append(contentsOf: ",\"letters\":\(p.evidence.language.letters),\"coherence\":".utf8)
                appendNumber(Double(p.evidence.coherence), to: &o)
                o.append(contentsOf: ",\"score\":".utf8)
                appendNumber(p.score, to: &o)
                o.append(contentsOf: ",\"label\":\(p.appended ? "\"appended\"" : "\"primary\""),\"rules\":[".utf8)
                for (j, r) in p.evidence.rules.enumerated() {
                    if j > 0 { o.append(UInt8(ascii: ",")) }
                    JSON.appendString(r.id, to: &o)
                }
                o.append(contentsOf: "]}".utf8)
            }
            o.append(UInt8(ascii: "]"))
        }
        o.append(UInt8(ascii: "}"))
        return o
    }

    /// The `--explain` table: one row per paragraph with its evidence, then the decision.
    public static func explain(_ a: DocumentAnalysis, text: UnsafeBufferPointer<UInt8>, title: String) -> String {
        func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
        func num(_ x: Double) -> String {
            var o: [UInt8] = []
            appendNumber(x, to: &o)
            return String(decoding: o, as: UTF8.self)
        }
        var s = "== \(title): primary language \(a.language), \(a.paragraphs.count) paragraphs\n"
        s += "  #   label     lang  prob   coher  score  rules                 text\n"
        for (i, p) in a.paragraphs.enumerated() {
            let snippet = String(decoding: UnsafeBufferPointer(rebasing: text[p.byteRange.lowerBound..<min(p.byteRange.upperBound, p.byteRange.lowerBound + 120)]), as: UTF8.self)
                .prefix(40).map { $0.isNewline || $0 == "\t" ? " " : String($0) }.joined()
            let rules = p.evidence.rules.map(\.id).joined(separator: ",")
            s += "  " + pad(String(i), 3) + " " + pad(p.appended ? "APPENDED" : "primary", 9) + " "
                + pad(p.evidence.language.code, 5) + " " + pad(num(p.evidence.language.probability), 6) + " "
                + pad(num(Double(p.evidence.coherence)), 6) + " " + pad(num(p.score), 6) + " "
                + pad(rules.isEmpty ? "-" : rules, 21) + " " + snippet + "\n"
        }
        if a.hasAppended {
            s += "  cut before paragraph \(a.decision.firstAppended) (code point \(a.splitCodePoint)): \(a.decision.reason); margin \(num(a.decision.margin))\n"
        } else {
            s += "  nothing appended: \(a.decision.reason); best margin \(num(a.decision.margin))\n"
        }
        return s
    }
}
