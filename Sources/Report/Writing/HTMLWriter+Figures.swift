extension HTMLWriter {
    /// The side padding of the page's column in CSS pixels (`body`'s 1.25rem on each side at
    /// the 17px root size of `style.css`): the column is the viewport less this.
    static let columnPadding = 43.0

    /// The smallest scale at which a figure's wide drawing is shown before the page switches
    /// to its narrow drawing: 0.9 keeps 11-point tick labels at about 10 CSS pixels.
    static let smallestScale = 0.9

    /// A figure's image: a plain `<img>`, or a `<picture>` whose sources pick the dark drawing
    /// on a dark page (`prefers-color-scheme`) and the narrow drawing on a screen too narrow to
    /// show the wide one at ``smallestScale`` or more. No script: the browser chooses.
    func picture(_ figure: ReportFigure) -> String {
        let image =
            "<img src=\"\(figure.file.htmlEscaped)\" alt=\"\(figure.alternativeText.htmlEscaped)\""
            + size(figure.width, figure.height) + ">"
        guard figure.darkFile != nil || figure.narrow != nil else { return image }
        var sources: [String] = []
        if let narrow = figure.narrow, let width = figure.width {
            let narrowScreen = "(max-width: \(Self.narrowBreakpoint(wideWidth: width))px)"
            let narrowSize = size(narrow.width, narrow.height)
            if let dark = narrow.darkFile {
                sources.append(
                    "<source srcset=\"\(dark.htmlEscaped)\" media=\"\(narrowScreen) and (prefers-color-scheme: dark)\"\(narrowSize)>")
            }
            sources.append("<source srcset=\"\(narrow.file.htmlEscaped)\" media=\"\(narrowScreen)\"\(narrowSize)>")
        }
        if let dark = figure.darkFile {
            sources.append(
                "<source srcset=\"\(dark.htmlEscaped)\" media=\"(prefers-color-scheme: dark)\""
                    + size(figure.width, figure.height) + ">")
        }
        return "<picture>\n" + sources.joined(separator: "\n") + "\n" + image + "\n</picture>"
    }

    /// The widest viewport, in CSS pixels, at which a figure `wideWidth` pixels wide would be
    /// shown below ``smallestScale``.
    static func narrowBreakpoint(wideWidth: Int) -> Int {
        Int((Double(wideWidth) * smallestScale + columnPadding).rounded(.up))
    }

    private func size(_ width: Int?, _ height: Int?) -> String {
        (width.map { " width=\"\($0)\"" } ?? "") + (height.map { " height=\"\($0)\"" } ?? "")
    }
}
