extension NotebookRuntime {
    /// Layers, activations and the forward and backward passes in numpy (`Sources/Engine/Layers`, `Activations`, `Network`), and the initializers.
    static let networkSource = #"""
def activate(activation, n):
    """a = f(n), as the engine computes it (Sources/Engine/Activations)."""
    name, parameter = activation
    if name == "hardlimit":
        return np.where(n >= 0, 1.0, 0.0)
    if name == "linear":
        return n.copy()
    if name == "sigmoid":
        e = np.exp(-np.abs(n))
        return np.where(n >= 0, 1.0, e) / (1 + e)
    if name == "tanh":
        return np.tanh(n)
    if name == "relu":
        return np.where(n > 0, n, 0.0)
    if name == "leaky-relu":
        return np.where(n > 0, n, parameter * n)
    if name == "elu":
        return np.where(n > 0, n, parameter * np.expm1(np.minimum(n, 0)))
    if name == "softmax":
        e = np.exp(n - n.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)
    raise ValueError(f"unknown activation {name}")


def activation_backward(activation, g, n, a):
    """∂L/∂n from g = ∂L/∂a: g ⊙ f'(n), or for softmax aᵢ (gᵢ − Σⱼ aⱼ gⱼ) in each row."""
    name, parameter = activation
    if name == "hardlimit":
        return g * 0
    if name == "linear":
        return g * 1
    if name == "sigmoid":
        return g * (a * (1 - a))
    if name == "tanh":
        return g * (1 - a * a)
    if name == "relu":
        return g * np.where(n > 0, 1.0, 0.0)
    if name == "leaky-relu":
        return g * np.where(n > 0, 1.0, parameter)
    if name == "elu":
        return g * np.where(n > 0, 1.0, a + parameter)
    if name == "softmax":
        return a * (g - (g * a).sum(axis=1, keepdims=True))
    raise ValueError(f"unknown activation {name}")


def dense(W, b, activation):
    """A dense layer: n = a_prev W + b, a = f(n); W is inputs × units, b is 1 × units."""
    return {"kind": "dense", "W": np.array(W, dtype=float), "b": np.array(b, dtype=float).reshape(1, -1),
            "activation": activation}


def dropout(rate):
    """Inverted dropout: in training each entry is kept with probability 1 − rate and scaled by 1/(1 − rate)."""
    return {"kind": "dropout", "rate": rate}


def batch_norm(units, activation, momentum=0.9, epsilon=1e-5):
    """Batch normalization of the dense layer before it, then its activation; γ = 1, β = 0 to start."""
    return {"kind": "batch-norm", "gamma": np.ones((1, units)), "beta": np.zeros((1, units)), "activation": activation,
            "momentum": momentum, "epsilon": epsilon, "running_mean": np.zeros((1, units)),
            "running_var": np.ones((1, units))}


def conv(W, b, activation, shape, size, padding):
    """A convolution with stride 1 on images of `shape` (channels, height, width), each sample a row
    channel by channel, row by row: each output pixel is its size × size window (with `padding`
    zeros around the image) times the filter, summed, plus the bias; W is (channels·size²) × filters,
    a column per filter, b is 1 × filters."""
    return {"kind": "conv", "W": np.array(W, dtype=float), "b": np.array(b, dtype=float).reshape(1, -1),
            "activation": activation, "shape": tuple(shape), "size": size, "padding": padding}


def pool(shape, size):
    """Max pooling of images of `shape`: each size × size tile (stride size) replaced by its largest
    entry, the first largest in reading order on a tie; rows and columns that fill no tile are dropped."""
    return {"kind": "pool", "shape": tuple(shape), "size": size}


def conv_patches(layer, x):
    """Every window of every image, one row per output pixel (image by image, row by row), and the output's height and width."""
    (c, h, w), k, p = layer["shape"], layer["size"], layer["padding"]
    images = np.pad(x.reshape(-1, c, h, w), ((0, 0), (0, 0), (p, p), (p, p)))
    windows = np.lib.stride_tricks.sliding_window_view(images, (k, k), axis=(2, 3))  # m, c, oh, ow, k, k
    m, _, oh, ow = windows.shape[:4]
    return windows.transpose(0, 2, 3, 1, 4, 5).reshape(m * oh * ow, c * k * k), oh, ow


def conv_input_gradient(layer, window_gradients, m, oh, ow):
    """∂L/∂input from each window's gradient (rows as in `conv_patches`): added back onto the pixels it covers."""
    (c, h, w), k, p = layer["shape"], layer["size"], layer["padding"]
    windows = window_gradients.reshape(m, oh, ow, c, k, k)
    padded = np.zeros((m, c, h + 2 * p, w + 2 * p))
    for u in range(k):
        for v in range(k):
            padded[:, :, u:u + oh, v:v + ow] += windows[:, :, :, :, u, v].transpose(0, 3, 1, 2)
    return padded[:, :, p:p + h, p:p + w].reshape(m, -1)


def pool_forward(layer, x):
    """The pooled images and, for each output entry, the flat index (within its tile) of the entry it kept."""
    (c, h, w), k = layer["shape"], layer["size"]
    oh, ow = h // k, w // k
    tiles = x.reshape(-1, c, h, w)[:, :, :oh * k, :ow * k].reshape(-1, c, oh, k, ow, k).transpose(0, 1, 2, 4, 3, 5)
    tiles = tiles.reshape(-1, c, oh, ow, k * k)
    chosen = tiles.argmax(axis=4)  # the first largest in reading order
    return np.take_along_axis(tiles, chosen[..., None], axis=4)[..., 0].reshape(x.shape[0], -1), chosen


def pool_backward(layer, chosen, g):
    """∂L/∂input: each output's gradient at the entry its tile kept, 0 elsewhere."""
    (c, h, w), k = layer["shape"], layer["size"]
    m, oh, ow = g.shape[0], h // k, w // k
    tiles = np.zeros((m, c, oh, ow, k * k))
    np.put_along_axis(tiles, chosen[..., None], g.reshape(m, c, oh, ow, 1), axis=4)
    full = np.zeros((m, c, h, w))
    full[:, :, :oh * k, :ow * k] = tiles.reshape(m, c, oh, ow, k, k).transpose(0, 1, 2, 4, 3, 5).reshape(m, c, oh * k, ow * k)
    return full.reshape(m, -1)


# Each layer's trained parameters, in the engine's order (W, b; γ, β).
PARAMETERS = {"dense": ["W", "b"], "conv": ["W", "b"], "batch-norm": ["gamma", "beta"], "dropout": [], "pool": []}


def parameters(network):
    """Every (layer, name) pair of the network's parameters, layer by layer."""
    return [(layer, name) for layer in network for name in PARAMETERS[layer["kind"]]]


def copy_network(network):
    return [{key: value.copy() if isinstance(value, np.ndarray) else value for key, value in layer.items()}
            for layer in network]


def forward(network, x, generator=None):
    """The forward pass; training when `generator` (the source of dropout's masks) is given.
    Returns the output and what each layer kept for the backward pass."""
    caches, a = [], x
    for layer in network:
        kind, cache = layer["kind"], {"input": a}
        if kind == "dense":
            cache["n"] = a @ layer["W"] + layer["b"]
            a = activate(layer["activation"], cache["n"])
        elif kind == "conv":
            patches, oh, ow = conv_patches(layer, a)
            cache.update(patches=patches, oh=oh, ow=ow)
            # One row per output pixel, a column per filter, turned back into channel-by-channel rows.
            n = patches @ layer["W"] + layer["b"]
            cache["n"] = n.reshape(a.shape[0], oh * ow, -1).transpose(0, 2, 1).reshape(a.shape[0], -1)
            a = activate(layer["activation"], cache["n"])
        elif kind == "pool":
            a, cache["chosen"] = pool_forward(layer, a)
        elif kind == "dropout":
            rate = layer["rate"]
            if generator is not None and rate > 0:
                scale = 1 / (1 - rate)
                mask = np.array([0.0 if generator.uniform() < rate else 1.0 for _ in range(a.size)]).reshape(a.shape)
            else:
                scale, mask = 1.0, np.ones(a.shape)
            cache["mask"], cache["scale"] = mask, scale
            a = mask * a * scale
        elif kind == "batch-norm":
            if generator is not None:
                mean = a.sum(axis=0, keepdims=True) / a.shape[0]
                variance = ((a - mean) * (a - mean)).sum(axis=0, keepdims=True) / a.shape[0]
            else:
                mean, variance = layer["running_mean"], layer["running_var"]
            inverse = 1 / np.sqrt(variance + layer["epsilon"])
            xhat = (a - mean) * inverse
            cache.update(mean=mean, variance=variance, inverse=inverse, xhat=xhat)
            cache["n"] = layer["gamma"] * xhat + layer["beta"]
            a = activate(layer["activation"], cache["n"])
        else:
            raise NotImplementedError(f"the notebook cannot run a {kind} layer")
        cache["a"] = a
        caches.append(cache)
    return a, caches


def backward(network, caches, sensitivity):
    """The backward pass from the output layer's sensitivity ∂Lᵢ/∂n: each layer's parameter
    gradients averaged over the batch, in `parameters` order."""
    m = caches[0]["input"].shape[0]
    gradients = {}
    s = sensitivity
    for k in range(len(network) - 1, -1, -1):
        layer, cache = network[k], caches[k]
        kind = layer["kind"]
        if kind == "dense":
            gradients[k] = [(cache["input"].T @ s) / m, s.sum(axis=0, keepdims=True) / m]
            g = s @ layer["W"].T if k > 0 else None
        elif kind == "conv":
            oh, ow = cache["oh"], cache["ow"]
            pixels = s.reshape(m, -1, oh * ow).transpose(0, 2, 1).reshape(m * oh * ow, -1)  # a row per output pixel
            gradients[k] = [(cache["patches"].T @ pixels) / m, pixels.sum(axis=0, keepdims=True) / m]
            g = conv_input_gradient(layer, pixels @ layer["W"].T, m, oh, ow) if k > 0 else None
        elif kind == "pool":
            g = pool_backward(layer, cache["chosen"], s)
        elif kind == "dropout":
            g = cache["mask"] * s * cache["scale"]
        elif kind == "batch-norm":
            product = s * cache["xhat"]
            gradients[k] = [product.sum(axis=0, keepdims=True) / m, s.sum(axis=0, keepdims=True) / m]
            mean_s, mean_product = s.sum(axis=0, keepdims=True) / m, product.sum(axis=0, keepdims=True) / m
            g = layer["gamma"] * cache["inverse"] * (s - mean_s - cache["xhat"] * mean_product)
        if k > 0:
            before = network[k - 1]
            # The layer before turns ∂L/∂a into its own sensitivity through its activation.
            s = g if before["kind"] in ("dropout", "pool") else activation_backward(
                before["activation"], g, caches[k - 1]["n"], caches[k - 1]["a"])
    return [gradient for k in sorted(gradients) for gradient in gradients[k]]


def predict(network, x):
    """The network's output in evaluation (dropout off, batch normalization's running averages)."""
    return forward(network, x)[0]


def draw_weights(init, inputs, outputs, generator):
    """An inputs × outputs weight matrix drawn row by row as the engine draws it
    (Sources/Engine/Network/Initializer.swift); `init` is (name, setting, setting)."""
    name = init[0]
    if name == "zeros":
        return np.zeros((inputs, outputs))
    if name == "uniform":
        draw = lambda: generator.uniform(init[1], init[2])
    elif name == "normal":
        draw = lambda: generator.normal(init[1], init[2])
    elif name == "xavier":
        limit = math.sqrt(6 / (inputs + outputs))
        draw = lambda: generator.uniform(-limit, limit)
    elif name == "xavier-normal":
        deviation = math.sqrt(2 / (inputs + outputs))
        draw = lambda: generator.normal(0.0, deviation)
    elif name == "he":
        deviation = math.sqrt(2 / max(inputs, 1))
        draw = lambda: generator.normal(0.0, deviation)
    elif name == "he-uniform":
        limit = math.sqrt(6 / max(inputs, 1))
        draw = lambda: generator.uniform(-limit, limit)
    else:
        raise ValueError(f"unknown initializer {name}")
    return np.array([draw() for _ in range(inputs * outputs)]).reshape(inputs, outputs)


def check_weights(network, sizes):
    """Compares Σ|W| of each dense or convolution layer with the engine's, to 10⁻¹²: the drawn weights are the chapter's."""
    for layer, expected in zip([layer for layer in network if layer["kind"] in ("dense", "conv")], sizes):
        found = float(np.abs(layer["W"]).sum())
        assert abs(found - expected) <= 1e-12 * max(1.0, abs(expected)), f"drawn weights differ: Σ|W| {found} ≠ {expected}"
"""#
}
