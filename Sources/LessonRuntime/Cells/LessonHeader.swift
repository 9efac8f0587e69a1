import LessonFormat

/// The front matter of a lesson: its title, its place in the book, its seed and how many
/// significant digits its numbers show.
public struct LessonHeader: Sendable, Equatable {
    /// The keys the front matter may hold.
    public static let keys = ["title", "order", "seed", "digits", "summary", "headline", "thumbnail", "appendix"]

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
    /// The headline numbers the table of contents shows, by label (`epochs`, `test accuracy`,
    /// `training accuracy`, `validation accuracy`, `converged:`, and for regression data
    /// `test MSE`, `test R²` and the same for training and validation); `nil` shows all of them.
    public var headlineLabels: [String]?

    /// Whether the lesson is an appendix (notation, glossary, references): lettered A, B, C …
    /// after the numbered chapters.
    public var isAppendix = false

    /// The figure shown on the table of contents, by its file-name stem (`confusion` for
    /// `fig-07-confusion.png`); the first figure when `nil`.
    public var thumbnail: String?

    /// The labels `headline` may name.
    public static let headlineChoices = [
        "epochs", "training accuracy", "validation accuracy", "test accuracy", "converged",
        "training MSE", "validation MSE", "test MSE", "training R²", "validation R²", "test R²",
    ]

    /// Reads the front matter of `lesson`.
    public init(_ lesson: Lesson) throws(LessonError) {
        let position = SourcePosition(file: lesson.path, line: 1)
        let fields = try FieldReader(lesson.frontMatter, place: "the front matter", at: position, allowedKeys: Self.keys)
        title = try fields.text("title")
        order = try fields.integer("order", default: 1_000, in: 0...1_000_000)
        seed = UInt64(try fields.integer("seed", default: 0, in: 0...Int.max))
        digits = try fields.integer("digits", default: 4, in: 1...17)
        summary = fields.contains("summary") ? try fields.text("summary") : nil
        isAppendix = try fields.boolean("appendix", default: false)
        thumbnail = fields.contains("thumbnail") ? try fields.text("thumbnail") : nil
        // A figure's stem is a plot name, so anything else (a path, `../x`) names no figure.
        if let thumbnail, let value = fields.value("thumbnail"),
            thumbnail.isEmpty || !thumbnail.allSatisfy({ ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "-" || $0 == "_" })
        {
            throw LessonError(
                .invalidValue(key: "thumbnail", in: "the front matter",
                              message: "names a figure by its plot cell's 'name' or kind (letters, digits, '-' and '_'), not '\(thumbnail)'"),
                at: value.position)
        }
        if let value = fields.value("headline") {
            if value.text == "none" {
                headlineLabels = []
            } else {
                guard let items = value.items else {
                    throw LessonError(
                        .wrongType(key: "headline", in: "the front matter", expected: "a list like [test accuracy, epochs] or none", found: value.kindDescription),
                        at: value.position)
                }
                var labels = [String]()
                for item in items {
                    // `R2` is how a keyboard without superscripts writes `R²`.
                    let written = item.text.map { $0.hasSuffix(" R2") ? String($0.dropLast()) + "²" : $0 }
                    guard let label = written, Self.headlineChoices.contains(label) else {
                        let hint = item.text.flatMap { suggestion(for: $0, among: Self.headlineChoices) }.map { " (did you mean '\($0)'?)" } ?? ""
                        throw LessonError(
                            .invalidValue(key: "headline", in: "the front matter",
                                          message: "items must be among \(Self.headlineChoices.map { "'\($0)'" }.joined(separator: ", ")), not \(item.kindDescription)\(hint)"),
                            at: item.position)
                    }
                    labels.append(label == "converged" ? "converged:" : label)
                }
                headlineLabels = labels
            }
        }
    }
}
