extension NotebookRuntime {
    /// Gradient descent on a function of x and y, with any optimizer's rule.
    static let walkSource = #"""
def walk(f, gradient, start, rate, steps, optimizer="gradient-descent", settings=None):
    """Gradient descent on f(x, y) from `start`: the optimizer's rule applied to the point
    θ = [x, y] as to a 1 × 2 weight matrix, with g = ∇f(θ). Returns the points (x₀, y₀), (x₁, y₁), …;
    a step whose point is not finite ends the walk."""
    theta = np.array([start], dtype=float)
    state = Optimizer(optimizer, settings or {}, [theta.shape])
    points = [tuple(theta[0])]
    for _ in range(steps):
        new = state.step([theta], [np.array([gradient(*theta[0])], dtype=float)], rate)
        if new is None:
            break
        theta = new[0]
        points.append(tuple(theta[0]))
    return points
"""#
}
