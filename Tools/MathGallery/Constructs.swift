/// Every construct the converter supports, grouped as on the gallery page.
let constructs: [(section: String, formulas: [String])] = [
    ("Fractions", [
        #"\frac{1}{m} \sum_{i=1}^m x_i"#,
        #"\tfrac{1}{2} \lVert \mathbf{w} \rVert^2"#,
        #"\frac{\partial \mathcal{L}}{\partial W^{[\ell]}} = \frac{\partial \mathcal{L}}{\partial A^{[2]}} \cdot \frac{\partial A^{[2]}}{\partial Z^{[2]}}"#,
        #"\sigma(z) = \frac{1}{1 + e^{-z}}"#,
        #"\frac{\mathrm{d}y}{\mathrm{d}x}"#,
    ]),
    ("Sub- and superscripts", [
        #"W^{[1]} \in \mathbb{R}^{n_1 \times 2}"#,
        #"a^{[2](i)}, \quad w_{jk}^{(L)}, \quad x_i^2, \quad e^{-x}, \quad a^{[2]}_*"#,
        #"n_{p^{k+1}}^{k+1}, \quad \mathbf{w}_{p^{l-1}}^l"#,
        #"\sigma'(z) = \sigma(z)(1 - \sigma(z)), \quad \sigma^{'}(z), \quad f''(x)"#,
        #"(k - 1)^{\text{th}}"#,
    ]),
    ("Alphabets and text", [
        #"\mathbf{W} \mathbf{x} + \mathbf{b}, \quad \boldsymbol{\theta}, \quad \boldsymbol{\delta}^{(L)}, \quad \boldsymbol{Wx}"#,
        #"\mathbb{R}^{n \times m}, \quad \mathcal{L}(\boldsymbol{\theta}), \quad \mathrm{ReLU}(x), \quad \mathbf{1}"#,
        #"\hat{y} = \mathbf{1}_{\{a^{[2]} \geq 1/2\}}"#,
        #"\text{ReLU}(x) = \max(0, x) \quad \text{where } x \in \mathbb{R}"#,
        #"\operatorname{diag}(\mathbf{h}), \quad \mathit{loss}"#,
    ]),
    ("Accents", [
        #"\hat{y}, \quad \hat{y_i}, \quad \dot{\mathbf{f}}^l(\mathbf{n}^l), \quad \bar{x}, \quad \tilde{w}, \quad \vec{v}"#,
    ]),
    ("Greek letters", [
        #"\alpha \beta \gamma \delta \epsilon \varepsilon \zeta \eta \theta \iota \kappa \lambda \mu \nu \xi \pi \rho \sigma \tau \phi \varphi \chi \psi \omega"#,
        #"\Gamma \Delta \Theta \Lambda \Xi \Pi \Sigma \Phi \Psi \Omega \quad \ell"#,
    ]),
    ("Operators and relations", [
        #"a \cdot b \times c \odot d \otimes e \oplus f, \quad \partial, \nabla, \infty"#,
        #"x \leq y, \; x \geq y, \; x \neq y, \; x \approx y, \; x \equiv y, \; x \in S, \; P(Y = 1 \mid x)"#,
        #"\theta \leftarrow \theta - \eta \nabla_{\theta} L, \quad dZ^{[\ell]} := \frac{\partial \mathcal{L}}{\partial Z^{[\ell]}}"#,
        #"A \rightarrow B \longrightarrow C \implies D \Rightarrow E, \quad \therefore \; x = y"#,
        #"x_1, x_2, \dots, x_n, \quad x_1 + \cdots + x_n, \quad \mathbf{x}^\top, \quad \mathbf{v}^T"#,
    ]),
    ("Large operators and functions", [
        #"\mathcal{L} = -\frac{1}{m} \sum_{i=1}^m \left(y^{(i)} \log(a^{[2](i)}) + (1 - y^{(i)}) \log(1 - a^{[2](i)}) \right)"#,
        #"\prod_{k=1}^{n} a_k, \quad \sum w_i x_i + b"#,
        #"\exp(-x), \quad \max(0, z), \quad \min_{x} f(x), \quad \tanh(x) = 2\sigma(2x) - 1, \quad \log \hat{y}"#,
        #"\sqrt{x_1^2 + x_2^2}, \quad \sqrt[3]{x}"#,
    ]),
    ("Delimiters", [
        #"\left( \frac{\partial}{\partial x_1}, \dots, \frac{\partial}{\partial x_n} \right)^T"#,
        #"\left[ \frac{a}{b} \right], \quad \left\{ \frac{a}{b} \right\}, \quad \left| \frac{a}{b} \right|, \quad \left\| \frac{a}{b} \right\|"#,
        #"\left. \frac{\mathrm{d}f}{\mathrm{d}x} \right|_{x = 0}, \quad |f(\mathbf{x}_n) - f(\mathbf{x}_{n-1})| < \epsilon"#,
    ]),
    ("Spacing", [
        #"a\,b \quad a\;b \quad a\!b \quad a\qquad b \quad a~b"#,
    ]),
    ("Environments", [
        #"\mathbf{W} = \begin{bmatrix} w_{1,1} & w_{1,2} \\ w_{2,1} & w_{2,2} \\ \vdots & \vdots \\ w_{n,1} & w_{n,2} \end{bmatrix}_{n \times 2}"#,
        #"\begin{pmatrix} 1 & -1 \\ -1 & 1 \end{pmatrix} \begin{matrix} a & b \\ c & d \end{matrix} \begin{vmatrix} a & b \\ c & d \end{vmatrix}"#,
        #"\begin{aligned} z^{[1]} &= W^{[1]}x + b^{[1]}, & a^{[1]} &= \sigma(z^{[1]}), \\ z^{[2]} &= W^{[2]}a^{[1]} + b^{[2]}, & a^{[2]} &= \sigma(z^{[2]}). \end{aligned}"#,
        #"f(x) = \begin{cases} 1, & \text{if } x \geq 0, \\ 0, & \text{otherwise.} \end{cases}"#,
        #"\begin{array}{lcr} \text{left} & \text{centre} & \text{right} \\ x_1 & x_1 + x_2 & \frac{1}{2} \end{array}"#,
    ]),
]
