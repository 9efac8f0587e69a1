/// Traces the lines where a sampled function equals a level (marching squares), joined into
/// polylines.
///
/// The grid's samples sit at cell centres; each square between four neighbouring samples is
/// classified by which corners lie at or above the level, and the level's crossing on each
/// edge is found by linear interpolation. Saddles (two opposite corners above) are resolved
/// with the average of the four corners. Squares with a non-finite corner are skipped.
public enum MarchingSquares {
    /// The contour polylines of `grid` at `level`, in data coordinates.
    ///
    /// A closed curve's last point equals its first.
    public static func polylines(_ grid: ValueGrid, level: Double) -> [[(x: Double, y: Double)]] {
        let rows = grid.rows
        let columns = grid.columns
        guard rows >= 2, columns >= 2 else { return [] }
        let xs = (0..<columns).map(grid.xCenter(ofColumn:))
        let ys = (0..<rows).map(grid.yCenter(ofRow:))
        let v = grid.values

        // Edge ids: horizontal edge from node (r, c) to (r, c+1) is 2·(r·columns + c);
        // vertical edge from (r, c) to (r+1, c) is 2·(r·columns + c) + 1.
        func horizontal(_ r: Int, _ c: Int) -> Int { 2 * (r * columns + c) }
        func vertical(_ r: Int, _ c: Int) -> Int { 2 * (r * columns + c) + 1 }
        var crossing: [Int: (x: Double, y: Double)] = [:]
        func crossingPoint(_ edge: Int) -> (x: Double, y: Double) {
            if let point = crossing[edge] { return point }
            let node = edge / 2
            let r = node / columns
            let c = node % columns
            let (r2, c2) = edge % 2 == 0 ? (r, c + 1) : (r + 1, c)
            let a = v[r][c]
            let b = v[r2][c2]
            let t = b != a ? (level - a) / (b - a) : 0.5
            let point = (x: xs[c] + (xs[c2] - xs[c]) * t, y: ys[r] + (ys[r2] - ys[r]) * t)
            crossing[edge] = point
            return point
        }

        var segments: [(Int, Int)] = []
        for r in 0..<(rows - 1) {
            for c in 0..<(columns - 1) {
                let v00 = v[r][c]
                let v10 = v[r][c + 1]
                let v11 = v[r + 1][c + 1]
                let v01 = v[r + 1][c]
                guard v00.isFinite, v10.isFinite, v11.isFinite, v01.isFinite else { continue }
                let index =
                    (v00 >= level ? 1 : 0) | (v10 >= level ? 2 : 0) | (v11 >= level ? 4 : 0) | (v01 >= level ? 8 : 0)
                if index == 0 || index == 15 { continue }
                let bottom = horizontal(r, c)
                let top = horizontal(r + 1, c)
                let left = vertical(r, c)
                let right = vertical(r, c + 1)
                if index == 5 || index == 10 {
                    let centreAbove = (v00 + v10 + v11 + v01) / 4 >= level
                    // Cut off the corners that are not joined through the centre.
                    if (index == 5) == centreAbove {
                        segments.append((bottom, right))
                        segments.append((top, left))
                    } else {
                        segments.append((bottom, left))
                        segments.append((right, top))
                    }
                    continue
                }
                var edges: [Int] = []
                if (v00 >= level) != (v10 >= level) { edges.append(bottom) }
                if (v10 >= level) != (v11 >= level) { edges.append(right) }
                if (v01 >= level) != (v11 >= level) { edges.append(top) }
                if (v00 >= level) != (v01 >= level) { edges.append(left) }
                if edges.count == 2 { segments.append((edges[0], edges[1])) }
            }
        }
        return join(segments).map { chain in chain.map(crossingPoint) }
    }

    /// Joins segments that share an edge into chains of edge ids.
    static func join(_ segments: [(Int, Int)]) -> [[Int]] {
        var byEdge: [Int: [Int]] = [:]
        for (index, segment) in segments.enumerated() {
            byEdge[segment.0, default: []].append(index)
            byEdge[segment.1, default: []].append(index)
        }
        var used = [Bool](repeating: false, count: segments.count)
        func extend(from edge: Int) -> [Int] {
            var chain: [Int] = []
            var current = edge
            while let next = byEdge[current]?.first(where: { !used[$0] }) {
                used[next] = true
                let segment = segments[next]
                current = segment.0 == current ? segment.1 : segment.0
                chain.append(current)
            }
            return chain
        }
        var chains: [[Int]] = []
        for index in segments.indices where !used[index] {
            used[index] = true
            let (a, b) = segments[index]
            let forward = extend(from: b)
            let backward = extend(from: a)
            chains.append(backward.reversed() + [a, b] + forward)
        }
        return chains
    }
}
