import Datasets

extension DataCell.Source {
    /// Whether the samples are drawn from a generator (and so can be drawn again for a test set).
    public var isSynthetic: Bool {
        switch self {
        case .circles, .blobs, .spirals, .quadrants: true
        case .gate, .mnist, .csv: false
        }
    }

    /// The number of classes, when it is known before the data is loaded.
    public var classCount: Int? {
        switch self {
        case .gate, .circles, .spirals, .quadrants: 2
        case let .blobs(_, centers, _): centers.count
        case .mnist: 10
        case .csv: nil
        }
    }

    /// The number of input features, when it is known before the data is loaded.
    public var featureCount: Int? {
        switch self {
        case .gate, .circles, .spirals, .quadrants: 2
        case let .blobs(_, centers, _): centers[0].count
        case .mnist: MNISTSet.pixelCount
        case .csv: nil
        }
    }

    /// How captions name the data: `the AND gate`, `two concentric circles`.
    public var title: String {
        switch self {
        case let .gate(gate, encoding): "the \(gate.rawValue.uppercased()) gate" + (encoding == .bipolar ? " (±1)" : "")
        case .circles: "two concentric circles"
        case let .blobs(_, centers, _): "\(Self.numberWord(centers.count)) Gaussian blobs"
        case .spirals: "two interleaved spirals"
        case .quadrants: "the XOR quadrants"
        case .mnist: "the MNIST digits"
        case let .csv(path, _): path.last ?? "the CSV file"
        }
    }

    /// The class names legends and tables use unless the lesson gives its own.
    ///
    /// A gate's classes are its outputs as the encoding writes them, so a legend reads the
    /// same as the truth table.
    func defaultClassNames(classCount: Int) -> [String] {
        switch self {
        case let .gate(_, encoding): encoding == .binary ? ["0", "1"] : ["−1", "+1"]
        case .circles: ["outer", "inner"]
        case .spirals: ["spiral 1", "spiral 2"]
        case let .blobs(_, centers, _): (1...centers.count).map { "blob \($0)" }
        case .quadrants, .mnist, .csv: (0..<classCount).map(String.init)
        }
    }

    private static func numberWord(_ number: Int) -> String {
        let words = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
        return (2...10).contains(number) ? words[number - 2] : String(number)
    }
}

extension DataCell {
    /// The components of a data file's path, which must stay inside the lesson's folder.
    ///
    /// Lessons are shared and run on students' machines, so a lesson may read only files
    /// kept beside it: an absolute path, a home-relative one, or `..` that climbs out of
    /// the lesson's folder is refused where it is written.
    static func relativePath(_ path: String, at position: SourcePosition) throws(LessonError) -> [String] {
        func refuse(_ message: String) -> LessonError {
            LessonError(.invalidValue(key: "path", in: "data cell", message: message), at: position)
        }
        if path.hasPrefix("/") || path.hasPrefix("~") {
            throw refuse("must be relative to the lesson's folder, like 'data/points.csv', not the absolute path '\(path)'")
        }
        var components = [String]()
        for part in path.split(separator: "/", omittingEmptySubsequences: true) where part != "." {
            if part == ".." {
                guard !components.isEmpty else {
                    throw refuse("'\(path)' leaves the lesson's folder; keep data files beside the lesson or in a folder below it")
                }
                components.removeLast()
            } else {
                components.append(String(part))
            }
        }
        guard !components.isEmpty else { throw refuse("'\(path)' names a folder, not a file") }
        return components
    }
}
