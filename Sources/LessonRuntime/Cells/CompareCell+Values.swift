import Engine
import Foundation
import LessonFormat

extension CompareCell {
    /// The value as the table's first column shows it (`0.01`, `adam`, `16, 8`, `full`, `off`,
    /// `patience 3`): a number in its compact form, a list joined by commas.
    static func valueText(_ value: LessonValue) -> String {
        if let items = value.items { return items.isEmpty ? "none" : items.map(valueText).joined(separator: ", ") }
        // A layer kind with its setting (`dropout: 0.5`) or settings (`batch-norm: {momentum: 0.8}`).
        if let entries = value.entries {
            return entries.map { entry in
                let inner = valueText(entry.value)
                return "\(entry.key): " + (entry.value.entries != nil ? "{\(inner)}" : inner)
            }.joined(separator: ", ")
        }
        if let number = value.number, number.isFinite { return compact(number) }
        return value.text ?? value.kindDescription
    }

    /// A number in at most six significant digits, with a short exponent when large or small (`1e6`, `2.5e-7`).
    static func compact(_ value: Double) -> String {
        var text = String(format: "%g", value)
        for (long, short) in [("e+0", "e"), ("e+", "e"), ("e-0", "e-")] {
            text = text.replacingOccurrences(of: long, with: short)
        }
        return text
    }

    /// The model and train cells of one run, read and as written: the cells above with `vary: value` written into
    /// the one that reads it, and read again by that cell's own reader.
    ///
    /// `off` leaves the key out (the cell's default: no early stopping). Keys that only apply
    /// to the value being replaced are dropped: another optimizer's settings when `optimizer`
    /// changes, another schedule's keys when `schedule` does, the explicit `Wk`, `bk` when
    /// `init` is no longer `explicit`. `hidden` writes `layers` (the model's inputs, the
    /// sizes, its outputs) and `activations` (the first hidden activation, sigmoid without one,
    /// for every hidden layer, and the output's).
    ///
    /// - Throws: what the cell's reader finds wrong with the value, at the value.
    func variant(_ value: LessonValue, model: Cell, train: Cell, session: Session) throws(LessonError)
        -> (ModelCell, TrainCell, sources: (model: Cell, train: Cell))
    {
        var model = model, train = train
        switch varied {
        case let .key(key, owner: .train):
            train.body = Self.writing(key, value, into: train.body)
        case let .key(key, owner: _):
            model.body = Self.writing(key, value, into: model.body)
            if key == "layers" { model.body = Self.fittingActivations(to: value, in: model.body) }
        case .hidden:
            guard let base = session.model, base.initializer != nil else {
                throw LessonError(
                    .failed("the model cell gives explicit weights, which fix the layer sizes; give it an 'init' to vary 'hidden'"),
                    at: value.position)
            }
            let at = value.position
            let sizes = [base.sizes[0]] + (value.items ?? []).compactMap(\.integer) + [base.sizes[base.sizes.count - 1]]
            let hiddenActivation = base.activations.count > 1 ? base.activations[0] : .sigmoid
            let activations = Array(repeating: hiddenActivation, count: sizes.count - 2) + [base.activations[base.activations.count - 1]]
            var body = Self.writing("layers", LessonValue(.list(sizes.map { LessonValue(.scalar(String($0), isPlain: true), at: at) }), at: at), into: model.body)
            body = Self.writing("activations", LessonValue(.list(activations.map { LessonValue(.scalar($0.name, isPlain: true), at: at) }), at: at), into: body)
            model.body = Self.removing(["activation"], from: body)
        }
        if let epochs {
            let at = position
            train.body = Self.writing("epochs", LessonValue(.scalar(String(epochs), isPlain: true), at: at), into: train.body)
        }
        train.body = Self.removing(Self.droppedTrainKeys(train.body).filter { $0 != varied.name }, from: train.body)
        if case .key("init", _) = varied, value.text != "explicit" {
            let layerKeys = (model.body.entries ?? []).map(\.key).filter { key in
                (key.hasPrefix("W") || key.hasPrefix("b")) && key.count > 1 && key.dropFirst().allSatisfy(\.isNumber)
            }
            model.body = Self.removing(layerKeys, from: model.body)
        }
        func read<T>(_ cell: Cell, _ reader: (Cell) throws(LessonError) -> T) throws(LessonError) -> T {
            do {
                return try reader(cell)
            } catch {
                let what = varied == .hidden ? "hidden: [\(Self.valueText(value))]" : "\(varied.name): \(Self.valueText(value))"
                throw LessonError(
                    .failed("with '\(what)', the \(cell.kind.rawValue) cell at line \(cell.position.line) is refused: \(error.message)"),
                    at: value.position)
            }
        }
        return (try read(model) { cell throws(LessonError) in try ModelCell(cell) },
                try read(train) { cell throws(LessonError) in try TrainCell(cell) }, (model, train))
    }

    /// A model body whose `activations` list does not fit the layers `value` writes, rewritten
    /// as `hidden` writes it: the first activation for every layer but the output, the last for
    /// the output. A list that fits, or layers that do not read, are left to the model's reader.
    static func fittingActivations(to value: LessonValue, in body: LessonValue) -> LessonValue {
        guard let listed = body.entries?.first(where: { $0.key == "activations" })?.value, let items = listed.items,
            let first = items.first, let last = items.last, let layers = try? ModelLayers(value),
            layers.activationCount != items.count, layers.activationCount >= 1
        else { return body }
        let fitted = Array(repeating: first, count: layers.activationCount - 1) + [last]
        return writing("activations", LessonValue(.list(fitted), at: listed.position), into: body)
    }

    /// `body` with `key` set to `value` (added when absent); `off` removes it.
    static func writing(_ key: String, _ value: LessonValue, into body: LessonValue) -> LessonValue {
        guard value.text != "off" || key == "shuffle" else { return removing([key], from: body) }
        var entries = body.entries ?? []
        if let index = entries.firstIndex(where: { $0.key == key }) {
            entries[index].value = value
        } else {
            entries.append(LessonEntry(key: key, keyPosition: value.position, value: value))
        }
        return LessonValue(.mapping(entries), at: body.position)
    }

    /// `body` without `keys`.
    static func removing(_ keys: [String], from body: LessonValue) -> LessonValue {
        LessonValue(.mapping((body.entries ?? []).filter { !keys.contains($0.key) }), at: body.position)
    }

    /// The keys of a train cell's body that only apply to an optimizer or schedule it no longer
    /// names (from the train cell's own tables of which keys each reads).
    static func droppedTrainKeys(_ body: LessonValue) -> [String] {
        let entries = body.entries ?? []
        func text(_ key: String) -> String? { entries.first { $0.key == key }?.value.text }
        var dropped = [String]()
        let optimizer = Optimizer.rule(named: text("optimizer") ?? GradientDescent.name)
        if let optimizer {
            let own = optimizer.hyperparameters.map(\.key)
            dropped += TrainCell.optimizerKeys.filter { !own.contains($0) }
        }
        let schedule = text("schedule") ?? "constant"
        dropped += TrainCell.scheduleKeys.filter { !$0.schedules.contains(schedule) }.map(\.key)
        return dropped
    }
}
