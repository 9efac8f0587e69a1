import Foundation
import RawHTTPClient
import Testing
@testable import BookServer

/// A `PreviewServer` over a small book folder, asked over real HTTP.
@Suite struct PreviewServerTests {
    /// A folder like the book's, a secret beside it, and links into and out of it.
    final class Fixture {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("book-server-\(UUID().uuidString)")
        var root: URL { folder.appendingPathComponent("output") }
        let page = "<!DOCTYPE html>\n<html><head><title>Book</title></head><body><h1>The book</h1></body></html>\n"
        let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 1, 2, 255])

        init() throws {
            let manager = FileManager.default
            for path in ["output/02-small", "output/.cache", "outside"] {
                try manager.createDirectory(at: folder.appendingPathComponent(path), withIntermediateDirectories: true)
            }
            try write(page, "output/index.html")
            try write(page.replacingOccurrences(of: "The book", with: "A small network"), "output/02-small/index.html")
            try write("body { color: black; }\n", "output/style.css")
            try png.write(to: root.appendingPathComponent("02-small/fig-01-loss.png"))
            try write("<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n", "output/02-small/network.svg")
            try write("{\"title\": \"A small network\"}\n", "output/02-small/results.json")
            try write("# 1. A small network\n", "output/02-small/README.md")
            try write("{\"cells\": [], \"nbformat\": 4}\n", "output/02-small/02-small.ipynb")
            try write("{\"key\": []}\n", "output/.cache/02-small.json")
            try write("the password\n", "outside/secret.txt")
            try manager.createSymbolicLink(atPath: root.appendingPathComponent("02-small/leak.txt").path, withDestinationPath: "../../outside/secret.txt")
            try manager.createSymbolicLink(atPath: root.appendingPathComponent("absolute.txt").path, withDestinationPath: folder.appendingPathComponent("outside/secret.txt").path)
            try manager.createSymbolicLink(atPath: root.appendingPathComponent("elsewhere").path, withDestinationPath: "../outside")
            try manager.createSymbolicLink(atPath: root.appendingPathComponent("02-small/same.png").path, withDestinationPath: "fig-01-loss.png")
        }

        func write(_ text: String, _ path: String) throws {
            try text.write(to: folder.appendingPathComponent(path), atomically: false, encoding: .utf8)
        }

        deinit { try? FileManager.default.removeItem(at: folder) }
    }

    /// Runs `body` with a server of a fresh fixture started on a free port.
    func serving(_ body: (Fixture, PreviewServer, UInt16) async throws -> Void) async throws {
        let fixture = try Fixture()
        let server = try PreviewServer(root: fixture.root)
        let port = try await server.start()
        #expect(port != 0)
        do {
            try await body(fixture, server, port)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    /// Fails when a file is not sent as it is on disk, with its type (HTML aside).
    @Test func filesAreSentWithTheirTypes() async throws {
        try await serving { fixture, _, port in
            let expected: [(String, String, String)] = [
                ("/style.css", "text/css; charset=utf-8", "output/style.css"),
                ("/02-small/fig-01-loss.png", "image/png", "output/02-small/fig-01-loss.png"),
                ("/02-small/network.svg", "image/svg+xml", "output/02-small/network.svg"),
                ("/02-small/results.json", "application/json", "output/02-small/results.json"),
                ("/02-small/README.md", "text/markdown; charset=utf-8", "output/02-small/README.md"),
                ("/02-small/02-small.ipynb", "application/x-ipynb+json", "output/02-small/02-small.ipynb"),
                // A link that stays inside the folder is followed.
                ("/02-small/same.png", "image/png", "output/02-small/fig-01-loss.png"),
            ]
            for (target, type, file) in expected {
                let response = try await RawHTTP.send("GET", target, port: port)
                #expect(response.status == 200, "\(target)")
                #expect(response.headers["content-type"] == type, "\(target)")
                #expect(response.headers["cache-control"] == "no-store", "\(target)")
                #expect(response.body == (try Data(contentsOf: fixture.folder.appendingPathComponent(file))), "\(target)")
            }
        }
    }

    /// Fails when the served HTML lacks the reload script, or the file on disk gains it.
    @Test func htmlIsSentWithTheScriptAndTheFileStaysWithout() async throws {
        try await serving { fixture, server, port in
            for (target, file) in [("/", "index.html"), ("/index.html", "index.html"), ("/02-small/", "02-small/index.html")] {
                let response = try await RawHTTP.send("GET", target, port: port)
                #expect(response.status == 200)
                #expect(response.headers["content-type"] == "text/html; charset=utf-8")
                let onDisk = try String(contentsOf: fixture.root.appendingPathComponent(file), encoding: .utf8)
                #expect(!onDisk.contains("<script"))
                #expect(response.text == ReloadScript.inject(into: onDisk, version: server.status.snapshot.version))
                #expect(response.text.contains("<script \(ReloadScript.marker)>"))
                #expect(response.headers["content-length"] == String(response.body.count))
            }
        }
    }

    /// Fails when a path out of the folder, by dot segments, encoding, an empty segment or a
    /// symbolic link, is answered with anything but a refusal, or the secret shows.
    @Test func nothingOutsideTheFolderIsServed() async throws {
        try await serving { _, _, port in
            let refused: [(String, Int)] = [
                ("/../outside/secret.txt", 400), ("/%2e%2e/outside/secret.txt", 400), ("/%2E%2E/outside/secret.txt", 400),
                ("/02-small/../../outside/secret.txt", 400), ("/..%2foutside%2fsecret.txt", 400),
                ("//etc/passwd", 400), ("http://127.0.0.1/etc/passwd", 400), ("/etc/passwd", 404),
                ("/02-small/leak.txt", 403), ("/absolute.txt", 403), ("/elsewhere/secret.txt", 403), ("/elsewhere/", 403),
                ("/.cache/02-small.json", 404), ("/.lessons-lock", 404), ("/%2ecache/02-small.json", 404),
            ]
            for (target, status) in refused {
                let response = try await RawHTTP.send("GET", target, port: port)
                #expect(response.status == status, "\(target): \(response.text)")
                #expect(!response.text.contains("password"), "\(target)")
            }
        }
    }

    /// Fails when an unknown path, another method or another host is not refused as it should
    /// be, or `HEAD` sends a body.
    @Test func badRequestsAreRefused() async throws {
        try await serving { fixture, _, port in
            let missing = try await RawHTTP.send("GET", "/no-such-chapter/index.html", port: port)
            #expect(missing.status == 404)
            #expect(missing.text == "404 Not Found: no such page\n")
            for method in ["POST", "PUT", "DELETE", "PATCH", "OPTIONS"] {
                let response = try await RawHTTP.send(method, "/index.html", port: port)
                #expect(response.status == 405, "\(method)")
                #expect(response.headers["allow"] == "GET, HEAD", "\(method)")
            }
            let folder = try await RawHTTP.send("GET", "/02-small?x=1", port: port)
            #expect(folder.status == 301)
            #expect(folder.headers["location"] == "/02-small/?x=1")
            #expect(try await RawHTTP.send("GET", "/style.css/", port: port).status == 404)
            let head = try await RawHTTP.send("HEAD", "/02-small/fig-01-loss.png", port: port)
            #expect(head.status == 200)
            #expect(head.headers["content-length"] == String(fixture.png.count))
            #expect(head.body.isEmpty)
            let rebound = try await RawHTTP.send("GET", "/index.html", port: port, headers: ["Host: attacker.example:\(port)"])
            #expect(rebound.status == 421)
            #expect(try await RawHTTP.send("GET", "/index.html", port: port, headers: ["Host: localhost:\(port)"]).status == 200)
        }
    }

    /// Fails when the status does not answer at once without `since`, or a waiting request is
    /// not woken by a rebuild.
    @Test func theStatusWakesTheWaitingPageAfterARebuild() async throws {
        try await serving { _, server, port in
            let first = server.status.snapshot
            let now = try await RawHTTP.send("GET", StatusEndpoint.path, port: port)
            #expect(now.status == 200)
            #expect(now.headers["content-type"] == "application/json")
            #expect(try JSONDecoder().decode(BookStatus.Snapshot.self, from: now.body) == first)
            let start = Date()
            async let waited = RawHTTP.send("GET", StatusEndpoint.path + "?since=" + first.version, port: port)
            try await Task.sleep(nanoseconds: 300_000_000)
            server.status.rebuilt(problems: ["lessons/x.md:3:1: error: unknown cell kind 'modle'"])
            let answer = try JSONDecoder().decode(BookStatus.Snapshot.self, from: try await waited.body)
            #expect(answer.version != first.version)
            #expect(answer.problems == ["lessons/x.md:3:1: error: unknown cell kind 'modle'"])
            #expect(Date().timeIntervalSince(start) < BookStatus.longPollSeconds / 2)
            // A page sent at an older version is answered at once.
            let stale = try await RawHTTP.send("GET", StatusEndpoint.path + "?since=" + first.version, port: port)
            #expect(try JSONDecoder().decode(BookStatus.Snapshot.self, from: stale.body).version == answer.version)
        }
    }

    /// Fails when a second server on a port in use does not say so.
    @Test func aPortInUseIsAnError() async throws {
        try await serving { fixture, _, port in
            let second = try PreviewServer(root: fixture.root, port: port)
            do throws(PreviewServer.StartError) {
                _ = try await second.start()
                Issue.record("a second server started on port \(port)")
                await second.stop()
            } catch {
                #expect(error.description == "Address already in use")
            }
        }
    }
}
