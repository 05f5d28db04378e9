import Dispatch
import Synchronization

/// How the line processors cut their input into batches: a batch ends at its line count or at
/// this many bytes, whichever comes first, so memory stays flat whatever the records' size.
let batchByteLimit = 4 << 20

/// Writes `body(item, worker)` into `results[item]` for every item, on `workers` threads (this
/// one among them); with one worker, in order on this thread. Items are claimed one at a time
/// from a shared counter, so a worker that drew short items does not wait at the end for one
/// that drew long ones. A worker index is used by one thread at a time, and each slot of
/// `results` is written by the one worker that claimed it: `body` may use per-worker state.
func produceClaimed<T>(into results: inout [T], workers: Int, _ body: (_ item: Int, _ worker: Int) -> T) {
    let count = results.count
    let jobs = min(workers, count)
    guard jobs > 1 else {
        for i in 0..<count { results[i] = body(i, 0) }
        return
    }
    let next = Atomic<Int>(0)
    withoutActuallyEscaping(body) { body in
        results.withUnsafeMutableBufferPointer { out in
            nonisolated(unsafe) let out = out
            nonisolated(unsafe) let body = body
            DispatchQueue.concurrentPerform(iterations: jobs) { w in
                while true {
                    let i = next.add(1, ordering: .relaxed).oldValue
                    guard i < count else { break }
                    out[i] = body(i, w)
                }
            }
        }
    }
}
