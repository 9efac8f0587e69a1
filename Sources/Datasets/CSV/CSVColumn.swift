/// A column of a CSV file as a lesson names it: by its header name, or by its position
/// counted from 1 as a spreadsheet counts (the numbers error messages use).
///
/// ```
/// x1,x2,y        CSVColumn("y") and CSVColumn("3") both name the third column
/// ```
///
/// A header name wins over a position: in a file whose header holds a column named `2`,
/// `CSVColumn("2")` is that column.
public struct CSVColumn: Sendable, Hashable, CustomStringConvertible {
    /// The name or the number, as written.
    public var written: String

    /// The column written as `written`: a header name or a number from 1.
    public init(_ written: String) {
        self.written = written
    }

    public var description: String { written }

    /// The column's index (from 0) in `header`, or `nil` when no column has this name or
    /// position.
    func index(in header: [String]) -> Int? {
        if let named = header.firstIndex(of: written) { return named }
        guard !written.isEmpty, written.allSatisfy(\.isASCII), written.allSatisfy(\.isNumber),
            let number = Int(written), (1...header.count).contains(number)
        else { return nil }
        return number - 1
    }
}
