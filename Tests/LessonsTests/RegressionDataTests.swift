import Datasets
import Engine
import Foundation
import Testing
@testable import LessonFormat
@testable import LessonRuntime

/// The synthetic regression sets and CSV files with `target`: real values to predict.
@Suite struct RegressionDataTests {
    @Test func aSineIsDrawnFromTheSeedOverItsRange() throws {
        let body = "dataset: sine\ncount: 500\nnoise: 0.1\nrange: [-2, 4]"
        let data = try #require(try runLesson(cell("data", body)).data)
        let again = try #require(try runLesson(cell("data", body)).data)
        let other = try #require(try runLesson(cell("data", body), seed: 8).data)
        #expect(data.training == again.training)
        #expect(data.training.inputs != other.training.inputs)
        #expect(data.training.isRegression && data.training.featureNames == ["x"] && data.training.targetNames == ["y"])
        #expect(data.classNames.isEmpty)
        let x = data.training.inputs.values
        let noise = zip(x, data.training.targets.values).map { $1 - sin($0) }
        #expect(x.allSatisfy { (-2...4).contains($0) })
        #expect(x.min()! < -1.9 && x.max()! > 3.9)
        // 500 draws of N(0, 0.1²): the sample spread is 0.1 within a few per cent, the mean near 0.
        let mean = noise.reduce(0, +) / 500
        let spread = (noise.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 499).squareRoot()
        #expect(abs(mean) < 0.02 && abs(spread - 0.1) < 0.01, "mean \(mean), spread \(spread)")
    }

    @Test func withoutNoiseTheTargetsAreTheFunctionItself() throws {
        let sine = try #require(try runLesson(cell("data", "dataset: sine\ncount: 20\nnoise: 0\nshuffle: false")).data).training
        #expect(zip(sine.inputs.values, sine.targets.values).allSatisfy { $1 == sin($0) })
        #expect(sine.inputs.values == sine.inputs.values.sorted())

        let plane = try #require(try runLesson(cell("data", "dataset: plane\ncount: 50\nnoise: 0")).data).training
        #expect(plane.featureCount == 2 && plane.inputs.values.allSatisfy { (-6...6).contains($0) })
        for row in 0..<50 {
            #expect(plane.targets[row, 0] == (plane.inputs[row, 0] + plane.inputs[row, 1]) / 10)
        }
        let bump = try #require(try runLesson(cell("data", "dataset: gaussian-bump\ncount: 50\nnoise: 0")).data).training
        #expect(bump.inputs.values.allSatisfy { (-3...3).contains($0) })
        for row in 0..<50 {
            let (x1, x2) = (bump.inputs[row, 0], bump.inputs[row, 1])
            #expect(bump.targets[row, 0] == exp(-(x1 * x1 + x2 * x2) / 2))
        }
    }

    @Test func aTestSetIsAFreshDrawThatLeavesTheTrainingSamples() throws {
        let plain = try #require(try runLesson(cell("data", "dataset: sine\ncount: 30")).data)
        let tested = try #require(try runLesson(cell("data", "dataset: sine\ncount: 30\ntest_count: 10\nvalidation: 0.2")).data)
        #expect(tested.test?.count == 10 && tested.validation?.count == 6 && tested.training.count == 24)
        #expect(Set(plain.training.inputs.values) == Set(tested.training.inputs.values + tested.validation!.inputs.values))
        #expect(tested.test?.isRegression == true && tested.validation?.isRegression == true)
    }

    @Test func mistakesInARegressionSetArePositioned() {
        expectLessonError("lessons/x.md:8:8: error: 'range' in data cell should be [low, high] with low < high, within ±1,000,000") {
            _ = try runLesson(cell("data", "dataset: sine\ncount: 10\nrange: [3, -3]"))
        }
        expectLessonError("lessons/x.md:7:10: error: 'classes' in data cell names classes, but a noisy sine has real values to predict, not classes") {
            _ = try runLesson(cell("data", "dataset: sine\nclasses: [low, high]"))
        }
        expectLessonError("lessons/x.md:7:9: error: 'factor' in data cell does not apply to 'plane', which reads 'count', 'noise', 'test_count'") {
            _ = try runLesson(cell("data", "dataset: plane\nfactor: 0.5"))
        }
    }

    @Test func theShownNoteNamesTheTarget() throws {
        let session = try runLesson(cell("data", "dataset: plane\ncount: 40\nvalidation: 0.25\nshow: true"))
        guard case let .note(note) = session.blocks.last else { Issue.record("no note"); return }
        #expect(note == "Data: a noisy tilted plane, 30 training samples with real-valued target $y$ and 10 for validation, 2 inputs each.")
    }
}

/// A CSV file read with `target`: the lesson's side of the regression CSV.
@Suite struct CSVTargetCellTests {
    let heights = "age,height\n4,1.02\n9,1.33\n12,1.49\n16,1.71\n"

    @Test func aTargetColumnGivesRealTargets() throws {
        let project = try ScratchProject()
        defer { project.remove() }
        try project.write(heights, to: "lessons/data/heights.csv")
        let data = try #require(try runLesson(cell("data", "dataset: csv\npath: data/heights.csv\ntarget: height"), path: project.lessonPath).data)
        #expect(data.training.targets == Matrix(column: [1.02, 1.33, 1.49, 1.71]))
        #expect(data.training.inputs == Matrix(column: [4, 9, 12, 16]))
        let byNumber = try #require(try runLesson(cell("data", "dataset: csv\npath: data/heights.csv\ntarget: [2]"), path: project.lessonPath).data)
        #expect(byNumber.training == data.training)
    }

    @Test func theCSVsMistakesStandWhereTheyCanBeFixed() throws {
        let project = try ScratchProject()
        defer { project.remove() }
        try project.write(heights, to: "lessons/data/heights.csv")
        try project.write("age,height\n4,1.02\n9,1.33\n12,1.49\n16,tall\n", to: "lessons/data/bad.csv")
        let path = project.lessonPath
        // A missing column at 'target' (line 8, column 9), a bad value at 'path' (line 7, column 7).
        expectLessonError("\(path):8:9: error: heights.csv: row 1: no target column named \"hight\" (the columns are \"age\", \"height\")") {
            _ = try runLesson(cell("data", "dataset: csv\npath: data/heights.csv\ntarget: hight"), path: path)
        }
        expectLessonError("\(path):7:7: error: bad.csv: row 5, column 2 (height): \"tall\" is not a number") {
            _ = try runLesson(cell("data", "dataset: csv\npath: data/bad.csv\ntarget: height"), path: path)
        }
        // The issue's own example: a real number in a 'label' column says what to write instead.
        expectLessonError("\(path):7:7: error: heights.csv: row 2, column 2 (height): \"1.02\" is not a class index (0, 1, 2, …); to predict real values, name the column with 'target: height' instead of 'label'") {
            _ = try runLesson(cell("data", "dataset: csv\npath: data/heights.csv\nlabel: height"), path: path)
        }
    }

    @Test func targetAndLabelAreOneOrTheOther() {
        expectLessonError("lessons/x.md:9:9: error: 'target' in data cell names real values to predict, and 'label' a class column: give one of them") {
            _ = try runLesson(cell("data", "dataset: csv\npath: a.csv\nlabel: c\ntarget: y"))
        }
        expectLessonError("lessons/x.md:7:7: error: 'path' in data cell needs 'label' (the class column) or 'target' (the column of real values to predict) beside it") {
            _ = try runLesson(cell("data", "dataset: csv\npath: a.csv"))
        }
        expectLessonError("lessons/x.md:8:13: error: 'target' in data cell names the column 'y' twice") {
            _ = try runLesson(cell("data", "dataset: csv\npath: a.csv\ntarget: [y, y]"))
        }
        expectLessonError("lessons/x.md:8:9: error: 'target' in data cell should be a column's name or number, or a list of them like [y1, y2], not an empty list") {
            _ = try runLesson(cell("data", "dataset: csv\npath: a.csv\ntarget: []"))
        }
    }
}
