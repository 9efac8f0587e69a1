import Engine
import LessonFormat

/// The most values one layer's output may hold when a cell passes many samples through the
/// network at once.
///
/// The model cell caps the weights, but memory also grows with the samples of a pass: a
/// 2-1000-1 network has only 4,001 weights, yet one full-batch pass of a million circles
/// through it makes matrices of a billion values (8 GB each, and training keeps several).
/// Such a cell is refused before the pass, with the numbers and what to change.
enum ForwardPassLimit {
    /// 100 million values, 800 MB a matrix; MNIST's 60,000 images through 512 units are 30.7 million.
    static let maximumValues = 100_000_000

    /// Throws when passing `rows` samples at once through layers of `sizes` (inputs first) would make a layer's
    /// output (or net input) hold more than `maximumValues`.
    ///
    /// - Parameters:
    ///   - what: the pass, as the message names it ("training on full batches of the 1,000,000 training samples").
    ///   - advice: what the lesson can change.
    static func check(
        rows: Int, through sizes: [Int], what: String, advice: String, at position: SourcePosition
    ) throws(LessonError) {
        let widest = sizes.dropFirst().max() ?? 0
        let (values, overflow) = rows.multipliedReportingOverflow(by: widest)
        guard overflow || values > maximumValues else { return }
        let shown = overflow ? "more than \(NumberText.grouped(Int.max))" : NumberText.grouped(values)
        throw LessonError(
            .failed(
                "\(what) passes \(NumberText.grouped(rows)) samples at once through a layer of \(NumberText.grouped(widest)) units: "
                    + "\(shown) values, more than the limit of \(NumberText.grouped(maximumValues)); \(advice)"),
            at: position)
    }
}
