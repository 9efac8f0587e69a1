extension NotebookRuntime {
    /// The perceptron rule (`Sources/Engine/Training/PerceptronRule.swift`).
    static let perceptronSource = #"""
def perceptron(layer, x, y, rate, epochs):
    """The perceptron rule on one hard-limit layer, one sample at a time in order:
    e = y − a, W ← W + η xᵀe, b ← b + η e; it stops after the first epoch without a mistake.
    Returns the mistakes of each epoch."""
    mistakes = []
    for epoch in range(1, epochs + 1):
        errors = 0
        for i in range(x.shape[0]):
            xi, yi = x[i:i + 1], y[i:i + 1]
            a = activate(layer["activation"], xi @ layer["W"] + layer["b"])
            error = yi - a
            layer["W"] = layer["W"] + (xi.T @ error) * rate
            layer["b"] = layer["b"] + error * rate
            errors += int((error != 0).any())
        mistakes.append(errors)
        if errors == 0:
            break
    return mistakes
"""#
}
