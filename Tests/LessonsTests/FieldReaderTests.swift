import Testing
@testable import Book
@testable import LessonFormat
@testable import LessonRuntime

@Suite struct FieldReaderTests {
    let keys = ["rule", "learning_rate", "epochs", "layers", "shuffle", "weights", "note"]

    func reader(_ body: String) throws(LessonError) -> FieldReader {
        let lesson = try LessonParser.parse("---\ntitle: t\n---\n```{train}\n\(body)\n```\n", path: "lessons/03-circles.md")
        let cell = lesson.cells[0]
        return try FieldReader(cell.body, place: "train cell", at: cell.position, allowedKeys: keys)
    }

    @Test func readsTypedValues() throws {
        let fields = try reader("rule: perceptron\nlearning_rate: 0.1\nepochs: 10\nlayers: [2, 3, 1]\nshuffle: false\nweights: [[1, -1], [-1, 1]]")
        #expect(try fields.choice("rule", among: ["perceptron", "gradient-descent"]) == "perceptron")
        #expect(try fields.number("learning_rate", in: 0...10) == 0.1)
        #expect(try fields.integer("epochs", in: 1...1000) == 10)
        #expect(try fields.integers("layers", in: 1...10_000) == [2, 3, 1])
        #expect(try fields.boolean("shuffle", default: true) == false)
        #expect(try fields.matrix("weights") == [[1, -1], [-1, 1]])
        #expect(try fields.integer("note", default: 4, in: 1...9) == 4)
    }

    @Test func unknownKeyNamesTheKeyAndSuggests() {
        expectLessonError("lessons/03-circles.md:6:1: error: unknown key 'learnig_rate' in train cell (did you mean 'learning_rate'?)") {
            _ = try reader("epochs: 3\nlearnig_rate: 0.1")
        }
    }

    @Test func typeAndRangeErrorsPointAtTheValue() throws {
        let fields = try reader("learning_rate: fast\nepochs: 0\nrule: perceptorn\nlayers: [2, x]\nweights: [[1, 2], [3]]")
        expectLessonError("lessons/03-circles.md:5:16: error: 'learning_rate' in train cell should be a number, not the text 'fast'") {
            _ = try fields.number("learning_rate")
        }
        expectLessonError("lessons/03-circles.md:6:9: error: 'epochs' in train cell must be between 1 and 1000, not 0") {
            _ = try fields.integer("epochs", in: 1...1000)
        }
        expectLessonError(
            "lessons/03-circles.md:7:7: error: 'rule' in train cell must be one of 'perceptron', 'gradient-descent', not 'perceptorn' (did you mean 'perceptron'?)"
        ) {
            _ = try fields.choice("rule", among: ["perceptron", "gradient-descent"])
        }
        expectLessonError("lessons/03-circles.md:8:13: error: 'layers' in train cell should be a whole number, not the text 'x'") {
            _ = try fields.integers("layers", in: 1...100)
        }
        expectLessonError("lessons/03-circles.md:9:19: error: 'weights' in train cell has rows of different lengths: 2 and 1") {
            _ = try fields.matrix("weights")
        }
        expectLessonError("lessons/03-circles.md:4:1: error: missing key 'shuffle' in train cell") {
            _ = try fields.required("shuffle")
        }
    }

    /// Swift reads `1e309` as ∞, and `nan` and `inf` as they say: each is refused as what it is,
    /// never as "a number, not the number 1e309".
    @Test func numbersThatAreNotFiniteAreNamedForWhatTheyAre() throws {
        let fields = try reader("learning_rate: 1e309\nepochs: -1E400\nrule: nan\nweights: [[1, inf]]")
        expectLessonError(
            "lessons/03-circles.md:5:16: error: 'learning_rate' in train cell must be a finite number: 1e309 is past ±1.8e308, the largest a Double holds"
        ) {
            _ = try fields.number("learning_rate", in: 0...10)
        }
        expectLessonError(
            "lessons/03-circles.md:6:9: error: 'epochs' in train cell must be a finite number: -1E400 is past ±1.8e308, the largest a Double holds"
        ) {
            _ = try fields.number("epochs")
        }
        expectLessonError("lessons/03-circles.md:7:7: error: 'rule' in train cell must be a finite number, not 'nan'") {
            _ = try fields.number("rule")
        }
        expectLessonError("lessons/03-circles.md:8:15: error: 'weights' in train cell must be a finite number, not 'inf'") {
            _ = try fields.matrix("weights")
        }
    }
}
