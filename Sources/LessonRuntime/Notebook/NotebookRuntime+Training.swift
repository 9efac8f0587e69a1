extension NotebookRuntime {
    /// Losses, accuracy, schedules, the optimizers' rules and the gradient-descent trainer in numpy (`Sources/Engine/Losses`, `Optimizers`, `Training`).
    static let trainingSource = #"""
def loss_per_sample(loss, a, n, y, activation):
    """Each sample's loss, summed over its outputs (Sources/Engine/Losses/Loss.swift)."""
    name = activation[0]
    if loss == "squared-error":
        return ((y - a) * (y - a)).sum(axis=1)
    if loss == "half-squared-error":
        return ((y - a) * (y - a)).sum(axis=1) * 0.5
    if loss == "binary-cross-entropy":
        if name == "sigmoid":  # from the net input, finite for every n
            return (np.maximum(n, 0) - n * y + np.log1p(np.exp(-np.abs(n)))).sum(axis=1)
        p = np.clip(a, 1e-15, 1 - 1e-15)
        return (-(y * np.log(p) + (1 - y) * np.log(1 - p))).sum(axis=1)
    if loss == "categorical-cross-entropy":
        if name == "softmax":
            shifted = n - n.max(axis=1, keepdims=True)
            log_a = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        else:
            log_a = np.log(np.maximum(a, 1e-15))
        return np.where(y == 0, 0.0, -y * log_a).sum(axis=1)
    raise ValueError(f"unknown loss {loss}")


def loss_value(loss, a, n, y, activation):
    """The mean loss over the samples."""
    return loss_per_sample(loss, a, n, y, activation).sum() / y.shape[0]


def output_sensitivity(loss, a, n, y, activation):
    """∂Lᵢ/∂n of the output layer: a − y for sigmoid with binary and softmax with categorical
    cross-entropy, otherwise ∂L/∂a through the activation."""
    name = activation[0]
    if (loss, name) in (("binary-cross-entropy", "sigmoid"), ("categorical-cross-entropy", "softmax")):
        return a - y
    if loss == "squared-error":
        g = (y - a) * -2
    elif loss == "half-squared-error":
        g = a - y
    elif loss == "binary-cross-entropy":
        p = np.clip(a, 1e-15, 1 - 1e-15)
        g = (p - y) / (p * (1 - p))
    else:
        g = np.where(y == 0, 0.0, -y / np.maximum(a, 1e-15))
    return activation_backward(activation, g, n, a)


def threshold(activation, y):
    """Where one output splits into two classes: 0.5 for outputs in [0, 1], else the middle of the targets."""
    if activation[0] in ("sigmoid", "hardlimit", "softmax"):
        return 0.5
    return 0.0 if (y < 0).any() else 0.5


def correct_count(a, y, cut):
    """Samples classified right: one output split at `cut`, several by their largest entry."""
    if a.shape[1] == 1:
        return int(((a >= cut) == (y >= cut)).sum())
    return int((a.argmax(axis=1) == y.argmax(axis=1)).sum())


def penalty(network, weight_decay, l1):
    """λ/2 Σ‖W‖² + λ₁ Σ|W| over the weights (not the biases)."""
    if weight_decay == 0 and l1 == 0:
        return 0.0
    weights = [layer["W"] for layer in network if layer["kind"] == "dense"]
    squares = sum(float((W * W).sum()) for W in weights)
    absolutes = sum(float(np.abs(W).sum()) for W in weights)
    return weight_decay / 2 * squares + l1 * absolutes


def learning_rate(schedule, base, epoch, epochs):
    """η of `epoch` (from 1) under the schedule (Sources/Engine/Training/LearningRateSchedule.swift)."""
    kind, warmup = schedule["kind"], schedule.get("warmup", 0)
    if epoch <= warmup:
        return base * epoch / warmup
    later, count = epoch - warmup, max(1, epochs - warmup)

    def power(x, n):  # by repeated multiplication, as the engine does
        result = 1.0
        for _ in range(max(0, n)):
            result *= x
        return result

    if kind == "constant":
        return base
    if kind == "step":
        return base * power(schedule["factor"], (later - 1) // max(1, schedule["every"]))
    if kind == "exponential":
        return base * power(schedule["rate"], later - 1)
    if kind == "cosine":
        return schedule["minimum"] + (base - schedule["minimum"]) * (1 + math.cos(math.pi * (later - 1) / count)) / 2
    raise ValueError(f"unknown schedule {kind}")


class Optimizer:
    """An optimizer's rule and its state per parameter (Sources/Engine/Optimizers and
    MatrixKernels/update.c, whose order of operations this keeps)."""

    STATES = {"gradient-descent": 0, "momentum": 1, "nesterov": 1, "rmsprop": 1, "adam": 2}

    def __init__(self, name, settings, shapes):
        self.name, self.settings, self.t = name, settings, 0
        self.states = [[np.zeros(shape) for _ in range(self.STATES[name])] for shape in shapes]
        self.first_power = self.second_power = 1.0

    def step(self, values, gradients, rate):
        """The new values of every parameter (the states updated), or None when one is not finite."""
        self.t += 1
        s = self.settings
        if self.name == "adam":  # 1 − β₁ᵗ and 1 − β₂ᵗ, the powers by repeated multiplication
            self.first_power *= s["beta1"]
            self.second_power *= s["beta2"]
        proposals, states = [], []
        for w, g, state in zip(values, gradients, self.states):
            if self.name == "gradient-descent":
                new, state = w + -rate * g, []
            elif self.name == "momentum":
                v = state[0] * s["momentum"] + g
                new, state = w + -rate * v, [v]
            elif self.name == "nesterov":
                v = s["momentum"] * state[0] + g
                new, state = w - rate * (g + s["momentum"] * v), [v]
            elif self.name == "rmsprop":
                square = s["rho"] * state[0] + (1 - s["rho"]) * g * g
                new, state = w + -rate * (g / (np.sqrt(square) + s["epsilon"])), [square]
            elif self.name == "adam":
                m = s["beta1"] * state[0] + (1 - s["beta1"]) * g
                v = s["beta2"] * state[1] + (1 - s["beta2"]) * g * g
                step = (m / (1 - self.first_power)) / (np.sqrt(v / (1 - self.second_power)) + s["epsilon"])
                new, state = w + -rate * step, [m, v]
            else:
                raise ValueError(f"unknown optimizer {self.name}")
            proposals.append(new)
            states.append(state)
        if not all(np.isfinite(p).all() for p in proposals):
            return None
        self.states = states
        return proposals


class Diverged(Exception):
    """Training left the finite numbers, or its loss grew a thousandfold; `history` holds the epochs before."""

    def __init__(self, epoch, reason, history):
        super().__init__(f"diverged in epoch {epoch}: {reason}")
        self.epoch, self.history = epoch, history


def evaluate(network, x, y, loss, weight_decay=0.0, l1=0.0):
    """The mean loss (with the penalty) and the accuracy, in evaluation."""
    a, caches = forward(network, x)
    output = network[-1]
    value = loss_value(loss, a, caches[-1]["n"], y, output["activation"]) + penalty(network, weight_decay, l1)
    return value, correct_count(a, y, threshold(output["activation"], y)) / y.shape[0]


def train(network, data, loss, optimizer, settings, rate, epochs, batch_size=None, shuffle=True, schedule=None,
          weight_decay=0.0, l1=0.0, patience=None, seed=0):
    """Gradient descent as the engine's trainer runs it (Sources/Engine/Training/GradientDescentTrainer.swift):
    per epoch a new order of the samples from the stream "shuffle" of `seed` (when shuffled in
    mini-batches), one update per batch, dropout's masks from the stream "layers"; the loss and
    accuracy of each epoch are those of the batches before their updates. Trains `network` in
    place; returns the history (a dict per epoch), the epoch early stopping kept and whether it
    stopped the run before its last epoch."""
    x, y = data["training"]
    validation = data.get("validation")
    count = x.shape[0]
    size = count if batch_size is None else max(1, min(batch_size, count))
    reshuffles = shuffle and size < count
    shuffler, masks = SeededGenerator(seed, "shuffle"), SeededGenerator(seed, "layers")
    slots = parameters(network)
    state = Optimizer(optimizer, settings, [layer[name].shape for layer, name in slots])
    schedule = schedule or {"kind": "constant"}
    output = network[-1]
    cut = threshold(output["activation"], y)
    history, best, stopped = [], None, False
    for epoch in range(1, epochs + 1):
        eta = learning_rate(schedule, rate, epoch, epochs)
        order = shuffler.permutation(count) if reshuffles else None
        total, correct = 0.0, 0
        for start in range(0, count, size):
            rows = order[start:start + size] if order is not None else slice(start, start + size)
            xb, yb = x[rows], y[rows]
            a, caches = forward(network, xb, masks)
            value = loss_value(loss, a, caches[-1]["n"], yb, output["activation"]) + penalty(network, weight_decay, l1)
            if not math.isfinite(value):
                raise Diverged(epoch, f"the loss is {value}", history)
            gradients = backward(network, caches, output_sensitivity(loss, a, caches[-1]["n"], yb, output["activation"]))
            for index, (layer, name) in enumerate(slots):
                if name == "W" and weight_decay != 0:
                    gradients[index] = gradients[index] + weight_decay * layer["W"]
                if name == "W" and l1 != 0:
                    gradients[index] = gradients[index] + l1 * np.sign(layer["W"])
            new = state.step([layer[name] for layer, name in slots], gradients, eta)
            if new is None:
                raise Diverged(epoch, "a parameter is not finite", history)
            for (layer, name), value_ in zip(slots, new):
                layer[name] = value_
            for layer, cache in zip(network, caches):  # batch normalization's running averages
                if layer["kind"] == "batch-norm":
                    keep = layer["momentum"]
                    layer["running_mean"] = keep * layer["running_mean"] + (1 - keep) * cache["mean"]
                    layer["running_var"] = keep * layer["running_var"] + (1 - keep) * cache["variance"]
            total += value * yb.shape[0]
            correct += correct_count(a, yb, cut)
        record = {"epoch": epoch, "loss": total / count, "accuracy": correct / count}
        if validation is not None:
            record["validation_loss"], record["validation_accuracy"] = evaluate(network, *validation, loss, weight_decay, l1)
        history.append(record)
        if history[0]["loss"] > 0 and record["loss"] > 1000 * history[0]["loss"]:
            raise Diverged(epoch, f"the loss grew from {history[0]['loss']:.4g} to {record['loss']:.4g}", history)
        if patience is not None:
            if best is None or record["validation_loss"] < best[0]:
                best = (record["validation_loss"], epoch, copy_network(network))
            elif epoch - best[1] >= patience:
                stopped = True
                break
    if best is not None:
        network[:] = best[2]
    return {"history": history, "best_epoch": best[1] if best else None, "stopped_early": stopped}


def regression_scores(a, y):
    """The mean squared error over samples and outputs, and R² averaged over the outputs (None when a target is constant)."""
    mse = float(((y - a) * (y - a)).sum() / y.size)
    scores = []
    for column in range(y.shape[1]):
        target, output = y[:, column], a[:, column]
        spread = float(((target - target.sum() / len(target)) ** 2).sum())
        if spread <= 0:
            return mse, None
        scores.append(1 - float(((target - output) ** 2).sum()) / spread)
    return mse, sum(scores) / len(scores)
"""#
}
