import Engine
import LessonFormat

extension TrainCell {
    /// The keys of a learning-rate schedule, and the schedules they apply to.
    static let scheduleKeys: [(key: String, schedules: [String])] = [
        ("step_every", ["step"]), ("step_factor", ["step"]), ("decay_rate", ["exponential"]), ("eta_min", ["cosine"]),
    ]

    /// The learning-rate schedule the cell asks for (`LearningRateSchedule`):
    ///
    /// ```yaml
    /// schedule: step        # constant (the default), step, exponential or cosine
    /// step_every: 10        # step: epochs between cuts (default 10)
    /// step_factor: 0.5      # step: what each cut multiplies η by, in (0, 1] (default 0.5)
    /// decay_rate: 0.95      # exponential: what each epoch multiplies η by, in (0, 1] (default 0.95)
    /// eta_min: 0.001        # cosine: the η it ends near, at least 0 and below learning_rate (default 0)
    /// warmup: 3             # any schedule: epochs over which η grows linearly to learning_rate (default 0)
    /// ```
    /// A key of another schedule is a mistake, and so is a warm-up as long as the run.
    static func schedule(_ fields: FieldReader, learningRate: Double, epochs: Int) throws(LessonError) -> LearningRateSchedule {
        let name = try fields.choice("schedule", among: ["constant", "step", "exponential", "cosine"], default: "constant")
        for (key, schedules) in scheduleKeys where fields.contains(key) && !schedules.contains(name) {
            throw LessonError(
                .invalidValue(key: key, in: "train cell", message: "does not apply to 'schedule: \(name)'; it is read by 'schedule: \(schedules[0])'"),
                at: try fields.required(key).position)
        }
        let warmup = try fields.integer("warmup", default: 0, in: 0...1_000_000)
        if warmup > 0, warmup >= epochs {
            throw LessonError(
                .invalidValue(key: "warmup", in: "train cell", message: "must be shorter than the run's \(epochs) epoch\(epochs == 1 ? "" : "s"), not \(warmup)"),
                at: try fields.required("warmup").position)
        }
        let decay: LearningRateSchedule.Decay
        switch name {
        case "step":
            decay = .step(
                every: try fields.integer("step_every", default: 10, in: 1...1_000_000),
                factor: try fields.number("step_factor", default: 0.5, in: 1e-12...1))
        case "exponential":
            decay = .exponential(rate: try fields.number("decay_rate", default: 0.95, in: 1e-12...1))
        case "cosine":
            let minimum = try fields.number("eta_min", default: 0, in: -1e12...1e12)
            guard minimum >= 0, minimum < learningRate || learningRate == 0 else {
                throw LessonError(
                    .invalidValue(
                        key: "eta_min", in: "train cell",
                        message: minimum < 0
                            ? "would drive η below 0 at the end of the run; it must be at least 0, not \(NumberText.format(minimum, significantDigits: 6))"
                            : "must be below learning_rate (\(NumberText.format(learningRate, significantDigits: 6))), where the cosine starts, not \(NumberText.format(minimum, significantDigits: 6))"),
                    at: try fields.required("eta_min").position)
            }
            decay = .cosine(minimum: minimum)
        default:
            decay = .constant
        }
        return LearningRateSchedule(decay, warmup: warmup)
    }
}
