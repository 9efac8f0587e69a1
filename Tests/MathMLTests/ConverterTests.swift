import Testing
import MathML

/// The `<mrow>` body of `tex`, without the `<math>` wrapper, minus the outer `<mrow>` tags.
private func body(_ tex: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
    let fragment = try MathML.fragment(tex)
    #expect(fragment.hasPrefix("<mrow>") && fragment.hasSuffix("</mrow>"), sourceLocation: sourceLocation)
    return String(fragment.dropFirst(6).dropLast(7))
}

@Suite struct DocumentTests {
    @Test func displayMathIsABlockWithTheSourceAsAnnotation() throws {
        #expect(try MathML.convert("x < y", display: true) == #"<math xmlns="http://www.w3.org/1998/Math/MathML" display="block"><semantics><mrow><mi>x</mi><mo>&lt;</mo><mi>y</mi></mrow><annotation encoding="application/x-tex">x &lt; y</annotation></semantics></math>"#)
    }

    @Test func inlineMathHasNoDisplayAttribute() throws {
        #expect(try MathML.convert("x", display: false) == #"<math xmlns="http://www.w3.org/1998/Math/MathML"><semantics><mrow><mi>x</mi></mrow><annotation encoding="application/x-tex">x</annotation></semantics></math>"#)
    }

    @Test func annotationEscapesTheSource() throws {
        let html = try MathML.convert(#"\text{"a" & b} > 0"#, display: false)
        #expect(html.contains(#"<annotation encoding="application/x-tex">\text{&quot;a&quot; &amp; b} &gt; 0</annotation>"#))
        #expect(html.contains("<mtext>&quot;a&quot; &amp; b</mtext><mo>&gt;</mo>"))
    }

    @Test func emptyFormulaIsAnEmptyRow() throws {
        #expect(try MathML.fragment("  ") == "<mrow></mrow>")
    }
}

@Suite struct TokenTests {
    @Test func numbersIdentifiersAndOperators() throws {
        #expect(try body("0.5 + 12x") == "<mn>0.5</mn><mo>+</mo><mn>12</mn><mi>x</mi>")
    }

    @Test func minusIsARealMinusSignAndUnaryAfterAnOperator() throws {
        #expect(try body("a-b") == "<mi>a</mi><mo>−</mo><mi>b</mi>")
        #expect(try body("-x") == #"<mo form="prefix">−</mo><mi>x</mi>"#)
        #expect(try body(#"\exp(-x)"#) == #"<mi>exp</mi><mo>&#x2061;</mo><mo stretchy="false">(</mo><mo form="prefix">−</mo><mi>x</mi><mo stretchy="false">)</mo>"#)
    }

    @Test func parenthesesDoNotStretch() throws {
        #expect(try body("P(Y = 1 \\mid x)") == #"<mi>P</mi><mo stretchy="false">(</mo><mi>Y</mi><mo>=</mo><mn>1</mn><mo>∣</mo><mi>x</mi><mo stretchy="false">)</mo>"#)
    }

    @Test func barsAreUnspacedFences() throws {
        #expect(try body("|x|") == #"<mo stretchy="false" lspace="0em" rspace="0em">|</mo><mi>x</mi><mo stretchy="false" lspace="0em" rspace="0em">|</mo>"#)
    }

    @Test func periodAndSlashAreUnspaced() throws {
        #expect(try body("a.") == #"<mi>a</mi><mo lspace="0em" rspace="0em">.</mo>"#)
        #expect(try body("1/2") == #"<mn>1</mn><mo lspace="0em" rspace="0em">/</mo><mn>2</mn>"#)
    }

    @Test func colonEqualsIsOneOperator() throws {
        #expect(try body("dZ := 1") == "<mi>d</mi><mi>Z</mi><mo>:=</mo><mn>1</mn>")
    }

    @Test func unicodeCharactersAreClassified() throws {
        #expect(try body("α + ≤") == "<mi>α</mi><mo>+</mo><mo>≤</mo>")
    }

    @Test func lettersWithoutBackslashAreSeparateIdentifiers() throws {
        #expect(try body("sin") == "<mi>s</mi><mi>i</mi><mi>n</mi>")
    }
}

@Suite struct ScriptTests {
    @Test func bracketSuperscript() throws {
        #expect(try body("W^{[1]}") == #"<msup><mi>W</mi><mrow><mo stretchy="false">[</mo><mn>1</mn><mo stretchy="false">]</mo></mrow></msup>"#)
    }

    @Test func nestedBracketsInASuperscript() throws {
        #expect(try body("a^{[2](i)}") == #"<msup><mi>a</mi><mrow><mo stretchy="false">[</mo><mn>2</mn><mo stretchy="false">]</mo><mo stretchy="false">(</mo><mi>i</mi><mo stretchy="false">)</mo></mrow></msup>"#)
    }

    @Test func subscriptAndSuperscriptInEitherOrder() throws {
        let expected = #"<msubsup><mi>w</mi><mrow><mi>j</mi><mi>k</mi></mrow><mrow><mo stretchy="false">(</mo><mi>L</mi><mo stretchy="false">)</mo></mrow></msubsup>"#
        #expect(try body("w_{jk}^{(L)}") == expected)
        #expect(try body("w^{(L)}_{jk}") == expected)
        #expect(try body("x_i^2") == "<msubsup><mi>x</mi><mi>i</mi><mn>2</mn></msubsup>")
    }

    @Test func scriptsOnAnEmptyBase() throws {
        #expect(try body("{}^{14}C") == "<msup><mrow></mrow><mn>14</mn></msup><mi>C</mi>")
    }

    @Test func primesFollowTheBaseUnscripted() throws {
        #expect(try body("\\sigma'(z)") == #"<mrow><mi>σ</mi><mo lspace="0em" rspace="0em">′</mo></mrow><mo stretchy="false">(</mo><mi>z</mi><mo stretchy="false">)</mo>"#)
        #expect(try body("f''") == #"<mrow><mi>f</mi><mo lspace="0em" rspace="0em">″</mo></mrow>"#)
        #expect(try body("f'_1") == #"<mrow><msub><mi>f</mi><mn>1</mn></msub><mo lspace="0em" rspace="0em">′</mo></mrow>"#)
    }

    @Test func primeWithAPowerOrWrittenAsASuperscript() throws {
        #expect(try body("f'^2") == "<msup><mi>f</mi><mrow><mo>′</mo><mn>2</mn></mrow></msup>")
        #expect(try body("\\sigma^{'}") == "<msup><mi>σ</mi><mo>′</mo></msup>")
    }

    @Test func singleTokenScriptsTakeOneDigit() throws {
        #expect(try body("x^12") == "<msup><mi>x</mi><mn>1</mn></msup><mn>2</mn>")
    }
}

@Suite struct FractionAndRootTests {
    @Test func fraction() throws {
        #expect(try body(#"\frac{1}{m}"#) == "<mfrac><mn>1</mn><mi>m</mi></mfrac>")
        #expect(try body(#"\frac12"#) == "<mfrac><mn>1</mn><mn>2</mn></mfrac>")
    }

    @Test func textStyleFraction() throws {
        #expect(try body(#"\tfrac{1}{2}"#) == #"<mstyle displaystyle="false"><mfrac><mn>1</mn><mn>2</mn></mfrac></mstyle>"#)
    }

    @Test func squareAndNthRoots() throws {
        #expect(try body(#"\sqrt{x^2 + 1}"#) == "<msqrt><msup><mi>x</mi><mn>2</mn></msup><mo>+</mo><mn>1</mn></msqrt>")
        #expect(try body(#"\sqrt[3]{x}"#) == "<mroot><mi>x</mi><mn>3</mn></mroot>")
    }
}

@Suite struct AlphabetTests {
    @Test func boldIsUnicodeBoldNotMathvariant() throws {
        #expect(try body(#"\mathbf{W}\mathbf{x}_1"#) == "<mi>𝐖</mi><msub><mi>𝐱</mi><mn>1</mn></msub>")
    }

    @Test func boldsymbolIsBoldItalicIncludingGreek() throws {
        #expect(try body(#"\boldsymbol{\theta}^k"#) == "<msup><mi>𝜽</mi><mi>k</mi></msup>")
        #expect(try body(#"\boldsymbol{Wx}"#) == "<mrow><mi>𝑾</mi><mi>𝒙</mi></mrow>")
        #expect(try body(#"\boldsymbol{1}"#) == "<mn>𝟏</mn>")
    }

    @Test func blackboardAndCalligraphic() throws {
        #expect(try body(#"\mathbb{R}^{n}"#) == "<msup><mi>ℝ</mi><mi>n</mi></msup>")
        #expect(try body(#"\mathcal{L}"#) == "<mi>ℒ</mi>")
        #expect(try body(#"\mathcal{A}"#) == "<mi>𝒜</mi>")
    }

    @Test func romanLetterIsUprightAndRomanWordIsOneIdentifier() throws {
        #expect(try body(#"\mathrm{d}x"#) == #"<mi mathvariant="normal">d</mi><mi>x</mi>"#)
        #expect(try body(#"\mathrm{ReLU}(x)"#) == #"<mi>ReLU</mi><mo stretchy="false">(</mo><mi>x</mi><mo stretchy="false">)</mo>"#)
    }

    @Test func indicatorOfASet() throws {
        #expect(try body(#"\mathbf{1}_{\{a \geq 1/2\}}"#) == #"<msub><mn>𝟏</mn><mrow><mo stretchy="false">{</mo><mi>a</mi><mo>≥</mo><mn>1</mn><mo lspace="0em" rspace="0em">/</mo><mn>2</mn><mo stretchy="false">}</mo></mrow></msub>"#)
    }

    @Test func textKeepsItsEdgeSpaces() throws {
        #expect(try body(#"\text{if } x < 0"#) == "<mtext>if&#xA0;</mtext><mi>x</mi><mo>&lt;</mo><mn>0</mn>")
        #expect(try body(#"\text{ is  output }"#) == "<mtext>&#xA0;is output&#xA0;</mtext>")
    }

    @Test func operatornameIsAFunction() throws {
        #expect(try body(#"\operatorname{diag}(h)"#) == #"<mi>diag</mi><mo>&#x2061;</mo><mo stretchy="false">(</mo><mi>h</mi><mo stretchy="false">)</mo>"#)
    }
}

@Suite struct AccentTests {
    @Test func hat() throws {
        #expect(try body(#"\hat{y}"#) == #"<mover accent="true"><mi>y</mi><mo stretchy="false">^</mo></mover>"#)
    }

    @Test func dotWithAScript() throws {
        #expect(try body(#"\dot{\mathbf{f}}^l"#) == #"<msup><mover accent="true"><mi>𝐟</mi><mo stretchy="false">˙</mo></mover><mi>l</mi></msup>"#)
    }

    @Test func barTildeVec() throws {
        #expect(try body(#"\bar{x}\tilde{w}\vec{v}"#) == #"<mover accent="true"><mi>x</mi><mo stretchy="false">¯</mo></mover><mover accent="true"><mi>w</mi><mo stretchy="false">~</mo></mover><mover accent="true"><mi>v</mi><mo stretchy="false" mathsize="70%">→</mo></mover>"#)
    }
}

@Suite struct SymbolTests {
    @Test func greekLowerItalicUpperUpright() throws {
        #expect(try body(#"\alpha\Delta\ell"#) == #"<mi>α</mi><mi mathvariant="normal">Δ</mi><mi>ℓ</mi>"#)
    }

    @Test func binaryOperators() throws {
        #expect(try body(#"a \cdot b \times c \odot d \otimes e"#) == "<mi>a</mi><mo>⋅</mo><mi>b</mi><mo>×</mo><mi>c</mi><mo>⊙</mo><mi>d</mi><mo>⊗</mo><mi>e</mi>")
    }

    @Test func relations() throws {
        #expect(try body(#"x \leq y \geq z \neq w \approx v \in S"#) == "<mi>x</mi><mo>≤</mo><mi>y</mi><mo>≥</mo><mi>z</mi><mo>≠</mo><mi>w</mi><mo>≈</mo><mi>v</mi><mo>∈</mo><mi>S</mi>")
    }

    @Test func arrows() throws {
        #expect(try body(#"a \leftarrow b \rightarrow c \longrightarrow d \implies e"#) == "<mi>a</mi><mo>←</mo><mi>b</mi><mo>→</mo><mi>c</mi><mo>⟶</mo><mi>d</mi><mo>⟹</mo><mi>e</mi>")
    }

    @Test func thereforeAndInfinity() throws {
        #expect(try body(#"\therefore x = \infty"#) == #"<mo lspace="0.2778em" rspace="0.2778em">∴</mo><mi>x</mi><mo>=</mo><mi>∞</mi>"#)
    }

    @Test func dotsAreUnspacedBesidePunctuationAndOperators() throws {
        #expect(try body(#"x_1, \dots, x_n"#) == "<msub><mi>x</mi><mn>1</mn></msub><mo>,</mo><mi>…</mi><mo>,</mo><msub><mi>x</mi><mi>n</mi></msub>")
        #expect(try body(#"a + \cdots + b"#) == "<mi>a</mi><mo>+</mo><mi>⋯</mi><mo>+</mo><mi>b</mi>")
        #expect(try body(#"\vdots \ddots"#) == "<mi>⋮</mi><mi>⋱</mi>")
    }

    @Test func dotsBetweenAtomsGetThinSpaces() throws {
        #expect(try body(#"w_1 \cdots w_n"#) == #"<msub><mi>w</mi><mn>1</mn></msub><mspace width="0.1667em"/><mi>⋯</mi><mspace width="0.1667em"/><msub><mi>w</mi><mi>n</mi></msub>"#)
    }

    @Test func transposeAndDerivativeSymbols() throws {
        #expect(try body(#"\mathbf{x}^\top"#) == "<msup><mi>𝐱</mi><mi>⊤</mi></msup>")
        #expect(try body(#"\partial \nabla"#) == #"<mi mathvariant="normal">∂</mi><mi mathvariant="normal">∇</mi>"#)
    }
}

@Suite struct FunctionAndLargeOperatorTests {
    @Test func functionBeforeAnAtomGetsAThinSpace() throws {
        #expect(try body(#"\log x"#) == #"<mi>log</mi><mo>&#x2061;</mo><mspace width="0.1667em"/><mi>x</mi>"#)
    }

    @Test func functionAfterAnAtomGetsAThinSpace() throws {
        #expect(try body(#"y\log(a)"#) == #"<mi>y</mi><mspace width="0.1667em"/><mi>log</mi><mo>&#x2061;</mo><mo stretchy="false">(</mo><mi>a</mi><mo stretchy="false">)</mo>"#)
    }

    @Test func sumWithLimits() throws {
        #expect(try body(#"\sum_{i=1}^m x_i"#) == "<munderover><mo>∑</mo><mrow><mi>i</mi><mo>=</mo><mn>1</mn></mrow><mi>m</mi></munderover><msub><mi>x</mi><mi>i</mi></msub>")
        #expect(try body(#"\prod_{k}^{n}"#) == "<munderover><mo>∏</mo><mi>k</mi><mi>n</mi></munderover>")
    }

    @Test func maxWithALimitBelow() throws {
        #expect(try body(#"\max_{x} f"#) == #"<munder><mi>max</mi><mi>x</mi></munder><mo>&#x2061;</mo><mspace width="0.1667em"/><mi>f</mi>"#)
    }
}

@Suite struct DelimiterAndSpacingTests {
    @Test func leftRightStretchAndTakeScripts() throws {
        #expect(try body(#"\left( \frac{a}{b} \right)^T"#) == "<msup><mrow><mo>(</mo><mfrac><mi>a</mi><mi>b</mi></mfrac><mo>)</mo></mrow><mi>T</mi></msup>")
    }

    @Test func bracesBarsAndNormBars() throws {
        #expect(try body(#"\left\{ x \right\}"#) == "<mrow><mo>{</mo><mi>x</mi><mo>}</mo></mrow>")
        #expect(try body(#"\left| x \right\|"#) == "<mrow><mo>|</mo><mi>x</mi><mo>‖</mo></mrow>")
    }

    @Test func emptyDelimiter() throws {
        #expect(try body(#"\left. x \right|_{0}"#) == "<msub><mrow><mi>x</mi><mo>|</mo></mrow><mn>0</mn></msub>")
    }

    @Test func spaces() throws {
        #expect(try body(#"a\,b\;c\quad d\qquad e\!f"#) == #"<mi>a</mi><mspace width="0.1667em"/><mi>b</mi><mspace width="0.2778em"/><mi>c</mi><mspace width="1em"/><mi>d</mi><mspace width="2em"/><mi>e</mi><mspace style="margin-left: -0.1667em"/><mi>f</mi>"#)
    }
}

@Suite struct EnvironmentTests {
    @Test func bmatrixWithAUnaryMinus() throws {
        #expect(try body(#"\begin{bmatrix} 1 & -1 \\ 0 & x \end{bmatrix}"#) == #"<mrow><mo>[</mo><mtable style="margin: 0 -0.25em"><mtr><mtd><mn>1</mn></mtd><mtd><mo form="prefix">−</mo><mn>1</mn></mtd></mtr><mtr><mtd><mn>0</mn></mtd><mtd><mi>x</mi></mtd></mtr></mtable><mo>]</mo></mrow>"#)
    }

    @Test func pmatrixAndMatrix() throws {
        #expect(try body(#"\begin{pmatrix} a \\ b \end{pmatrix}"#) == #"<mrow><mo>(</mo><mtable style="margin: 0 -0.25em"><mtr><mtd><mi>a</mi></mtd></mtr><mtr><mtd><mi>b</mi></mtd></mtr></mtable><mo>)</mo></mrow>"#)
        #expect(try body(#"\begin{matrix} a & b \end{matrix}"#) == "<mtable><mtr><mtd><mi>a</mi></mtd><mtd><mi>b</mi></mtd></mtr></mtable>")
    }

    @Test func trailingLineBreakDoesNotAddARow() throws {
        #expect(try body(#"\begin{bmatrix} a \\ b \\ \end{bmatrix}"#) == #"<mrow><mo>[</mo><mtable style="margin: 0 -0.25em"><mtr><mtd><mi>a</mi></mtd></mtr><mtr><mtd><mi>b</mi></mtd></mtr></mtable><mo>]</mo></mrow>"#)
    }

    @Test func alignedPairsRightAndLeftColumns() throws {
        #expect(try body(#"\begin{aligned} z &= 1 \\ y &= 2 \end{aligned}"#) == #"<mtable displaystyle="true"><mtr><mtd columnalign="right" style="text-align: -webkit-right; padding-right: 0"><mi>z</mi></mtd><mtd columnalign="left" style="text-align: -webkit-left; padding-left: 0"><mo>=</mo><mn>1</mn></mtd></mtr><mtr><mtd columnalign="right" style="text-align: -webkit-right; padding-right: 0"><mi>y</mi></mtd><mtd columnalign="left" style="text-align: -webkit-left; padding-left: 0"><mo>=</mo><mn>2</mn></mtd></mtr></mtable>"#)
    }

    @Test func casesAfterABrace() throws {
        #expect(try body(#"\begin{cases} 1, & x \geq 0 \\ 0, & \text{otherwise} \end{cases}"#) == #"<mrow><mo>{</mo><mtable style="margin-left: -0.25em"><mtr><mtd columnalign="left" style="text-align: -webkit-left"><mn>1</mn><mo>,</mo></mtd><mtd columnalign="left" style="text-align: -webkit-left; padding-left: 1em"><mi>x</mi><mo>≥</mo><mn>0</mn></mtd></mtr><mtr><mtd columnalign="left" style="text-align: -webkit-left"><mn>0</mn><mo>,</mo></mtd><mtd columnalign="left" style="text-align: -webkit-left; padding-left: 1em"><mtext>otherwise</mtext></mtd></mtr></mtable></mrow>"#)
    }

    @Test func arrayColumnAlignments() throws {
        #expect(try body(#"\begin{array}{lcr} a & b & c \end{array}"#) == #"<mtable><mtr><mtd columnalign="left" style="text-align: -webkit-left"><mi>a</mi></mtd><mtd><mi>b</mi></mtd><mtd columnalign="right" style="text-align: -webkit-right"><mi>c</mi></mtd></mtr></mtable>"#)
    }

    @Test func emptyCellsCount() throws {
        #expect(try body(#"\begin{matrix} a && b \\ c && d \end{matrix}"#) == "<mtable><mtr><mtd><mi>a</mi></mtd><mtd></mtd><mtd><mi>b</mi></mtd></mtr><mtr><mtd><mi>c</mi></mtd><mtd></mtd><mtd><mi>d</mi></mtd></mtr></mtable>")
    }
}
