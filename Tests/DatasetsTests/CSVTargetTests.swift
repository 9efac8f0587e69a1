import Engine
import Foundation
import Testing
@testable import Datasets

/// CSV files with real-valued targets: a regression set whose targets are the named columns.
@Suite struct CSVTargetTests {
    private func message(_ text: String, targets: [String] = ["y"]) -> String? {
        do {
            _ = try Dataset.csv(text: text, file: "heights.csv", targetColumns: targets.map(CSVColumn.init), name: "heights")
            return nil
        } catch {
            return error.description
        }
    }

    @Test func aRealTargetColumnGivesARegressionSet() throws {
        let data = try Dataset.csv(
            text: "x1,y,x2\n0.5,0.8231,-2\n1e-1,-1.25,3\n", file: "t.csv", targetColumns: [CSVColumn("y")], name: "t")
        #expect(data.isRegression)
        #expect(data.classCount == 0 && data.labels.isEmpty)
        #expect(data.featureNames == ["x1", "x2"])
        #expect(data.targetNames == ["y"])
        #expect(data.inputs == Matrix([[0.5, -2], [0.1, 3]]))
        #expect(data.targets == Matrix(column: [0.8231, -1.25]))
        #expect(data.description == "t: 2 samples × 2 features, 1 real target (y)")
    }

    @Test func severalTargetsByNameOrNumberInTheOrderNamed() throws {
        // Column 1 by its number, then "b" by its name: the targets come in that order, m × 2.
        let data = try Dataset.csv(
            text: "a,b,c\n1,2,3\n4,5,6\n7,8,9\n", file: "t.csv", targetColumns: [CSVColumn("b"), CSVColumn("1")], name: "t")
        #expect(data.targets == Matrix([[2, 1], [5, 4], [8, 7]]))
        #expect(data.targetNames == ["b", "a"])
        #expect(data.inputs == Matrix(column: [3, 6, 9]))
        // A header named "2" is that column, not the second one.
        let named = try Dataset.csv(text: "x,2,y\n1,2,3\n", file: "t.csv", targetColumns: [CSVColumn("2")], name: "t")
        #expect(named.targetNames == ["2"] && named.featureNames == ["x", "y"])
    }

    @Test func aSubsetKeepsTheTargetsOfItsRows() throws {
        let data = try Dataset.csv(text: "x,y\n1,10\n2,20\n3,30\n", file: "t.csv", targetColumns: [CSVColumn("y")], name: "t")
        let subset = data.subset([2, 0])
        #expect(subset.targets == Matrix(column: [30, 10]))
        #expect(subset.inputs == Matrix(column: [3, 1]))
        #expect(subset.isRegression && subset.labels.isEmpty)
    }

    @Test func aMissingTargetColumnListsTheColumns() {
        #expect(message("age,height\n1,2\n", targets: ["hight"])
            == "heights.csv: row 1: no target column named \"hight\" (the columns are \"age\", \"height\")")
        #expect(message("age,height\n1,2\n", targets: ["3"])
            == "heights.csv: row 1: no target column number 3 (the file has 2) (the columns are \"age\", \"height\")")
        #expect(message("age,height\n1,2\n", targets: ["0"])
            == "heights.csv: row 1: no target column number 0 (the file has 2) (the columns are \"age\", \"height\")")
    }

    @Test func aTargetThatIsNotANumberNamesRowAndColumn() {
        #expect(message("age,y\n1,2\n2,3\n\n3,tall\n") == "heights.csv: row 5, column 2 (y): \"tall\" is not a number")
        #expect(message("age,y\n1,\n") == "heights.csv: row 2, column 2 (y): the field is empty; expected a number")
        #expect(message("age,y\n1,nan\n") == "heights.csv: row 2, column 2 (y): \"nan\" is not a finite number")
        // The first bad field of a row is the one reported, input or target.
        #expect(message("y,age\nx,abc\n") == "heights.csv: row 2, column 1 (y): \"x\" is not a number")
    }

    @Test func columnsThatLeaveNoInputsOrRepeat() {
        #expect(message("y\n1\n") == "heights.csv: row 1: no input columns besides the target column \"y\"")
        #expect(message("a,b\n1,2\n", targets: ["a", "b"])
            == "heights.csv: row 1: no input columns besides the target columns \"a\", \"b\"")
        #expect(message("a,b,c\n1,2,3\n", targets: ["a", "1"]) == "heights.csv: row 1: the target column \"a\" is named twice")
        #expect(message("x,y\n") == "heights.csv: no data rows after the header")
        #expect(message("x,y\n1,2,3\n") == "heights.csv: row 2: 3 fields, but the header names 2 columns")
    }

    @Test func aFileIsReadByItsName() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("heights.csv")
        try "age,height\n4,1.02\n9,1.33\n".write(to: url, atomically: true, encoding: .utf8)
        let data = try Dataset.csv(contentsOf: url, targetColumns: [CSVColumn("height")])
        #expect(data.name == "heights")
        #expect(data.targets == Matrix(column: [1.02, 1.33]))
    }
}
