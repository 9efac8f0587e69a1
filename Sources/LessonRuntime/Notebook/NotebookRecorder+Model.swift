import Engine

extension NotebookRecorder {
    /// A model cell's network as `network`, from the starting weights the cell drew.
    func modelCode(_ cell: ModelCell, streams: [String], in session: Session) -> String? {
        guard let network = session.network else { return nil }
        let stream = streams.first { $0.hasPrefix("weights#") }
        var lines = ["# The model: \(Self.describe(network))."]
        let (code, gap) = networkCode(network, initializer: cell.initializer, stream: stream, name: "network")
        networkGap = gap
        if gap != nil { return (lines + code).joined(separator: "\n") }
        lines.append(
            cell.initializer.map { "# Its starting weights, drawn by the engine with \(Self.python($0)) from the chapter's seed:" }
                ?? "# Its starting weights, as the cell gives them:")
        lines += code
        return lines.joined(separator: "\n")
    }

    /// `2-3-1: dense (sigmoid), dense (sigmoid)`.
    static func describe(_ network: Network) -> String {
        network.sizes.map(String.init).joined(separator: "-") + ": "
            + network.layers.map { layer in
                if let dense = layer as? DenseLayer { return "dense (\(dense.activation))" }
                return type(of: layer).name
            }.joined(separator: ", ")
    }

    /// Python that sets `name` to `network` (with the weights it starts from), and why it cannot
    /// when one of its layers is not written in numpy yet. Small networks' weights are embedded;
    /// a larger one's are drawn again from `stream` with `initializer` and checked by their sums.
    func networkCode(_ network: Network, initializer: Initializer?, stream: String?, name: String) -> (lines: [String], gap: String?) {
        parts.insert(.network)
        let known: [any Layer.Type] = [DenseLayer.self, DropoutLayer.self, BatchNormLayer.self, ConvolutionLayer.self, MaxPoolingLayer.self]
        if let unknown = network.layers.first(where: { layer in !known.contains { $0 == type(of: layer) } }) {
            let kind = type(of: unknown).name
            let layers = "\(kind) layers"
            let gap = "networks with \(layers): the numpy code has dense, dropout, batch-norm, convolution and pooling layers only, so the network \(Self.describe(network)) is not built, trained or evaluated, and the numbers of its training and evaluations are not computed"
            if !gaps.contains(gap) { gaps.append(gap) }
            return (["# Not reproduced: " + gap + ".", "\(name) = None"], "the network has \(layers), which the numpy code does not have (see the end of the notebook)")
        }
        let draws = network.parameterCount > Self.embeddedParameterLimit && initializer != nil && stream != nil
        var lines = [String]()
        if draws, let stream {
            lines.append("# \(network.parameterCount) weights and biases: too many to embed, so they are drawn again with the engine's")
            lines.append("# generator and initializer, from the stream the model cell drew them from, and checked by their sums.")
            lines.append("generator = SeededGenerator(SEED, \(PythonLiteral.string(stream)))")
        }
        lines.append("\(name) = [")
        for layer in network.layers {
            switch layer {
            case let dense as DenseLayer:
                let weights = draws
                    ? "draw_weights(\(Self.python(initializer!)), \(dense.inputCount), \(dense.outputCount), generator)"
                    : PythonLiteral.matrix(dense.weights, indent: "        ")
                lines.append("    dense(")
                lines.append("        \(weights),")
                lines.append("        \(PythonLiteral.matrix(dense.bias, indent: "        ")),")
                lines.append("        \(Self.python(dense.activation))),")
            case let convolution as ConvolutionLayer:
                let weights = draws
                    ? "draw_weights(\(Self.python(initializer!)), \(convolution.weights.rows), \(convolution.filters), generator)"
                    : PythonLiteral.matrix(convolution.weights, indent: "        ")
                let shape = "(\(convolution.input.channels), \(convolution.input.height), \(convolution.input.width))"
                lines.append("    conv(")
                lines.append("        \(weights),")
                lines.append("        \(PythonLiteral.matrix(convolution.bias, indent: "        ")),")
                lines.append("        \(Self.python(convolution.activation)), \(shape), \(convolution.size), \(convolution.padding)),")
            case let pooling as MaxPoolingLayer:
                lines.append("    pool((\(pooling.input.channels), \(pooling.input.height), \(pooling.input.width)), \(pooling.size)),")
            case let dropout as DropoutLayer:
                lines.append("    dropout(\(PythonLiteral.number(dropout.rate))),")
            case let norm as BatchNormLayer:
                lines.append(
                    "    batch_norm(\(norm.outputCount), \(Self.python(norm.activation)), momentum=\(PythonLiteral.number(norm.momentum)), epsilon=\(PythonLiteral.number(norm.epsilon))),")
            default:
                break
            }
        }
        lines.append("]")
        if draws {
            let sums = network.layers.compactMap { layer -> Double? in
                guard layer is DenseLayer || layer is ConvolutionLayer else { return nil }
                return layer.parameter(at: 0).values.reduce(0) { $0 + abs($1) }
            }
            lines.append("check_weights(\(name), [" + sums.map(PythonLiteral.number).joined(separator: ", ") + "])")
        }
        return (lines, nil)
    }

    /// `("sigmoid", None)`, `("leaky-relu", 0.01)`.
    static func python(_ activation: Activation) -> String {
        "(\(PythonLiteral.string(activation.name)), \(activation.parameter.map(PythonLiteral.number) ?? "None"))"
    }

    /// `("he",)`, `("uniform", -1, 1)`.
    static func python(_ initializer: Initializer) -> String {
        switch initializer {
        case .zeros: "(\"zeros\",)"
        case let .uniform(low, high): "(\"uniform\", \(PythonLiteral.number(low)), \(PythonLiteral.number(high)))"
        case let .normal(mean, deviation): "(\"normal\", \(PythonLiteral.number(mean)), \(PythonLiteral.number(deviation)))"
        case .xavierUniform: "(\"xavier\",)"
        case .xavierNormal: "(\"xavier-normal\",)"
        case .heNormal: "(\"he\",)"
        case .heUniform: "(\"he-uniform\",)"
        }
    }
}
