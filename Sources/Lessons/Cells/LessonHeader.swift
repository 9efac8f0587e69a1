/// The front matter of a lesson: its title, its place in the book, its seed and how many
/// significant digits its numbers show.
public struct LessonHeader: Sendable, Equatable {
    /// The keys the front matter may hold.
    public static let keys = ["title", "order", "seed", "digits", "summary"]

    /// The chapter title.
    public var title: String
    /// Where the chapter stands in the book (lower first; ties by file name).
    public var order: Int
    /// The seed every random number of the chapter flows from.
    public var seed: UInt64
    /// Significant digits of the numbers shown in equations and tables.
    public var digits: Int
    /// One sentence for the table of contents, if given.
    public var summary: String?

    /// Reads the front matter of `lesson`.
    public init(_ lesson: Lesson) throws(LessonError) {
        let position = SourcePosition(file: lesson.path, line: 1)
        let fields = try FieldReader(lesson.frontMatter, place: "the front matter", at: position, allowedKeys: Self.keys)
        title = try fields.text("title")
        order = try fields.integer("order", default: 1_000, in: 0...1_000_000)
        seed = UInt64(try fields.integer("seed", default: 0, in: 0...Int.max))
        digits = try fields.integer("digits", default: 4, in: 1...17)
        summary = fields.contains("summary") ? try fields.text("summary") : nil
    }
}
