#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes an analysis as the `segfilter` JSON object and as the `--explain` table.
public enum Report {
    /// Appends a number with at most three decimals (JSON has no NaN; non-finite becomes 0).
    static func appendNumber(_ x: Double, to out: inout [UInt8]) {
        let v = x.isFinite ? x : 0
        let scaled = Int((abs(v) * 1000).rounded())
        if v < 0 && scaled != 0 { out.append(UInt8(ascii: "-")) }
        appendInt(scaled / 1000, to: &out)
        let frac = scaled % 1000
        if frac != 0 {
            // Three digits, trailing zeros dropped.
            let d0 = frac / 100, d1 = frac / 10 % 10, d2 = frac % 10
            out.append(UInt8(ascii: "."))
            out.append(UInt8(ascii: "0") + UInt8(d0))
            if d1 != 0 || d2 != 0 { out.append(UInt8(ascii: "0") + UInt8(d1)) }
            if d2 != 0 { out.append(UInt8(ascii: "0") + UInt8(d2)) }
        }
    }

    /// Appends an integer in decimal (as `String(n)` spells it).
    static func appendInt(_ n: Int, to out: inout [UInt8]) {
        if n < 0 {
            out.append(UInt8(ascii: "-"))
            if n == Int.min { out.append(contentsOf: String(n).utf8.dropFirst()); return }
            appendInt(-n, to: &out)
            return
        }
        if n < 10 { out.append(UInt8(ascii: "0") + UInt8(n)); return }
        var buf: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &buf) { b in
            var v = n
            var i = 24
            while v > 0 { i -= 1; b[i] = UInt8(ascii: "0") + UInt8(v % 10); v /= 10 }
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: b[i..<24]))
        }
    }

    /// The `segfilter` object: `appended`, `language`, `split`, `reason`, `margin` and, unless
    /// `paragraphs` is false, one entry per paragraph.
    /// `appended` nil leaves the appended text out (`--drop-appended`). A document that was cut
    /// also gets a datatrove-style `filter_reason`.
    public static func segfilterObject(_ a: DocumentAnalysis, appended: UnsafeBufferPointer<UInt8>?, paragraphs: Bool = true,
                                       debug: Bool = false) -> [UInt8] {
        var o: [UInt8] = []
        o.reserveCapacity((appended?.count ?? 0) + 64 + (paragraphs ? 160 * a.paragraphs.count : 0))
        o.append(UInt8(ascii: "{"))
        if let appended {
            o.appendLiteral("\"appended\":")
            JSON.appendString(appended, to: &o)
            o.append(UInt8(ascii: ","))
        }
        if a.hasAppended {
            o.appendLiteral("\"filter_reason\":")
            JSON.appendString("segfilter: appended material (\(a.decision.reason))", to: &o)
            o.append(UInt8(ascii: ","))
        }
        o.appendLiteral("\"language\":")
        JSON.appendString(a.language, to: &o)
        o.appendLiteral(",\"split\":")
        appendInt(a.splitCodePoint, to: &o)
        o.appendLiteral(",\"reason\":")
        JSON.appendString(a.hasAppended ? a.decision.reason : "", to: &o)
        o.appendLiteral(",\"margin\":")
        appendNumber(a.decision.margin, to: &o)
        if paragraphs {
            o.appendLiteral(",\"paragraphs\":[")
            // (By index: the enumerated sequence's tuples were copied and destroyed generically.)
            for i in a.paragraphs.indices {
                let p = a.paragraphs[i]
                if i > 0 { o.append(UInt8(ascii: ",")) }
                o.appendLiteral("{\"start\":")
                appendInt(p.start, to: &o)
                o.appendLiteral(",\"end\":")
                appendInt(p.end, to: &o)
                o.appendLiteral(",\"language\":")
                JSON.appendString(p.evidence.language.code, to: &o)
                o.appendLiteral(",\"language_score\":")
                appendNumber(p.evidence.language.probability, to: &o)
                o.appendLiteral(",\"letters\":")
                appendInt(p.evidence.language.letters, to: &o)
                o.appendLiteral(",\"coherence\":")
                appendNumber(Double(p.evidence.coherence), to: &o)
                o.appendLiteral(",\"score\":")
                appendNumber(p.score, to: &o)
                o.appendLiteral(p.appended ? ",\"label\":\"appended\",\"rules\":[" : ",\"label\":\"primary\",\"rules\":[")
                for (j, r) in p.evidence.rules.enumerated() {
                    if j > 0 { o.append(UInt8(ascii: ",")) }
                    JSON.appendString(r.id, to: &o)
                }
                o.append(UInt8(ascii: "]"))
                if debug {
                    // For tools/tune: the ranked languages and the similarity at every cut.
                    o.appendLiteral(",\"top\":[")
                    for (j, t) in p.evidence.language.top.enumerated() {
                        if j > 0 { o.append(UInt8(ascii: ",")) }
                        o.append(UInt8(ascii: "["))
                        JSON.appendString(t.code, to: &o)
                        o.append(UInt8(ascii: ","))
                        appendNumber(t.probability, to: &o)
                        o.append(UInt8(ascii: "]"))
                    }
                    o.append(contentsOf: "],\"script_excludes_primary\":\(p.evidence.scriptExcludesPrimary),\"headline\":\(p.evidence.headline),\"introduces_next\":\(p.evidence.introducesNext),\"asks\":\(p.evidence.asks),\"opens_turn\":\(p.evidence.opensTurn),\"item_number\":\(p.evidence.itemNumber.map(String.init) ?? "null"),\"bullet\":\(p.evidence.bullet.map(String.init) ?? "null"),\"opens_label\":\(p.evidence.opensWithLabel),\"heads_next\":\(p.evidence.headsNext),\"name_line\":\(p.evidence.nameLine),\"opens_dateline\":\(p.evidence.opensWithDateline),\"script\":\"\(p.evidence.language.script)\",\"looks_like_code\":\(p.evidence.looksLikeCode),\"attributed_quotation\":\(p.evidence.attributedQuotation),\"out_of_model\":\(p.evidence.language.outOfModel),\"cut_coherence\":{".utf8)
                    let firstCut = max(1, a.coherence.firstCut)
                    if i >= firstCut {
                        for k in firstCut...i {
                            if k > firstCut { o.append(UInt8(ascii: ",")) }
                            o.append(contentsOf: "\"\(k)\":".utf8)
                            appendNumber(Double(a.coherence.similarity(i, cut: k)), to: &o)
                        }
                    }
                    o.append(UInt8(ascii: "}"))
                    // The block comparison of the cut before this paragraph.
                    if let b = a.coherence.blocks(cut: i) {
                        o.appendLiteral(",\"cut_blocks\":[")
                        appendNumber(Double(b.across), to: &o)
                        o.append(UInt8(ascii: ","))
                        appendNumber(Double(b.primaryCohesion), to: &o)
                        for x in [b.tailCohesion, b.nearest, b.seen, b.primarySeen, b.leastSeen, b.gramSeen, b.primaryGramSeen] + b.styleShift {
                            o.append(UInt8(ascii: ","))
                            appendNumber(Double(x), to: &o)
                        }
                        o.append(UInt8(ascii: "]"))
                    }
                }
                o.append(UInt8(ascii: "}"))
            }
            o.append(UInt8(ascii: "]"))
        }
        o.append(UInt8(ascii: "}"))
        return o
    }

    /// The confidence of the decision, from its margin: the cut's (or the no-cut's) margin
    /// through a logistic curve.
    static func confidence(_ a: DocumentAnalysis) -> Double {
        let m = a.decision.margin
        return a.hasAppended ? 1 / (1 + exp(-m)) : 1 / (1 + exp(m))
    }

    /// A Dolma attribute line: `{"id": ..., "attributes": {"segfilter__primary": [[start, end,
    /// score]], "segfilter__appended": [...], "segfilter__lang__<code>": [...]}}` with code point
    /// offsets. `id` is the record's id value as raw JSON.
    public static func attributesLine(_ a: DocumentAnalysis, id: [UInt8]?, textLength: Int) -> [UInt8] {
        var o: [UInt8] = Array("{\"id\":".utf8)
        o.append(contentsOf: id ?? Array("null".utf8))
        o.appendLiteral(",\"attributes\":{\"segfilter__primary\":[")
        let c = confidence(a)
        func span(_ s: Int, _ e: Int, _ score: Double) {
            o.append(contentsOf: "[\(s),\(e),".utf8)
            appendNumber(score, to: &o)
            o.append(UInt8(ascii: "]"))
        }
        if a.splitCodePoint > 0 { span(0, a.splitCodePoint, c) }
        o.appendLiteral("],\"segfilter__appended\":[")
        if a.splitCodePoint < textLength { span(a.splitCodePoint, textLength, c) }
        o.append(UInt8(ascii: "]"))
        var byLanguage: [String: [ParagraphReport]] = [:]
        var order: [String] = []
        for p in a.paragraphs {
            let code = p.evidence.language.code
            if byLanguage[code] == nil { order.append(code) }
            byLanguage[code, default: []].append(p)
        }
        for code in order {
            o.append(UInt8(ascii: ","))
            JSON.appendString("segfilter__lang__\(code)", to: &o)
            o.appendLiteral(":[")
            for (i, p) in byLanguage[code]!.enumerated() {
                if i > 0 { o.append(UInt8(ascii: ",")) }
                span(p.start, p.end, p.evidence.language.probability)
            }
            o.append(UInt8(ascii: "]"))
        }
        o.appendLiteral("}}\n")
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
        if let k = a.decision.topicCut, let b = a.coherence.blocks(cut: k) {
            s += "  strongest topic shift: before paragraph \(k), logit \(num(a.decision.topicLogit)) (blocks' similarity \(num(Double(b.across))), primary cohesion \(num(Double(b.primaryCohesion))), tail cohesion \(num(Double(b.tailCohesion))), nearest \(num(Double(b.nearest))); reused vocabulary \(num(Double(b.seen))) against \(num(Double(b.primarySeen))), least \(num(Double(b.leastSeen))); character 4-grams reused \(num(Double(b.gramSeen))) against \(num(Double(b.primaryGramSeen))); style shift \(zip(ParagraphStyle.names, b.styleShift).map { "\($0) \(num(Double($1)))" }.joined(separator: ", ")))\n"
        }
        return s
    }
}

extension Array where Element == UInt8 {
    /// Appends a literal's UTF-8 bytes (one copy; appending a `String`'s `utf8` view went
    /// through the generic sequence path, a tenth of the report's cost).
    @inline(__always)
    mutating func appendLiteral(_ s: StaticString) {
        s.withUTF8Buffer { append(contentsOf: $0) }
    }
}
