/// The lesson `lessons new` writes: short, valid, and runnable as it stands.
enum LessonTemplate {
    static func text(title: String) -> String {
        """
        ---
        title: \(title)
        order: 100
        seed: 1
        ---
        Write the chapter's prose here. Math goes between dollars: $a = \\sigma(x W + b)$.
        The cells below run top to bottom; `lessons/README.md` documents every cell kind.

        ```{data}
        dataset: xor
        ```

        ```{model}
        layers: [2, 2, 1]
        activation: sigmoid
        init: xavier
        ```

        ```{train}
        loss: binary-cross-entropy
        learning_rate: 1.0
        epochs: 2000
        ```

        """
    }
}
