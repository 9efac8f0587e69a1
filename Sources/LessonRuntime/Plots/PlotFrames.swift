import Engine
import LessonFormat
import Plotting

/// `frames`: a figure that plays its moments as an animated PNG (`AnimatedPNG`) — the decision
/// regions or line as training goes (`decision-boundary`), a path of gradient descent step by
/// step (`gradient-descent-path`).
///
/// ```yaml
/// frames: [0, 100, 200, 500, 1000]   # these moments
/// frames: {every: 250}               # 0, 250, 500, … up to the end
/// frames: all                        # every moment
/// ```
/// A moment is an epoch of a gradient-descent run (0: before training), an update of the
/// perceptron rule (0: before its first), or a step of a path (0: the start).
///
/// The first frame is the figure the cell draws without `frames`: the trained network, the
/// whole path. It is the image of viewers that do not animate and of print, and the one the
/// animation holds longest; the moments follow in order and play back into it, forever. A
/// moment equal to the end is that first frame, not drawn twice.
///
/// Bounds: at most ``maximumMoments`` moments (frames besides the first), so that a file stays
/// small and a chapter quick; each drawing (light, dark, narrow) at most ``maximumBytes``.
struct PlotFrames: Sendable, Equatable {
    /// Which moments to draw.
    enum Selection: Sendable, Equatable {
        /// The moments listed, increasing.
        case moments([Int])
        /// 0, n, 2n, … before the end.
        case every(Int)
        /// Every moment before the end.
        case all
    }

    /// What a moment counts.
    enum Unit: String, Sendable {
        case epoch, update, step

        /// How a count of them is told: epochs run, updates made, steps taken.
        var done: String {
            switch self {
            case .epoch: "run"
            case .update: "made"
            case .step: "taken"
            }
        }
    }

    /// The most moments an animation draws besides its first frame.
    static let maximumMoments = 60
    /// The most bytes each of an animation's files may take (2 MB).
    static let maximumBytes = 2_000_000
    /// How long the first frame, the finished figure, shows (hundredths of a second).
    static let firstFrameCentiseconds = 200
    /// How long the moments play together, about (hundredths of a second): each shows for this
    /// divided by their number, but between ``shortestCentiseconds`` and ``longestCentiseconds``.
    static let playingCentiseconds = 600
    static let shortestCentiseconds = 10
    static let longestCentiseconds = 60

    /// The moments chosen.
    var selection: Selection
    /// Where the `frames` value stands.
    var position: SourcePosition

    /// `frames: all`, `frames: [0, 10, 100]` or `frames: {every: 50}`; `nil` when absent.
    static func read(_ fields: FieldReader) throws(LessonError) -> PlotFrames? {
        guard let value = fields.value("frames") else { return nil }
        let expected = "'all', a list of moments like [0, 10, 100], or {every: 50}"
        func invalid(_ message: String, at position: SourcePosition) -> LessonError {
            LessonError(.invalidValue(key: "frames", in: "plot cell", message: message), at: position)
        }
        if value.text == "all" { return PlotFrames(selection: .all, position: value.position) }
        if let items = value.items {
            guard !items.isEmpty else { throw invalid("needs at least one moment", at: value.position) }
            guard items.count <= maximumMoments + 1 else {
                throw invalid(
                    "lists \(items.count) moments; an animation draws at most \(maximumMoments) besides its first frame",
                    at: value.position)
            }
            var moments = [Int]()
            for item in items {
                guard let moment = item.integer else {
                    throw LessonError(
                        .wrongType(key: "frames", in: "plot cell", expected: "a list of whole numbers like [0, 10, 100]", found: "a list holding \(item.kindDescription)"),
                        at: item.position)
                }
                guard moment >= 0 && moment <= 100_000_000 else {
                    throw invalid("moments must be between 0 and 100000000, not \(moment)", at: item.position)
                }
                if let last = moments.last, moment <= last {
                    throw invalid("lists \(moment) after \(last); list the moments in increasing order", at: item.position)
                }
                moments.append(moment)
            }
            return PlotFrames(selection: .moments(moments), position: value.position)
        }
        if let entries = value.entries {
            guard entries.count == 1, entries[0].key == "every" else {
                throw LessonError(
                    .wrongType(key: "frames", in: "plot cell", expected: expected, found: "a mapping with \(entries.map { "'\($0.key)'" }.joined(separator: ", "))"),
                    at: value.position)
            }
            let every = entries[0].value
            guard let step = every.integer, step >= 1, step <= 100_000_000 else {
                throw invalid("takes {every: n} with n a whole number from 1 to 100000000, not \(every.text ?? every.kindDescription)", at: every.position)
            }
            return PlotFrames(selection: .every(step), position: value.position)
        }
        throw LessonError(.wrongType(key: "frames", in: "plot cell", expected: expected, found: value.kindDescription), at: value.position)
    }

    /// The moments to draw before `end`, the moment of the finished figure, in order (0 first).
    ///
    /// - Throws: a listed moment past `end`, or more than ``maximumMoments`` of them, with the
    ///   `every` that would fit.
    func moments(before end: Int, unit: Unit) throws(LessonError) -> [Int] {
        let moments: [Int]
        switch selection {
        case let .moments(listed):
            if let late = listed.first(where: { $0 > end }) {
                throw LessonError(
                    .invalidValue(
                        key: "frames", in: "plot cell",
                        message: "lists \(unit.rawValue) \(NumberText.grouped(late)), but only \(Self.count(end, unit)) were \(unit.done)"),
                    at: position)
            }
            moments = listed.filter { $0 < end }
        case let .every(step):
            moments = Array(stride(from: 0, to: end, by: step))
        case .all:
            moments = Array(0..<end)
        }
        guard moments.count <= Self.maximumMoments else {
            let every = (end + Self.maximumMoments - 1) / Self.maximumMoments
            throw LessonError(
                .invalidValue(
                    key: "frames", in: "plot cell",
                    message: "asks for \(moments.count) frames besides the first, of the \(Self.count(end, unit)) \(unit.done); an animation draws at most \(Self.maximumMoments): use {every: \(every)} or list the moments"),
                at: position)
        }
        return moments
    }

    /// The error of an animation whose `file` passed ``maximumBytes`` at frame `frame` (from 1)
    /// of `frameCount`, at the `frames` value.
    static func tooLarge(_ file: String, frame: Int, of frameCount: Int, at position: SourcePosition) -> LessonError {
        LessonError(
            .invalidValue(
                key: "frames", in: "plot cell",
                message: "makes \(file) larger than an animation may be (\(NumberText.grouped(maximumBytes)) bytes) at frame \(frame) of \(frameCount): draw fewer frames or a smaller figure"),
            at: position)
    }

    /// The training steps a gradient-descent run records so that each epoch's network can be
    /// drawn: the parameters before the first update of epoch `e + 1` are those after epoch `e`.
    /// For `every` and `all`, which depend on the run's length, as many as could be drawn.
    var epochSteps: [TraceStep] {
        let epochs: [Int]
        switch selection {
        case let .moments(listed): epochs = listed
        case let .every(step): epochs = (0...Self.maximumMoments).map { $0 * step }
        case .all: epochs = Array(0...Self.maximumMoments)
        }
        return epochs.map { TraceStep(epoch: $0 + 1, step: 1) }
    }

    /// The delays of the frames of an animation of `moments` moments: the first frame's, then each moment's.
    static func delays(moments: Int) -> [AnimatedPNG.Delay] {
        let each = min(max(playingCentiseconds / max(moments, 1), shortestCentiseconds), longestCentiseconds)
        return [.centiseconds(firstFrameCentiseconds)] + Array(repeating: .centiseconds(each), count: moments)
    }

    /// The moments after 0 as a caption lists them: `100, 200, 300, …, 4,000 and 4,500`.
    static func list(_ moments: [Int]) -> String {
        var names = moments.filter { $0 > 0 }.map(NumberText.grouped)
        if names.count > 6 { names = Array(names.prefix(3)) + ["…"] + Array(names.suffix(2)) }
        guard let last = names.popLast() else { return "" }
        return names.isEmpty ? last : names.joined(separator: ", ") + " and " + last
    }

    private static func count(_ count: Int, _ unit: Unit) -> String {
        "\(NumberText.grouped(count)) \(unit.rawValue)\(count == 1 ? "" : "s")"
    }
}
