import Testing
@testable import Report

/// Markdown links in a lesson's prose, captions and summary become `<a href>` and `<img src>`:
/// the URL is escaped into the attribute, and one whose scheme is not http, https or mailto is `#`.
@Suite struct LinkSafetyTests {
    let writer = HTMLWriter()

    @Test func aQuoteInALinkCannotAddAnAttribute() {
        let html = writer.prose("A [q](x\" onmouseover=\"alert(4)) link.")
        #expect(!html.contains("\" onmouseover=\""), "\(html)")
        #expect(!html.contains("onmouseover=\""), "\(html)")
    }

    @Test func aJavaScriptLinkIsNotALink() {
        let html = writer.prose("A [link](javascript:alert(3)) and ![i](javascript:alert(5)).")
        #expect(!html.lowercased().contains("javascript:"), "\(html)")
        #expect(html.contains("href=\"#\"") && html.contains("src=\"#\""), "\(html)")
    }

    @Test func otherSchemesAndDisguisesAreDropped() {
        for url in ["JavaScript:alert(1)", "data:text/html,x", "vbscript:x", "javascript&#58;alert(1)"] {
            let html = writer.prose("A [link](\(url)).")
            #expect(html == "<p>A <a href=\"#\">link</a>.</p>", "\(url): \(html)")
        }
        // A space in a destination makes it no link at all, as in CommonMark.
        #expect(writer.prose("A [link](java\tscript:alert(1)).") == "<p>A [link](java script:alert(1)).</p>")
        #expect(!HTMLWriter.isSafe(" javascript:alert(1)"))
        #expect(!HTMLWriter.isSafe("file:///etc/passwd"))
    }

    @Test func rawTagsAndOrdinaryLinksAreFine() {
        let html = writer.prose("<script>alert(1)</script> and [the site](https://example.org/a?b=1).")
        #expect(!html.contains("<script"))
        #expect(html.contains("&lt;script>alert(1)&lt;/script>") || html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("<a href=\"https://example.org/a?b=1\">the site</a>"))
    }

    @Test func safeLinksImagesAndQuotesSurvive() {
        let html = writer.prose(
            "See [http](http://example.org), [mail](mailto:a@example.org), [next](02-perceptron.html), "
                + "[below](#weights), [up](../index.html) and ![The data](fig-01-data.png). He said \"hi\" in `\"code\"`.")
        #expect(html.contains("href=\"http://example.org\""), "\(html)")
        #expect(html.contains("href=\"mailto:a@example.org\""), "\(html)")
        #expect(html.contains("href=\"02-perceptron.html\""), "\(html)")
        #expect(html.contains("href=\"#weights\""), "\(html)")
        #expect(html.contains("href=\"../index.html\""), "\(html)")
        #expect(html.contains("src=\"fig-01-data.png\""), "\(html)")
        #expect(html.contains("He said &quot;hi&quot; in <code>&quot;code&quot;</code>"), "\(html)")
    }

    @Test func captionsAndMathKeepWorking() {
        let caption = writer.inline("A [link](javascript:x) next to $x_1 < 2$ and \"quoted\" text.")
        #expect(caption.contains("href=\"#\""), "\(caption)")
        #expect(caption.contains("<math"), "\(caption)")
        #expect(caption.contains("&quot;quoted&quot;"), "\(caption)")
        #expect(!caption.contains("placeholder"), "\(caption)")
    }
}
