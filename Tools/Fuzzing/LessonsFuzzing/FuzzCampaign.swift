/// A reproducible stream of fuzz inputs: input `n` of campaign `seed` depends on nothing else,
/// so any input a long run flags can be replayed alone.
public struct FuzzCampaign: Sendable {
    /// The campaign's seed.
    public let seed: UInt64
    /// The surfaces inputs go to, in turn.
    public let surfaces: [FuzzSurface]
    /// The seeds.
    public let corpus: SeedCorpus
    private let mutators: [FuzzSurface: Mutator]
    private let maximumSize: Int

    /// A campaign over `surfaces` (in turn; a surface listed twice gets twice the inputs)
    /// starting from `corpus`, with inputs of at most `maximumSize` bytes.
    public init(
        seed: UInt64, surfaces: [FuzzSurface] = FuzzSurface.allCases, corpus: SeedCorpus, maximumSize: Int = 1 << 18
    ) {
        self.seed = seed
        self.surfaces = surfaces.isEmpty ? FuzzSurface.allCases : surfaces
        self.corpus = corpus
        var mutators: [FuzzSurface: Mutator] = [:]
        for surface in FuzzSurface.allCases {
            let donors: [[UInt8]] = switch surface {
            case .lesson: FuzzSurface.allCases.flatMap { corpus.seeds(for: $0) }
            case .cell: corpus.seeds(for: .cell) + corpus.seeds(for: .numbers) + corpus.seeds(for: .tex)
            case .numbers: corpus.seeds(for: .numbers)
            case .tex: corpus.seeds(for: .tex)
            }
            var mutator = Mutator(donors: donors)
            mutator.maximumSize = maximumSize
            mutators[surface] = mutator
        }
        self.mutators = mutators
        self.maximumSize = maximumSize
    }

    /// Input `index`: its surface, and its bytes (one time in ten random bytes, otherwise a
    /// seed with mutations stacked on it).
    public func input(_ index: Int) -> (surface: FuzzSurface, bytes: [UInt8]) {
        let surface = surfaces[index % surfaces.count]
        var random = FuzzRandom(seed: seed, index: UInt64(index))
        let seeds = corpus.seeds(for: surface)
        if random.chance(1, 10) {
            let bytes = Mutator.randomBytes(random.below(min(maximumSize, random.chance(1, 4) ? 4096 : 200) + 1), using: &random)
            // Lessons that start well get past the front matter to their cells.
            if surface == .lesson, random.chance(1, 2) { return (surface, Array("---\ntitle: x\n---\n".utf8) + bytes) }
            return (surface, bytes)
        }
        return (surface, mutators[surface]!.mutate(random.pick(seeds), using: &random))
    }
}
