import LessonFormat
import Report

/// Finds prose references to chapters the book does not have: `{chapter:NAME}` must name a
/// lesson of the book by its file name without `.md` (see `Report.ChapterReferences`).
struct ChapterReferenceCheck: Sendable {
    /// The lessons of the book, by name.
    let chapters: Set<String>

    /// A reference in `prose` to a name that is not a lesson of the book, with its position.
    func unknownReferences(in prose: Prose) -> [LessonError] {
        ChapterReferences.citations(in: prose.text).compactMap { name, offset in
            guard !chapters.contains(name) else { return nil }
            let hint = suggestion(for: name, among: chapters.sorted()).map { " (did you mean '\($0)'?)" } ?? ""
            return LessonError(
                .failed("'{chapter:\(name)}' names no lesson of the book\(hint): write the lesson's file name without '.md'"),
                at: prose.position(ofCharacter: offset))
        }
    }
}
