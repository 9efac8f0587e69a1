import FlyingFox
import Foundation

/// Answers every request of the preview: the status the reload script polls, and the files
/// of the served folder, HTML with the script added. Read-only: `GET` and `HEAD` only.
struct PreviewHandler: HTTPHandler {
    /// The folder served (`output/`).
    let root: URL
    /// The book's version and problems, for the script.
    let status: BookStatus

    /// The methods every address allows.
    static let allowed = "GET, HEAD"

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard Self.isLocal(host: request.headers[.host]) else {
            return Self.refusal(.misdirectedRequest, "this preview answers to 127.0.0.1 and localhost only")
        }
        guard request.method == .GET || request.method == .HEAD else {
            var response = Self.refusal(.methodNotAllowed, "the preview only reads: \(Self.allowed)")
            response.headers[HTTPHeader("Allow")] = Self.allowed
            return response
        }
        let target = request.target.path()
        if target == StatusEndpoint.path {
            let since = request.query.first { $0.name == "since" }?.value
            let snapshot = if let since { await status.snapshot(after: since) } else { status.snapshot }
            return Self.content(StatusEndpoint.body(snapshot), type: "application/json", head: request.method == .HEAD)
        }
        let path: RequestPath
        do {
            path = try RequestPath(target: target)
        } catch .malformed {
            return Self.refusal(.badRequest, "not a path inside the book")
        } catch {
            return Self.refusal(.notFound, "no such page")
        }
        switch ServedFile.find(path, in: root) {
        case let .file(file):
            guard var data = try? Data(contentsOf: file) else { return Self.refusal(.notFound, "no such page") }
            let type = ContentType.of(file.lastPathComponent)
            if type.hasPrefix("text/html"), let html = String(data: data, encoding: .utf8) {
                data = Data(ReloadScript.inject(into: html, version: status.snapshot.version).utf8)
            }
            return Self.content(data, type: type, head: request.method == .HEAD)
        case .folderWithoutSlash:
            let query = request.target.query()
            let headers: HTTPHeaders = [.location: target + "/" + (query.isEmpty ? "" : "?" + query), .cacheControl: "no-store"]
            return HTTPResponse(statusCode: .movedPermanently, headers: headers)
        case .missing:
            return Self.refusal(.notFound, "no such page")
        case .outside:
            return Self.refusal(.forbidden, "the link leads outside the book")
        }
    }

    /// A `200 OK` with `data` (headers only, for `HEAD`); never cached, as a rebuild changes it.
    static func content(_ data: Data, type: String, head: Bool) -> HTTPResponse {
        let headers: HTTPHeaders = [
            .contentType: type, .contentLength: String(data.count), .cacheControl: "no-store",
            HTTPHeader("X-Content-Type-Options"): "nosniff",
        ]
        return HTTPResponse(statusCode: .ok, headers: headers, body: head ? Data() : data)
    }

    /// A refusal with its reason as plain text.
    static func refusal(_ code: HTTPStatusCode, _ reason: String) -> HTTPResponse {
        let headers: HTTPHeaders = [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"]
        return HTTPResponse(
            statusCode: code, headers: headers,
            body: Data("\(code.code) \(code.phrase): \(reason)\n".utf8))
    }

    /// Whether a `Host` header names this machine's loopback (or is absent, as in HTTP/1.0):
    /// a page of another site that a rebinding DNS name points here is not answered.
    static func isLocal(host: String?) -> Bool {
        guard let host = host?.lowercased() else { return true }
        let name: Substring
        if host.hasPrefix("[") {
            name = host.dropFirst().prefix { $0 != "]" }
        } else {
            name = host.prefix { $0 != ":" }
        }
        return ["127.0.0.1", "localhost", "::1"].contains(name)
    }
}
