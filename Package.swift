// swift-tools-version:6.0
import PackageDescription

/// The engine is the hot path of every chapter, and students run debug builds
/// (`swift run lessons all`), so it is optimized in every configuration; dynamic exclusivity
/// checks are left out of its loops (they cost a check per array access in `-O`).
/// SwiftPM has no safe setting for either, and unsafe flags have a cost: a package that uses
/// them cannot be depended on by version, only by path or branch.
let optimizedInEveryBuild: [SwiftSetting] = [
    .unsafeFlags(["-O", "-enforce-exclusivity=unchecked"]),
]

let package = Package(
    name: "lessons",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "lessons", targets: ["LessonsCLI"]),
        .executable(name: "lessons-bench", targets: ["LessonsBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // The preview server of `lessons serve`: HTTP/1.1 on plain sockets, no SwiftNIO. Measured
        // on 2 cores, a first build of a package using it took 27 s (an empty one 8.5 s); with
        // Hummingbird instead, 25 s to resolve and about 5 minutes to build.
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        // MARK: System libraries
        .systemLibrary(
            name: "CCairo",
            pkgConfig: "cairo",
            providers: [.apt(["libcairo2-dev"])]
        ),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),

        // MARK: Library targets
        // The hot loops in C: the blocked matrix product and the vectorized exponential, each in
        // an AVX2 + FMA and a baseline version chosen at run time. Optimized in every build.
        .target(
            name: "MatrixKernels",
            // Optimized in debug builds too, for which SwiftPM has no safe setting (the cost, as
            // above: no versioned dependency on this package); the floating-point semantics
            // (no contraction, sqrt without errno) are in the sources, not in flags.
            cSettings: [.unsafeFlags(["-O3"])]
        ),
        // SHA-256's block compression, on the x86 SHA extensions or in plain C, chosen at run
        // time; optimized in debug builds too (the chapter cache hashes every output file).
        .target(
            name: "CSHA256",
            exclude: ["README.md"],
            cSettings: [.unsafeFlags(["-O3"])]
        ),
        // The linker sections each registry's entries place themselves in (optimizers, layers,
        // data sets, plot kinds): adding one is one file, which no list names.
        .target(name: "CRegistries"),
        .target(
            name: "Engine",
            dependencies: ["MatrixKernels", "CRegistries"],
            exclude: ["README.md"],
            swiftSettings: optimizedInEveryBuild
        ),
        // LaTeX subset → MathML Core, plus numeric typesetting; no dependencies.
        .target(name: "MathML", exclude: ["README.md"]),

        // The chapter document model and its Markdown and HTML writers; no engine, no Cairo.
        .target(
            name: "Report",
            dependencies: ["MathML"],
            exclude: ["README.md"]
        ),
        // The lesson format: Markdown with fenced cells, parsed with source positions, the
        // YAML of each cell read and checked field by field, positioned diagnostics.
        .target(
            name: "LessonFormat",
            dependencies: ["Suggestions", .product(name: "Yams", package: "Yams")],
            exclude: ["README.md"],
            swiftSettings: optimizedInEveryBuild
        ),
        // The runtime: each cell kind read and run, the registries of data sets and plot kinds,
        // equations filled in and checked, figures drawn; one chapter's report.
        .target(
            name: "LessonRuntime",
            dependencies: ["LessonFormat", "Engine", "Datasets", "Relations", "MathML", "Report", "Plotting", "Suggestions"],
            exclude: ["README.md"]
        ),
        // The book: every chapter in order, the index, the chapter cache, the output folder's guard.
        .target(name: "Book", dependencies: ["LessonRuntime", "LessonFormat", "Datasets", "Report"], exclude: ["README.md"]),
        // `lessons serve`'s local preview: the output folder on 127.0.0.1, nothing outside it, and
        // a reload script added to the HTML it sends (never to the files).
        .target(
            name: "BookServer",
            dependencies: [.product(name: "FlyingFox", package: "FlyingFox")],
            exclude: ["README.md"]
        ),
        // The `numbers` relation language of equation cells: parse, evaluate, check, fill in.
        .target(name: "Relations", dependencies: ["Engine", "Suggestions"], exclude: ["README.md"]),
        // Did-you-mean: edit distance and the closest names, for every module's messages.
        .target(name: "Suggestions"),
        .target(
            name: "Datasets",
            dependencies: ["Engine", "CZlib", "CSHA256"],
            exclude: ["README.md"],
            resources: [.copy("Resources/mnist-subset")],
            swiftSettings: optimizedInEveryBuild
        ),
        // Figures through Cairo: figure/axes/marks, and animated PNGs through zlib; knows nothing of
        // the engine. Optimized in every build: drawing the figures (contours, animation frames)
        // was half of a small chapter's time in a debug build.
        .target(
            name: "Plotting", dependencies: ["CCairo", "CZlib"], exclude: ["README.md"],
            swiftSettings: optimizedInEveryBuild),

        // MARK: The command line
        .executableTarget(
            name: "LessonsCLI",
            dependencies: [
                "Book", "BookServer", "LessonRuntime", "LessonFormat",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // MARK: Benchmarks, sample pages and maintenance tools (`swift run -c release NAME`)
        // The engine against numpy in the same run: `swift run -c release lessons-bench`.
        .executableTarget(
            name: "LessonsBench",
            dependencies: ["Engine", "Datasets"],
            path: "Tools/Bench",
            swiftSettings: optimizedInEveryBuild
        ),
        .executableTarget(name: "MathGallery", dependencies: ["MathML"], path: "Tools/MathGallery"),
        .executableTarget(
            name: "MNISTSubsetMaker",
            dependencies: ["Datasets"],
            path: "Tools/MNISTSubsetMaker"
        ),
        .executableTarget(
            name: "DatasetsBenchmark",
            dependencies: ["Datasets"],
            path: "Tools/DatasetsBenchmark",
            swiftSettings: optimizedInEveryBuild
        ),
        .executableTarget(name: "PlotSamples", dependencies: ["Plotting"], path: "Tools/PlotSamples"),

        // MARK: Fuzzing (Tools/Fuzzing/README.md): `swift run -c release LessonsFuzz --inputs 100000`
        .target(
            name: "LessonsFuzzing",
            dependencies: ["LessonFormat", "LessonRuntime", "Book", "Relations", "MathML", "Report", "Engine"],
            path: "Tools/Fuzzing/LessonsFuzzing"
        ),
        .executableTarget(name: "LessonsFuzz", dependencies: ["LessonsFuzzing"], path: "Tools/Fuzzing/LessonsFuzz"),

        // MARK: Tests
        .testTarget(name: "EngineTests", dependencies: ["Engine"]),
        .testTarget(name: "CCairoTests", dependencies: ["CCairo"]),
        .testTarget(name: "LessonsTests", dependencies: ["LessonFormat", "LessonRuntime", "Book", "Suggestions"]),
        .testTarget(name: "ReportTests", dependencies: ["Report"]),
        // A plain-socket HTTP client the server's tests share (test targets cannot share files).
        .target(name: "RawHTTPClient", path: "Tests/Support/RawHTTPClient"),
        .testTarget(name: "LessonsCLITests", dependencies: ["LessonsCLI", "RawHTTPClient"]),
        .testTarget(name: "BookServerTests", dependencies: ["BookServer", "RawHTTPClient"]),
        .testTarget(name: "MathMLTests", dependencies: ["MathML"], exclude: ["Fixtures"]),
        .testTarget(name: "RelationsTests", dependencies: ["Relations", "Engine"]),
        .testTarget(name: "DatasetsTests", dependencies: ["Datasets"]),
        .testTarget(name: "PlottingTests", dependencies: ["Plotting", "CZlib"]),
        .testTarget(name: "FuzzingTests", dependencies: ["LessonsFuzzing"], exclude: ["Corpus"]),
    ],
    swiftLanguageModes: [.v6]
)

// The libFuzzer target has no `main` of its own (libFuzzer's is linked in by
// `-sanitize=fuzzer`), so it exists only when asked for: Tools/Fuzzing/libfuzzer.
if Context.environment["LESSONS_LIBFUZZER"] != nil {
    package.targets.append(
        .executableTarget(name: "LessonsFuzzer", dependencies: ["LessonsFuzzing"], path: "Tools/Fuzzing/LessonsFuzzer"))
}
