import Foundation

/// The colours a figure is drawn in: the book's light page, or a dark page.
///
/// A figure is built once, with the light colours of ``Theme`` and ``Palette``, and can be
/// rendered in either appearance (``Figure/render(appearance:layout:)``). The dark appearance
/// maps every colour the renderer is given, and marks that turn values into pixels through a
/// ``Colormap`` ask ``colormap(_:)`` for the dark map, so the data stay the same and only the
/// colours change:
///
/// - greys turn over: the white background becomes the dark page (`#16181C`), dark ink becomes
///   light ink (`#E6E6E6`), light grid lines become dark ones;
/// - pale tints (decision regions) become dark tints of the same hue, a little more coloured;
///   the classes' region tints (``Palette/regionTint(_:)``) become the class's dark colour
///   mixed with the background;
/// - saturated colours (the Okabe–Ito classes and series) keep their hue and chroma and are
///   lightened where needed to read on the dark background;
/// - colour maps become their dark versions: viridis stays as it is (it reads on both),
///   Blues and the diverging red–blue map run from the dark background to light colours, and
///   any other map has each entry mapped as a colour.
///
/// The mapping works in OKLab, so lightness changes without shifting hue. It is a pure function
/// of the colour: the same figure always gives the same pixels.
public struct Appearance: Hashable, Sendable {
    /// Which of the two appearances.
    public enum Scheme: String, Hashable, Sendable {
        case light, dark
    }

    /// Light or dark.
    public let scheme: Scheme

    /// The book's light page: every colour as it is.
    public static let light = Appearance(scheme: .light)
    /// A dark page: greys turned over, colours lightened, dark colour maps.
    public static let dark = Appearance(scheme: .dark)

    /// The dark appearance's background, the dark page's colour.
    public static let darkBackground = Color(hex: 0x16181C)
    /// The dark appearance's ink, the light text of the dark page (what ``Palette/ink`` becomes).
    public static let darkInk = Color(hex: 0xE6E6E6)

    /// The colour to draw in place of `color` (the light colour it was given).
    public func color(_ color: Color) -> Color {
        switch scheme {
        case .light: color
        case .dark:
            if let tint = Self.darkRegionTints[color.withAlpha(1).rgba8] { tint.withAlpha(color.alpha) } else { Self.darkColor(color) }
        }
    }

    /// The stroke style with its colour mapped.
    public func stroke(_ style: StrokeStyle) -> StrokeStyle {
        guard scheme == .dark else { return style }
        var mapped = style
        mapped.color = color(style.color)
        return mapped
    }

    /// The colour map to draw in place of `colormap`.
    public func colormap(_ colormap: Colormap) -> Colormap {
        switch scheme {
        case .light:
            return colormap
        case .dark:
            switch colormap.name {
            case Colormap.viridis.name: return colormap
            case Colormap.blues.name: return Self.darkBlues
            case Colormap.redBlue.name: return Self.darkRedBlue
            case Colormap.decisionRegions.name: return Self.darkDecisionRegions
            default: return Colormap(name: colormap.name + "_dark", stops: colormap.table.map(Self.darkColor))
            }
        }
    }

    /// Which of two colours to write on `background` (a colour as drawn, already in this
    /// appearance) so that it reads: the one whose drawn colour is light on a dark background
    /// and dark on a light one.
    public func textColor(on background: Color, dark: Color = Palette.ink, light: Color = .white) -> Color {
        let wantsLight = background.luminance < 0.5
        let a = color(dark).luminance
        let b = color(light).luminance
        return wantsLight == (b > a) ? light : dark
    }

    // MARK: - The dark mapping

    private static let darkBlues = Colormap(
        name: "Blues_dark",
        stops: [
            0x1B1F26, 0x1B2A3C, 0x1C3A56, 0x1F4C72, 0x255F8E, 0x3274A8, 0x4A8CC0, 0x6FA8D6, 0x9DC6EA,
        ].map { Color(hex: $0) })

    private static let darkRedBlue = Colormap(
        name: "RdBu_r_dark",
        stops: [
            0x9DC6EA, 0x6FA8D6, 0x3F7FB8, 0x275A8A, 0x1E3A57, 0x1E2127, 0x5A2626, 0x8A3232, 0xB8463F, 0xDC6F5E,
            0xF3A08F,
        ].map { Color(hex: $0) })

    private static let darkDecisionRegions = Colormap(
        name: "decision_dark", stops: Colormap.decisionRegions.table.map(darkColor))

    /// The classes' region tints (``Palette/regionTint(_:)``) on a dark page: the class's dark
    /// colour mixed with 65 % of the background, so a region has the hue of its points.
    private static let darkRegionTints: [RGBA8: Color] = Dictionary(
        uniqueKeysWithValues: Palette.okabeIto.indices.map { index in
            let dark = darkColor(Palette.color(index)).mixed(with: darkBackground, fraction: 0.65).rgba8
            return (
                Palette.regionTint(index).rgba8,
                Color(red: Double(dark.red) / 255, green: Double(dark.green) / 255, blue: Double(dark.blue) / 255)
            )
        })

    private static let backgroundLab = OKLab(darkBackground)
    private static let inkLab = OKLab(Palette.ink)
    private static let darkInkLab = OKLab(darkInk)
    /// The slope that takes white to the dark background and the light ink to the dark ink.
    private static let inversionSlope = (darkInkLab.l - backgroundLab.l) / (1 - inkLab.l)
    /// The least lightness of a saturated colour on the dark background (4.5 : 1 contrast or
    /// more for the Okabe–Ito colours); a colour lifted to it gains a little chroma, so the
    /// blue stays apart from the sky blue.
    private static let saturatedFloor = 0.61
    private static let liftedChroma = 1.1
    /// How much more chroma a pale tint gets when it turns into a dark one.
    private static let darkTintChroma = 1.8

    /// The dark colour for a light one: lightness turned over for greys and pale tints,
    /// raised to at least ``saturatedFloor`` for saturated colours, blended between the two
    /// by chroma; alpha is kept.
    static func darkColor(_ color: Color) -> Color {
        let lab = OKLab(color)
        let chroma = (lab.a * lab.a + lab.b * lab.b).squareRoot()
        let saturated = smoothstep(0.05, 0.12, chroma)
        let turned = backgroundLab.l + (1 - lab.l) * inversionSlope
        let kept = max(lab.l, saturatedFloor)
        let lightness = min(max(turned + (kept - turned) * saturated, 0), 1)
        // A dark tint needs more chroma than a pale one to look as coloured; a lifted colour a little.
        let darkTint = 1 + (darkTintChroma - 1) * (1 - saturated)
        let boost = (lab.l < saturatedFloor ? 1 + (liftedChroma - 1) * saturated : 1) * darkTint
        // Greys take the dark page's slight blue, fully at the background and none at mid grey.
        let tint = (1 - saturated) * min(max((0.6 - lightness) / (0.6 - backgroundLab.l), 0), 1)
        let mapped = OKLab(
            l: lightness, a: lab.a * boost * (1 - tint) + backgroundLab.a * tint,
            b: lab.b * boost * (1 - tint) + backgroundLab.b * tint)
        // Rounded to 8 bits, so a colour read back from a PNG equals the mapped colour.
        let rgba = mapped.color(alpha: color.alpha).rgba8
        return Color(
            red: Double(rgba.red) / 255, green: Double(rgba.green) / 255, blue: Double(rgba.blue) / 255,
            alpha: color.alpha)
    }

    private static func smoothstep(_ low: Double, _ high: Double, _ x: Double) -> Double {
        let t = min(max((x - low) / (high - low), 0), 1)
        return t * t * (3 - 2 * t)
    }
}

/// A colour in Björn Ottosson's OKLab space: lightness `l` in `0...1` and the opponent axes
/// `a` (green–red) and `b` (blue–yellow).
struct OKLab {
    var l: Double
    var a: Double
    var b: Double

    init(l: Double, a: Double, b: Double) {
        self.l = l
        self.a = a
        self.b = b
    }

    /// The OKLab coordinates of an sRGB colour.
    init(_ color: Color) {
        let r = Self.linear(color.red)
        let g = Self.linear(color.green)
        let b = Self.linear(color.blue)
        let l = cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b)
        let m = cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b)
        let s = cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b)
        self.l = 0.2104542553 * l + 0.7936177850 * m - 0.0040720468 * s
        self.a = 1.9779984951 * l - 2.4285922050 * m + 0.4505937099 * s
        self.b = 0.0259040371 * l + 0.7827717662 * m - 0.8086757660 * s
    }

    /// The sRGB colour, each component clamped to `0...1`.
    func color(alpha: Double) -> Color {
        let l = pow(self.l + 0.3963377774 * a + 0.2158037573 * b, 3)
        let m = pow(self.l - 0.1055613458 * a - 0.0638541728 * b, 3)
        let s = pow(self.l - 0.0894841775 * a - 1.2914855480 * b, 3)
        let r = 4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s
        let g = -1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s
        let bl = -0.0041960863 * l - 0.7034186147 * m + 1.7076147010 * s
        return Color(red: Self.encoded(r), green: Self.encoded(g), blue: Self.encoded(bl), alpha: alpha)
    }

    private static func linear(_ c: Double) -> Double {
        c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
    }

    private static func encoded(_ c: Double) -> Double {
        let v = min(max(c, 0), 1)
        return v <= 0.0031308 ? 12.92 * v : 1.055 * pow(v, 1 / 2.4) - 0.055
    }
}
