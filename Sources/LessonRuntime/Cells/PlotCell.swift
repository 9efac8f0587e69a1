import Engine
import LessonFormat

/// A `plot` cell: one figure drawn from the session's data, network or training run.
///
/// ```yaml
/// kind: decision-boundary     # what to draw (see `PlotCell.Kind`)
/// title: XOR after training   # optional; each kind has a default
/// caption: The 0.5 contour…   # optional Markdown; each kind has a default with the numbers
/// name: xor-regions           # optional file-name stem (default: the kind)
/// width: 560                  # optional, in points (height too)
/// ```
/// Each kind takes a few keys of its own (`scale: log` for `loss`, `count: 16` for `digits`,
/// `space: features` for `data`…); a key that belongs to another kind is reported, not ignored.
/// The figures are drawn by the `Plots/` files, one per family of kinds.
public struct PlotCell: Sendable {
    /// What a plot cell draws.
    public enum Kind: String, Sendable, CaseIterable {
        /// The training (and test) points by class, in the original plane.
        case data
        /// The data with the network's decision line(s) or decision regions.
        case decisionBoundary = "decision-boundary"
        /// The perceptron's boundary after each epoch, as small multiples.
        case boundariesPerEpoch = "boundaries-per-epoch"
        /// The perceptron's misclassified samples per epoch.
        case errors
        /// Training (and validation) loss per epoch.
        case loss
        /// Training (and validation) accuracy per epoch.
        case accuracy
        /// Loss and accuracy side by side.
        case curves
        /// Each first-layer hidden unit's line over the data.
        case hiddenLines = "hidden-lines"
        /// The training points in the first hidden layer's activations.
        case hiddenSpace = "hidden-space"
        /// A diagram of the network with its weights.
        case network
        /// The activation functions and their derivatives.
        case activations
        /// Gradient descent on f(x, y) = x² + y² over its contour map.
        case gradientDescentPath = "gradient-descent-path"
        /// The confusion matrix of the network's predictions.
        case confusion
        /// A grid of images with their true and predicted classes.
        case digits
        /// The first layer's weights as images.
        case weights

        /// The keys this kind takes besides the common ones.
        public var keys: [String] {
            switch self {
            case .data: ["show", "space"]
            case .decisionBoundary: ["show", "space", "resolution"]
            case .boundariesPerEpoch: ["epochs", "columns"]
            case .errors, .accuracy, .hiddenLines, .hiddenSpace: []
            case .loss, .curves: ["scale"]
            case .network: ["values"]
            case .activations: ["functions", "range", "columns"]
            case .gradientDescentPath: GradientDescentWalk.keys
            case .confusion: ["on"]
            case .digits: ["on", "count", "mistakes", "columns"]
            case .weights: ["count", "columns"]
            }
        }
    }

    /// Which samples a plot shows.
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

    /// The keys every plot cell may hold.
    public static let commonKeys = ["kind", "title", "caption", "name", "width", "height"]
    /// Every key of any kind, for the first reading.
    static let allKeys = commonKeys + Array(Set(Kind.allCases.flatMap(\.keys))).sorted()
    /// The activations the gallery can draw (softmax acts on a whole row, not on one number).
    static let galleryFunctions: [Activation] = [.hardLimit, .linear, .sigmoid, .tanh, .relu]

    /// What to draw.
    public var kind: Kind
    /// The title, if the lesson gives one.
    public var title: String?
    /// The caption, if the lesson gives one (otherwise each kind writes one with its numbers).
    public var caption: String?
    /// The file-name stem (`fig-03-<name>.png`).
    public var name: String
    /// The width in points, if given.
    public var width: Double?
    /// The height in points, if given.
    public var height: Double?
    /// Which samples to draw (`show`).
    public var show: [Samples]
    /// The plane to draw in (`space`).
    public var space: Space
    /// Which samples to measure on (`on`), or `nil` for the test set when there is one.
    public var on: Samples?
    /// Grid points per side of the decision regions.
    public var resolution: Int
    /// The epochs to draw (`nil`: all, up to 12).
    public var epochs: [Int]?
    /// Panels or images per row, if given.
    public var columns: Int?
    /// Whether the loss axis is logarithmic.
    public var logScale: Bool
    /// Whether weights are written on the network's edges (`nil`: when there are few).
    public var showsValues: Bool?
    /// The activations of the gallery.
    public var functions: [Activation]
    /// The gallery's interval of z.
    public var range: ClosedRange<Double>
    /// The gradient-descent walk of `gradient-descent-path`.
    public var walk: GradientDescentWalk
    /// How many images or weight maps to show.
    public var count: Int
    /// Whether `digits` shows only misclassified images.
    public var mistakesOnly: Bool
    /// Where the cell stands.
    public var position: SourcePosition
    /// Where the `kind` value stands, for errors about a kind that does not fit the session.
    public var kindPosition: SourcePosition
    /// Where each given key's value stands, for errors found at run time.
    public var keyPositions: [String: SourcePosition]

    /// Reads and checks a plot cell.
    public init(_ cell: Cell) throws(LessonError) {
        let place = "plot cell"
        let fields = try FieldReader(cell.body, place: place, at: cell.position, allowedKeys: Self.allKeys)
        kind = Kind(rawValue: try fields.choice("kind", among: Kind.allCases.map(\.rawValue)))!
        position = cell.position
        kindPosition = try fields.required("kind").position
        var positions = [String: SourcePosition]()
        for key in Self.allKeys {
            if let value = fields.value(key) { positions[key] = value.position }
        }
        keyPositions = positions
        for key in Self.allKeys where fields.contains(key) && !Self.commonKeys.contains(key) && !kind.keys.contains(key) {
            let accepted = kind.keys.isEmpty ? "none" : kind.keys.map { "'\($0)'" }.joined(separator: ", ")
            throw LessonError(
                .invalidValue(key: key, in: place, message: "does not apply to '\(kind.rawValue)' plots (their own keys: \(accepted))"),
                at: try fields.required(key).position)
        }
        if [.digits, .weights].contains(kind), fields.contains("height") {
            throw LessonError(
                .invalidValue(key: "height", in: place, message: "does not apply to '\(kind.rawValue)' plots, whose height follows from 'width' and the number of rows"),
                at: try fields.required("height").position)
        }

        title = fields.contains("title") ? try fields.text("title") : nil
        caption = fields.contains("caption") ? try fields.text("caption") : nil
        name = try fields.text("name", default: kind.rawValue)
        if let value = fields.value("name"),
            name.isEmpty || !name.allSatisfy({ ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "-" || $0 == "_" })
        {
            throw LessonError(
                .invalidValue(key: "name", in: place, message: "may hold only letters, digits, '-' and '_', not '\(name)'"),
                at: value.position)
        }
        width = fields.contains("width") ? try fields.number("width", in: 120...2400) : nil
        height = fields.contains("height") ? try fields.number("height", in: 120...2400) : nil

        show = try Self.samples(fields, default: [.training])
        space = Space(rawValue: try fields.choice("space", among: Space.allCases.map(\.rawValue), default: "original"))!
        on = fields.contains("on") ? Samples(rawValue: try fields.choice("on", among: Samples.allCases.map(\.rawValue))) : nil
        resolution = try fields.integer("resolution", default: 200, in: 20...600)
        columns = fields.contains("columns") ? try fields.integer("columns", in: 1...20) : nil
        logScale = try fields.choice("scale", among: ["linear", "log"], default: "linear") == "log"
        showsValues = fields.contains("values") ? try fields.boolean("values", default: false) : nil
        if let value = fields.value("epochs"), value.text == "all" {
            epochs = nil
        } else if fields.contains("epochs") {
            epochs = try fields.integers("epochs", in: 1...1_000_000)
            if epochs!.count > 12 {
                throw LessonError(
                    .invalidValue(key: "epochs", in: place, message: "lists \(epochs!.count) epochs; a figure shows at most 12"),
                    at: try fields.required("epochs").position)
            }
        } else {
            epochs = nil
        }
        functions = try Self.functions(fields)
        let interval = fields.contains("range") ? try fields.matrix("range") : [[-4, 4]]
        guard interval.count == 1, interval[0].count == 2, interval[0][0] < interval[0][1] else {
            throw LessonError(
                .invalidValue(key: "range", in: place, message: "should be [low, high] with low < high"),
                at: try fields.required("range").position)
        }
        range = interval[0][0]...interval[0][1]
        walk = try GradientDescentWalk(fields, place: place)
        count = try fields.integer("count", default: 16, in: 1...(kind == .weights ? 256 : 200))
        mistakesOnly = try fields.boolean("mistakes", default: false)
    }

    /// `show: training`, `show: [training, test]`.
    private static func samples(_ fields: FieldReader, default defaultValue: [Samples]) throws(LessonError) -> [Samples] {
        guard let value = fields.value("show") else { return defaultValue }
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

    /// `functions: [sigmoid, tanh]`.
    private static func functions(_ fields: FieldReader) throws(LessonError) -> [Activation] {
        guard let value = fields.value("functions") else { return galleryFunctions }
        let names = galleryFunctions.map(\.rawValue)
        var result = [Activation]()
        for item in value.items ?? [value] {
            guard let text = item.text, let activation = Activation(rawValue: text), galleryFunctions.contains(activation) else {
                let hint = item.text.flatMap { suggestion(for: $0, among: names) }.map { " (did you mean '\($0)'?)" } ?? ""
                let listed = names.map { "'\($0)'" }.joined(separator: ", ")
                throw LessonError(
                    .invalidValue(key: "functions", in: "plot cell", message: "items must be one of \(listed), not \(item.kindDescription)\(hint)"),
                    at: item.position)
            }
            result.append(activation)
        }
        guard !result.isEmpty else {
            throw LessonError(.invalidValue(key: "functions", in: "plot cell", message: "needs at least one function"), at: value.position)
        }
        return result
    }

    /// Where `key`'s value stands, or the cell's fence when the key was not given.
    func position(of key: String) -> SourcePosition {
        keyPositions[key] ?? position
    }
}
