// swift-tools-version:6.0
import PackageDescription

/// The engine is the hot path of every chapter, and students run debug builds
/// (`swift run lessons all`), so it is optimized in every configuration.
let optimizedInEveryBuild: [SwiftSetting] = [
    .unsafeFlags(["-O", "-enforce-exclusivity=unchecked"]),
]

let package = Package(
    name: "lessons",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "lessons", targets: ["LessonsCLI"]),
        .library(name: "Engine", targets: ["Engine"]),
        .library(name: "Plotting", targets: ["Plotting"]),
        .executable(name: "plot-samples", targets: ["PlotSamples"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // MARK: System libraries
        .systemLibrary(
            name: "CCairo",
            pkgConfig: "cairo",
            providers: [.apt(["libcairo2-dev"])]
        ),

        // MARK: Library targets
        .target(
            name: "Engine",
            swiftSettings: optimizedInEveryBuild
        ),
        .target(name: "Plotting", dependencies: ["CCairo"], exclude: ["README.md"]),

        // MARK: The command line
        .executableTarget(
            name: "LessonsCLI",
            dependencies: [
                "Engine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // MARK: Plotting samples and benchmark
        .executableTarget(name: "PlotSamples", dependencies: ["Plotting"]),

        // MARK: Tests
        .testTarget(name: "EngineTests", dependencies: ["Engine"]),
        .testTarget(name: "CCairoTests", dependencies: ["CCairo"]),
        .testTarget(name: "LessonsCLITests", dependencies: ["LessonsCLI"]),
        .testTarget(name: "PlottingTests", dependencies: ["Plotting"]),
    ],
    swiftLanguageModes: [.v6]
)
