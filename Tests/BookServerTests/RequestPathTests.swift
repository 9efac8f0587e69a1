import Testing
@testable import BookServer

/// The request target, read segment by segment: nothing that climbs out of the served
/// folder, however it is spelled, and nothing hidden.
@Suite struct RequestPathTests {
    @Test func plainPathsNameTheirSegments() throws {
        let top = try RequestPath(target: "/"), page = try RequestPath(target: "/02-small/index.html")
        let folder = try RequestPath(target: "/02-small/")
        #expect(top.segments.isEmpty && top.namesFolder)
        #expect(page.segments == ["02-small", "index.html"] && !page.namesFolder)
        #expect(folder.segments == ["02-small"] && folder.namesFolder)
        #expect(try RequestPath(target: "/02-small/fig%20one.png").segments == ["02-small", "fig one.png"])
        #expect(try RequestPath(target: "/caf%C3%A9/a..b.png").segments == ["café", "a..b.png"])
    }

    /// Fails when a dot segment, an encoded separator, an empty segment or a target that is
    /// not origin-form gets through.
    @Test(arguments: [
        "/../etc/passwd", "/%2e%2e/etc/passwd", "/%2E%2e/etc/passwd", "/.%2e/x", "/02-small/../../x",
        "/02-small/%2e%2e/%2e%2e/x", "/./index.html", "/%2e/index.html", "/..%2f..%2fetc%2fpasswd", "/a%2fb",
        "/..%5c..%5cwindows", "/a%00.html", "//etc/passwd", "/a//b", "/%zz", "http://127.0.0.1/etc/passwd", "*", "../x", "",
    ])
    func escapesAreMalformed(_ target: String) {
        #expect(throws: RequestPath.Refusal.malformed) { try RequestPath(target: target) }
    }

    /// Fails when the book's bookkeeping (`.cache`, the lock, the manifest) could be read.
    @Test(arguments: ["/.cache/02-small.json", "/.lessons-lock", "/.lessons-manifest", "/02-small/.hidden", "/%2ecache/x.json"])
    func hiddenNamesAreNotServed(_ target: String) {
        #expect(throws: RequestPath.Refusal.hidden) { try RequestPath(target: target) }
    }
}

/// Fails when a kind of file the book writes is sent with the wrong type.
@Suite struct ContentTypeTests {
    @Test func eachKindOfFileHasItsType() {
        #expect(ContentType.of("index.html") == "text/html; charset=utf-8")
        #expect(ContentType.of("style.css") == "text/css; charset=utf-8")
        #expect(ContentType.of("fig-01-loss.png") == "image/png")
        #expect(ContentType.of("FIG.PNG") == "image/png")
        #expect(ContentType.of("network.svg") == "image/svg+xml")
        #expect(ContentType.of("results.json") == "application/json")
        #expect(ContentType.of("README.md") == "text/markdown; charset=utf-8")
        #expect(ContentType.of("02-small.ipynb") == "application/x-ipynb+json")
        #expect(ContentType.of("points.csv") == "text/csv; charset=utf-8")
        #expect(ContentType.of("LICENSE") == "application/octet-stream")
        #expect(ContentType.of("archive.tar.xz") == "application/octet-stream")
    }
}

/// Fails when the script lands outside the body, or a version could end the script early.
@Suite struct ReloadScriptTests {
    @Test func theScriptGoesBeforeTheLastBodyEnd() {
        let page = "<html><body><pre>&lt;/body&gt;</pre></body></html>"
        let served = ReloadScript.inject(into: page, version: "v1")
        #expect(served.hasPrefix("<html><body><pre>&lt;/body&gt;</pre><script data-lessons-serve>"))
        #expect(served.hasSuffix("</script>\n</body></html>"))
        #expect(served.contains("const sent = \"v1\";"))
        #expect(served.contains(StatusEndpoint.path))
        #expect(ReloadScript.inject(into: "<P>bare</P>", version: "v").hasPrefix("<P>bare</P><script data-lessons-serve>"))
        #expect(ReloadScript.inject(into: "<BODY>x</BODY>", version: "v").hasSuffix("</script>\n</BODY>"))
    }

    @Test func aVersionCannotCloseTheScript() {
        let script = ReloadScript.element(version: "</script><script>alert(1)</script>")
        #expect(script.components(separatedBy: "</script>").count == 2)
    }
}
