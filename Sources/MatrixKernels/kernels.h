// Shared by the kernel files; not part of the public header.
#ifndef MK_KERNELS_INTERNAL_H
#define MK_KERNELS_INTERNAL_H

#if defined(__x86_64__)
#define MK_X86 1
#else
#define MK_X86 0
#endif

#include <stddef.h>

// The depth of a packed block: every entry of a product is summed in chains of this many
// depth steps, each from zero (gemm.c); sparse.c follows the same chains.
enum { MK_DEPTH_BLOCK = 256 };

// C = A B (or C += A B) with gemm.c's bits, for a mostly-zero A (a batch of images, stored
// row by row) and an untransposed B, reading only the rows of B that nonzero entries of A
// select (sparse.c). Returns 0, having written nothing, when the first rows of A are not
// mostly zero or an entry of B is NaN or ±∞.
int mk_dgemm_sparse_rows(ptrdiff_t m, ptrdiff_t n, ptrdiff_t k, const double *a, ptrdiff_t lda,
                         const double *b, ptrdiff_t ldb, double *c, ptrdiff_t ldc, int accumulate);

#endif
