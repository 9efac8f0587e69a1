/// The categorical colours for classes and series: Okabe and Ito's palette, which stays
/// distinguishable for the common forms of colour blindness.
public enum Palette {
    /// Blue, vermillion, bluish green, orange, reddish purple, sky blue, yellow, black.
    public static let okabeIto: [Color] = [
        0x0072B2, 0xD55E00, 0x009E73, 0xE69F00, 0xCC79A7, 0x56B4E9, 0xF0E442, 0x000000,
    ].map { Color(hex: $0) }

    /// The colour of class or series `index` (cycling through ``okabeIto``).
    public static func color(_ index: Int) -> Color {
        okabeIto[((index % okabeIto.count) + okabeIto.count) % okabeIto.count]
    }

    /// The pale tint of class `index`'s colour that fills the region where a classifier decides
    /// that class (the colour mixed with 72 % white), so points of the class stand out on it.
    public static func regionTint(_ index: Int) -> Color {
        color(index).mixed(with: .white, fraction: 0.72)
    }

    /// A dark grey for text, axes and contours (softer than pure black, as in matplotlib).
    public static let ink = Color(hex: 0x262626)
    /// A mid grey for secondary text and tick marks.
    public static let secondaryInk = Color(hex: 0x555555)
    /// The light grey of grid lines.
    public static let grid = Color(hex: 0xE3E3E3)
    /// The colour that marks mistakes (misclassified digits).
    public static let mistake = Color(hex: 0xD55E00)
}
