import Foundation

/// The script the server adds to each HTML page it sends, never to the files: it asks the
/// server whether the book changed since the page was sent and reloads the page when it has,
/// and shows in a box the lesson errors that keep a chapter at its last good page.
///
/// It long-polls `StatusEndpoint.path`: the server answers at once when the book's version
/// is not the one the page was sent at, else after up to `BookStatus.longPollSeconds`; when
/// the server is gone it tries again each second, so a restarted server reloads the page too.
public enum ReloadScript {
    /// Marks the script, so a test (or a person reading the source) can find it.
    public static let marker = "data-lessons-serve"

    /// The `<script>` element for a page sent at `version`.
    public static func element(version: String) -> String {
        let quoted = String(decoding: (try? JSONEncoder().encode(version)) ?? Data("\"\"".utf8), as: UTF8.self)
            .replacingOccurrences(of: "<", with: "\\u003c")
        return """
            <script \(marker)>
            (() => {
              const sent = \(quoted);
              let shown = null;
              const show = (problems) => {
                const text = problems.join("\\n");
                if (text === shown) return;
                shown = text;
                let box = document.getElementById("lessons-serve-problems");
                if (!text) { if (box) box.remove(); return; }
                if (!box) {
                  box = document.createElement("pre");
                  box.id = "lessons-serve-problems";
                  box.setAttribute("role", "alert");
                  box.style.cssText = "position:fixed;left:1em;right:1em;bottom:1em;z-index:9999;margin:0;padding:.8em 1em;"
                    + "max-height:40vh;overflow:auto;white-space:pre-wrap;font:13px/1.4 monospace;"
                    + "background:#fff0f0;color:#700;border:2px solid #c00;border-radius:6px;";
                  document.body.appendChild(box);
                }
                box.textContent = "Not rebuilt, the last good page is shown:\\n" + text;
              };
              const poll = async (wait) => {
                try {
                  const answer = await fetch("\(StatusEndpoint.path)" + (wait ? "?since=" + encodeURIComponent(sent) : ""), { cache: "no-store" });
                  const status = await answer.json();
                  if (status.version !== sent) { location.reload(); return; }
                  show(status.problems);
                  poll(true);
                } catch (error) {
                  setTimeout(() => poll(false), 1000);
                }
              };
              poll(false);
            })();
            </script>
            """
    }

    /// `html` with the script for `version` added before its last `</body>` (at its end when
    /// it has none).
    public static func inject(into html: String, version: String) -> String {
        let script = element(version: version) + "\n"
        guard let body = html.range(of: "</body>", options: [.backwards, .caseInsensitive]) else { return html + script }
        var page = html
        page.insert(contentsOf: script, at: body.lowerBound)
        return page
    }
}
