import Engine

/// The two-input logic gates of the perceptron chapters, as four-row truth tables.
public enum LogicGate: String, Sendable, CaseIterable {
    case and, or, xor, nand, nor

    /// How the truth values 0 and 1 are written in inputs and targets.
    public enum Encoding: String, Sendable, CaseIterable {
        /// false = 0, true = 1.
        case binary
        /// false = −1, true = +1 (the bipolar encoding of hard-limit perceptrons).
        case bipolar
    }

    /// The gate's output for two truth values.
    public func output(_ a: Bool, _ b: Bool) -> Bool {
        switch self {
        case .and: a && b
        case .or: a || b
        case .xor: a != b
        case .nand: !(a && b)
        case .nor: !(a || b)
        }
    }

    /// The truth table: inputs (0,0), (0,1), (1,0), (1,1) in that order, labels 0/1.
    ///
    /// With `.bipolar`, inputs and targets use −1 for false and +1 for true; the class
    /// indices in `labels` stay 0 and 1.
    public func dataset(encoding: Encoding = .binary) -> Dataset {
        let low: Double = encoding == .binary ? 0 : -1
        let rows: [(Bool, Bool)] = [(false, false), (false, true), (true, false), (true, true)]
        let inputs = Matrix(rows.map { [$0.0 ? 1 : low, $0.1 ? 1 : low] })
        let labels = rows.map { output($0.0, $0.1) ? 1 : 0 }
        return Dataset(
            name: rawValue, inputs: inputs, labels: labels, classCount: 2,
            negative: low, positive: 1)
    }
}
