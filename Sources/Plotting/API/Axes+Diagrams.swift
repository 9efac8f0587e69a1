extension Axes {
    /// Draws a network from its weight matrices, TensorFlow Playground style.
    ///
    /// Nodes stand in layers; edges are coloured by the weights' sign and sized by their
    /// magnitude. Layer sizes come from the matrices' shapes.
    ///
    /// - Parameters:
    ///   - weights: One `inputCount × outputCount` matrix per layer, as the engine stores them.
    ///   - biases: Each non-input layer's biases, written above its nodes in small networks.
    ///   - showsValues: Whether weight values are written on the edges (default: at most 12 edges).
    ///   - fullWeight: The size |w| drawn at full width; the scale is the same for every diagram
    ///     with the same `fullWeight`, so diagrams before and after training compare.
    public func networkDiagram(
        weights: [[[Double]]], biases: [[Double]]? = nil, showsValues: Bool? = nil, fullWeight: Double = 20
    ) {
        let mark = NetworkDiagramMark(weights: weights, biases: biases, showsValues: showsValues, fullWeight: fullWeight)
        add(mark)
        hideAxes()
        // The layer captions sit where x tick labels go, so the layout leaves room for them.
        xTicks = .fixed(mark.layerCaptions)
        legendPlacement = .automatic
    }

    /// Draws points in three dimensions (a hidden layer's three activations) in a rotated box,
    /// with an optional plane `w·h + b = 0` (the output unit's decision plane).
    ///
    /// - Parameters:
    ///   - points: Rows of three coordinates.
    ///   - classes: The class of each point.
    ///   - classNames: Legend names indexed by class.
    ///   - axisLabels: Labels of the three axes.
    ///   - plane: The plane's weights (three) and bias, if any.
    ///   - azimuth: The rotation about the vertical axis, in degrees.
    ///   - elevation: The viewing angle above the horizontal, in degrees.
    public func projection3D(
        points: [[Double]], classes: [Int]? = nil, classNames: [String]? = nil,
        axisLabels: [String] = ["h₁", "h₂", "h₃"], plane: (weights: [Double], bias: Double)? = nil,
        azimuth: Double = -55, elevation: Double = 22
    ) {
        add(
            Projection3DMark(
                points: points, classes: classes, classNames: classNames, axisLabels: axisLabels, plane: plane,
                azimuth: azimuth, elevation: elevation))
        hideAxes()
        equalAspect = true
    }
}
