import LessonFormat

/// The numbers of a chapter's equations and the names prose refers to them by.
///
/// Every equation cell is numbered in order from 1, shown as `(3)` beside it. A cell with
/// `label: update` can be referred to in prose as `{eq:update}`, which becomes a link to it
/// reading `(3)`.
struct EquationNumbers: Sendable {
    /// The number of the equation cell at each line.
    private(set) var byLine: [Int: Int] = [:]
    /// The number of each label, and where the label is.
    private(set) var byLabel: [String: (number: Int, position: SourcePosition)] = [:]
    /// Two cells with one label.
    private(set) var mistakes: [LessonError] = []

    /// No equations.
    static let none = EquationNumbers()

    private init() {}

    /// Numbers the equation cells of `lesson`, read as `cells`.
    init(_ lesson: Lesson, cells: [(any RunnableCell)?]) {
        var number = 0
        for (index, block) in lesson.blocks.enumerated() {
            guard case let .cell(cell) = block, cell.kind == .equation else { continue }
            number += 1
            byLine[cell.position.line] = number
            guard let equation = cells[index] as? EquationCell, let label = equation.label else { continue }
            if let earlier = byLabel[label.name] {
                mistakes.append(
                    LessonError(
                        .invalidValue(key: "label", in: "equation cell", message: "'\(label.name)' is already the label of the equation at line \(earlier.position.line)"),
                        at: label.position))
            } else {
                byLabel[label.name] = (number, label.position)
            }
        }
    }

    /// `text` with every `{eq:label}` replaced by a link to its equation, `[(3)](#eq-3)`.
    func resolving(_ text: String) -> String {
        var result = ""
        var rest = Substring(text)
        while let open = rest.range(of: "{eq:") {
            guard let close = rest[open.upperBound...].firstIndex(of: "}"),
                let number = byLabel[String(rest[open.upperBound..<close])]?.number
            else {
                result += rest[..<open.upperBound]
                rest = rest[open.upperBound...]
                continue
            }
            result += rest[..<open.lowerBound] + "[(\(number))](#eq-\(number))"
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    /// A reference in `prose` to a label no equation has, with its position.
    func unknownReferences(in prose: Prose) -> [LessonError] {
        var errors = [LessonError]()
        let characters = Array(prose.text)
        for index in characters.indices where characters[index...].starts(with: "{eq:") {
            guard let close = characters[index...].firstIndex(of: "}") else { continue }
            let name = String(characters[(index + 4)..<close])
            guard byLabel[name] == nil else { continue }
            let known = byLabel.keys.sorted()
            errors.append(
                LessonError(
                    .failed("'{eq:\(name)}' names no equation: " + (known.isEmpty ? "no equation cell has a 'label'" : "the labels are \(known.joined(separator: ", "))")),
                    at: prose.position(ofCharacter: index)))
        }
        return errors
    }
}
