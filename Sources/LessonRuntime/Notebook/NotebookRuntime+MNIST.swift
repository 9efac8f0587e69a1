extension NotebookRuntime {
    /// Reading MNIST's IDX files, and a data cell's validation split.
    static let mnistSource = #"""
def read_idx(path):
    """An IDX file of MNIST (gzip-compressed): images as rows of 784 bytes, or labels."""
    with gzip.open(path, "rb") as file:
        data = file.read()
    dimensions = data[3]
    shape = struct.unpack(">" + "I" * dimensions, data[4:4 + 4 * dimensions])
    values = np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dimensions)
    return values.reshape(shape[0], -1) if dimensions > 1 else values


def mnist(part, rows):
    """The MNIST images at `rows` of `part` ("train" or "t10k") as pixels in [0, 1], with one-hot targets."""
    images = read_idx(os.path.join(MNIST_DIR, f"{part}-images-idx3-ubyte.gz"))
    labels = read_idx(os.path.join(MNIST_DIR, f"{part}-labels-idx1-ubyte.gz"))
    x = images[rows].astype(float) * (1.0 / 255.0)
    return x, np.eye(10)[labels[rows]]


def hold_out(samples, count, generator):
    """Splits (x, y) as a data cell's `validation` does: a random order of the rows, the first
    `count` of it held out; both parts keep the rows' order."""
    x, y = samples
    order = generator.permutation(x.shape[0])
    held, kept = sorted(order[:count]), sorted(order[count:])
    return (x[kept], y[kept]), (x[held], y[held])
"""#
}
