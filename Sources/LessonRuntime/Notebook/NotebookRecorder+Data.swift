import Datasets
import Engine

extension NotebookRecorder {
    /// A data cell's samples as `data`: training, validation and test pairs (x, y). MNIST is read
    /// from its files, in the order and with the validation split the engine's generator made;
    /// every other set is embedded as the network sees it (after any feature map), since it was
    /// drawn at random or read from a file beside the lesson.
    func dataCode(_ cell: DataCell, streams: [String], in session: Session) -> String? {
        guard let data = session.data else { return nil }
        var lines = ["# The data: \(data.title.withoutMarkdownEscapes)."]
        if cell.source is MNISTData {
            parts.insert(.mnist)
            readsMNIST = true
            lines += mnistLines(data, streams: streams)
        } else {
            if let csv = cell.source as? CSVData {
                lines.append("# The samples as the engine read them from \(csv.path.joined(separator: "/")) beside the lesson, embedded.")
            } else if cell.source.isSynthetic {
                lines.append("# The samples as the engine drew them from the chapter's seed, embedded: the very same points.")
            } else {
                lines.append("# The samples, in the engine's order.")
            }
            if data.validation != nil {
                lines.append("# The validation samples are held out as the engine held them out.")
            }
            if let map = cell.features {
                lines.append("# The inputs are already mapped by the data cell's features: \(map.plainFormula).")
            }
            lines.append("data = {\"regression\": \(PythonLiteral.boolean(data.training.isRegression))}")
            lines.append("data[\"training\"] = " + samples(data.training))
            if let validation = data.validation, validation.count > 0 {
                lines.append("data[\"validation\"] = " + samples(validation))
            }
            if let test = data.test, test.count > 0 {
                lines.append("data[\"test\"] = " + samples(test))
            }
        }
        lines.append(
            "print({part: samples[0].shape for part, samples in data.items() if part != \"regression\"})")
        return lines.joined(separator: "\n")
    }

    /// The first images of MNIST's files, shuffled and split by the streams the cell drew.
    private func mnistLines(_ data: SessionData, streams: [String]) -> [String] {
        let validationCount = data.validation?.count ?? 0
        let trainingCount = data.training.count + validationCount
        var lines = [
            "# Read from MNIST's files in MNIST_DIR: the pixels scaled to [0, 1], the digits as one-hot rows.",
        ]
        if data.sourceNote.map({ $0.contains("subset") }) == true {
            lines.append("# The chapter ran on the bundled subset of MNIST; with the full set the numbers below differ.")
        }
        if let stream = streams.first(where: { $0.hasPrefix("data#") }) {
            lines.append("rows = SeededGenerator(SEED, \(PythonLiteral.string(stream))).permutation(\(trainingCount))  # shuffled, as the engine did")
        } else {
            lines.append("rows = list(range(\(trainingCount)))")
        }
        lines.append("data = {\"regression\": False, \"training\": mnist(\"train\", rows)}")
        if validationCount > 0, let stream = streams.first(where: { $0.hasPrefix("validation-split#") }) {
            lines.append(
                "data[\"training\"], data[\"validation\"] = hold_out(data[\"training\"], \(validationCount), SeededGenerator(SEED, \(PythonLiteral.string(stream))))")
        }
        if let test = data.test, test.count > 0 {
            lines.append("data[\"test\"] = mnist(\"t10k\", list(range(\(test.count))))")
        }
        return lines
    }

    /// `(x, y)` of `samples` as literals: one-hot targets as the labels they encode.
    private func samples(_ samples: Dataset) -> String {
        let x = PythonLiteral.matrix(samples.inputs)
        let y: String
        if !samples.isRegression, samples.targets.columns > 1 {
            y = "np.eye(\(samples.targets.columns))[[" + samples.labels.map(String.init).joined(separator: ", ") + "]]"
        } else if samples.targets.columns == 1 {
            y = PythonLiteral.column(samples.targets)
        } else {
            y = PythonLiteral.matrix(samples.targets)
        }
        return "(\n    " + x + ",\n    " + y + ")"
    }
}

extension DataCell.Features {
    /// The map as a comment writes it.
    var plainFormula: String {
        switch self {
        case .squares: "φ(x) = [x₁², x₂²]"
        case .squaredRadius: "φ(x) = [x₁, x₂, x₁² + x₂²]"
        }
    }
}

extension String {
    /// Markdown's backslash escapes removed, for a Python comment.
    var withoutMarkdownEscapes: String {
        var result = ""
        var escaped = false
        for character in self {
            if character == "\\" && !escaped {
                escaped = true
                continue
            }
            escaped = false
            result.append(character)
        }
        return result
    }
}
