import Datasets
import Engine
import LessonFormat

/// A logic gate's truth table (`and`, `or`, `xor`, `nand`, `nor`), its four rows in order:
/// `encoding: binary` (0/1) or `bipolar` (−1/+1).
struct LogicGateData: DatasetKind {
    static let name = "and"
    static let names = LogicGate.allCases.map(\.rawValue)
    static let listOrder = 10
    static let keys = ["encoding"]

    static func refusal(of key: String) -> String? {
        key == "test_count"
            ? "does not apply to a logic gate, whose four rows are all there is; evaluate with 'on: training'" : nil
    }

    var gate: LogicGate
    var encoding: LogicGate.Encoding

    init(name: String, fields: FieldReader) throws(LessonError) {
        gate = LogicGate(rawValue: name)!
        encoding = LogicGate.Encoding(
            rawValue: try fields.choice("encoding", among: LogicGate.Encoding.allCases.map(\.rawValue), default: "binary"))!
    }

    func testCount(_ fields: FieldReader) throws(LessonError) -> Int? { nil }

    var title: String { "the \(gate.rawValue.uppercased()) gate" + (encoding == .bipolar ? " (±1)" : "") }
    var classCount: Int? { 2 }
    var featureCount: Int? { 2 }

    /// The outputs as the encoding writes them, so a legend reads the same as the truth table.
    func defaultClassNames(classCount: Int) -> [String] { encoding == .binary ? ["0", "1"] : ["−1", "+1"] }

    func load(for cell: DataCell, in session: Session) throws(LessonError) -> LoadedData {
        var loaded = LoadedData(training: gate.dataset(encoding: encoding))
        if cell.shuffles {
            var generator = session.generator("data")
            loaded.training = loaded.training.shuffled(using: &generator)
        }
        return loaded
    }
}

@used @section("lessons_datasets")
private let registration: RegistryRecord = { LogicGateData.registryRecord }
