extension String {
    /// The text with the characters that break a Markdown table cell escaped (`|` and newlines).
    var markdownTableCellEscaped: String {
        replacingAll("|", with: "\\|").replacingAll("\n", with: " ")
    }

    func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
