import MatrixKernels

/// A small network of logistic layers over a large batch (the circles chapter's 2-3-1 over
/// 1,000 points) spends its pass in many short steps. Instead of one thread running them in
/// turn, the two threads take half of the batch each through the whole pass, then the
/// gradients of alternate layers (`mk_logistic_pass`). The bits are those of `forward` and
/// `backward`, which a test checks.
extension Network {
    /// Whether `passInHalves` applies to a batch of `rows`: two threads, a batch of at least
    /// 256 rows, and layers that are all logistic with at most 16 inputs and outputs, trained
    /// with binary cross-entropy, every product over the batch direct (so that half the rows
    /// are summed as the whole batch would be).
    func passesInHalves(rows: Int, loss: Loss) -> Bool {
        isSmallLogistic(loss: loss) && halvesFit(rows: rows)
    }

    /// Whether every layer is a dense logistic layer of at most 16 inputs and outputs, trained
    /// with binary cross-entropy: the part of `passesInHalves` that training never changes.
    func isSmallLogistic(loss: Loss) -> Bool {
        loss == .binaryCrossEntropy && layers.allSatisfy { any in
            guard let layer = any as? DenseLayer else { return false }
            return layer.activation == .sigmoid && (1...16).contains(layer.inputCount) && (1...16).contains(layer.outputCount)
        }
    }

    /// The rest of `passesInHalves`, for a small logistic network: two threads, at least 256
    /// rows, every product over the batch direct. Reads the layers' sizes only, without a cast.
    func halvesFit(rows: Int) -> Bool {
        guard Matrix.productThreadCount > 1, rows >= 256 else { return false }
        return layers.allSatisfy { layer in
            let (inputs, outputs) = (layer.inputCount, layer.outputCount)
            return mk_dgemm_is_direct(rows, outputs, inputs) != 0 && mk_dgemm_is_direct(rows, inputs, outputs) != 0
                && mk_dgemm_is_direct(inputs, outputs, rows) != 0
        }
    }

    /// `forward(input, into:)` and then `backward(input:target:loss: .binaryCrossEntropy, in:)`,
    /// with the same bits, by halves of the batch on two threads; only where `passesInHalves`.
    func passInHalves(input: Matrix, target: Matrix, in buffers: inout PassBuffers) {
        let rows = input.rows
        require(
            input.columns == layers[0].inputCount && target.rows == rows && target.columns == layers[layers.count - 1].outputCount,
            "Network passInHalves: input \(input.shapeDescription) or target \(target.shapeDescription) does not fit")
        for (index, layer) in layers.enumerated() {
            buffers.layers[index].net.prepare(rows: rows, columns: layer.outputCount)
            buffers.layers[index].output.prepare(rows: rows, columns: layer.outputCount)
            buffers.layers[index].sensitivity.prepare(rows: rows, columns: layer.outputCount)
            buffers.layers[index].holdParameterGradients(2)
            buffers.layers[index].parameterGradients[0].prepare(rows: layer.inputCount, columns: layer.outputCount)
            buffers.layers[index].parameterGradients[1].prepare(rows: 1, columns: layer.outputCount)
        }
        let count = layers.count
        withUnsafeTemporaryAllocation(of: mk_logistic_layer.self, capacity: count) { table in
            buffers.layers.withUnsafeMutableBufferPointer { passes in
                // Each layer's storage, one level of closures a matrix, then the pass.
                func describe(_ index: Int) {
                    guard index < count else {
                        input.values.withUnsafeBufferPointer { x in
                            target.values.withUnsafeBufferPointer { y in
                                mk_logistic_pass(
                                    table.baseAddress!, Int32(count), x.baseAddress!, y.baseAddress!, rows)
                            }
                        }
                        return
                    }
                    let layer = layers[index]
                    let (weights, bias) = (layer.parameter(at: 0), layer.parameter(at: 1))
                    weights.values.withUnsafeBufferPointer { w in
                        bias.values.withUnsafeBufferPointer { b in
                            passes[index].net.values.withUnsafeMutableBufferPointer { n in
                                passes[index].output.values.withUnsafeMutableBufferPointer { a in
                                    passes[index].sensitivity.values.withUnsafeMutableBufferPointer { s in
                                        passes[index].parameterGradients[0].values.withUnsafeMutableBufferPointer { dw in
                                            passes[index].parameterGradients[1].values.withUnsafeMutableBufferPointer { db in
                                                table[index] = mk_logistic_layer(
                                                    inputs: layer.inputCount, outputs: layer.outputCount,
                                                    weights: w.baseAddress!, bias: b.baseAddress!,
                                                    net: n.baseAddress!, output: a.baseAddress!,
                                                    sensitivity: s.baseAddress!,
                                                    weight_gradient: dw.baseAddress!,
                                                    bias_gradient: db.baseAddress!)
                                                describe(index + 1)
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
                describe(0)
            }
        }
    }
}
