/// The matrix product.
extension Matrix {
    /// The matrix product `A B` of an `m × k` and a `k × n` matrix.
    ///
    /// ```
    /// (A B)[i, j] = Σₚ A[i, p] · B[p, j]
    /// ```
    public func matmul(_ other: Matrix) -> Matrix {
        Matrix.product(self, other)
    }

    /// The product `op(A) op(B)`, where `op` transposes its operand when asked to.
    ///
    /// Backpropagation needs `Aᵀ dZ` and `dZ Wᵀ`; asking for the transpose here states the
    /// intent and lets the shape message name the operands as written.
    public static func product(
        _ lhs: Matrix, _ rhs: Matrix, transposingLeft: Bool = false, transposingRight: Bool = false
    ) -> Matrix {
        var result = Matrix(rows: 0, columns: 0)
        multiply(lhs, rhs, transposingLeft: transposingLeft, transposingRight: transposingRight, into: &result)
        return result
    }
}

extension Matrix {
    /// The number of threads a large product is split over on this thread (2 by default, the
    /// machine's cores): `Kernels.threadCount`, set for a closure with
    /// `Kernels.withSettings(threads:)`. Results are bit-identical for every value.
    public static var productThreadCount: Int { Kernels.threadCount }
}
