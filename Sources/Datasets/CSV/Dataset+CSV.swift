import Engine
import Foundation

extension Dataset {
    /// A data set read from a CSV file that an instructor keeps beside a lesson.
    ///
    /// The first row names the columns; every other column than `labelColumn` is an input
    /// feature and must hold numbers; the label column holds class indices 0, 1, 2, ….
    /// Blank lines are skipped; fields may be quoted (`"1.5"`), and spaces around fields
    /// are ignored.
    ///
    /// ```
    /// x1,x2,label
    /// 0.1,0.9,1
    /// 0.8,0.2,0
    /// ```
    ///
    /// - Parameters:
    ///   - url: the file.
    ///   - labelColumn: the name of the column holding the class of each row.
    ///   - name: the data set's name; the file name without extension by default.
    /// - Returns: the rows as samples, with the label column as their classes.
    /// - Throws: `CSVError` naming the file, row and column of the first problem.
    public static func csv(contentsOf url: URL, labelColumn: String, name: String? = nil) throws(CSVError) -> Dataset {
        try csv(
            text: try CSVTable.contents(of: url), file: url.lastPathComponent, labelColumn: labelColumn,
            name: name ?? url.deletingPathExtension().lastPathComponent)
    }

    /// The most classes a CSV file may name: each class is a column of the one-hot targets,
    /// so a stray label of a billion would otherwise ask for gigabytes.
    public static let maximumClassCount = 1_000

    /// A data set parsed from CSV text.
    ///
    /// - Parameters:
    ///   - text: the CSV content.
    ///   - file: the name used in error messages.
    ///   - labelColumn: the name of the column holding the class of each row.
    ///   - name: the data set's name.
    /// - Returns: the rows as samples, with the label column as their classes.
    /// - Throws: `CSVError` naming the file, row and column of the first problem.
    public static func csv(text: String, file: String, labelColumn: String, name: String) throws(CSVError) -> Dataset {
        let table = try CSVTable(text: text, file: file)
        let header = table.header
        guard let labelIndex = header.firstIndex(of: labelColumn) else {
            throw .missingLabelColumn(file: file, name: labelColumn, columns: header)
        }
        guard header.count > 1 else { throw .noFeatureColumns(file: file, label: labelColumn) }
        let rows = try table.dataRows(file: file)

        var values = [Double]()
        values.reserveCapacity(rows.count * (header.count - 1))
        var labels = [Int]()
        for row in rows {
            for (index, field) in try table.fields(of: row, file: file).enumerated() {
                if index == labelIndex {
                    guard let number = Double(field), number >= 0, number == number.rounded(), number < 1e9 else {
                        throw .notAClassIndex(file: file, row: row.number, column: index + 1, name: header[index], value: field)
                    }
                    guard number < Double(maximumClassCount) else {
                        throw .tooManyClasses(
                            file: file, row: row.number, column: index + 1, name: header[index], value: Int(number),
                            limit: maximumClassCount)
                    }
                    labels.append(Int(number))
                } else {
                    values.append(try table.number(field, row: row, index: index, file: file))
                }
            }
        }
        var featureNames = header
        featureNames.remove(at: labelIndex)
        return Dataset(
            name: name, inputs: Matrix(rows: rows.count, columns: featureNames.count, values: values),
            labels: labels, classCount: max(2, (labels.max() ?? 0) + 1), featureNames: featureNames)
    }
}
