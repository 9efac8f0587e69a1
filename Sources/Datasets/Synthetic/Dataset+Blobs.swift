import Engine

extension Dataset {
    /// Gaussian blobs: `countPerCenter` points around each center, class `k` for `centers[k]`.
    ///
    /// Each coordinate is drawn from N(center, standardDeviation²).
    ///
    /// - Precondition: at least one center, all of the same dimension; `countPerCenter ≥ 1`;
    ///   `standardDeviation ≥ 0`.
    public static func blobs(
        centers: [[Double]], countPerCenter: Int, standardDeviation: Double = 1, shuffle: Bool = true,
        using generator: inout SeededGenerator
    ) -> Dataset {
        require(!centers.isEmpty, "Dataset.blobs: no centers")
        require(
            centers.allSatisfy { $0.count == centers[0].count },
            "Dataset.blobs: centers of different dimensions")
        require(countPerCenter >= 1, "Dataset.blobs: countPerCenter \(countPerCenter) is below 1")
        var rows = [[Double]]()
        var labels = [Int]()
        for (label, center) in centers.enumerated() {
            for _ in 0..<countPerCenter {
                rows.append(center)
                labels.append(label)
            }
        }
        return noisy(
            name: "blobs", rows: rows, labels: labels, classCount: max(2, centers.count),
            noise: standardDeviation, shuffle: shuffle, using: &generator)
    }

    /// XOR-style Gaussian quadrants: blobs around (±1, ±1), class 1 where the signs differ.
    ///
    /// The points around (1, 1) and (−1, −1) are class 0, those around (−1, 1) and (1, −1)
    /// class 1: the continuous version of the XOR truth table, which no single line separates.
    ///
    /// - Precondition: `countPerQuadrant ≥ 1`, `standardDeviation ≥ 0`.
    public static func xorQuadrants(
        countPerQuadrant: Int, standardDeviation: Double = 0.4, shuffle: Bool = true,
        using generator: inout SeededGenerator
    ) -> Dataset {
        require(countPerQuadrant >= 1, "Dataset.xorQuadrants: countPerQuadrant \(countPerQuadrant) is below 1")
        let quadrants: [([Double], Int)] = [([1, 1], 0), ([-1, 1], 1), ([-1, -1], 0), ([1, -1], 1)]
        var rows = [[Double]]()
        var labels = [Int]()
        for (center, label) in quadrants {
            for _ in 0..<countPerQuadrant {
                rows.append(center)
                labels.append(label)
            }
        }
        return noisy(
            name: "xor-quadrants", rows: rows, labels: labels, classCount: 2,
            noise: standardDeviation, shuffle: shuffle, using: &generator)
    }
}
