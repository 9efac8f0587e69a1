import Datasets
import Engine
import Foundation
import Report
import Testing
@testable import LessonFormat
@testable import LessonRuntime

/// Regression data measured and trained: MSE and R² where classification has accuracy, and no
/// accuracy anywhere else.
@Suite struct RegressionEvaluateTests {
    /// y = x + 1 at x = 0, 1, 2, 3, and a linear neuron a = x + 0.5 that misses every point by 0.5.
    static let line = "x,y\n0,1\n1,2\n2,3\n3,4\n"
    static let offsetNeuron = cell("model", "layers: [1, 1]\nactivation: linear\ninit: explicit\nW1: [[1]]\nb1: 0.5")

    private func run(_ cells: String..., csv: String = line) throws -> Session {
        let project = try ScratchProject()
        defer { project.remove() }
        do {
            return try run(cells, csv: csv, in: project)
        } catch {
            // Errors name the lesson as 'lessons/x.md', wherever the scratch project is.
            throw LessonError(error.kind, at: SourcePosition(file: "lessons/x.md", line: error.position.line, column: error.position.column))
        }
    }

    private func run(_ cells: [String], csv: String, in project: ScratchProject) throws(LessonError) -> Session {
        do { try project.write(csv, to: "lessons/data/line.csv") } catch { Issue.record("cannot write: \(error)") }
        let lesson = try LessonParser.parse(
            "---\ntitle: t\nseed: 7\n---\n" + cell("data", "dataset: csv\npath: data/line.csv\ntarget: y") + cells.joined(),
            path: project.lessonPath)
        let session = Session(header: try LessonHeader(lesson), lesson: lesson, figureDirectory: FileManager.default.temporaryDirectory)
        for cell in lesson.cells { try cell.kind.read(cell).run(cell, in: session) }
        return session
    }

    @Test func theMSEAndRSquaredAreWorkedOutByHand() throws {
        // Errors y − a are all 0.5: MSE = 0.25. ȳ = 2.5, Σ(y − ȳ)² = 5, Σ(y − a)² = 1: R² = 1 − 1/5 = 0.8.
        let session = try run(Self.offsetNeuron, cell("evaluate", "on: training\nloss: squared-error\nshow: predictions\nrows: 2"))
        let found = tables(session)
        #expect(found[0].headers == ["set", "samples", "MSE", "$R^2$"])
        #expect(found[0].rows == [["training", "4", "0.25", "0.8"]])
        let evaluation = try #require(session.evaluation)
        #expect(abs(try #require(evaluation.meanSquaredError) - 0.25) < 1e-15)
        #expect(abs(try #require(evaluation.rSquared) - 0.8) < 1e-15)
        #expect(session.headline == ["training MSE 0.25", "training R² 0.8"])
        #expect(session.metrics.trainingMSE == evaluation.meanSquaredError && session.metrics.trainingRSquared == evaluation.rSquared)
        #expect(session.metrics.trainingAccuracy == nil)
        #expect(found[1] == ReportTable(
            headers: ["sample", "$x$", "target $y$", "output $a$", "error $y - a$"],
            rows: [["1", "0", "1", "0.5", "0.5"], ["2", "1", "2", "1.5", "0.5"]],
            caption: "The first 2 of the 4 training samples of line.csv: inputs, target, the network's output (a¹) and the error.",
            numericColumns: [0, 1, 2, 3, 4]))
    }

    @Test func aLossOtherThanTheMSEKeepsItsColumn() throws {
        // Half the squared error: ½ · 0.25 = 0.125 per sample.
        let session = try run(Self.offsetNeuron, cell("evaluate", "on: training\nloss: half-squared-error"))
        #expect(tables(session)[0].headers == ["set", "samples", "loss (half squared error)", "MSE", "$R^2$"])
        #expect(tables(session)[0].rows == [["training", "4", "0.125", "0.25", "0.8"]])
    }

    @Test func constantTargetsHaveNoRSquared() throws {
        let session = try run(Self.offsetNeuron, cell("evaluate", "on: training"), csv: "x,y\n0,1\n1,1\n")
        // a = 0.5 and 1.5 against 1 and 1: MSE 0.25; Σ(y − ȳ)² = 0, so R² is not defined.
        #expect(tables(session)[0].rows == [["training", "2", "0.25", "—"]])
        #expect(tables(session)[0].caption?.hasSuffix("and is not defined here: every target is the same.") == true)
        #expect(session.headline == ["training MSE 0.25"])
    }

    @Test func classTablesAreRefusedWhereTheyStand() {
        expectLessonError("lessons/x.md:19:7: error: 'show' in evaluate cell lists misclassified samples, but line.csv has real values to predict, not classes; write 'show: predictions'") {
            _ = try run(Self.offsetNeuron, cell("evaluate", "on: training\nshow: misclassified"))
        }
        expectLessonError("lessons/x.md:19:12: error: 'confusion' in evaluate cell counts classes, but line.csv has real values to predict, not classes") {
            _ = try run(Self.offsetNeuron, cell("evaluate", "on: training\nconfusion: true"))
        }
        expectLessonError("lessons/x.md:17:1: error: a truth table marks each sample's class right or wrong, but line.csv has real values to predict; list the network's outputs with an evaluate cell's 'show: predictions'") {
            _ = try run(Self.offsetNeuron, cell("table", "of: truth-table"))
        }
    }

    @Test func trainingShowsNoAccuracy() throws {
        let session = try run(
            cell("model", "layers: [1, 1]\nactivation: linear\ninit: zeros"),
            cell("train", "learning_rate: 0.05\nepochs: 200"),
            cell("table", "of: history\nevery: 100"), cell("plot", "kind: curves"))
        #expect(session.headline == ["epochs 200"])
        #expect(session.metrics.trainingAccuracy == nil)
        let history = try #require(tables(session).last)
        #expect(history.headers == ["epoch", "training loss"])
        #expect(history.caption?.hasPrefix("Loss per epoch (squared-error loss).") == true)
        guard case let .figure(figure) = session.blocks.last else { Issue.record("no figure"); return }
        #expect(figure.caption.hasPrefix("Per epoch over 200 epochs: training loss (squared-error) "))
        #expect(!figure.caption.contains("accuracy"))
        // Gradient descent on a line: the neuron learns y = x + 1, so the loss falls to nearly 0.
        #expect(try #require(session.metrics.finalTrainingLoss) < 1e-3)
    }

    @Test func plotsOfClassesAndThePerceptronPointElsewhere() {
        expectLessonError("lessons/x.md:22:7: error: a 'accuracy' plot shows the accuracy of classes, but line.csv has real values to predict; plot 'loss' instead") {
            _ = try run(Self.offsetNeuron, cell("train", "learning_rate: 0.01\nepochs: 2"), cell("plot", "kind: accuracy"))
        }
        expectLessonError("lessons/x.md:11:7: error: a 'data' plot draws classes, but line.csv has real values to predict, not classes; a 'fit' plot draws them") {
            _ = try run(cell("plot", "kind: data"))
        }
        expectLessonError("lessons/x.md:15:1: error: the perceptron rule learns classes, but line.csv has real values to predict; use 'rule: gradient-descent' with a linear output") {
            _ = try run(cell("model", "layers: [1, 1]\nactivation: hardlimit\ninit: zeros"), cell("train", "rule: perceptron\nlearning_rate: 0.1\nepochs: 2"))
        }
    }
}
