import Engine
import Report

/// Numbers, matrices and text written as Python that reads back to the same values: a number
/// with the fewest digits that give its bits again (Swift's `description`), a whole number
/// without a point.
enum PythonLiteral {
    /// `0.1`, `3`, `-0.0`, `1e-05`, `math.inf`.
    static func number(_ value: Double) -> String {
        if value.isNaN { return "math.nan" }
        if value.isInfinite { return value < 0 ? "-math.inf" : "math.inf" }
        if value == value.rounded(), abs(value) < 1e15, !(value == 0 && value.sign == .minus) {
            return String(Int(value))
        }
        return "\(value)"
    }

    /// A number that the Python prints beside its own: a whole number as an integer.
    static func optionalNumber(_ value: Double?) -> String {
        value.map(number) ?? "None"
    }

    /// The entries of `row` of `matrix`, `[1, 2.5]`.
    static func row(_ matrix: Matrix, _ row: Int) -> String {
        "[" + (0..<matrix.columns).map { number(matrix[row, $0]) }.joined(separator: ", ") + "]"
    }

    /// `np.array([[…], …], dtype=float)`, one row a line after the first when there are several.
    static func matrix(_ matrix: Matrix, indent: String = "    ") -> String {
        if matrix.values.allSatisfy({ $0 == 0 && $0.sign == .plus }) {
            return "np.zeros((\(matrix.rows), \(matrix.columns)))"
        }
        guard matrix.rows > 1 else {
            return "np.array([" + (matrix.rows == 1 ? row(matrix, 0) : "") + "], dtype=float).reshape(\(matrix.rows), \(matrix.columns))"
        }
        let rows = (0..<matrix.rows).map { row(matrix, $0) }
        return "np.array([\n" + rows.map { indent + "    " + $0 }.joined(separator: ",\n") + "],\n" + indent + "dtype=float)"
    }

    /// A one-column matrix as a flat list, `np.array([0, 1, 1, 0], dtype=float).reshape(-1, 1)`.
    static func column(_ matrix: Matrix) -> String {
        "np.array([" + matrix.values.map(number).joined(separator: ", ") + "], dtype=float).reshape(-1, 1)"
    }

    /// A Python string literal of `text`: its JSON literal, whose escapes (`\r`, `\t`, `\u0001`…)
    /// Python reads the same way. A carriage return left raw would end the line inside the
    /// literal, a syntax error.
    static func string(_ text: String) -> String {
        text.jsonQuoted
    }

    /// `True`, `False`.
    static func boolean(_ value: Bool) -> String { value ? "True" : "False" }

    /// A dict of numbers with its keys in order, `{"beta1": 0.9, "beta2": 0.999}`.
    static func dict(_ values: [(String, String)]) -> String {
        "{" + values.map { "\(string($0.0)): \($0.1)" }.joined(separator: ", ") + "}"
    }
}
