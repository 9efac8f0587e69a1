import Engine
import LessonFormat

extension Network {
    /// Throws unless the network takes `features` inputs and has `targetColumns` outputs.
    ///
    /// A data cell between the model and a cell that uses both may have changed the samples'
    /// shape; the engine takes a mismatch for a programming error and would stop the book.
    ///
    /// - Parameters:
    ///   - samples: the samples with their verb, as the message names them (`the data has`,
    ///     `the test samples have`).
    ///   - advice: added after the message (`; add a model cell…`), or nothing.
    func requireFit(
        features: Int, targetColumns: Int, samples: String, advice: String = "", at position: SourcePosition
    ) throws(LessonError) {
        guard features == sizes[0] else {
            throw LessonError(
                .failed(
                    "the network takes \(NumberText.count(sizes[0], "input")), but \(samples) "
                        + "\(NumberText.count(features, "feature"))\(advice)"),
                at: position)
        }
        guard targetColumns == outputLayer.outputCount else {
            throw LessonError(
                .failed(
                    "the network has \(NumberText.count(outputLayer.outputCount, "output")), but \(samples) "
                        + "\(NumberText.count(targetColumns, "target column"))\(advice)"),
                at: position)
        }
    }
}
