import Testing
@testable import Engine

@Suite struct SeededGeneratorTests {
    /// Pinned values (checked against a reference xoshiro256** + SplitMix64 in Python): a change
    /// here changes every lesson's numbers.
    @Test func firstDrawsArePinned() {
        var generator = SeededGenerator(seed: 42)
        #expect((0..<3).map { _ in generator.next() } == SeededGeneratorTests.pinned)
    }
    static let pinned: [UInt64] = [1_546_998_764_402_558_742, 6_990_951_692_964_543_102, 12_544_586_762_248_559_009]

    @Test func namedStreamsDiffer() {
        var weights = SeededGenerator(seed: 1, stream: "weights")
        var data = SeededGenerator(seed: 1, stream: "data")
        #expect(weights.next() != data.next())
    }

    @Test func uniformAndNormalDraws() {
        var generator = SeededGenerator(seed: 9)
        let uniforms = (0..<20_000).map { _ in generator.nextUniform() }
        #expect(uniforms.allSatisfy { $0 >= 0 && $0 < 1 })
        #expect(abs(uniforms.reduce(0, +) / 20_000 - 0.5) < 0.01)
        let normals = (0..<20_000).map { _ in generator.nextNormal(mean: 3, standardDeviation: 2) }
        let mean = normals.reduce(0, +) / 20_000
        let variance = normals.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / 20_000
        #expect(abs(mean - 3) < 0.05)
        #expect(abs(variance.squareRoot() - 2) < 0.05)
    }

    @Test func integersAndPermutations() {
        var generator = SeededGenerator(seed: 5)
        var counts = [Int](repeating: 0, count: 6)
        for _ in 0..<60_000 { counts[generator.nextInt(below: 6)] += 1 }
        #expect(counts.allSatisfy { abs($0 - 10_000) < 400 })
        let permutation = generator.permutation(of: 100)
        #expect(permutation.sorted() == Array(0..<100))
        #expect(permutation != Array(0..<100))
    }

    @Test func shufflesAreUniform() {
        // Each of the 3! orders of three items is equally likely.
        var generator = SeededGenerator(seed: 8)
        var counts: [[Int]: Int] = [:]
        for _ in 0..<60_000 { counts[generator.permutation(of: 3), default: 0] += 1 }
        #expect(counts.count == 6)
        #expect(counts.values.allSatisfy { abs($0 - 10_000) < 400 }, "\(counts)")
    }
}
