import FlyingFox
import FlyingSocks
import Foundation

/// Serves a folder on 127.0.0.1 for a local preview: its files as they are on disk, HTML with
/// `ReloadScript` added, and `StatusEndpoint` for that script.
public final class PreviewServer: Sendable {
    /// The folder served.
    public let root: URL
    /// The version and problems the open pages are told about.
    public let status: BookStatus
    private let server: HTTPServer

    /// Why the server could not start.
    public struct StartError: Error, CustomStringConvertible {
        public var description: String
    }

    /// A server of `root` on 127.0.0.1:`port` (`0`: a free port the system picks).
    public init(root: URL, port: UInt16 = 0, status: BookStatus = BookStatus()) throws {
        self.root = root
        self.status = status
        server = HTTPServer(
            address: try sockaddr_in.inet(ip4: "127.0.0.1", port: port),
            // Above the long poll's wait, so a waiting status request is answered, not cut.
            timeout: BookStatus.longPollSeconds + 20,
            logger: .disabled,
            handler: PreviewHandler(root: root, status: status))
    }

    /// Starts listening, and serving in the background; returns the port.
    ///
    /// - Throws: `StartError` when the address cannot be had (a port in use, say).
    public func start() async throws(StartError) -> UInt16 {
        let server = self.server
        let ended = Ended()
        Task {
            do {
                try await server.run()
                ended.set(StartError(description: "the server stopped as it started"))
            } catch {
                ended.set(error)
            }
        }
        // A server that cannot bind ends at once: its error is the one told.
        let deadline = Date().addingTimeInterval(10)
        while await !server.isListening {
            if let error = ended.error { throw StartError(description: Self.reason(error)) }
            guard Date() < deadline else { throw StartError(description: "the server did not start listening within 10 s") }
            try? await Task.sleep(nanoseconds: 10_000_000)
        }
        guard case let .ip4(_, port)? = await server.listeningAddress else {
            throw StartError(description: "the server listens on no IPv4 port")
        }
        return port
    }

    /// Stops listening and closes the open connections.
    public func stop() async {
        await server.stop()
    }

    /// How the server's run ended, if it has.
    private final class Ended: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: (any Error)?
        var error: (any Error)? { lock.withLock { stored } }
        func set(_ error: any Error) { lock.withLock { stored = error } }
    }

    /// A socket error in words ("Address already in use"), else the error's own description.
    private static func reason(_ error: any Error) -> String {
        if case let .failed(_, _, message)? = error as? SocketError { return message }
        if let error = error as? StartError { return error.description }
        return (error as? any LocalizedError)?.errorDescription ?? "\(error)"
    }
}
