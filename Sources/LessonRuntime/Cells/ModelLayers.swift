import Engine
import LessonFormat

/// The `layers:` list of a model cell: the inputs, then dense layers by their number of units
/// and the registered layer kinds (`ConfigurableLayer`) between them.
///
/// ```yaml
/// layers: [2, 8, dropout: 0.5, 8, batch-norm, 1]
/// layers: [input: [1, 28, 28], conv: {filters: 8, size: 5}, pool: 2, dense: 128, dense: 10]
/// ```
/// The first item is the number of inputs, or `input: [channels, height, width]` for images.
/// Each later item is a whole number (a dense layer of that many units), `dense: N`, a kind's
/// name alone (its settings at their defaults), `kind: value` (its first setting) or
/// `kind: {setting: value, …}`. Every layer is built on the shape of the one before when the
/// cell is read, so a model whose shapes do not chain is a mistake where the layer stands.
struct ModelLayers: Sendable, Equatable {
    /// One layer after the inputs.
    enum Item: Sendable, Equatable {
        /// A dense layer of `units` units.
        case dense(units: Int)
        /// A layer of the kind named `kind`, with every setting given.
        case other(kind: String, settings: [String: Double])
    }

    /// The inputs: their number, and their image shape when they are images.
    var input: LayerInput
    /// The layers in order, the output layer last.
    var items: [Item]

    /// The number of inputs.
    var inputCount: Int { input.count }

    /// Only dense layers of these sizes, inputs first.
    init(sizes: [Int]) {
        input = LayerInput(count: sizes[0])
        items = sizes.dropFirst().map { .dense(units: $0) }
    }

    /// Whether an item has an activation of its own (a dense layer, a convolution).
    static func usesActivation(_ item: Item) -> Bool {
        switch item {
        case .dense: true
        case let .other(kind, _): Self.kind(named: kind)?.usesActivation == true
        }
    }

    /// The number of activations the layers use, one per dense layer and convolution.
    var activationCount: Int { items.filter(Self.usesActivation).count }

    /// The sizes of the inputs and of the dense layers, inputs first.
    var denseSizes: [Int] {
        [inputCount] + items.compactMap { if case let .dense(units) = $0 { units } else { nil } }
    }

    /// The layer numbers (from 1, counting every layer) of the dense layers.
    var denseLayerNumbers: [Int] {
        items.enumerated().compactMap { index, item in if case .dense = item { index + 1 } else { nil } }
    }

    /// The number of trained parameters the layers hold, counted without allocating them (a
    /// model over the limit is refused before anything is allocated).
    var parameterCount: Int {
        var (current, total) = (input, 0)
        for item in items {
            switch item {
            case let .dense(units):
                let (product, overflow) = (current.count + 1).multipliedReportingOverflow(by: units)
                total = overflow ? Int.max : total.addingReportingOverflow(product).partialValue
                current = LayerInput(count: units)
            case let .other(name, settings):
                // `read` built this very layer on this very input; the other kinds are small.
                let layer = try! Self.kind(named: name)!.init(input: current, settings: settings, activation: .linear)
                total += layer.parameterCount
                current = LayerInput(count: layer.outputCount, image: layer.outputImage)
            }
        }
        return total
    }

    /// The kind named `name`.
    static func kind(named name: String) -> (any ConfigurableLayer.Type)? {
        Network.configurableLayerKinds.first { $0.name == name }
    }

    /// Every name an item may have.
    static var kindNames: [String] { [DenseLayer.name] + Network.configurableLayerKinds.map { $0.name } }

    /// Reads the value of `layers`.
    init(_ value: LessonValue) throws(LessonError) {
        func invalid(_ message: String, at position: SourcePosition) -> LessonError {
            LessonError(.invalidValue(key: "layers", in: "model cell", message: message), at: position)
        }
        guard let list = value.items else {
            throw LessonError(
                .wrongType(key: "layers", in: "model cell", expected: "a list like [2, 3, 1] or [2, 8, dropout: 0.5, 1]", found: value.kindDescription),
                at: value.position)
        }
        guard list.count >= 2 else { throw invalid("needs the inputs and at least one layer, not \(list.count) item\(list.count == 1 ? "" : "s")", at: value.position) }
        input = try Self.input(list[0], invalid: invalid)
        items = []
        for item in list.dropFirst() {
            items.append(try Self.item(item, invalid: invalid))
        }
        // Each layer built on the one before: shapes that do not chain are found here.
        var current = input
        for (index, item) in items.enumerated() {
            switch item {
            case let .dense(units):
                current = LayerInput(count: units)
            case let .other(name, settings):
                do {
                    let layer = try Self.kind(named: name)!.init(input: current, settings: settings, activation: .linear)
                    current = LayerInput(count: layer.outputCount, image: layer.outputImage)
                } catch {
                    throw invalid("'\(name)' on its input (\(current.image.map { "images of \($0)" } ?? "\(current.count) values")): \(error.message)", at: list[index + 1].position)
                }
            }
        }
        guard case .dense = items[items.count - 1] else {
            throw invalid("ends with the output layer, which is dense (a number of units)", at: list[list.count - 1].position)
        }
        for (index, item) in items.enumerated() {
            guard case let .other(kind, _) = item, Self.kind(named: kind)?.takesActivation == true else { continue }
            guard index > 0, case .dense = items[index - 1], index < items.count - 1 else {
                throw invalid("'\(kind)' normalizes the net input of a hidden dense layer, so it stands right after one (and before the output layer)", at: list[index + 1].position)
            }
        }
    }

    /// The first item: a number of inputs, or `input: [channels, height, width]`.
    private static func input(_ value: LessonValue, invalid: (String, SourcePosition) -> LessonError) throws(LessonError) -> LayerInput {
        if let inputs = value.integer, (1...100_000).contains(inputs) { return LayerInput(count: inputs) }
        if let entries = value.entries, entries.count == 1, entries[0].key == "input" {
            let shape = entries[0].value
            if let inputs = shape.integer, (1...100_000).contains(inputs) { return LayerInput(count: inputs) }
            guard let items = shape.items, items.count == 3, let sizes = Optional(items.compactMap(\.integer)), sizes.count == 3,
                sizes.allSatisfy({ (1...4096).contains($0) }), sizes.reduce(1, *) <= 1_000_000
            else {
                throw invalid("'input' is a number of inputs or an image shape [channels, height, width] of whole numbers (at most a million pixels), not \(shape.kindDescription)", shape.position)
            }
            return LayerInput(count: sizes.reduce(1, *), image: ImageShape(channels: sizes[0], height: sizes[1], width: sizes[2]))
        }
        throw invalid("starts with the number of inputs, a whole number between 1 and 100000, or 'input: [channels, height, width]', not \(value.kindDescription)", value.position)
    }

    /// One item after the inputs.
    private static func item(
        _ value: LessonValue, invalid: (String, SourcePosition) -> LessonError
    ) throws(LessonError) -> Item {
        func units(_ value: LessonValue) throws(LessonError) -> Item {
            guard let units = value.integer, (1...100_000).contains(units) else {
                throw invalid("a dense layer's units are a whole number between 1 and 100000, not \(value.kindDescription)", value.position)
            }
            return .dense(units: units)
        }
        if value.number != nil { return try units(value) }
        let name: String, argument: LessonValue?, namePosition: SourcePosition
        if let text = value.text {
            (name, argument, namePosition) = (text, nil, value.position)
        } else if let entries = value.entries, entries.count == 1 {
            (name, argument, namePosition) = (entries[0].key, entries[0].value, entries[0].keyPosition)
        } else {
            throw invalid("items are numbers of units, layer names or 'name: settings', not \(value.kindDescription)", value.position)
        }
        if name == DenseLayer.name {
            guard let argument else { throw invalid("'dense' needs its number of units, as in 'dense: 8'", namePosition) }
            return try units(argument)
        }
        guard let kind = Self.kind(named: name) else {
            let hint = suggestion(for: name, among: kindNames).map { " (did you mean '\($0)'?)" } ?? ""
            throw invalid("'\(name)' is not a layer\(hint); the layers are \(kindNames.map { "'\($0)'" }.joined(separator: ", "))", namePosition)
        }
        var settings = [String: Double]()
        func read(_ setting: LayerSetting, from value: LessonValue) throws(LessonError) {
            if !setting.choices.isEmpty {
                guard let word = value.text, let index = setting.choices.firstIndex(of: word) else {
                    let words = setting.choices.map { "'\($0)'" }.joined(separator: " or ")
                    throw invalid("\(name)'s '\(setting.name)' (\(setting.meaning)) is \(words), not \(value.kindDescription)", value.position)
                }
                settings[setting.name] = Double(index)
                return
            }
            guard let number = value.number, number.isFinite else {
                throw invalid("\(name)'s '\(setting.name)' (\(setting.meaning)) is a number, not \(value.kindDescription)", value.position)
            }
            guard setting.allows(number) else {
                if setting.isWhole, number != number.rounded() {
                    throw invalid("\(name)'s '\(setting.name)' (\(setting.meaning)) is a whole number, not \(value.text ?? "")", value.position)
                }
                let high = setting.excludesUpperBound ? "below \(NumberText.shortest(setting.range.upperBound))" : "at most \(NumberText.shortest(setting.range.upperBound))"
                throw invalid("\(name)'s '\(setting.name)' (\(setting.meaning)) is at least \(NumberText.shortest(setting.range.lowerBound)) and \(high), not \(value.text ?? "")", value.position)
            }
            settings[setting.name] = number
        }
        switch argument?.content {
        case nil, .empty?:
            break
        case .scalar?:
            guard let first = kind.settings.first else { throw invalid("'\(name)' has no settings; write it alone", argument!.position) }
            try read(first, from: argument!)
        case let .mapping(entries)?:
            for entry in entries {
                guard let setting = kind.settings.first(where: { $0.name == entry.key }) else {
                    let names = kind.settings.map(\.name)
                    let hint = suggestion(for: entry.key, among: names).map { " (did you mean '\($0)'?)" } ?? ""
                    throw invalid("'\(name)' has no setting '\(entry.key)'\(hint); its settings are \(names.map { "'\($0)'" }.joined(separator: ", "))", entry.keyPosition)
                }
                try read(setting, from: entry.value)
            }
        case .list?:
            throw invalid("\(name)'s settings are a number or a mapping like {\(kind.settings.first?.name ?? "setting"): …}, not a list", argument!.position)
        }
        for setting in kind.settings where settings[setting.name] == nil { settings[setting.name] = setting.defaultValue }
        return .other(kind: name, settings: settings)
    }

    /// The network: dense layers and convolutions with weights from `weights(inputs, outputs)`
    /// (biases at zero) and activations from `activation(i)`, the `i`-th of the layers that
    /// use one, called in layer order; the other kinds between them. A layer that takes the
    /// activation (batch normalization) gets the dense layer's before it, which then stays
    /// linear.
    func network(activation: (Int) -> Activation, weights: (_ inputs: Int, _ outputs: Int) -> Matrix) -> Network {
        var layers = [any Layer]()
        var current = input
        var used = 0
        for item in items {
            switch item {
            case let .dense(units):
                layers.append(
                    DenseLayer(weights: weights(current.count, units), bias: Matrix(rows: 1, columns: units), activation: activation(used)))
                used += 1
                current = LayerInput(count: units)
            case let .other(name, settings):
                let kind = Self.kind(named: name)!
                var given = Activation.linear
                if kind.usesActivation {
                    given = activation(used)
                    used += 1
                } else if kind.takesActivation, var previous = layers.last as? DenseLayer {
                    given = previous.activation
                    previous.activation = .linear
                    layers[layers.count - 1] = previous
                }
                // `read` built this very layer on this very input.
                var layer = try! kind.init(input: current, settings: settings, activation: given)
                // A layer with an activation of its own has weights to draw, like a dense layer.
                if kind.usesActivation, !layer.parameters.isEmpty {
                    var values = layer.parameters
                    values[0] = weights(values[0].rows, values[0].columns)
                    layer.swapParameters(with: &values)
                }
                layers.append(layer)
                current = LayerInput(count: layer.outputCount, image: layer.outputImage)
            }
        }
        return Network(layers: layers)
    }
}
