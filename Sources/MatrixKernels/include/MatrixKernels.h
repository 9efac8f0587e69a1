// The engine's hot loops: the blocked matrix product and the vectorized exponential.
//
// Written in C so that one binary carries both an AVX2 + FMA version and a baseline
// version of each loop and picks one at run time (`mk_uses_avx2`). Swift has no way to
// compile one function for two instruction sets, and the baseline x86-64 target reaches
// about a quarter of what the cores of a machine from the last decade can do.
#ifndef MATRIX_KERNELS_H
#define MATRIX_KERNELS_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Whether this machine runs the AVX2 + FMA versions (decided once, on first use).
int mk_uses_avx2(void);

/// Forces the baseline versions (`1`) or lets the machine decide (`0`) on the calling
/// thread only; for tests that compare the two.
void mk_force_baseline(int force);

/// `C = op(A) op(B)`, or `C += op(A) op(B)` when `accumulate` is non-zero, on one thread.
///
/// Row-major `double` matrices: `op(A)` is `m × k`, `op(B)` is `k × n`, `C` is `m × n`;
/// `lda`, `ldb`, `ldc` are the distances between consecutive rows as stored. With
/// `transpose_a`, `A` is stored `k × m` and read transposed; likewise `B` (`n × k`).
///
/// Small and skinny products (`mk_dgemm_is_direct`) are computed directly, others by
/// `mk_dgemm_packed`; the choice depends on the shape alone.
void mk_dgemm(int transpose_a, int transpose_b, ptrdiff_t m, ptrdiff_t n, ptrdiff_t k,
              const double *a, ptrdiff_t lda, const double *b, ptrdiff_t ldb,
              double *c, ptrdiff_t ldc, int accumulate);

/// Whether `mk_dgemm` computes an `m × k` by `k × n` product directly, without packing.
int mk_dgemm_is_direct(ptrdiff_t m, ptrdiff_t n, ptrdiff_t k);

/// The packed, blocked product. Every entry of `C` is summed in one fixed order, blocks of
/// 256 depth steps in turn, each from zero, so the result does not depend on which part of
/// `C` a call computes: a product split over threads by rows or columns gives the same bits.
void mk_dgemm_packed(int transpose_a, int transpose_b, ptrdiff_t m, ptrdiff_t n, ptrdiff_t k,
                     const double *a, ptrdiff_t lda, const double *b, ptrdiff_t ldb,
                     double *c, ptrdiff_t ldc, int accumulate);

/// `y[i] = exp(x[i])` for `count` entries, to within 2 ulp of the exact value; `y` may be `x`.
///
/// Overflows to `+inf` above 709.78 and underflows to 0 below −745.13, as `exp` does; NaN stays NaN.
void mk_exp(const double *x, double *y, ptrdiff_t count);

#ifdef __cplusplus
}
#endif

#endif
