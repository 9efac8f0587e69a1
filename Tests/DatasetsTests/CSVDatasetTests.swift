import Engine
import Foundation
import Testing
@testable import Datasets

@Suite struct CSVDatasetTests {
    private func message(_ text: String, label: String = "label") -> String? {
        csvMessage(text, label: label)
    }

    @Test func readsFeaturesAndLabelsFromAFile() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("points.csv")
        try "x1, label ,x2\r\n0.5,1,-2\r\n\r\n\"1e-1\",0, 3\r\n".write(to: url, atomically: true, encoding: .utf8)
        let data = try Dataset.csv(contentsOf: url, labelColumn: "label")
        #expect(data.name == "points")
        #expect(data.featureNames == ["x1", "x2"])
        #expect(data.inputs == Matrix([[0.5, -2], [0.1, 3]]))
        #expect(data.labels == [1, 0])
        #expect(data.targets == Matrix(column: [1, 0]))
    }

    @Test func threeClassesGetOneHotTargets() throws {
        let data = try Dataset.csv(text: "a,class\n1,0\n2,2\n3,1\n", file: "t.csv", labelColumn: "class", name: "t")
        #expect(data.classCount == 3)
        #expect(data.targets == Matrix([[1, 0, 0], [0, 0, 1], [0, 1, 0]]))
    }

    @Test func quotedFieldsMayHoldCommasAndQuotes() throws {
        let data = try Dataset.csv(
            text: "\"x, first\",\"say \"\"y\"\"\",label\n1,2,0\n", file: "q.csv", labelColumn: "label", name: "q")
        #expect(data.featureNames == ["x, first", "say \"y\""])
    }

    @Test func notANumberNamesRowAndColumn() {
        #expect(message("x1,x2,label\n1,2,0\n3,4,1\n5,abc,0\n") == "points.csv: row 4, column 2 (x2): \"abc\" is not a number")
    }

    @Test func labelThatIsNotAClassIndex() {
        #expect(message("x1,label\n1,0.5\n") == "points.csv: row 2, column 2 (label): \"0.5\" is not a class index (0, 1, 2, …)")
        #expect(message("x1,label\n1,-1\n") == "points.csv: row 2, column 2 (label): \"-1\" is not a class index (0, 1, 2, …)")
    }

    @Test func missingLabelColumnListsTheColumns() {
        #expect(message("x1,x2,y\n1,2,0\n") == "points.csv: row 1: no label column named \"label\" (the columns are \"x1\", \"x2\", \"y\")")
    }

    @Test func rowWithTooFewFields() {
        #expect(message("x1,x2,label\n1,2,0\n\n1,2\n") == "points.csv: row 4: 2 fields, but the header names 3 columns")
    }

    @Test func emptyAndHeaderOnlyFiles() {
        #expect(message("") == "points.csv: the file is empty; expected a header row naming the columns")
        #expect(message("x1,label\n") == "points.csv: no data rows after the header")
        #expect(message("label\n1\n") == "points.csv: row 1: no input columns besides the label column \"label\"")
    }

    @Test func duplicateColumnAndUnclosedQuote() {
        #expect(message("x,x,label\n1,2,0\n") == "points.csv: row 1: the column name \"x\" appears twice")
        #expect(message("x,label\n\"1,0\n") == "points.csv: row 2: a quoted field is not closed")
    }

    @Test func unreadableFile() {
        #expect(throws: CSVError.self) {
            try Dataset.csv(contentsOf: URL(fileURLWithPath: "/nonexistent/points.csv"), labelColumn: "label")
        }
    }
}
