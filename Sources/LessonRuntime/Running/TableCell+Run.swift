import Engine
import LessonFormat
import MathML
import Report

extension TableCell: RunnableCell {
    var requestedSteps: [TraceStep] {
        kind == .trace ? step.requestedSteps : []
    }

    func run(_ cell: Cell, in session: Session) throws(LessonError) {
        let table: ReportTable
        switch kind {
        case .updates: table = try updatesTable(cell, session: session)
        case .truthTable: table = try truthTable(cell, session: session)
        case .trace: table = try traceTable(cell, session: session)
        case .history: table = try historyTable(cell, session: session)
        case .gradientCheck: table = try gradientCheckTable(cell, session: session)
        case .gradientDescent: table = gradientDescentTable(session: session)
        }
        session.append(.table(table))
    }

    /// A table of at most `rowLimit` rows, its caption the lesson's (or `automatic`) followed by
    /// `remarks` and a note of the rows left out.
    ///
    /// - Parameters:
    ///   - keepingLast: whether a cut table still ends with the last row (a history's last epoch).
    ///   - totalCount: the rows there would be, when only the first `rowLimit` were computed.
    func table(
        headers: [String], rows: [[String]], numericColumns: Set<Int>, automatic: String, remarks: [String] = [],
        keepingLast: Bool = false, totalCount: Int? = nil
    ) -> ReportTable {
        var shown = rows
        var sentences = [caption ?? automatic] + remarks
        if let totalCount, totalCount > rows.count {
            sentences.append("The first \(rows.count) of \(totalCount) rows are shown.")
        } else if rows.count > rowLimit {
            if keepingLast, rowLimit >= 2 {
                shown = Array(rows.prefix(rowLimit - 1)) + [rows[rows.count - 1]]
                sentences.append("The first \(rowLimit - 1) of \(rows.count) rows and the last are shown.")
            } else {
                shown = Array(rows.prefix(rowLimit))
                sentences.append("The first \(rowLimit) of \(rows.count) rows are shown.")
            }
        }
        let text = sentences.filter { !$0.isEmpty }.joined(separator: " ")
        return ReportTable(headers: headers, rows: shown, caption: text.isEmpty ? nil : text, numericColumns: numericColumns)
    }
}

extension Session {
    /// A matrix as table text: a number for 1×1, `[a, b]` for a row or a column, `[a, b; c, d]` otherwise.
    func vectorText(_ matrix: Matrix) -> String {
        if matrix.isScalar { return format(matrix.values[0]) }
        if matrix.rows == 1 || matrix.columns == 1 {
            return "[" + matrix.values.map(format).joined(separator: ", ") + "]"
        }
        return "[" + matrix.rowArrays.map { $0.map(format).joined(separator: ", ") }.joined(separator: "; ") + "]"
    }

    /// A matrix as inline math for a table cell: a number for 1×1, a small elided `bmatrix`
    /// otherwise (at most 5 × 5 entries, the dots included). Every entry, a lone number too, is
    /// typeset by the rule of `format`, so a column of them shows its digits one way.
    func compactMath(_ matrix: Matrix) -> String {
        let digits = header.digits
        if matrix.isScalar { return "$" + NumberText.tex(matrix.values[0], significantDigits: digits) + "$" }
        func shown(_ count: Int) -> [Int?] {
            let limit = 5
            guard count > limit else { return Array(0..<count) }
            let head = limit / 2
            return Array(0..<head) + [nil] + Array((count - (limit - 1 - head))..<count)
        }
        let columns = shown(matrix.columns)
        let body = shown(matrix.rows).map { row in
            columns.map { column -> String in
                switch (row, column) {
                case (nil, nil): return "\\ddots"
                case (nil, _): return "\\vdots"
                case (_, nil): return "\\cdots"
                case let (row?, column?): return NumberText.tex(matrix[row, column], significantDigits: digits)
                }
            }.joined(separator: " & ")
        }.joined(separator: " \\\\ ")
        return "$\\begin{bmatrix} " + body + " \\end{bmatrix}$"
    }
}

extension TableCell {
    /// The iterates of the walk: n, xₙ, yₙ, f(xₙ, yₙ) and ∇f(xₙ, yₙ); the walk becomes the one
    /// `{iteration: n}` names below.
    func gradientDescentTable(session: Session) -> ReportTable {
        guard let walk else { preconditionFailure("a gradient-descent table reads its walk") }
        let path = walk.run()
        session.walk = path
        let rows = path.points.indices.map { step in
            let point = path.points[step], gradient = path.gradients[step]
            return [String(step), session.format(point.values[0]), session.format(point.values[1]),
                    session.format(path.values[step]),
                    "(\(session.format(gradient.values[0])), \(session.format(gradient.values[1])))"]
        }
        let formula = walk.function.gradient.map { $0.tex(index: "n") }.joined(separator: ", ")
        let gradientHeader = formula.count <= 48 ? "$\\nabla f = (\(formula))$" : "$\\nabla f(x_n, y_n)$"
        var automatic = "Gradient descent on $f(x, y) = \(walk.function.function.tex())$ from (\(session.format(walk.start.x)), \(session.format(walk.start.y))) with "
        automatic += walk.optimizer.name == GradientDescent.name
            ? "$\\eta$ = \(session.format(walk.learningRate)): each step is $(x, y) \\leftarrow (x, y) - \\eta\\,\\nabla f$."
            : "\(walk.optimizer.description) and $\\eta$ = \(session.format(walk.learningRate))."
        var remarks = [String]()
        if let step = path.divergedStep { remarks.append("Step \(step) would leave the finite numbers, so the walk ends there.") }
        return table(
            headers: ["$n$", "$x_n$", "$y_n$", "$f(x_n, y_n)$", gradientHeader], rows: rows,
            numericColumns: [0, 1, 2, 3], automatic: automatic, remarks: remarks, keepingLast: true)
    }
}
