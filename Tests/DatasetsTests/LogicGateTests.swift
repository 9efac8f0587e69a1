import Engine
import Testing
@testable import Datasets

@Suite struct LogicGateTests {
    @Test(arguments: [
        (LogicGate.and, [0, 0, 0, 1]),
        (.or, [0, 1, 1, 1]),
        (.xor, [0, 1, 1, 0]),
        (.nand, [1, 1, 1, 0]),
        (.nor, [1, 0, 0, 0]),
    ])
    func truthTables(gate: LogicGate, expected: [Int]) {
        let data = gate.dataset()
        #expect(data.inputs == Matrix([[0, 0], [0, 1], [1, 0], [1, 1]]))
        #expect(data.labels == expected)
        #expect(data.targets == Matrix(column: expected.map(Double.init)))
        #expect(data.name == gate.rawValue)
    }

    @Test func bipolarEncodingUsesMinusOneForFalse() {
        let data = LogicGate.and.dataset(encoding: .bipolar)
        #expect(data.inputs == Matrix([[-1, -1], [-1, 1], [1, -1], [1, 1]]))
        #expect(data.targets == Matrix(column: [-1, -1, -1, 1]))
        #expect(data.labels == [0, 0, 0, 1])
    }
}
