import Engine
import LessonFormat
import Report

extension ModelCell: RunnableCell {
    func run(_ cell: Cell, in session: Session) throws(LessonError) {
        if let data = session.data, data.training.featureCount != sizes[0] {
            throw LessonError(
                .failed("the model's layers start with \(NumberText.count(sizes[0], "input")), but the data has \(NumberText.count(data.training.featureCount, "feature"))"),
                at: cell.position)
        }
        if let data = session.data, data.training.targets.columns != sizes[sizes.count - 1] {
            throw LessonError(
                .failed("the model's last layer has \(NumberText.count(sizes[sizes.count - 1], "unit")), but the data has \(NumberText.count(data.training.targets.columns, "target column"))"),
                at: cell.position)
        }
        var generator = session.generator("weights")
        session.network = network(using: &generator)
        session.model = self
        session.modelSource = cell
        session.training = nil
        session.plannedTraining = nil
    }
}
