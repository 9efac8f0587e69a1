import Testing
@testable import Report

@Suite struct MarkdownWriterTests {
    @Test func writesEveryBlockKind() {
        let document = ReportDocument(
            title: "The perceptron",
            blocks: [
                .heading(level: 2, text: "AND"),
                .prose("A neuron fires when $n \\ge 0$."),
                .math("a = f(n)"),
                .relation(RelationBlock(symbolic: "a = 1", numeric: "1 = 1", step: "epoch 1, sample 4", check: .holds(largestDeviation: 0, tolerance: 1e-9))),
                .table(ReportTable(headers: ["x", "a|b"], rows: [["0", "1"]], numericColumns: [1])),
                .figure(ReportFigure(file: "fig-01-and.png", caption: "The AND data", alternativeText: "four points")),
                .note("Ran on the bundled subset."),
                .error(ReportError(position: "lessons/x.md:3:1", message: "unknown key 'foo'")),
            ],
            footer: ["seed 7"])
        #expect(MarkdownWriter().markdown(for: document) == """
            # The perceptron

            ## AND

            A neuron fires when $`n \\ge 0`$.

            ```math
            a = f(n)
            ```

            ```math
            a = 1
            ```

            ```math
            1 = 1
            ```

            > ✓ Checked at epoch 1, sample 4: both sides are equal in every entry (allowed: 10⁻⁹ of the size of the terms that formed each entry).

            | x | a\\|b |
            | --- | ---: |
            | 0 | 1 |

            ![four points](fig-01-and.png)

            *The AND data*

            > Ran on the bundled subset.

            > **Error** `lessons/x.md:3:1`: unknown key 'foo'

            ---

            [All chapters](../README.md)

            seed 7

            """)
    }
}
