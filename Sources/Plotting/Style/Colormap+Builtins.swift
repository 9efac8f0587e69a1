extension Colormap {
    /// matplotlib's viridis: sequential, perceptually uniform, readable in grey.
    ///
    /// Colour-blind readers see it well too. Use it for heatmaps of a quantity without a
    /// meaningful midpoint.
    ///
    /// The stops are every eighth entry of the published 256-entry table (plus the last),
    /// interpolated linearly.
    public static let viridis = Colormap(name: "viridis", stops: viridisStops)

    /// A diverging blue–white–red map (ColorBrewer RdBu, reversed: low is blue, high is red).
    ///
    /// Use it with a range centred on the midpoint: probabilities around 0.5 (`0...1`) and
    /// signed weights (`-m...m`).
    public static let redBlue = Colormap(
        name: "RdBu_r",
        stops: [
            0x053061, 0x2166AC, 0x4393C3, 0x92C5DE, 0xD1E5F0, 0xF7F7F7,
            0xFDDBC7, 0xF4A582, 0xD6604D, 0xB2182B, 0x67001F,
        ].map { Color(hex: $0) })

    /// A light blue–white–red map for decision regions: the same hues as ``redBlue`` but pale,
    /// so data points and the decision contour drawn on top stay readable.
    public static let decisionRegions = Colormap(
        name: "decision",
        stops: [0x9AC5E5, 0xBFDAEE, 0xE2EEF6, 0xF7F7F7, 0xF9E5DB, 0xF4CAB6, 0xEEB096].map { Color(hex: $0) })

    /// ColorBrewer Blues: white to dark blue, for counts (confusion matrices).
    public static let blues = Colormap(
        name: "Blues",
        stops: [
            0xF7FBFF, 0xDEEBF7, 0xC6DBEF, 0x9ECAE1, 0x6BAED6, 0x4292C6, 0x2171B5, 0x08519C, 0x08306B,
        ].map { Color(hex: $0) })

    /// White to black, for digits drawn as ink on paper.
    public static let grayInverted = Colormap(name: "gray_r", stops: [.white, .black])

    private static let viridisStops: [(position: Double, color: Color)] = [
        (0, 0.267004, 0.004874, 0.329415), (8, 0.277018, 0.050344, 0.375715),
        (16, 0.282327, 0.094955, 0.417331), (24, 0.282884, 0.135920, 0.453427),
        (32, 0.278826, 0.175490, 0.483397), (40, 0.270595, 0.214069, 0.507052),
        (48, 0.258965, 0.251537, 0.524736), (56, 0.244972, 0.287675, 0.537260),
        (64, 0.229739, 0.322361, 0.545706), (72, 0.214298, 0.355619, 0.551184),
        (80, 0.199430, 0.387607, 0.554642), (88, 0.185556, 0.418570, 0.556753),
        (96, 0.172719, 0.448791, 0.557885), (104, 0.160665, 0.478540, 0.558115),
        (112, 0.149039, 0.508051, 0.557250), (120, 0.137770, 0.537492, 0.554906),
        (128, 0.127568, 0.566949, 0.550556), (136, 0.120565, 0.596422, 0.543611),
        (144, 0.120638, 0.625828, 0.533488), (152, 0.132268, 0.655014, 0.519661),
        (160, 0.157851, 0.683765, 0.501686), (168, 0.196571, 0.711827, 0.479221),
        (176, 0.246070, 0.738910, 0.452024), (184, 0.304148, 0.764704, 0.419943),
        (192, 0.369214, 0.788888, 0.382914), (200, 0.440137, 0.811138, 0.340967),
        (208, 0.515992, 0.831158, 0.294279), (216, 0.595839, 0.848717, 0.243329),
        (224, 0.678489, 0.863742, 0.189503), (232, 0.762373, 0.876424, 0.137064),
        (240, 0.845561, 0.887322, 0.099702), (248, 0.926106, 0.897330, 0.104071),
        (255, 0.993248, 0.906157, 0.143936),
    ].map { (index: Double, red: Double, green: Double, blue: Double) in
        (position: index / 255, color: Color(red: red, green: green, blue: blue))
    }
}
