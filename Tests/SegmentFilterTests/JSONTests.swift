import Testing
@testable import SegmentFilter

@Suite struct JSONTests {
    func members(_ s: String) throws -> [JSON.Member] {
        var t = s
        return try t.withUTF8 { try JSON.objectMembers($0).members }
    }

    func decode(_ literal: String) throws -> String {
        var t = literal
        return try t.withUTF8 { try JSON.decodeString($0, 0..<$0.count) }
    }

    @Test func membersAndRanges() throws {
        let line = #"{"id": 7, "text":"a\nb", "x":[1,{"y":null}], "n": -1.5e3}"#
        let m = try members(line)
        #expect(m.map(\.key) == ["id", "text", "x", "n"])
        #expect(m[1].valueIsString && !m[0].valueIsString)
        let bytes = Array(line.utf8)
        #expect(String(decoding: bytes[m[2].valueRange], as: UTF8.self) == #"[1,{"y":null}]"#)
    }

    @Test func escapesAndSurrogatePairs() throws {
        #expect(try decode(#""a\"b\\c\/d\n\t\u00e9\ud83d\ude00""#) == "a\"b\\c/d\n\té😀")
    }

    @Test(arguments: [#"{"a":1"#, #"{"a":tru}"#, #"[1,2]"#, #"{"a":"\ud800"}"#, #"{"a":"x"} junk"#, "", #"{"a":01}"#, "{\"a\":\"tab\there\"}"])
    func invalidJSONIsAnError(line: String) {
        #expect(throws: JSON.ParseError.self) { try members(line) }
    }

    @Test func invalidUTF8InAStringIsAnError() {
        let bytes: [UInt8] = Array(#"{"text":""#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8)
        #expect(throws: JSON.ParseError.self) { try bytes.withUnsafeBufferPointer { try JSON.objectMembers($0) } }
    }

    @Test func encodingRoundTrips() throws {
        let s = "quote \" backslash \\ nl \n cr \r ctl \u{01} nul \u{0} é 😀 \u{2028}"
        var out: [UInt8] = []
        JSON.appendString(s, to: &out)
        let literal = String(decoding: out, as: UTF8.self)
        #expect(!literal.utf8.contains { $0 < 0x20 })
        #expect(try decode(literal) == s)
    }
}
