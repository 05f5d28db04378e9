import CompressionShim
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The compression a path's suffix asks for: `.gz` gzip, `.zst` zstd, otherwise none.
func compressionKind(_ path: String) -> Int32? {
    if path.hasSuffix(".gz") { return Int32(SF_Z_GZIP) }
    if path.hasSuffix(".zst") { return Int32(SF_Z_ZSTD) }
    return nil
}

/// An I/O failure: exit status 3 in the CLI.
public struct IOError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

func errnoText() -> String { String(cString: strerror(errno)) }

/// Reads a file or standard input in large blocks and hands out lines (without the newline).
public final class LineReader {
    private let fd: Int32
    private let name: String
    private let ownsFD: Bool
    private var buffer: [UInt8]
    private var start = 0
    private var end = 0
    private var eof = false
    private var decoder: OpaquePointer?
    /// 1-based number of the last line returned.
    public private(set) var lineNumber = 0

    /// Opens `path`, or standard input for nil or "-".
    public init(path: String?) throws {
        if let path, path != "-" {
            let f = open(path, O_RDONLY)
            guard f >= 0 else { throw IOError("cannot open '\(path)': \(errnoText())") }
            fd = f
            name = path
            ownsFD = true
            if let kind = compressionKind(path) {
                guard let d = sf_zreader_open(f, kind) else { close(f); throw IOError("cannot start decompressing '\(path)'") }
                decoder = d
            }
        } else {
            fd = 0
            name = "<stdin>"
            ownsFD = false
        }
        // Not zeroed (only bytes read into it are ever looked at): zeroing a mebibyte was a
        // twentieth of start-up, and touched pages a small input never needs.
        buffer = [UInt8](unsafeUninitializedCapacity: 1 << 20) { _, count in count = 1 << 20 }
    }

    deinit {
        if let decoder { sf_zreader_close(decoder) }
        if ownsFD { close(fd) }
    }

    /// One read of (decompressed) bytes: the count, 0 at the end.
    private func readBytes(_ p: UnsafeMutableRawPointer, _ count: Int) throws -> Int {
        if let decoder {
            let n = sf_zreader_read(decoder, p.assumingMemoryBound(to: UInt8.self), count)
            if n < 0 { throw IOError("cannot decompress '\(name)': \(String(cString: sf_zreader_error(decoder)))") }
            return Int(n)
        }
        while true {
            let n = read(fd, p, count)
            if n >= 0 { return n }
            if errno != EINTR { throw IOError("cannot read '\(name)': \(errnoText())") }
            if Interruption.received != 0 { throw Interrupted(signal: Interruption.received) }
        }
    }

    public var displayName: String { name }

    /// Whether every byte read so far has been handed out: the next line needs a read that may
    /// block (on a pipe), so pending work should be finished and flushed first.
    public var isDrained: Bool { start == end }

    private func fill() throws {
        if start > 0 {
            let n = end - start
            if n > 0 { buffer.withUnsafeMutableBytes { b in _ = memmove(b.baseAddress!, b.baseAddress! + start, n) } }
            end = n
            start = 0
        }
        if end == buffer.count { buffer.append(contentsOf: [UInt8](repeating: 0, count: buffer.count)) }
        let n = try buffer.withUnsafeMutableBytes { b in try readBytes(b.baseAddress! + end, b.count - end) }
        if n == 0 { eof = true } else { end += n }
    }

    /// Calls `body` with the next line's bytes, valid only during the call; returns false at
    /// the end of the input. A last line without a newline is still a line. Lines longer than
    /// `limit` are reported with `tooLong` set and their bytes cut to the limit.
    public func nextLine(limit: Int = Int.max, _ body: (UnsafeBufferPointer<UInt8>, _ tooLong: Bool) throws -> Void) throws -> Bool {
        var scanned = 0   // bytes after `start` already searched for a newline
        var dropped = false
        while true {
            let found = buffer.withUnsafeBufferPointer { b -> Int? in
                let from = start + scanned
                guard from < end, let base = b.baseAddress,
                      let newline = memchr(base + from, 0x0A, end - from) else { return nil }
                return base.distance(to: newline.assumingMemoryBound(to: UInt8.self))
            }
            if found != nil || eof {
                let lineEnd = found ?? end
                if found == nil && start == end && !dropped { return false }
                lineNumber += 1
                let kept = lineEnd - start > limit ? start + limit : lineEnd
                try buffer.withUnsafeBufferPointer { b in
                    try body(UnsafeBufferPointer(rebasing: b[start..<kept]), dropped || lineEnd - start > limit)
                }
                start = found.map { $0 + 1 } ?? end
                return true
            }
            if end - start > limit {
                // Longer than the limit: keep the first `limit` bytes and let the rest of the
                // line be overwritten by the next read, so memory stays bounded.
                dropped = true
                end = start + limit
            }
            scanned = end - start
            try fill()
        }
    }

    /// Copies everything not yet read to `out`.
    public func copyRest(to out: ByteWriter) throws {
        try buffer.withUnsafeBufferPointer { try out.write(UnsafeBufferPointer(rebasing: $0[start..<end])) }
        start = end
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = try chunk.withUnsafeMutableBytes { try readBytes($0.baseAddress!, $0.count) }
            if n == 0 { return }
            try chunk.withUnsafeBufferPointer { try out.write(UnsafeBufferPointer(rebasing: $0[0..<n])) }
        }
    }

    /// Reads the whole input, stopping once more than `limit` bytes have been read; `truncated`
    /// tells whether it stopped early (then `bytes` holds what was read, a little over the limit).
    public func readAll(limit: Int = Int.max) throws -> (bytes: [UInt8], truncated: Bool) {
        var out: [UInt8] = []
        out.append(contentsOf: buffer[start..<end])
        start = end
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while out.count <= limit {
            let n = try chunk.withUnsafeMutableBytes { try readBytes($0.baseAddress!, $0.count) }
            if n == 0 { return (out, false) }
            out.append(contentsOf: chunk[0..<n])
        }
        // Everything read so far is returned, so the caller can copy it and the rest through.
        return (out, true)
    }
}

/// Buffered output to a file descriptor.
public final class ByteWriter {
    private let fd: Int32
    private let name: String
    private let ownsFD: Bool
    private var buffer: [UInt8] = []
    private let capacity = 1 << 18
    private var encoder: OpaquePointer?

    public static func standardOutput() -> ByteWriter { ByteWriter(fd: 1, name: "<stdout>", owns: false) }
    public static func standardError() -> ByteWriter { ByteWriter(fd: 2, name: "<stderr>", owns: false) }

    /// Creates or truncates `path`.
    public init(path: String) throws {
        let f = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard f >= 0 else { throw IOError("cannot write '\(path)': \(errnoText())") }
        fd = f
        name = path
        ownsFD = true
        buffer.reserveCapacity(capacity)
        if let kind = compressionKind(path) {
            guard let e = sf_zwriter_open(f, kind, kind == Int32(SF_Z_GZIP) ? 6 : 3) else { _ = Glibc.close(f); throw IOError("cannot start compressing '\(path)'") }
            encoder = e
        }
    }

    private init(fd: Int32, name: String, owns: Bool) {
        self.fd = fd
        self.name = name
        ownsFD = owns
        buffer.reserveCapacity(capacity)
    }

    deinit {
        try? close()
    }

    /// Flushes, ends a compressed stream, and closes an owned file. Idempotent.
    public func close() throws {
        try flush()
        if let encoder {
            self.encoder = nil
            if sf_zwriter_finish(encoder) != 0 { throw IOError("cannot write '\(name)': \(errnoText())") }
        }
        if ownsFD && !closed { closed = true; _ = Glibc.close(fd) }
    }
    private var closed = false

    public func write(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= capacity { try flush() }
    }

    public func write(_ bytes: [UInt8]) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= capacity { try flush() }
    }

    public func write(_ s: String) throws {
        buffer.append(contentsOf: s.utf8)
        if buffer.count >= capacity { try flush() }
    }

    public func flush() throws {
        var off = 0
        defer { buffer.removeAll(keepingCapacity: true) }
        if let encoder {
            let rc = buffer.withUnsafeBufferPointer { sf_zwriter_write(encoder, $0.baseAddress, $0.count) }
            if rc != 0 { throw IOError("cannot write '\(name)': \(errnoText())") }
            return
        }
        while off < buffer.count {
            let n = buffer.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + off, $0.count - off) }
            if n < 0 {
                if errno == EINTR { continue }   // finish the write: output stays whole lines
                throw IOError("cannot write '\(name)': \(errnoText())")
            }
            off += n
        }
    }
}
