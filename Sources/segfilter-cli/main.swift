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

/// Keeps `objects` alive until the process exits, which follows the end of the run: freeing
/// a filter's rule matchers, prefilter and models cost about 1.5 million instructions (1.4% of
/// a run over one small document) for memory the exit returns anyway.
func keepUntilExit(_ objects: AnyObject...) {
    for object in objects { _ = Unmanaged.passRetained(object) }
}

/// The worker threads for `--jobs`: as asked, else one per online core.
func workerCount(_ requested: Int?) -> Int {
    requested ?? Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
}

/// The command line parsed. Plain filter runs (no subcommand, help, version or completion
/// argument anywhere) are parsed as `Filter` directly, which skips building the whole command
/// tree (a sixth of start-up); anything that does not parse that way goes through the root
/// command as before, so every message and exit status is the root command's.
func parseCommandLine() throws -> ParsableCommand {
    let args = Array(CommandLine.arguments.dropFirst())
    let subcommands: Set<String> = ["filter", "identify", "languages", "rules", "help"]
    let plain = !args.contains { a in
        subcommands.contains(a) || a.hasPrefix("-h") || a.hasPrefix("--help") || a.hasPrefix("--version")
            || a.hasPrefix("--generate-completion") || a.hasPrefix("--experimental")
    }
    if plain || args.first == "filter" { DocumentFilter.prepareAhead() }
    if plain, let filter = try? Filter.parseAsRoot(args) { return filter }
    return try Segfilter.parseAsRoot()
}

Interruption.install()
do {
    var command = try parseCommandLine()
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
