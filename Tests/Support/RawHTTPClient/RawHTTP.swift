import Foundation

/// One HTTP/1.1 request sent as written, over a plain socket to 127.0.0.1: a browser, curl
/// or `URLSession` would tidy `/../` and `%2e%2e` away before the server saw them.
public enum RawHTTP {
    public struct Response {
        public var status: Int
        /// Header names in lower case.
        public var headers: [String: String]
        public var body: Data
        public var text: String { String(decoding: body, as: UTF8.self) }
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
        public init(description: String) { self.description = description }
    }

    /// Sends `method target` with `headers` (a `Host` naming 127.0.0.1 unless one is given)
    /// and reads the answer, off the cooperative threads the server may need.
    public static func send(_ method: String, _ target: String, port: UInt16, headers: [String] = []) async throws -> Response {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try exchange(method, target, port: port, headers: headers) })
            }
        }
    }

    /// `GET target`, answered `200 OK`, as text.
    public static func page(_ target: String, port: UInt16) async throws -> String {
        let response = try await send("GET", target, port: port)
        guard response.status == 200 else { throw Failure(description: "GET \(target): \(response.status) \(response.text)") }
        return response.text
    }

    private static func exchange(_ method: String, _ target: String, port: UInt16, headers: [String]) throws -> Response {
        #if os(Linux)
            let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw Failure(description: "socket: \(errno)") }
        defer { close(descriptor) }
        var timeout = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw Failure(description: "connect to port \(port): errno \(errno)") }
        let host = headers.contains { $0.lowercased().hasPrefix("host:") } ? [] : ["Host: 127.0.0.1:\(port)"]
        let request = ([("\(method) \(target) HTTP/1.1")] + host + headers + ["Connection: close", "", ""]).joined(separator: "\r\n")
        let bytes = Array(request.utf8)
        guard write(descriptor, bytes, bytes.count) == bytes.count else { throw Failure(description: "write: errno \(errno)") }

        var received = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65536)
        func headEnd() -> Int? {
            guard received.count >= 4 else { return nil }
            return (0...(received.count - 4)).first { received[$0..<$0 + 4].elementsEqual([13, 10, 13, 10]) }
        }
        var end: Int?
        var length: Int?
        while true {
            if end == nil, let found = headEnd() {
                end = found
                length = parseHead(Array(received[..<found])).headers["content-length"].flatMap { Int($0) }
            }
            // A HEAD answer has a Content-Length and no body: it is read to the end (the
            // connection closes), to see that nothing follows.
            if let end, let length, method != "HEAD", received.count >= end + 4 + length { break }
            let count = read(descriptor, &buffer, buffer.count)
            if count < 0 { throw Failure(description: "read: errno \(errno)") }
            if count == 0 { break }
            received += buffer[..<count]
        }
        guard let end else { throw Failure(description: "no answer: \(String(decoding: received, as: UTF8.self))") }
        let head = parseHead(Array(received[..<end]))
        var body = Data(received[(end + 4)...])
        if let length, method != "HEAD" { body = body.prefix(length) }
        return Response(status: head.status, headers: head.headers, body: body)
    }

    private static func parseHead(_ bytes: [UInt8]) -> (status: Int, headers: [String: String]) {
        let lines = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\r\n")
        let status = lines.first.flatMap { $0.split(separator: " ").dropFirst().first.flatMap { Int($0) } } ?? 0
        var headers = [String: String]()
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return (status, headers)
    }
}
