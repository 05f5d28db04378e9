import Foundation
@testable import SegmentFilter

/// The folder of hand-written fixtures (Tests/Fixtures).
let fixturesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Fixtures")

func fixture(_ name: String) throws -> String {
    try String(contentsOf: fixturesFolder.appendingPathComponent(name), encoding: .utf8)
}

/// A page of `Fixtures/pages` split at its `@@@` line: the parts (one when nothing is
/// appended) and the text without the marker.
func markedPage(_ name: String) throws -> (parts: [String], text: String) {
    let parts = try fixture("pages/\(name)").components(separatedBy: "@@@\n")
    return (parts, parts.joined())
}

func paragraphTexts(_ text: String) -> [String] {
    var t = text
    return t.withUTF8 { b in
        ParagraphSplitter.paragraphs(in: b).map { String(decoding: UnsafeBufferPointer(rebasing: b[$0]), as: UTF8.self) }
    }
}

func filter(_ rules: String = "default") throws -> DocumentFilter {
    try DocumentFilter(rules: try RuleSet.load(rules))
}

/// Primary content and appended material of `text` as strings.
func split(_ text: String, rules: String = "default") throws -> (primary: String, appended: String, analysis: DocumentAnalysis) {
    let a = try filter(rules).analyse(text)
    let bytes = Array(text.utf8)
    return (String(decoding: bytes[0..<a.splitByte], as: UTF8.self), String(decoding: bytes[a.splitByte...], as: UTF8.self), a)
}
