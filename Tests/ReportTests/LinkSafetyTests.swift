import Testing
@testable import Report

/// Markdown links in a lesson's prose, captions and summary become `<a href>` and `<img src>`
/// through Ink, which copies the URL into the attribute as written.
///
/// Known issue (robustness review): a `"` in the URL closes the attribute, so
/// `[q](x" onmouseover="alert(4))` adds an event handler, and `javascript:` URLs are kept.
/// `HTMLWriter.extractMath` already hides `<` from Ink; hiding `"` the same way (restored as
/// `&quot;`) and dropping URLs whose scheme is not http, https or mailto would close both.
/// When the writer is fixed, these `withKnownIssue` blocks report that the issue is gone:
/// remove the wrappers then.
@Suite struct LinkSafetyTests {
    let writer = HTMLWriter()

    @Test func aQuoteInALinkCannotAddAnAttribute() {
        let html = writer.prose("A [q](x\" onmouseover=\"alert(4)) link.")
        withKnownIssue("Ink copies a link's URL into href unescaped") {
            #expect(!html.contains("\" onmouseover=\""), "\(html)")
        }
    }

    @Test func aJavaScriptLinkIsNotALink() {
        let html = writer.prose("A [link](javascript:alert(3)) and ![i](javascript:alert(5)).")
        withKnownIssue("Ink keeps javascript: URLs") {
            #expect(!html.lowercased().contains("javascript:"), "\(html)")
        }
    }

    @Test func rawTagsAndOrdinaryLinksAreFine() {
        let html = writer.prose("<script>alert(1)</script> and [the site](https://example.org/a?b=1).")
        #expect(!html.contains("<script"))
        #expect(html.contains("&lt;script>alert(1)&lt;/script>") || html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("<a href=\"https://example.org/a?b=1\">the site</a>"))
    }
}
