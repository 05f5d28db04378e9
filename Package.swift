// swift-tools-version: 6.1
import PackageDescription
import Foundation

// The shipped language model and rule sets are embedded in the binary with an assembler
// `.incbin`, so a copied `segfilter` needs no files beside it. The assembler needs the
// absolute folder of those files; Package.swift knows where it lives.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path

let package = Package(
    name: "segfilter",
    products: [
        .executable(name: "segfilter", targets: ["segfilter-cli"]),
        .library(name: "SegmentFilter", targets: ["SegmentFilter"]),
    ],
    dependencies: [
        // The CLI's option parsing, help, man page and completions: the standard for Swift tools.
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        // Property tests for the split invariants (tests only; not linked into the binary).
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.0"),
    ],
    targets: [
        // The only code that sees ICU. Its public header declares opaque handles and plain C
        // types; <unicode/*.h> is included only in the .c file, because a module map over ICU's
        // headers clashes with Foundation's private ICU copy on a clean build.
        .target(
            name: "ICUShim",
            linkerSettings: [.linkedLibrary("icuuc"), .linkedLibrary("icui18n"), .linkedLibrary("icudata")]
        ),
        // gzip and zstd for `.gz` / `.zst` shards, from Debian's zlib1g-dev and libzstd-dev.
        .target(
            name: "CompressionShim",
            linkerSettings: [.linkedLibrary("z"), .linkedLibrary("zstd")]
        ),
        // The language model and rule sets, embedded as bytes (see SegfilterData/data.c).
        .target(
            name: "SegfilterData",
            exclude: ["lid.bin", "README.md"],
            cSettings: [.define("SEGFILTER_ROOT", to: "\"\(packageRoot)\"")]
        ),
        .target(
            name: "SegmentFilter",
            dependencies: ["ICUShim", "CompressionShim", "SegfilterData"]
        ),
        .executableTarget(
            name: "segfilter-cli",
            dependencies: [
                "SegmentFilter",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "SegmentFilterTests",
            dependencies: [
                "SegmentFilter",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "CLITests",
            dependencies: ["SegmentFilter"]
        ),
    ]
)
