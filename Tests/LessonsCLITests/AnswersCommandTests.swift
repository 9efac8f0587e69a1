import Foundation
import Testing

/// `lessons answers` collects the exercises' answers of the published chapters into a key.
@Suite struct AnswersCommandTests {
    let helper = CommandLineTests()

    /// A perceptron chapter on `gate` with one exercise on its first update and one on a result.
    static func gateLesson(title: String, order: Int, gate: String) -> String {
        """
        ---
        title: \(title)
        order: \(order)
        ---
        ```{data}
        dataset: \(gate)
        ```

        ```{model}
        layers: [2, 1]
        activation: hardlimit
        init: zeros
        ```

        ```{train}
        rule: perceptron
        learning_rate: 1
        epochs: 20
        ```

        ```{exercise}
        question: What is $\\boldsymbol\\theta$ after the first sample?
        hint: $n = 0$ fires.
        answer: theta_new
        at: {epoch: 1, sample: 1}
        ```

        ```{exercise}
        question: Does the rule converge?
        result: converged
        explanation: \(gate) is linearly separable.
        ```

        """
    }

    @Test func theKeyCollectsTheExercisesOfTwoChaptersAndTrainsNothingTwice() throws {
        let folder = try helper.project([
            "01-and.md": Self.gateLesson(title: "AND", order: 1, gate: "and"),
            "02-or.md": Self.gateLesson(title: "OR", order: 2, gate: "or"),
            "03-prose.md": "---\ntitle: Prose\norder: 3\n---\nNo exercises here.\n",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try helper.run(["answers"], in: folder)
        #expect(first.status == 0, "\(first.standardError)")
        #expect(first.standardOutput.hasSuffix("Answer key: 4 exercises in 2 chapters; open \(folder.path)/output/answers.html\n"))
        let output = folder.appendingPathComponent("output")
        let key = try String(contentsOf: output.appendingPathComponent("answers.md"), encoding: .utf8)
        // AND: (0, 0) fires on zero weights, so e = −1 and only the bias drops. OR: the same.
        let and = """
            ## 1\\. AND

            [Open the chapter](01-and/README.md)

            ### Exercise 1

            What is $`\\boldsymbol\\theta`$ after the first sample?

            > **Answer.**
            > 
            > ```math
            > \\begin{bmatrix} -1 \\\\ 0 \\\\ 0 \\end{bmatrix}
            """
        #expect(key.contains(and), "\(key)")
        let and2 = key.range(of: "## 1\\. AND")!, or = try #require(key.range(of: "## 2\\. OR"))
        #expect(and2.lowerBound < or.lowerBound)
        #expect(key.contains("> Converged: **yes**\n> \n> and is linearly separable."))
        #expect(key.contains("> Converged: **yes**\n> \n> or is linearly separable."))
        #expect(!key.contains("Prose"))
        let html = try String(contentsOf: output.appendingPathComponent("answers.html"), encoding: .utf8)
        #expect(html.contains("<h2 id=\"1-and\">1. AND</h2>") || html.contains(">1. AND</h2>"))
        #expect(!html.contains("<script"))
        // Each chapter keeps its answers beside it, and its page folds them.
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("01-and/exercises.json").path))
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("03-prose/exercises.json").path))
        let page = try String(contentsOf: output.appendingPathComponent("01-and/index.html"), encoding: .utf8)
        #expect(page.contains("<details class=\"answer\"><summary>Answer</summary>"))

        let second = try helper.run(["answers"], in: folder)
        #expect(second.status == 0)
        #expect(second.standardOutput.hasPrefix("✓ 01-and: AND — epochs 6, converged: yes (unchanged, kept)\n✓ 02-or: OR — "))
        #expect(try String(contentsOf: output.appendingPathComponent("answers.md"), encoding: .utf8) == key)

        let one = try helper.run(["answers", "02-or"], in: folder)
        #expect(one.status == 0)
        let oneKey = try String(contentsOf: output.appendingPathComponent("answers.md"), encoding: .utf8)
        #expect(oneKey.contains("## 2\\. OR") && !oneKey.contains("## 1\\. AND"))
    }
}
