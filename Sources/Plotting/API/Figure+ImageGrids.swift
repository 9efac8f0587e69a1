extension Figure {
    /// A grid of small images with captions, with mistakes marked.
    ///
    /// For MNIST digits captioned "7 → 7" (true → predicted); mistakes are framed and
    /// captioned in vermillion.
    ///
    /// - Parameters:
    ///   - images: The images, each a 2-D array of values (top row first), e.g. 28 × 28.
    ///   - columns: Images per row.
    ///   - captions: One caption per image, if any.
    ///   - mistakes: Which images to mark as mistakes.
    ///   - colormap: The colour map (ink on paper by default).
    ///   - range: The values at the two ends of the map.
    ///   - cellSize: The width of one image cell in points.
    ///   - title: A title above the grid.
    /// - Returns: A figure sized to hold the grid.
    public static func imageGrid(
        _ images: [[[Double]]], columns: Int = 8, captions: [String]? = nil, mistakes: [Bool]? = nil,
        colormap: Colormap = .grayInverted, range: ClosedRange<Double> = 0...1, cellSize: Double = 72,
        title: String? = nil
    ) -> Figure {
        precondition(!images.isEmpty, "imageGrid: no images")
        if let captions {
            precondition(
                captions.count == images.count, "imageGrid: \(captions.count) captions for \(images.count) images")
        }
        if let mistakes {
            precondition(
                mistakes.count == images.count, "imageGrid: \(mistakes.count) mistake flags for \(images.count) images")
        }
        let columnCount = min(columns, images.count)
        let rowCount = (images.count + columnCount - 1) / columnCount
        let captionHeight = captions == nil ? 0.0 : 20.0
        let titleHeight = title == nil ? 0.0 : 28.0
        let figure = Figure(
            width: Double(columnCount) * cellSize + 8,
            height: Double(rowCount) * (cellSize + captionHeight) + titleHeight + 8)
        figure.title = title
        for (index, image) in images.enumerated() {
            let axes = figure.addAxes(
                row: index / columnCount, column: index % columnCount, rows: rowCount, columns: columnCount)
            axes.image(image, colormap: colormap, range: range)
            let isMistake = mistakes?[index] ?? false
            axes.title = captions?[index]
            axes.titleStyle = TextStyle(
                size: 10, weight: isMistake ? .bold : .regular, color: isMistake ? Palette.mistake : Palette.ink)
            if isMistake {
                axes.showsFrame = true
                axes.frameStyle = StrokeStyle(color: Palette.mistake, width: 2.5)
            } else {
                axes.showsFrame = true
                axes.frameStyle = StrokeStyle(color: Color(hex: 0xBBBBBB), width: 0.6)
            }
        }
        return figure
    }

    /// A grid of images given as flat rows of pixels (one sample per row, as the engine and
    /// the MNIST reader store them), each reshaped into rows of `imageWidth`.
    ///
    /// - Parameters:
    ///   - flatImages: One array of `imageWidth × imageHeight` values per image (784 for MNIST).
    ///   - imageWidth: The width of each image (28 for MNIST).
    ///   - columns: Images per row.
    ///   - captions: One caption per image, if any.
    ///   - mistakes: Which images to mark as mistakes.
    ///   - title: A title above the grid.
    /// - Returns: A figure sized to hold the grid.
    public static func imageGrid(
        flatImages: [[Double]], imageWidth: Int = 28, columns: Int = 8, captions: [String]? = nil,
        mistakes: [Bool]? = nil, title: String? = nil
    ) -> Figure {
        let images = flatImages.enumerated().map { index, pixels in
            precondition(
                !pixels.isEmpty && pixels.count % imageWidth == 0,
                "imageGrid: image \(index) has \(pixels.count) values, not rows of \(imageWidth)")
            return stride(from: 0, to: pixels.count, by: imageWidth).map { Array(pixels[$0..<($0 + imageWidth)]) }
        }
        return imageGrid(images, columns: columns, captions: captions, mistakes: mistakes, title: title)
    }

    /// The first layer's weights as images, one per hidden unit.
    ///
    /// They use the diverging map with one range symmetric about zero for all units (blue
    /// negative, red positive).
    ///
    /// - Parameters:
    ///   - weights: The `inputCount × unitCount` weight matrix, as the engine stores it, with
    ///     `inputCount = imageWidth × imageHeight` (784 for MNIST).
    ///   - imageWidth: The width of the input images (28 for MNIST).
    ///   - units: How many units to show (from the first).
    ///   - columns: Images per row.
    ///   - cellSize: The width of one image cell in points.
    ///   - title: A title above the grid.
    /// - Returns: A figure sized to hold the grid.
    public static func weightImages(
        _ weights: [[Double]], imageWidth: Int = 28, units: Int? = nil, columns: Int = 8, cellSize: Double = 72,
        title: String? = nil, label: String = "unit"
    ) -> Figure {
        precondition(
            !weights.isEmpty && weights.count % imageWidth == 0,
            "weightImages: \(weights.count) inputs are not rows of \(imageWidth)")
        let unitCount = min(units ?? weights[0].count, weights[0].count)
        let largest = max(weights.flatMap { $0.prefix(unitCount) }.map(abs).max() ?? 1, 1e-12)
        let images = (0..<unitCount).map { unit in
            stride(from: 0, to: weights.count, by: imageWidth).map { start in
                (start..<(start + imageWidth)).map { weights[$0][unit] }
            }
        }
        return imageGrid(
            images, columns: columns, captions: (0..<unitCount).map { "\(label) \($0 + 1)" }, colormap: .redBlue,
            range: -largest...largest, cellSize: cellSize, title: title)
    }
}
