// swift-tools-version: 6.1
// A libFuzzer target over segfilter's document parser, JSONL reader and split. Kept as its own
// package so that the main package's plain `swift build` never needs the fuzzer runtime.
// Build and run: see fuzz/README.md.
import PackageDescription
import Foundation

// A path dependency's identity is its folder's name, which differs between clones.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()

let package = Package(
    name: "segfilter-fuzz",
    dependencies: [.package(path: root.path)],
    targets: [
        .executableTarget(
            name: "SegfilterFuzz",
            dependencies: [.product(name: "SegmentFilter", package: root.lastPathComponent.lowercased())]
        ),
    ]
)
