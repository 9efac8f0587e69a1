/// What can be wrong with a CSV data file, one case per failure.
///
/// Rows are numbered as a spreadsheet shows them (the header is row 1, the first data row
/// is row 2), and columns by position (from 1) and name, so an instructor can find the cell:
///
/// ```
/// points.csv: row 5, column 2 (x2): "abc" is not a number
/// ```
public enum CSVError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file could not be read as UTF-8 text.
    case notText(file: String, problem: TextFile.Problem)
    /// The file has no header row.
    case empty(file: String)
    /// The header names the same column twice.
    case duplicateColumn(file: String, name: String)
    /// The header has no column with the label's name.
    case missingLabelColumn(file: String, name: String, columns: [String])
    /// The label is the only column, so there are no inputs.
    case noFeatureColumns(file: String, label: String)
    /// The header has no column with a target's name or position.
    case missingTargetColumn(file: String, column: String, columns: [String])
    /// The same column is named twice among the targets.
    case duplicateTargetColumn(file: String, name: String)
    /// Every column is a target, so there are no inputs.
    case noInputColumns(file: String, targets: [String])
    /// A row has more or fewer fields than the header.
    case wrongFieldCount(file: String, row: Int, found: Int, expected: Int)
    /// A feature cell is not a finite number.
    case notANumber(file: String, row: Int, column: Int, name: String, value: String)
    /// A label cell is not a class index (a whole number 0, 1, 2, …).
    case notAClassIndex(file: String, row: Int, column: Int, name: String, value: String)
    /// A label names a class beyond the most a data set may have (its one-hot targets would
    /// need a column per class).
    case tooManyClasses(file: String, row: Int, column: Int, name: String, value: Int, limit: Int)
    /// A quoted field is not closed before the end of its row.
    case unclosedQuote(file: String, row: Int)
    /// The header is followed by no data rows.
    case noRows(file: String)

    /// The message shown to the instructor, starting with the file name.
    public var description: String {
        switch self {
        case .notText(let file, .notUTF8(let line, let column, let byte)):
            "\(file): line \(line), column \(column): "
                + TextFile.Problem.notUTF8(line: line, column: column, byte: byte).description(expected: "")
        case .notText(let file, let problem):
            "\(file): " + problem.description(expected: "a data file is CSV text")
        case .empty(let file):
            "\(file): the file is empty; expected a header row naming the columns"
        case .duplicateColumn(let file, let name):
            "\(file): row 1: the column name \"\(name)\" appears twice"
        case .missingLabelColumn(let file, let name, let columns):
            "\(file): row 1: no label column named \"\(name)\" (the columns are \(columns.map { "\"\($0)\"" }.joined(separator: ", ")))"
        case .noFeatureColumns(let file, let label):
            "\(file): row 1: no input columns besides the label column \"\(label)\""
        case .missingTargetColumn(let file, let column, let columns):
            "\(file): row 1: no target column \(column.allSatisfy(\.isNumber) && !column.isEmpty ? "number \(column) (the file has \(columns.count))" : "named \"\(column)\"") (the columns are \(columns.map { "\"\($0)\"" }.joined(separator: ", ")))"
        case .duplicateTargetColumn(let file, let name):
            "\(file): row 1: the target column \"\(name)\" is named twice"
        case .noInputColumns(let file, let targets):
            "\(file): row 1: no input columns besides the target column\(targets.count == 1 ? "" : "s") \(targets.map { "\"\($0)\"" }.joined(separator: ", "))"
        case .wrongFieldCount(let file, let row, let found, let expected):
            "\(file): row \(row): \(found) field\(found == 1 ? "" : "s"), but the header names \(expected) columns"
        case .notANumber(let file, let row, let column, let name, let value) where value.isEmpty:
            "\(file): row \(row), column \(column) (\(name)): the field is empty; expected a number"
        case .notANumber(let file, let row, let column, let name, let value) where Double(value) != nil:
            "\(file): row \(row), column \(column) (\(name)): \"\(value)\" is not a finite number"
        case .notANumber(let file, let row, let column, let name, let value):
            "\(file): row \(row), column \(column) (\(name)): \"\(value)\" is not a number"
        case .notAClassIndex(let file, let row, let column, let name, let value):
            "\(file): row \(row), column \(column) (\(name)): \"\(value)\" is not a class index (0, 1, 2, …)"
        case .tooManyClasses(let file, let row, let column, let name, let value, let limit):
            "\(file): row \(row), column \(column) (\(name)): class \(value) is too large; a data set may have at most \(limit) classes (0 to \(limit - 1))"
        case .unclosedQuote(let file, let row):
            "\(file): row \(row): a quoted field is not closed"
        case .noRows(let file):
            "\(file): no data rows after the header"
        }
    }
}
