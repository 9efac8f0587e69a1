import Testing
@testable import Engine

@Suite struct LearningRateScheduleTests {
    static func rates(_ schedule: LearningRateSchedule, epochs: Int) -> [Double] {
        (1...epochs).map { schedule.rate(base: 0.1, epoch: $0, epochs: epochs) }
    }

    @Test func eachScheduleGivesTheRatesItsFormulaSays() {
        #expect(Self.rates(.constant, epochs: 3) == [0.1, 0.1, 0.1])
        #expect(Self.rates(LearningRateSchedule(.step(every: 2, factor: 0.5)), epochs: 5) == [0.1, 0.1, 0.05, 0.05, 0.025])
        let exponential = Self.rates(LearningRateSchedule(.exponential(rate: 0.9)), epochs: 3)
        #expect(exponential == [0.1, 0.1 * 0.9, 0.1 * 0.9 * 0.9])
        let cosine = Self.rates(LearningRateSchedule(.cosine(minimum: 0)), epochs: 4)
        let expected = [0.1, 0.1 * (1 + 0.5.squareRoot()) / 2, 0.05, 0.1 * (1 - 0.5.squareRoot()) / 2]
        for (rate, value) in zip(cosine, expected) { #expect(abs(rate - value) < 1e-15) }
        // Warm-up: η grows to η₀ over 2 epochs, then the decay counts from the epoch after.
        #expect(Self.rates(LearningRateSchedule(.step(every: 1, factor: 0.5), warmup: 2), epochs: 4) == [0.05, 0.1, 0.1, 0.05])
    }

    /// The trainer uses each epoch's η and records it as `eta`.
    @Test func theTraceRecordsTheRateEachUpdateUsed() throws {
        var network = Network(layers: [DenseLayer(weights: Matrix([[0.5], [-0.5]]), bias: Matrix(scalar: 0), activation: .sigmoid)])
        var configuration = TrainingConfiguration(loss: .binaryCrossEntropy, learningRate: 0.1, epochs: 3, trace: .all)
        configuration.schedule = LearningRateSchedule(.step(every: 2, factor: 0.5))
        let data = LabeledData(inputs: Matrix([[0, 1], [1, 0]]), targets: Matrix(column: [0, 1]))
        let result = try GradientDescentTrainer(configuration: configuration).train(&network, on: data)
        let etas = result.trace.records.map { $0["eta"]!.scalar }
        #expect(etas == [0.1, 0.1, 0.05])
        let last = try #require(result.trace.records.last)
        #expect(last["W1_new"]! == last["W1"]! - last["dW1"]! * 0.05)
    }
}
