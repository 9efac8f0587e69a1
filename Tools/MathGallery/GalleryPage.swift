import MathML

/// Builds the gallery page: every construct inline and in display, then the numeric
/// typesetting examples, then (optionally) the whole seed corpus.
struct GalleryPage {
    var corpus: [CorpusFormula] = []

    func html() -> String {
        var body = "<h1>MathML gallery</h1>\n"
        body += "<p>Every construct of the LaTeX subset, converted by the <code>MathML</code> target: "
        body += "the source, then the formula inline in a sentence, then in display.</p>\n"
        for (section, formulas) in constructs {
            body += "<h2>\(section.xmlEscaped)</h2>\n"
            for tex in formulas {
                body += entry(source: tex, inline: rendered(tex, display: false), display: rendered(tex, display: true))
            }
        }
        body += "<h2>Numbers (equation-with-numbers blocks)</h2>\n"
        for (label, fragment) in numberExamples() {
            body += entry(source: label, inline: MathML.math(fragment, display: false), display: MathML.math(fragment, display: true))
        }
        if !corpus.isEmpty {
            body += "<h2>Seed corpus (\(corpus.count) formulas, as written in the seeds)</h2>\n<table>\n"
            for formula in corpus {
                body += "<tr><td class=\"seed\">\(String(formula.seed.prefix(3)).xmlEscaped)</td>"
                body += "<td>\(rendered(formula.tex, display: formula.display))</td></tr>\n"
            }
            body += "</table>\n"
        }
        return Self.head + body + "</body>\n</html>\n"
    }

    private func entry(source: String, inline: String, display: String) -> String {
        "<div class=\"entry\"><code>\(source.xmlEscaped)</code>\n<p>Inline, the formula \(inline) sits in a line of text.</p>\n\(display)</div>\n"
    }

    private func rendered(_ tex: String, display: Bool) -> String {
        do {
            return try MathML.convert(tex, display: display)
        } catch {
            return "<span class=\"error\">\(error.description.xmlEscaped)</span>"
        }
    }

    private static let head = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>MathML gallery</title>
        <style>
        body { font-family: "DejaVu Serif", Georgia, serif; max-width: 1150px; margin: 1.5em auto; color: #222; }
        table { border-collapse: collapse; width: 100%; }
        .entry { border-top: 1px solid #ddd; padding: 0.3em 0 0.5em; }
        .entry code { font-size: 0.8em; color: #555; }
        .entry p { margin: 0.4em 0; }
        math { font-family: "Latin Modern Math", "STIX Two Math", "Cambria Math", "DejaVu Math TeX Gyre", math; font-size: 1.15em; }
        td { border-top: 1px solid #ddd; padding: 0.35em 0.6em; vertical-align: middle; }
        td.src { width: 38%; font-size: 0.8em; color: #555; }
        td.seed { width: 2em; color: #999; font-size: 0.8em; }
        h2 { margin-top: 1.2em; font-size: 1.2em; }
        .error { color: #b00; font-family: monospace; }
        </style>
        </head>
        <body>

        """
}

