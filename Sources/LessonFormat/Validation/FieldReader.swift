import Foundation
/// Reads the keys of one cell (or of the front matter) as typed values, with errors that say
/// where a value is and what was expected.
///
/// It rejects unknown keys up front, so a misspelt key is reported as unknown (with a
/// suggestion) rather than as a missing one.
public struct FieldReader {
    /// How messages name the mapping (`train cell`).
    public let place: String
    /// Where the mapping starts, for missing keys.
    public let position: SourcePosition
    private let entries: [String: LessonEntry]

    /// Creates a reader over `value`'s keys, which must all be among `allowedKeys`.
    public init(_ value: LessonValue, place: String, at position: SourcePosition, allowedKeys: [String]) throws(LessonError) {
        self.place = place
        self.position = position
        var entries = [String: LessonEntry]()
        for entry in value.entries ?? [] {
            guard allowedKeys.contains(entry.key) else {
                throw LessonError(
                    .unknownKey(entry.key, in: place, suggestion: suggestion(for: entry.key, among: allowedKeys)),
                    at: entry.keyPosition)
            }
            entries[entry.key] = entry
        }
        self.entries = entries
    }

    /// Whether `key` is present.
    public func contains(_ key: String) -> Bool { entries[key] != nil }

    /// The raw value of `key`, if present.
    public func value(_ key: String) -> LessonValue? {
        entries[key].flatMap { if case .empty = $0.value.content { nil } else { $0.value } }
    }

    /// The raw value of `key`, which must be present.
    public func required(_ key: String) throws(LessonError) -> LessonValue {
        guard let value = value(key) else { throw LessonError(.missingKey(key, in: place), at: position) }
        return value
    }

    private func wrongType(_ key: String, _ value: LessonValue, expected: String) -> LessonError {
        LessonError(.wrongType(key: key, in: place, expected: expected, found: value.kindDescription), at: value.position)
    }

    /// `nan`, `inf` or a number past the largest `Double` (`1e309`), which Swift reads as ∞.
    private func notFinite(_ key: String, _ value: LessonValue) -> LessonError {
        let text = value.text ?? ""
        let written = text.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "+-"))
        if value.number?.isNaN == true || ["inf", "infinity"].contains(written) {
            return outOfRange(key, value, "must be a finite number, not '\(text)'")
        }
        return outOfRange(key, value, "must be a finite number: \(text) is past ±1.8e308, the largest a Double holds")
    }

    private func outOfRange(_ key: String, _ value: LessonValue, _ message: String) -> LessonError {
        LessonError(.invalidValue(key: key, in: place, message: message), at: value.position)
    }

    /// The whole number at `key` within `range`, or `defaultValue` when absent (required when `nil`).
    public func integer(_ key: String, default defaultValue: Int? = nil, in range: ClosedRange<Int>) throws(LessonError) -> Int {
        guard let value = value(key) else {
            if let defaultValue { return defaultValue }
            throw LessonError(.missingKey(key, in: place), at: position)
        }
        guard let integer = value.integer else { throw wrongType(key, value, expected: "a whole number") }
        guard range.contains(integer) else {
            throw outOfRange(key, value, "must be between \(range.lowerBound) and \(range.upperBound), not \(integer)")
        }
        return integer
    }

    /// The number at `key` within `range`, or `defaultValue` when absent (required when `nil`).
    public func number(
        _ key: String, default defaultValue: Double? = nil, in range: ClosedRange<Double> = -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude
    ) throws(LessonError) -> Double {
        guard let value = value(key) else {
            if let defaultValue { return defaultValue }
            throw LessonError(.missingKey(key, in: place), at: position)
        }
        guard let number = value.number else { throw wrongType(key, value, expected: "a number") }
        guard number.isFinite else { throw notFinite(key, value) }
        guard range.contains(number) else {
            throw outOfRange(key, value, "must be between \(shortest(range.lowerBound)) and \(shortest(range.upperBound)), not \(value.text ?? "")")
        }
        return number
    }

    /// The text at `key`, or `defaultValue` when absent (required when `nil`).
    public func text(_ key: String, default defaultValue: String? = nil) throws(LessonError) -> String {
        guard let value = value(key) else {
            if let defaultValue { return defaultValue }
            throw LessonError(.missingKey(key, in: place), at: position)
        }
        guard let text = value.text else { throw wrongType(key, value, expected: "text") }
        return text
    }

    /// The boolean at `key`, or `defaultValue` when absent.
    public func boolean(_ key: String, default defaultValue: Bool) throws(LessonError) -> Bool {
        guard let value = value(key) else { return defaultValue }
        guard let boolean = value.boolean else { throw wrongType(key, value, expected: "true or false") }
        return boolean
    }

    /// One of `choices` at `key`, or `defaultValue` when absent (required when `nil`).
    public func choice(_ key: String, among choices: [String], default defaultValue: String? = nil) throws(LessonError) -> String {
        let text = try self.text(key, default: defaultValue)
        guard choices.contains(text) else {
            let value = self.value(key)!
            let hint = suggestion(for: text, among: choices).map { " (did you mean '\($0)'?)" } ?? ""
            throw outOfRange(
                key, value, "must be one of \(choices.map { "'\($0)'" }.joined(separator: ", ")), not '\(text)'\(hint)")
        }
        return text
    }

    /// The list of whole numbers at `key`, each within `range`, with at least `minimumCount` items.
    public func integers(_ key: String, in range: ClosedRange<Int>, minimumCount: Int = 1) throws(LessonError) -> [Int] {
        let value = try required(key)
        guard let items = value.items else { throw wrongType(key, value, expected: "a list of whole numbers like [2, 3, 1]") }
        guard items.count >= minimumCount else {
            throw outOfRange(key, value, "needs at least \(minimumCount) item\(minimumCount == 1 ? "" : "s"), not \(items.count)")
        }
        var result = [Int]()
        for item in items {
            guard let integer = item.integer else { throw wrongType(key, item, expected: "a whole number") }
            guard range.contains(integer) else {
                throw outOfRange(key, item, "items must be between \(range.lowerBound) and \(range.upperBound), not \(integer)")
            }
            result.append(integer)
        }
        return result
    }

    /// The matrix at `key`, written as a list of rows (`[[1, 1], [1, 1]]`), a row (`[1, 1]`), or a number.
    public func matrix(_ key: String) throws(LessonError) -> [[Double]] {
        let value = try required(key)
        if let number = value.number { return [[number]] }
        guard let items = value.items, !items.isEmpty else {
            throw wrongType(key, value, expected: "a number, a row like [1, 2] or rows like [[1, 2], [3, 4]]")
        }
        func row(_ value: LessonValue) throws(LessonError) -> [Double] {
            guard let items = value.items else { throw wrongType(key, value, expected: "a row like [1, 2]") }
            var numbers = [Double]()
            for item in items {
                guard let number = item.number else { throw wrongType(key, item, expected: "a number") }
                guard number.isFinite else { throw notFinite(key, item) }
                numbers.append(number)
            }
            return numbers
        }
        if items.allSatisfy({ $0.number != nil }) { return [try row(value)] }
        var rows = [[Double]]()
        for item in items {
            let next = try row(item)
            if let first = rows.first, first.count != next.count {
                throw outOfRange(key, item, "has rows of different lengths: \(first.count) and \(next.count)")
            }
            rows.append(next)
        }
        return rows
    }

    private func shortest(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : "\(value)"
    }
}
