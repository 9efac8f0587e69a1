// Products whose left operand is a batch of images stored row by row, mostly zeros: x·W1, the
// largest product of an MNIST step (four fifths of each image is background, exactly 0).
//
// The packed kernel sums each entry of C as chains of fused multiply-adds over blocks of
// `MK_DEPTH_BLOCK` depth steps, each chain from zero, and it drops the steps where six rows
// of A are zero together (gemm.c). Six images share few zero pixels, and it packs all of B
// (the weights) for every product. Here each row of C follows its own image's nonzero pixels
// and reads just those rows of B in place: the same chains, the same bits (with the packed
// kernel's one exception, the sign of a zero from underflow), a fifth of the arithmetic.
// The path is taken only when every entry of B is finite: 0·∞ is NaN, which skipping loses.
#include "MatrixKernels.h"
#include "kernels.h"

#include <stdint.h>
#include <string.h>
#if MK_X86
#include <immintrin.h>
#endif

enum {
    WORDS = MK_DEPTH_BLOCK / 64,  // bit words marking the nonzero steps of one depth block
    CHUNK = 32,                   // entries of a row of C summed side by side: eight vectors
};

// Whether A (m × k) looks mostly zero: at most one entry in three nonzero in its first four
// rows (four images of a batch). Reading all of it cost a fifth of the product; a wrong guess
// costs time, never bits.
static int mostly_zero(const double *a, ptrdiff_t lda, ptrdiff_t m, ptrdiff_t k) {
    ptrdiff_t rows = m < 4 ? m : 4, columns = k;
    ptrdiff_t nonzero = 0;
    for (ptrdiff_t r = 0; r < rows; r++) {
        const double *row = a + r * lda;
        for (ptrdiff_t t = 0; t < columns; t++) nonzero += row[t] != 0;
    }
    return 3 * nonzero <= rows * columns;
}

// Marks the nonzero entries among `row[0..<kc]` (one depth block of a row of A): bit p mod 64
// of word p / 64. NaN counts as nonzero.
static void mark_nonzero(const double *row, ptrdiff_t kc, uint64_t *bits) {
    for (int w = 0; w < WORDS; w++) bits[w] = 0;
    for (ptrdiff_t p = 0; p < kc; p++) bits[p >> 6] |= (uint64_t)(row[p] != 0) << (p & 63);
}

// Each nonzero step p of the depth block, in order, with `value` = row[p] and `b_row` the
// row of B it multiplies.
#define FOR_EACH_NONZERO(BODY)                                                 \
    for (int w = 0; w < WORDS; w++) {                                          \
        for (uint64_t mask = bits[w]; mask; mask &= mask - 1) {                \
            ptrdiff_t p = w * 64 + __builtin_ctzll(mask);                      \
            double value = row[p];                                             \
            const double *b_row = b + p * ldb;                                 \
            BODY                                                               \
        }                                                                      \
    }

// One depth block of one row: `row` holds A's entries of the block, `b` B's rows of the block,
// `out` the row of C, which the block's sums replace (`add` 0) or are added to.
typedef void (*row_block)(const double *row, ptrdiff_t kc, const double *b, ptrdiff_t ldb, ptrdiff_t n,
                          double *out, int add);

// Every row of C, block after block of MK_DEPTH_BLOCK depth steps, each block's sums from zero.
static void for_each_row_block(ptrdiff_t m, ptrdiff_t n, ptrdiff_t k, const double *a, ptrdiff_t lda,
                               const double *b, ptrdiff_t ldb, double *c, ptrdiff_t ldc, int accumulate,
                               row_block body) {
    for (ptrdiff_t i = 0; i < m; i++) {
        for (ptrdiff_t pc = 0; pc < k; pc += MK_DEPTH_BLOCK) {
            ptrdiff_t kc = k - pc < MK_DEPTH_BLOCK ? k - pc : MK_DEPTH_BLOCK;
            body(a + i * lda + pc, kc, b + pc * ldb, ldb, n, c + i * ldc, accumulate || pc > 0);
        }
    }
}

// The baseline: multiply, then add, as the baseline micro-kernel does.
static void block_baseline(const double *row, ptrdiff_t kc, const double *b, ptrdiff_t ldb, ptrdiff_t n,
                           double *out, int add) {
    uint64_t bits[WORDS];
    double sums[CHUNK];
    mark_nonzero(row, kc, bits);
    for (ptrdiff_t j0 = 0; j0 < n; j0 += CHUNK) {
        ptrdiff_t width = n - j0 < CHUNK ? n - j0 : CHUNK;
        for (ptrdiff_t t = 0; t < width; t++) sums[t] = 0;
        FOR_EACH_NONZERO(for (ptrdiff_t t = 0; t < width; t++) sums[t] = sums[t] + value * b_row[j0 + t];)
        for (ptrdiff_t t = 0; t < width; t++) out[j0 + t] = add ? out[j0 + t] + sums[t] : sums[t];
    }
}

#if MK_X86
// `mark_nonzero` four entries to a compare, four bits at a time.
__attribute__((target("avx2,fma")))
static void mark_nonzero_avx2(const double *row, ptrdiff_t kc, uint64_t *bits) {
    for (int w = 0; w < WORDS; w++) bits[w] = 0;
    ptrdiff_t p = 0;
    __m256d zero = _mm256_setzero_pd();
    for (; p + 4 <= kc; p += 4) {
        uint64_t four = (uint64_t)_mm256_movemask_pd(_mm256_cmp_pd(_mm256_loadu_pd(row + p), zero, _CMP_NEQ_UQ));
        bits[p >> 6] |= four << (p & 63);
    }
    for (; p < kc; p++) bits[p >> 6] |= (uint64_t)(row[p] != 0) << (p & 63);
}

// The AVX2 version: the row of C in chunks of 32 entries, eight accumulators, one fused
// multiply-add chain per entry as in the micro-kernel.
__attribute__((target("avx2,fma")))
static void block_avx2(const double *row, ptrdiff_t kc, const double *b, ptrdiff_t ldb, ptrdiff_t n,
                       double *out_row, int add) {
    uint64_t bits[WORDS];
    mark_nonzero_avx2(row, kc, bits);
    ptrdiff_t j = 0;
    for (; j + CHUNK <= n; j += CHUNK) {
        __m256d s0 = _mm256_setzero_pd(), s1 = _mm256_setzero_pd(), s2 = _mm256_setzero_pd(),
                s3 = _mm256_setzero_pd(), s4 = _mm256_setzero_pd(), s5 = _mm256_setzero_pd(),
                s6 = _mm256_setzero_pd(), s7 = _mm256_setzero_pd();
        FOR_EACH_NONZERO({
            __m256d f = _mm256_set1_pd(value);
            const double *source = b_row + j;
            s0 = _mm256_fmadd_pd(f, _mm256_loadu_pd(source), s0);
            s1 = _mm256_fmadd_pd(f, _mm256_loadu_pd(source + 4), s1);
            s2 = _mm256_fmadd_pd(f, _mm256_loadu_pd(source + 8), s2);
            s3 = _mm256_fmadd_pd(f, _mm256_loadu_pd(source + 12), s3);
            s4 = _mm256_fmadd_pd(f, _mm256_loadu_pd(source + 16), s4);
            s5 = _mm256_fmadd_pd(f, _mm256_loadu_pd(source + 20), s5);
            s6 = _mm256_fmadd_pd(f, _mm256_loadu_pd(source + 24), s6);
            s7 = _mm256_fmadd_pd(f, _mm256_loadu_pd(source + 28), s7);
        })
        __m256d sums[8] = {s0, s1, s2, s3, s4, s5, s6, s7};
        for (int v = 0; v < 8; v++) {
            double *out = out_row + j + 4 * v;
            _mm256_storeu_pd(out, add ? _mm256_add_pd(_mm256_loadu_pd(out), sums[v]) : sums[v]);
        }
    }
    for (; j + 4 <= n; j += 4) {
        __m256d sum = _mm256_setzero_pd();
        FOR_EACH_NONZERO(sum = _mm256_fmadd_pd(_mm256_set1_pd(value), _mm256_loadu_pd(b_row + j), sum);)
        double *out = out_row + j;
        _mm256_storeu_pd(out, add ? _mm256_add_pd(_mm256_loadu_pd(out), sum) : sum);
    }
    for (; j < n; j++) {
        double sum = 0;
        FOR_EACH_NONZERO(sum = __builtin_fma(value, b_row[j], sum);)
        out_row[j] = add ? out_row[j] + sum : sum;
    }
}
#endif

int mk_dgemm_sparse_rows(ptrdiff_t m, ptrdiff_t n, ptrdiff_t k, const double *a, ptrdiff_t lda,
                    const double *b, ptrdiff_t ldb, double *c, ptrdiff_t ldc, int accumulate) {
    if (!mostly_zero(a, lda, m, k) || !mk_all_finite(b, ldb, k, n)) return 0;
#if MK_X86
    if (mk_uses_avx2()) {
        for_each_row_block(m, n, k, a, lda, b, ldb, c, ldc, accumulate, block_avx2);
        return 1;
    }
#endif
    for_each_row_block(m, n, k, a, lda, b, ldb, c, ldc, accumulate, block_baseline);
    return 1;
}
