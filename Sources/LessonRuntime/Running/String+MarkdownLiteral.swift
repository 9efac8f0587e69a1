import LessonFormat

extension String {
    /// The text as Markdown that shows it literally: names from a lesson's data (a CSV's
    /// `petal_length` column, a class called `*`) go into table cells and captions, which
    /// the report reads as Markdown with `$…$` math.
    var markdownLiteral: String {
        var result = ""
        for character in self {
            if "\\`*_[]$".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }
}
