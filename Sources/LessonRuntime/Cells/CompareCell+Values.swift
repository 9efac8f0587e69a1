import Foundation
import LessonFormat

extension CompareCell {
    /// Reads one item of `values` as a value of `quantity`.
    static func setting(_ item: LessonValue, for quantity: Quantity) throws(LessonError) -> Setting {
        func invalid(_ message: String, at value: LessonValue = item) -> LessonError {
            LessonError(.invalidValue(key: "values", in: "compare cell", message: message), at: value.position)
        }
        func wrongType(_ expected: String, _ value: LessonValue = item) -> LessonError {
            invalid("items must be \(expected) for 'vary: \(quantity.rawValue)', not \(value.kindDescription)", at: value)
        }
        func name(among names: [String]) throws(LessonError) -> String {
            if let text = item.text, names.contains(text) { return text }
            let hint = item.text.flatMap { suggestion(for: $0, among: names) }.map { " (did you mean '\($0)'?)" } ?? ""
            throw invalid("items must be one of \(names.map { "'\($0)'" }.joined(separator: ", ")), not \(item.kindDescription)\(hint)")
        }
        func whole(_ value: LessonValue, in range: ClosedRange<Int>, expected: String) throws(LessonError) -> Int {
            guard let integer = value.integer else { throw wrongType(expected, value) }
            guard range.contains(integer) else {
                throw invalid("items must be between \(range.lowerBound) and \(range.upperBound), not \(integer)", at: value)
            }
            return integer
        }

        switch quantity {
        case .learningRate:
            guard let rate = item.number, rate.isFinite else { throw wrongType("learning rates (numbers)") }
            guard (0...1e12).contains(rate) else {
                throw invalid("items must be between 0 and 1000000000000, not \(item.text ?? "")")
            }
            return .learningRate(rate)
        case .optimizer:
            return .optimizer(try name(among: optimizerNames))
        case .initializer:
            return .initializer(try name(among: initializerNames))
        case .hidden:
            guard let sizes = item.items else { throw wrongType("lists of hidden-layer sizes like [16] or [32, 16]") }
            var hidden = [Int]()
            for size in sizes { hidden.append(try whole(size, in: 1...100_000, expected: "lists of whole numbers")) }
            return .hidden(hidden)
        case .batchSize:
            if item.text == "full" { return .batchSize(nil) }
            return .batchSize(try whole(item, in: 1...100_000_000, expected: "whole numbers or 'full'"))
        case .earlyStopping:
            if item.text == "off" { return .earlyStopping(nil) }
            return .earlyStopping(try whole(item, in: 1...1_000_000, expected: "'off' or a patience in epochs (a whole number)"))
        }
    }
}

extension CompareCell.Setting {
    /// The value as the table's first column shows it (`0.01`, `adam`, `16, 8`, `full`, `off`).
    var valueText: String {
        switch self {
        case let .learningRate(rate): Self.compact(rate)
        case let .optimizer(name): name
        case let .initializer(name): name
        case let .hidden(sizes): sizes.isEmpty ? "none" : sizes.map(String.init).joined(separator: ", ")
        case let .batchSize(size): size.map(String.init) ?? "full"
        case let .earlyStopping(patience): patience.map { "patience \($0)" } ?? "off"
        }
    }

    /// A number in at most six significant digits, with a short exponent when large or small (`1e6`, `2.5e-7`).
    static func compact(_ value: Double) -> String {
        var text = String(format: "%g", value)
        for (long, short) in [("e+0", "e"), ("e+", "e"), ("e-0", "e-")] {
            text = text.replacingOccurrences(of: long, with: short)
        }
        return text
    }
}
