import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// SIGINT and SIGTERM as a flag that the processing loops check between batches, so that a
/// stopped run ends with its output flushed and made of whole lines.
public enum Interruption {
    static let signal = Atomic<Int32>(0)

    /// The signal that was received, or 0.
    public static var received: Int32 { signal.load(ordering: .relaxed) }

    /// Installs the handlers (once, from the main thread).
    public static func install() {
        for s in [SIGINT, SIGTERM] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { s in Interruption.signal.store(s, ordering: .relaxed) }
            // No SA_RESTART: a read blocked on an idle pipe returns EINTR, so the run stops at
            // once instead of waiting for more input.
            action.sa_flags = 0
            sigemptyset(&action.sa_mask)
            sigaction(s, &action, nil)
        }
    }
}

/// Thrown when a run stops on a signal; the output written so far is whole lines.
public struct Interrupted: Error, CustomStringConvertible {
    public var signal: Int32
    public var description: String { "stopped by signal \(signal); the output holds the records finished before it" }
}
