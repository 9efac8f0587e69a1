import Testing
@testable import Report

@Suite struct ExerciseWritingTests {
    let exercise = ExerciseBlock(
        number: 2, question: "What is $a$ for $n = 0$?", hint: "Zero counts as firing.",
        answer: "$$a = 1$$", explanation: "The step fires at $n = 0$.")

    @Test func htmlShowsTheQuestionAndFoldsTheHintAndTheAnswer() {
        let html = HTMLWriter().html(for: .exercise(ExerciseBlock(number: 1, question: "Why?", hint: "Look.", answer: "Because.")))
        #expect(
            html == """
                <section class="exercise">
                <h3>Exercise 1</h3>
                <p>Why?</p>
                <details class="hint"><summary>Hint</summary>
                <p>Look.</p>
                </details>
                <details class="answer"><summary>Answer</summary>
                <p>Because.</p>
                </details>
                </section>
                """)
    }

    @Test func htmlPutsTheExplanationWithTheAnswerAndLeavesOutAMissingHint() {
        let html = HTMLWriter().html(for: .exercise(ExerciseBlock(number: 3, question: "Q", answer: "A", explanation: "E")))
        #expect(!html.contains("Hint"))
        #expect(html.hasSuffix("<details class=\"answer\"><summary>Answer</summary>\n<p>A</p>\n<p>E</p>\n</details>\n</section>"))
        #expect(!html.contains("<script"))
    }

    @Test func markdownFoldsTheHintAndTheAnswerInDetailsSections() {
        let markdown = MarkdownWriter().markdown(for: .exercise(exercise))
        #expect(
            markdown == """
                ### Exercise 2

                What is $`a`$ for $`n = 0`$?

                <details><summary>Hint</summary>

                Zero counts as firing.

                </details>

                <details><summary>Answer</summary>

                ```math
                a = 1
                ```

                The step fires at $`n = 0`$.

                </details>
                """)
    }

    @Test func markdownInsideTheSectionsCannotOpenOrCloseATag() {
        let hostile = ExerciseBlock(number: 1, question: "<script>x</script>", hint: "</details><img src=x>", answer: "</details>")
        let markdown = MarkdownWriter().markdown(for: .exercise(hostile))
        // The lesson's `<` are escaped (`\\<`), so the only tags are the writer's own lines.
        let unescaped = markdown.replacingOccurrences(of: "\\<", with: "")
        #expect(unescaped.split(separator: "\n").filter { $0.contains("<") } == [
            "<details><summary>Hint</summary>", "</details>", "<details><summary>Answer</summary>", "</details>",
        ])
        #expect(markdown.contains("\\</details>\\<img src=x>"))
    }

    @Test func theAnswerKeyListsEachChapterWithItsAnswersOpen() {
        let key = AnswerKey(
            title: "Book",
            chapters: [
                .init(title: "1. One", folder: "01-one", exercises: [exercise]),
                .init(title: "2. Two", folder: "02-two", exercises: [ExerciseBlock(number: 1, question: "See {chapter:01-one}.", answer: "7")]),
            ],
            chapterNumbers: ["01-one": "1", "02-two": "2"])
        let markdown = key.markdown()
        #expect(markdown.hasPrefix("# Book: answers to the exercises\n\nThe answers to the 2 exercises of the book"))
        #expect(markdown.contains("## 1\\. One\n\n[Open the chapter](01-one/README.md)\n\n### Exercise 2\n\nWhat is $`a`$ for $`n = 0`$?\n\n> **Answer.**"))
        #expect(markdown.contains("See [chapter 1](01-one/README.md)."))
        #expect(!markdown.contains("<details>"))
        #expect(markdown.contains("[All chapters](README.md)"))
        let html = key.html()
        #expect(html.contains("<link rel=\"stylesheet\" href=\"style.css\">"))
        #expect(html.contains("<a href=\"01-one/index.html\">chapter 1</a>"))
        #expect(!html.contains("<details"))
    }
}
