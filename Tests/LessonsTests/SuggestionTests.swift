import Testing
@testable import Book
@testable import LessonFormat
@testable import LessonRuntime
import Suggestions

@Suite struct SuggestionTests {
    @Test(arguments: [
        ("kitten", "sitting", 3), ("trian", "train", 1), ("learnig_rate", "learning_rate", 1), ("", "abc", 3),
        ("epochs", "epochs", 0),
    ])
    func editDistance(_ a: String, _ b: String, _ distance: Int) {
        #expect(a.editDistance(to: b) == distance)
        #expect(b.editDistance(to: a) == distance)
    }

    @Test func suggestsOnlyCloseCandidates() {
        let keys = ["rule", "learning_rate", "epochs", "batch_size"]
        #expect(suggestion(for: "learnig_rate", among: keys) == "learning_rate")
        #expect(suggestion(for: "Epochs", among: keys) == "epochs")
        #expect(suggestion(for: "momentum", among: keys) == nil)
    }

    /// Found by the fuzzer: a plot cell whose `kind` was 262,144 characters took 5 s (release)
    /// to find no suggestion, an edit-distance table of a row per character for every choice.
    @Test func aVeryLongWordIsComparedInNoTime() {
        let word = String(repeating: "relu", count: 50_000)
        let choices = ["sigmoid", "relu", "tanh", "linear", "softmax", "hardlimit"]
        let clock = ContinuousClock()
        var found: String?
        let duration = clock.measure { found = suggestion(for: word, among: choices) }
        #expect(found == nil)
        #expect(duration < .seconds(1), "\(duration)")
    }
}

