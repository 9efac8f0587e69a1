import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One HTTP GET streamed to a file, with an optional progress bar; blocks until done.
///
/// URLSession calls the delegate on its own queue; the calling thread waits on a semaphore,
/// so the loader can stay synchronous like the rest of a lesson run.
final class HTTPFileTransfer: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private let url: URL
    private let destination: URL
    private let timeout: TimeInterval
    private let progress: (ProgressBar, ProgressBar.Output)?
    private let finished = DispatchSemaphore(value: 0)
    // Touched only on the session's serial delegate queue, then read after `finished`.
    private var handle: FileHandle?
    private var failure: String?
    private var received: Int64 = 0
    private var expected: Int64 = -1
    private var lastLine = ""

    init(url: URL, destination: URL, timeout: TimeInterval, progress: (ProgressBar, ProgressBar.Output)?) {
        self.url = url
        self.destination = destination
        self.timeout = timeout
        self.progress = progress
    }

    /// Runs the transfer; returns `nil` on success or the reason it failed.
    func run() -> String? {
        guard FileManager.default.createFile(atPath: destination.path, contents: nil),
            let handle = try? FileHandle(forWritingTo: destination)
        else { return "cannot create \(destination.lastPathComponent)" }
        self.handle = handle
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        let queue = OperationQueue()
        queue.maxConcurrentOperationCount = 1
        let session = URLSession(configuration: configuration, delegate: self, delegateQueue: queue)
        session.dataTask(with: url).resume()
        finished.wait()
        session.finishTasksAndInvalidate()
        try? handle.close()
        // End the bar's line, also after a failure, so the next message starts on its own line.
        if !lastLine.isEmpty, let (_, output) = progress { output("\n") }
        return failure
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
    ) {
        if let http = response as? HTTPURLResponse, !(200..<300).contains(http.statusCode) {
            failure = "HTTP status \(http.statusCode)"
            completionHandler(.cancel)
            return
        }
        expected = response.expectedContentLength
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        do {
            try handle?.write(contentsOf: data)
        } catch {
            failure = failure ?? "cannot write: \(error.localizedDescription)"
            dataTask.cancel()
            return
        }
        received += Int64(data.count)
        if let (bar, output) = progress {
            let line = bar.line(received: received, expected: expected)
            // Redraw only when the text changes: a few hundred lines per file at most.
            if line != lastLine {
                output(line)
                lastLine = line
            }
        }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
        if let error, failure == nil {
            failure = error.localizedDescription
        }
        if failure == nil && expected >= 0 && received != expected {
            failure = "connection closed after \(received) of \(expected) bytes"
        }
        finished.signal()
    }
}
