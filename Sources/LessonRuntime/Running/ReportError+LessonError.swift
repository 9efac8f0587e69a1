import LessonFormat
import Report

extension ReportError {
    /// A lesson's mistake as the chapter shows it where it stands: its position and message.
    public init(_ error: LessonError) {
        self.init(position: error.position.description, message: error.message)
    }
}
