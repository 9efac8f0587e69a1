import Engine
import LessonFormat

/// The options several plot kinds read, each parsed once here with the same checks and
/// messages whichever kind reads it.
enum PlotOptions {
    /// Which samples a plot shows or measures on.
    public enum Samples: String, Sendable, CaseIterable {
        /// The samples the model learns from.
        case training
        /// The held-out samples.
        case test
    }

    /// The plane points are drawn in.
    public enum Space: String, Sendable, CaseIterable {
        /// The inputs as the data cell made them, before any feature map.
        case original
        /// The features the network sees, after the feature map.
        case features
    }

    /// `show: training`, `show: [training, test]`; training alone by default.
    static func show(_ fields: FieldReader) throws(LessonError) -> [Samples] {
        guard let value = fields.value("show") else { return [.training] }
        let choices = Samples.allCases.map(\.rawValue)
        var result = [Samples]()
        for item in value.items ?? [value] {
            guard let text = item.text, let samples = Samples(rawValue: text) else {
                let hint = item.text.flatMap { suggestion(for: $0, among: choices) }.map { " (did you mean '\($0)'?)" } ?? ""
                throw LessonError(
                    .invalidValue(key: "show", in: "plot cell", message: "items must be 'training' or 'test', not \(item.kindDescription)\(hint)"),
                    at: item.position)
            }
            if !result.contains(samples) { result.append(samples) }
        }
        guard !result.isEmpty else {
            throw LessonError(.invalidValue(key: "show", in: "plot cell", message: "needs at least 'training' or 'test'"), at: value.position)
        }
        return result
    }

    /// `space: original|features`; the original plane by default.
    static func space(_ fields: FieldReader) throws(LessonError) -> Space {
        Space(rawValue: try fields.choice("space", among: Space.allCases.map(\.rawValue), default: "original"))!
    }

    /// `on: training|test`, or `nil` for the test set when there is one.
    static func on(_ fields: FieldReader) throws(LessonError) -> Samples? {
        fields.contains("on") ? Samples(rawValue: try fields.choice("on", among: Samples.allCases.map(\.rawValue))) : nil
    }

    /// `columns`: panels or images per row, if given.
    static func columns(_ fields: FieldReader) throws(LessonError) -> Int? {
        fields.contains("columns") ? try fields.integer("columns", in: 1...20) : nil
    }

    /// `count`: how many images or weight maps to show (16 by default).
    static func count(_ fields: FieldReader, maximum: Int) throws(LessonError) -> Int {
        try fields.integer("count", default: 16, in: 1...maximum)
    }

    /// `frames`: the moments an animated figure plays (`PlotFrames`), if given.
    static func frames(_ fields: FieldReader) throws(LessonError) -> PlotFrames? {
        try PlotFrames.read(fields)
    }

    /// `scale: linear|log`: whether the loss axis is logarithmic.
    static func logScale(_ fields: FieldReader) throws(LessonError) -> Bool {
        try fields.choice("scale", among: ["linear", "log"], default: "linear") == "log"
    }
}
