import Testing

import MathML

/// `xmlEscaped`, the one escaper of the converter's MathML, the report's HTML and the gallery.
@Suite struct EscapingTests {
    /// What the report's escaper did: each Unicode scalar `&`, `<`, `>`, `"` as its entity.
    func scalarByScalar(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    @Test func theFourCharactersBecomeEntitiesAndNothingElseChanges() {
        #expect(#"a < b && c > "d" 'e'"#.xmlEscaped == "a &lt; b &amp;&amp; c &gt; &quot;d&quot; 'e'")
        #expect("σ(x) ≤ 1 · 𝐰ᵀ𝐱 👩‍👩‍👧".xmlEscaped == "σ(x) ≤ 1 · 𝐰ᵀ𝐱 👩‍👩‍👧")
        #expect("".xmlEscaped == "")
        #expect("&amp;".xmlEscaped == "&amp;amp;")
    }

    /// A `<` with a combining mark after it is one Character in Swift but still a `<` to a
    /// browser: it is escaped.
    @Test func aMarkupCharacterFollowedByACombiningMarkIsEscaped() {
        #expect("<\u{301}x>".xmlEscaped == "&lt;\u{301}x&gt;")
        #expect("\"\u{20D7}".xmlEscaped == "&quot;\u{20D7}")
    }

    @Test func itGivesTheBytesOfEscapingScalarByScalar() {
        let alphabet: [Unicode.Scalar] = ["a", "&", "<", ">", "\"", "'", " ", "\n", "é", "\u{301}", "σ", "𝐱", "👩", "\u{200D}"]
        var state: UInt64 = 7
        for _ in 0..<500 {
            var text = ""
            for _ in 0..<Int(state % 17) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text.unicodeScalars.append(alphabet[Int(state >> 33) % alphabet.count])
            }
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            #expect(Array(text.xmlEscaped.utf8) == Array(scalarByScalar(text).utf8), "\(text.debugDescription)")
        }
    }
}
