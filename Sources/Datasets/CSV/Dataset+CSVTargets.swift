import Engine
import Foundation

extension Dataset {
    /// A regression data set read from a CSV file: the `targetColumns` hold the real values to
    /// predict, every other column is an input.
    ///
    /// ```
    /// x,y
    /// 0.12,0.8231
    /// 1.57,1.0419
    /// ```
    ///
    /// gives `inputs` `[[0.12], [1.57]]` and `targets` `[[0.8231], [1.0419]]` (m × k, one column
    /// per target, in the order the targets are named).
    ///
    /// - Parameters:
    ///   - url: the file.
    ///   - targetColumns: the target columns, by header name or by position from 1.
    ///   - name: the data set's name; the file name without extension by default.
    /// - Throws: `CSVError` naming the file, row and column of the first problem.
    public static func csv(contentsOf url: URL, targetColumns: [CSVColumn], name: String? = nil) throws(CSVError) -> Dataset {
        try csv(
            text: try CSVTable.contents(of: url), file: url.lastPathComponent, targetColumns: targetColumns,
            name: name ?? url.deletingPathExtension().lastPathComponent)
    }

    /// A regression data set parsed from CSV text (see `csv(contentsOf:targetColumns:name:)`).
    ///
    /// - Precondition: at least one target column.
    public static func csv(text: String, file: String, targetColumns: [CSVColumn], name: String) throws(CSVError) -> Dataset {
        require(!targetColumns.isEmpty, "Dataset.csv: no target column")
        let table = try CSVTable(text: text, file: file)
        let header = table.header
        var targetIndices = [Int]()
        for column in targetColumns {
            guard let index = column.index(in: header) else {
                throw .missingTargetColumn(file: file, column: column.written, columns: header)
            }
            guard !targetIndices.contains(index) else { throw .duplicateTargetColumn(file: file, name: header[index]) }
            targetIndices.append(index)
        }
        let inputIndices = header.indices.filter { !targetIndices.contains($0) }
        guard !inputIndices.isEmpty else { throw .noInputColumns(file: file, targets: targetIndices.map { header[$0] }) }
        let rows = try table.dataRows(file: file)

        var inputs = [Double]()
        inputs.reserveCapacity(rows.count * inputIndices.count)
        var targets = [Double]()
        targets.reserveCapacity(rows.count * targetIndices.count)
        for row in rows {
            let fields = try table.fields(of: row, file: file)
            // Left to right, so the first bad field of the row is the one reported.
            var numbers = [Double](repeating: 0, count: fields.count)
            for (index, field) in fields.enumerated() {
                numbers[index] = try table.number(field, row: row, index: index, file: file)
            }
            inputs += inputIndices.map { numbers[$0] }
            targets += targetIndices.map { numbers[$0] }
        }
        return Dataset(
            name: name, inputs: Matrix(rows: rows.count, columns: inputIndices.count, values: inputs),
            targets: Matrix(rows: rows.count, columns: targetIndices.count, values: targets),
            featureNames: inputIndices.map { header[$0] }, targetNames: targetIndices.map { header[$0] })
    }
}
