import Engine
import Report

extension ModelCell: RunnableCell {
    func run(_ cell: Cell, in session: Session) throws(LessonError) {
        if let data = session.data, data.training.featureCount != sizes[0] {
            throw LessonError(
                .failed("the model's layers start with \(sizes[0]) inputs, but the data has \(data.training.featureCount) features"),
                at: cell.position)
        }
        if let data = session.data, data.training.targets.columns != sizes[sizes.count - 1] {
            throw LessonError(
                .failed("the model's last layer has \(sizes[sizes.count - 1]) units, but the data has \(data.training.targets.columns) target columns"),
                at: cell.position)
        }
        var generator = session.generator("weights")
        session.network = network(using: &generator)
        session.model = self
        session.training = nil
    }
}
