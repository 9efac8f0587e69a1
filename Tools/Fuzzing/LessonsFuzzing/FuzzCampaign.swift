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

    /// A campaign over `surfaces` starting from `corpus`.
    public init(seed: UInt64, surfaces: [FuzzSurface] = FuzzSurface.allCases, corpus: SeedCorpus) {
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
            mutators[surface] = Mutator(donors: donors)
        }
        self.mutators = mutators
    }

    /// Input `index`: its surface, and its bytes (one time in ten random bytes, otherwise a
    /// seed with mutations stacked on it).
    public func input(_ index: Int) -> (surface: FuzzSurface, bytes: [UInt8]) {
        let surface = surfaces[index % surfaces.count]
        var random = FuzzRandom(seed: seed, index: UInt64(index))
        let seeds = corpus.seeds(for: surface)
        if random.chance(1, 10) {
            let bytes = Mutator.randomBytes(random.below(random.chance(1, 4) ? 4096 : 200), using: &random)
            // Lessons that start well get past the front matter to their cells.
            if surface == .lesson, random.chance(1, 2) { return (surface, Array("---\ntitle: x\n---\n".utf8) + bytes) }
            return (surface, bytes)
        }
        return (surface, mutators[surface]!.mutate(random.pick(seeds), using: &random))
    }
}
