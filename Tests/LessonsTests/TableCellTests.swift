import Datasets
import Engine
import Report
import Testing
@testable import Book
@testable import LessonFormat
@testable import LessonRuntime

private let xorGate = SessionData(title: "the XOR gate", training: LogicGate.xor.dataset(), classNames: ["0", "1"])

/// Seed 004's hand-designed XOR network of hard-limit units.
private let handXOR: (kind: String, body: String) = (
    "model", "layers: [2, 2, 1]\nactivation: hardlimit\ninit: explicit\nW1: [[1, -1], [-1, 1]]\nb1: [-0.5, -0.5]\nW2: [[1], [1]]\nb2: -0.5"
)

@Suite struct TableCellReadingTests {
    @Test func readsEachKindsKeys() throws {
        let updates = try TableCell(try firstCell("of: updates\nepochs: [1, 2]\nrows: 8\ncaption: The first epochs.", kind: "table"))
        #expect(updates.kind == .updates)
        #expect(updates.epochs == [1, 2])
        #expect(updates.rowLimit == 8)
        #expect(updates.caption == "The first epochs.")
        #expect(updates.requestedSteps.isEmpty)
        let trace = try TableCell(try firstCell("of: trace\nat: {epoch: 2, step: 1}\nquantities: [W1, dW1]", kind: "table"))
        #expect(trace.quantities?.map(\.name) == ["W1", "dW1"])
        #expect(trace.requestedSteps == [TraceStep(epoch: 2, step: 1)])
        let history = try TableCell(try firstCell("of: history\nevery: 10", kind: "table"))
        #expect(history.every == 10)
        #expect(history.rowLimit == TableCell.defaultRowLimit)
        let check = try TableCell(try firstCell("of: gradient-check\nsamples: 2\nloss: squared-error", kind: "table"))
        #expect(check.samples == 2)
        #expect(check.loss == .squaredError)
        #expect(try TableCell(try firstCell("of: gradient-check", kind: "table")).samples == 4)
    }

    @Test func everyKeysMistakeIsPositioned() {
        expectLessonError("lessons/x.md:4:1: error: missing key 'of' in table cell") {
            _ = try TableCell(try firstCell("rows: 3", kind: "table"))
        }
        expectLessonError("lessons/x.md:5:5: error: 'of' in table cell must be one of 'updates', 'truth-table', 'trace', 'history', 'gradient-check', 'gradient-descent', not 'truth-tabel' (did you mean 'truth-table'?)") {
            _ = try TableCell(try firstCell("of: truth-tabel", kind: "table"))
        }
        expectLessonError("lessons/x.md:6:1: error: unknown key 'epoch' in table cell (did you mean 'epochs'?)") {
            _ = try TableCell(try firstCell("of: updates\nepoch: [1]", kind: "table"))
        }
        expectLessonError("lessons/x.md:6:8: error: 'every' in table cell does not apply to 'of: updates'; it is read by 'of: history'") {
            _ = try TableCell(try firstCell("of: updates\nevery: 2", kind: "table"))
        }
        expectLessonError("lessons/x.md:6:5: error: 'at' in table cell does not apply to 'of: history'; it is read by 'of: trace'") {
            _ = try TableCell(try firstCell("of: history\nat: {epoch: 1}", kind: "table"))
        }
        expectLessonError("lessons/x.md:6:13: error: 'epochs' in table cell items must be between 1 and 1000000, not 0") {
            _ = try TableCell(try firstCell("of: updates\nepochs: [1, 0]", kind: "table"))
        }
        expectLessonError("lessons/x.md:6:7: error: 'rows' in table cell must be between 1 and 10000, not 0") {
            _ = try TableCell(try firstCell("of: updates\nrows: 0", kind: "table"))
        }
        expectLessonError("lessons/x.md:6:8: error: 'every' in table cell should be a whole number, not the text 'often'") {
            _ = try TableCell(try firstCell("of: history\nevery: often", kind: "table"))
        }
        expectLessonError("lessons/x.md:6:10: error: 'samples' in table cell must be between 1 and 100000, not 0") {
            _ = try TableCell(try firstCell("of: gradient-check\nsamples: 0", kind: "table"))
        }
        expectLessonError("lessons/x.md:6:7: error: 'loss' in table cell must be one of 'squared-error', 'half-squared-error', 'binary-cross-entropy', 'categorical-cross-entropy', not 'mse'") {
            _ = try TableCell(try firstCell("of: gradient-check\nloss: mse", kind: "table"))
        }
        expectLessonError("lessons/x.md:6:13: error: 'quantities' in table cell should be a list of recorded names like [W1, dW1], not the text 'W1'") {
            _ = try TableCell(try firstCell("of: trace\nquantities: W1", kind: "table"))
        }
        expectLessonError("lessons/x.md:6:10: error: 'caption' in table cell has a '$' that opens math never closed (write \\$ for a dollar sign)") {
            _ = try TableCell(try firstCell("of: trace\ncaption: $x", kind: "table"))
        }
    }
}

@Suite struct TableCellRunningTests {
    @Test func thePerceptronsUpdatesMarkTheMistakes() throws {
        let run = try runCellsWithData(lessonSource(perceptronCells + [("table", "of: updates\nepochs: [1]")]), data: andGateData)
        #expect(run.error == nil)
        let table = try #require(run.tables.first)
        #expect(table.headers == [
            "epoch", "sample", "$\\mathbf{x}$", "$y$", "$a$", "$e = y - a$", "$\\Delta\\mathbf{w}$", "$\\Delta b$",
            "new $\\mathbf{w}$", "new $b$",
        ])
        #expect(table.rows == [
            ["**1**", "**1**", "**[0, 0]**", "**0**", "**1**", "**−1**", "**[0, 0]**", "**−0.1**", "**[0, 0]**", "**−0.1**"],
            ["1", "2", "[0, 1]", "0", "0", "0", "[0, 0]", "0", "[0, 0]", "−0.1"],
            ["1", "3", "[1, 0]", "0", "0", "0", "[0, 0]", "0", "[0, 0]", "−0.1"],
            ["**1**", "**4**", "**[1, 1]**", "**1**", "**0**", "**1**", "**[0.1, 0.1]**", "**0.1**", "**[0.1, 0.1]**", "**0**"],
        ])
        #expect(table.caption == "The perceptron rule's updates in epoch 1, η = 0.1. Rows in bold are mistakes ($y \\ne a$), the only updates that change $\\mathbf{w}$ and $b$.")
        #expect(table.numericColumns == [0, 1, 3, 4, 5, 7, 9])
    }

    @Test func rowsCapATableAndSayWhatIsLeftOut() throws {
        let run = try runCellsWithData(lessonSource(perceptronCells + [("table", "of: updates\nrows: 2\ncaption: Two updates.")]), data: andGateData)
        let table = try #require(run.tables.first)
        #expect(table.rows.count == 2)
        #expect(table.caption?.hasPrefix("Two updates. Rows in bold are mistakes") == true)
        #expect(table.caption?.hasSuffix(" The first 2 of \(run.session.perceptronUpdateCount) rows are shown.") == true)
    }

    @Test func updatesNeedThePerceptronRule() throws {
        let run = try runCellsWithData(lessonSource(seed004Cells + [("table", "of: updates")]), data: seed004Sample)
        #expect(run.error?.description == "lessons/x.md:19:1: error: the updates table shows the perceptron rule's updates: the train cell above uses 'rule: gradient-descent'")
        let late = try runCellsWithData(lessonSource(perceptronCells + [("table", "of: updates\nepochs: [40]")]), data: andGateData)
        #expect(late.error?.message.hasPrefix("the updates table asks for epoch 40, but training ran ") == true)
    }

    @Test func theHandDesignedXORNetworksTruthTable() throws {
        let run = try runCellsWithData(lessonSource([handXOR, ("table", "of: truth-table")]), data: xorGate)
        #expect(run.error == nil)
        let table = try #require(run.tables.first)
        #expect(table.headers == [
            "$x_{1}$", "$x_{2}$", "$y$", "$n^{1}_{1}$", "$a^{1}_{1}$", "$n^{1}_{2}$", "$a^{1}_{2}$", "$n^{2}$", "$a^{2}$", "correct",
        ])
        #expect(table.rows == [
            ["0", "0", "0", "−0.5", "0", "−0.5", "0", "−0.5", "0", "✓"],
            ["0", "1", "1", "−1.5", "0", "0.5", "1", "0.5", "1", "✓"],
            ["1", "0", "1", "0.5", "1", "−1.5", "0", "0.5", "1", "✓"],
            ["1", "1", "0", "−0.5", "0", "−0.5", "0", "−0.5", "0", "✓"],
        ])
        #expect(table.caption == "Every sample of the XOR gate through the 2–2–1 network, as the engine computes it. 4 of 4 outputs are correct.")
    }

    @Test func aSingleLayersTruthTableMarksWrongOutputs() throws {
        let model = ("model", "layers: [2, 1]\nactivation: hardlimit\ninit: explicit\nW1: [[1], [1]]\nb1: -0.5")
        let run = try runCellsWithData(lessonSource([model, ("table", "of: truth-table")]), data: andGateData)
        let table = try #require(run.tables.first)
        #expect(table.headers == ["$x_{1}$", "$x_{2}$", "$y$", "$n$", "$a$", "correct"])
        #expect(table.rows.map { $0.last } == ["✓", "✗", "✗", "✓"])
        #expect(table.caption?.hasSuffix("2 of 4 outputs are correct.") == true)
    }

    @Test func aTruthTableIsForSmallNetworks() throws {
        let run = try runCellsWithData(lessonSource([("model", "layers: [2, 20, 1]"), ("table", "of: truth-table")]), data: andGateData)
        #expect(run.error?.description == "lessons/x.md:7:1: error: a truth table of this network and data would have 46 columns (at most 32); for one sample of a larger network, use 'of: trace' with 'at: {input: N}'")
        let capped = try runCellsWithData(lessonSource([handXOR, ("table", "of: truth-table\nrows: 3")]), data: xorGate)
        #expect(capped.tables.first?.rows.count == 3)
        #expect(capped.tables.first?.caption?.hasSuffix("3 of 3 outputs are correct. The first 3 of 4 rows are shown.") == true)
    }

    @Test func aTraceListsTheChosenQuantities() throws {
        let run = try runCellsWithData(lessonSource(seed004Cells + [("table", "of: trace\nquantities: [W1, dW1, loss]")]), data: seed004Sample)
        #expect(run.error == nil)
        let table = try #require(run.tables.first)
        #expect(table.headers == ["quantity", "shape", "value"])
        #expect(table.rows == [
            ["`W1`", "2×2", "$\\begin{bmatrix} 1 & 1 \\\\ 1 & 1 \\end{bmatrix}$"],
            ["`dW1`", "2×2", "$\\begin{bmatrix} 8 & 8 \\\\ 8 & 8 \\end{bmatrix}$"],
            ["`loss`", "1×1", "$16$"],
        ])
        #expect(table.caption == "The quantities recorded at epoch 1, step 1.")
        let all = try runCellsWithData(lessonSource(seed004Cells + [("table", "of: trace")]), data: seed004Sample)
        #expect(all.tables.first?.rows.first?.first == "`x`")
    }

    @Test func aTraceOfAnInputNeedsNoTraining() throws {
        let run = try runCellsWithData(lessonSource([handXOR, ("table", "of: trace\nat: {input: 3}\nquantities: [x, n1, a1, a2]")]), data: xorGate)
        let table = try #require(run.tables.first)
        #expect(table.rows.map(\.[2]) == [
            "$\\begin{bmatrix} 1 & 0 \\end{bmatrix}$", "$\\begin{bmatrix} 0.5 & -1.5 \\end{bmatrix}$",
            "$\\begin{bmatrix} 1 & 0 \\end{bmatrix}$", "$1$",
        ])
        #expect(table.caption == "The network's forward pass on sample 3 of the data.")
    }

    @Test func aTraceOfAnUnrecordedNameSuggestsOne() throws {
        let run = try runCellsWithData(lessonSource(seed004Cells + [("table", "of: trace\nquantities: [W1, dW3]")]), data: seed004Sample)
        #expect(run.error?.description == "lessons/x.md:21:18: error: 'dW3' was not recorded at epoch 1, step 1 (did you mean 'dW2'?)")
    }

    @Test func historyThinsLongRunsButKeepsTheLastEpoch() throws {
        var cells = seed004Cells
        cells[1].body = "loss: squared-error\nlearning_rate: 0.01\nepochs: 6"
        let run = try runCellsWithData(lessonSource(cells + [("table", "of: history\nevery: 4")]), data: seed004Sample)
        let table = try #require(run.tables.first)
        #expect(table.headers == ["epoch", "training loss", "training accuracy"])
        #expect(table.rows.map(\.[0]) == ["1", "5", "6"])
        #expect(table.rows[0][1] == "16")
        #expect(table.caption == "Loss and accuracy per epoch (squared-error loss). One epoch in 4 is shown, and the last.")
    }

    @Test func thePerceptronsHistoryCountsMistakes() throws {
        var cells = perceptronCells
        cells[1].body = "rule: perceptron\nlearning_rate: 0.1\nepochs: 3"
        let run = try runCellsWithData(lessonSource(cells + [("table", "of: history")]), data: xorGate)
        let table = try #require(run.tables.first)
        #expect(table.headers == ["epoch", "mistakes"])
        #expect(table.rows.map(\.[0]) == ["1", "2", "3"])
        #expect(table.rows.allSatisfy { $0[1] != "0" })
    }

    @Test func theGradientCheckAgreesWithBackpropagation() throws {
        let run = try runCellsWithData(lessonSource([seed004Cells[0], ("table", "of: gradient-check\nloss: squared-error")]), data: seed004Sample)
        #expect(run.error == nil)
        let table = try #require(run.tables.first)
        #expect(table.headers == ["parameter", "backpropagation", "central differences", "relative error"])
        #expect(table.rows.map(\.[0]) == [
            "$W^{1}_{1,1}$", "$W^{1}_{1,2}$", "$W^{1}_{2,1}$", "$W^{1}_{2,2}$", "$b^{1}_{1,1}$", "$b^{1}_{1,2}$",
            "$W^{2}_{1,1}$", "$W^{2}_{2,1}$", "$b^{2}_{1,1}$",
        ])
        #expect(table.rows.map(\.[1]) == ["8", "8", "8", "8", "8", "8", "16", "16", "8"])
        // Central differences are not exact: rounded to four digits they keep their zeros.
        #expect(table.rows.map(\.[2]) == ["8.000", "8.000", "8.000", "8.000", "8.000", "8.000", "16.00", "16.00", "8.000"])
        let caption = try #require(table.caption)
        #expect(caption.hasPrefix("The gradient of the squared-error loss over 1 sample, by backpropagation and by central finite differences. Largest relative error over all 9 parameters: $"))
    }

    @Test func theGradientCheckRefusesLargeNetworks() throws {
        let wide = SessionData(
            title: "wide", training: Dataset(name: "wide", inputs: Matrix(rows: 1, columns: 100), labels: [0], classCount: 2),
            classNames: ["0", "1"])
        let run = try runCellsWithData(lessonSource([("model", "layers: [100, 60, 1]"), ("table", "of: gradient-check")]), data: wide)
        #expect(run.error?.description == "lessons/x.md:7:1: error: the gradient check compares every weight and bias, and the network has 6121; the limit is 5000")
    }
}

extension Session {
    /// The number of updates of the last perceptron run.
    fileprivate var perceptronUpdateCount: Int {
        if case let .perceptron(run) = training { return run.result.updates.count }
        return 0
    }
}

@Suite struct GradientDescentTableTests {
    @Test func theIteratesOfSeed001() throws {
        let session = try runLesson(cell("table", "of: gradient-descent\nsteps: 3"))
        let table = try #require(tables(session).first)
        #expect(table.headers == ["$n$", "$x_n$", "$y_n$", "$f(x_n, y_n)$", "$\\nabla f = (2x_n, 2y_n)$"])
        #expect(table.rows == [
            ["0", "−4", "3", "25", "(−8, 6)"],
            ["1", "−3.2", "2.4", "16", "(−6.4, 4.8)"],
            ["2", "−2.56", "1.92", "10.24", "(−5.12, 3.84)"],
            ["3", "−2.048", "1.536", "6.554", "(−4.096, 3.072)"],
        ])
        #expect(table.caption == "Gradient descent on $f(x, y) = {x}^{2} + {y}^{2}$ from (−4, 3) with $\\eta$ = 0.1: each step is $(x, y) \\leftarrow (x, y) - \\eta\\,\\nabla f$.")
    }

    @Test func walkKeysBelongToTheirKinds() {
        expectLessonError("lessons/x.md:7:8: error: 'steps' in table cell does not apply to 'of: history'; it is read by 'of: gradient-descent'") {
            _ = try runLesson(cell("table", "of: history\nsteps: 3"))
        }
    }
}
