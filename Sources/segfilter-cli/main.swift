import ArgumentParser
import SegmentFilter
#if canImport(Glibc)
import Glibc
#endif

// Exit statuses (documented in the README): 0 ok, 1 data error, 2 usage error, 3 I/O error.
func fail(_ message: String, _ status: Int32) -> Never {
    let err = ByteWriter.standardError()
    try? err.write("segfilter: \(message)\n")
    try? err.flush()
    exit(status)
}

Interruption.install()
do {
    var command = try Segfilter.parseAsRoot()
    try command.run()
} catch let e as DataError {
    fail(e.description, 1)
} catch let e as RuleError {
    fail(e.description, 2)
} catch let e as IOError {
    fail(e.description, 3)
} catch let e as Interrupted {
    fail(e.description, 128 + e.signal)
} catch let e as SegmentationError {
    fail(e.description, 3)
} catch {
    let code = Segfilter.exitCode(for: error)
    if code == .success { Segfilter.exit(withError: error) }
    let err = ByteWriter.standardError()
    try? err.write(Segfilter.fullMessage(for: error) + "\n")
    try? err.flush()
    exit(code == .validationFailure ? 2 : code.rawValue)
}
