import Foundation

/// A CSV file's header and data rows, before any column is given a meaning: what the label
/// reader and the target reader share.
struct CSVTable {
    /// The column names of the first row.
    var header: [String]
    /// The data rows, numbered as a spreadsheet numbers them.
    var rows: [CSVParser.Row]

    /// Reads the text of `url`, naming it by its file name in errors.
    static func contents(of url: URL) throws(CSVError) -> String {
        do {
            return try TextFile.contents(of: url)
        } catch {
            throw .notText(file: url.lastPathComponent, problem: error)
        }
    }

    /// Splits `text` into the header and the data rows; refuses an empty file and a header
    /// that names a column twice.
    init(text: String, file: String) throws(CSVError) {
        // A spreadsheet may start the file with a byte-order mark; it is not part of the first column's name.
        let unmarked = text.unicodeScalars.first == "\u{FEFF}" ? String(text.unicodeScalars.dropFirst()) : text
        var rows = try CSVParser.rows(of: unmarked, file: file)
        guard !rows.isEmpty else { throw .empty(file: file) }
        header = rows.removeFirst().fields
        var seen = Set<String>()
        for column in header where !seen.insert(column).inserted {
            throw .duplicateColumn(file: file, name: column)
        }
        self.rows = rows
    }

    /// The data rows, of which there must be at least one.
    func dataRows(file: String) throws(CSVError) -> [CSVParser.Row] {
        guard !rows.isEmpty else { throw .noRows(file: file) }
        return rows
    }

    /// The fields of `row`, which must have one per column.
    func fields(of row: CSVParser.Row, file: String) throws(CSVError) -> [String] {
        guard row.fields.count == header.count else {
            throw .wrongFieldCount(file: file, row: row.number, found: row.fields.count, expected: header.count)
        }
        return row.fields
    }

    /// The field at `index` of `row` as a finite number.
    func number(_ field: String, row: CSVParser.Row, index: Int, file: String) throws(CSVError) -> Double {
        guard let number = Double(field), number.isFinite else {
            throw .notANumber(file: file, row: row.number, column: index + 1, name: header[index], value: field)
        }
        return number
    }
}
