import Engine
import LessonFormat

/// The `layers:` list of a model cell: the number of inputs, then dense layers by their
/// number of units and the registered layer kinds (`ConfigurableLayer`) between them.
///
/// ```yaml
/// layers: [2, 8, dropout: 0.5, 8, batch-norm, 1]
/// layers: [2, dense: 8, dropout: {rate: 0.2}, 1]
/// ```
/// An item is a whole number (a dense layer of that many units; the first is the inputs),
/// `dense: N`, a kind's name alone (its settings at their defaults), `kind: value` (its first
/// setting) or `kind: {setting: value, …}`.
struct ModelLayers: Sendable, Equatable {
    /// One layer after the inputs.
    enum Item: Sendable, Equatable {
        /// A dense layer of `units` units.
        case dense(units: Int)
        /// A layer of the kind named `kind`, with every setting given.
        case other(kind: String, settings: [String: Double])
    }

    /// The number of inputs.
    var inputCount: Int
    /// The layers in order, the output layer last.
    var items: [Item]

    /// Only dense layers of these sizes, inputs first.
    init(sizes: [Int]) {
        inputCount = sizes[0]
        items = sizes.dropFirst().map { .dense(units: $0) }
    }

    /// The sizes of the inputs and of the dense layers, inputs first.
    var denseSizes: [Int] {
        [inputCount] + items.compactMap { if case let .dense(units) = $0 { units } else { nil } }
    }

    /// Whether every layer is dense.
    var isDense: Bool { items.allSatisfy { if case .dense = $0 { true } else { false } } }

    /// The layer numbers (from 1, counting every layer) of the dense layers.
    var denseLayerNumbers: [Int] {
        items.enumerated().compactMap { index, item in if case .dense = item { index + 1 } else { nil } }
    }

    /// The number of outputs of each layer, in order.
    var outputCounts: [Int] {
        var count = inputCount
        return items.map { item in
            if case let .dense(units) = item { count = units }
            return count
        }
    }

    /// The number of trained parameters the layers hold.
    var parameterCount: Int {
        var (count, total) = (inputCount, 0)
        for item in items {
            switch item {
            case let .dense(units):
                total += (count + 1) * units
                count = units
            case let .other(kind, _):
                total += kind == BatchNormLayer.name ? 2 * count : 0
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
        guard let inputs = list[0].integer, (1...100_000).contains(inputs) else {
            throw invalid("starts with the number of inputs, a whole number between 1 and 100000, not \(list[0].kindDescription)", at: list[0].position)
        }
        inputCount = inputs
        items = []
        for item in list.dropFirst() {
            items.append(try Self.item(item, invalid: invalid))
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
            guard let number = value.number, number.isFinite else {
                throw invalid("\(name)'s '\(setting.name)' (\(setting.meaning)) is a number, not \(value.kindDescription)", value.position)
            }
            guard setting.allows(number) else {
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

    /// The network: dense layers from `dense(number, inputs, units)`, called in order, and
    /// the other kinds between them. A layer that takes the activation (batch normalization)
    /// gets the dense layer's before it, which then stays linear.
    func network(dense: (_ layerNumber: Int, _ inputs: Int, _ units: Int) -> DenseLayer) -> Network {
        var layers = [any Layer]()
        var count = inputCount
        for (index, item) in items.enumerated() {
            switch item {
            case let .dense(units):
                layers.append(dense(index + 1, count, units))
                count = units
            case let .other(name, settings):
                let kind = Self.kind(named: name)!
                var activation = Activation.linear
                if kind.takesActivation, var previous = layers.last as? DenseLayer {
                    activation = previous.activation
                    previous.activation = .linear
                    layers[layers.count - 1] = previous
                }
                layers.append(kind.init(inputCount: count, settings: settings, activation: activation))
            }
        }
        return Network(layers: layers)
    }
}
