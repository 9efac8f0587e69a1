// The direct product: small and skinny products (a few thousand multiply-adds, or a depth or
// width of a few), for which packing (gemm.c) would cost more than the arithmetic. Each entry
// of C is summed in an order fixed by the shape alone, so a product always gives the same bits:
// a short depth row by row, one chain per entry; a long one (the weight gradients of a small
// network over a large batch) in four interleaved partial sums per entry (depth step p goes
// to sum p mod 4), added pairwise at the end, so that the chains of dependent multiply-adds
// overlap.

#pragma STDC FP_CONTRACT OFF  // a multiply-add fuses only where an intrinsic says so (kernels.h)
#include "MatrixKernels.h"
#include "kernels.h"

#if MK_X86
#include <immintrin.h>
#endif

// op(A)[i][p] and op(B)[p][j] as stored.
#define A_AT(i, p) (transpose_a ? a[(p) * lda + (i)] : a[(i) * lda + (p)])
#define B_AT(p, j) (transpose_b ? b[(j) * ldb + (p)] : b[(p) * ldb + (j)])

// The order, in plain C: the baseline version, and the reference for the AVX2 one.
#define DIRECT_PRODUCT(MULTIPLY_ADD)                                                               \
    if (k <= 16 || m * n > 256) {                                                                  \
        for (ptrdiff_t i = 0; i < m; i++) {                                                        \
            double *row = c + i * ldc;                                                             \
            if (!accumulate) for (ptrdiff_t j = 0; j < n; j++) row[j] = 0;                         \
            for (ptrdiff_t p = 0; p < k; p++) {                                                    \
                double factor = A_AT(i, p);                                                        \
                for (ptrdiff_t j = 0; j < n; j++) row[j] = MULTIPLY_ADD(factor, B_AT(p, j), row[j]); \
            }                                                                                      \
        }                                                                                          \
    } else {                                                                                       \
        double sums[256 * 4];                                                                      \
        for (ptrdiff_t e = 0; e < m * n * 4; e++) sums[e] = 0;                                     \
        for (ptrdiff_t p = 0; p < k; p++) {                                                        \
            ptrdiff_t lane = p & 3;                                                                \
            for (ptrdiff_t i = 0; i < m; i++) {                                                    \
                double factor = A_AT(i, p);                                                        \
                double *sum = sums + i * n * 4 + lane;                                             \
                for (ptrdiff_t j = 0; j < n; j++) sum[j * 4] = MULTIPLY_ADD(factor, B_AT(p, j), sum[j * 4]); \
            }                                                                                      \
        }                                                                                          \
        for (ptrdiff_t i = 0; i < m; i++) {                                                        \
            for (ptrdiff_t j = 0; j < n; j++) {                                                    \
                const double *sum = sums + (i * n + j) * 4;                                        \
                double total = (sum[0] + sum[1]) + (sum[2] + sum[3]);                              \
                c[i * ldc + j] = accumulate ? c[i * ldc + j] + total : total;                      \
            }                                                                                      \
        }                                                                                          \
    }

#define SEPARATE_MULTIPLY_ADD(x, y, z) ((z) + (x) * (y))
#define FUSED_MULTIPLY_ADD(x, y, z) __builtin_fma((x), (y), (z))

static void direct_baseline(int transpose_a, int transpose_b, ptrdiff_t m, ptrdiff_t n, ptrdiff_t k,
                            const double *a, ptrdiff_t lda, const double *b, ptrdiff_t ldb,
                            double *c, ptrdiff_t ldc, int accumulate) {
    DIRECT_PRODUCT(SEPARATE_MULTIPLY_ADD)
}

#if MK_X86
// The AVX2 version computes every entry by the same chain of fused multiply-adds as
// DIRECT_PRODUCT(FUSED_MULTIPLY_ADD), so it gives the same bits, four or more at a time:
// rows of a few entries one row to a vector (few_rows_avx2); long products as sums of outer
// products with their partial sums in registers (long_outer_avx2); otherwise four rows of C in
// the lanes, or the four partial sums of one entry.

// Four entries `stride` apart, from `start` on, in lanes 0...3.
__attribute__((target("avx2,fma")))
static inline __m256d four(const double *start, ptrdiff_t stride) {
    if (stride == 1) return _mm256_loadu_pd(start);
    return _mm256_set_pd(start[3 * stride], start[2 * stride], start[stride], start[0]);
}

// op(A)[i + r][p] in lane r; op(A)[i][p + l] and op(B)[p + l][j] in lane l.
#define A_ROWS(i, p) (transpose_a ? four(a + (p) * lda + (i), 1) : four(a + (i) * lda + (p), lda))
#define A_DEPTHS(i, p) (transpose_a ? four(a + (p) * lda + (i), lda) : four(a + (i) * lda + (p), 1))
#define B_DEPTHS(p, j) (transpose_b ? four(b + (j) * ldb + (p), 1) : four(b + (p) * ldb + (j), ldb))

// The long case as a sum of outer products, C = Σ_p u_p v_pᵀ, when one side's entries are
// contiguous at each depth step (a weight gradient Aᵀ·dZ has both): lanes run along that
// side, `vector`, four entries a block; the other side, `broadcast`, gives up to three
// entries a step, each broadcast. Partial sum l of entry (s, lane) is accs[l][s] — the same
// chain as DIRECT_PRODUCT's sum p mod 4, since fma(u, v, acc) = fma(v, u, acc) — so the bits
// are the same. `totals[s]` gets (sum 0 + sum 1) + (sum 2 + sum 3) for each lane. With `ones`,
// the last of the `rows` is a row of ones that is not stored: its chains add the entries
// themselves, as fma(1, v, acc) = v + acc does (a bias gradient beside its weight gradient).
typedef struct {
    const double *start;  // the entry 0 at depth step 0
    ptrdiff_t step;       // from one depth step to the next
    ptrdiff_t entry;      // from one entry to the next (1 on the vector side)
} outer_side;

__attribute__((target("avx2,fma"), always_inline))
static inline void outer_block(int rows, int ones, ptrdiff_t k, outer_side vector, int lanes,
                               outer_side broadcast, __m256d totals[3]) {
    __m256i inside = _mm256_setr_epi64x(-1, lanes > 1 ? -1 : 0, lanes > 2 ? -1 : 0, lanes > 3 ? -1 : 0);
    __m256d accs[4][3];
    for (int l = 0; l < 4; l++) for (int s = 0; s < 3; s++) accs[l][s] = _mm256_setzero_pd();
#define OUTER_STEP(p, l, LOAD)                                                                      \
    {                                                                                               \
        const double *v = vector.start + (p) * vector.step;                                         \
        __m256d values = LOAD;                                                                      \
        const double *u = broadcast.start + (p) * broadcast.step;                                   \
        for (int s = 0; s < rows - ones; s++)                                                       \
            accs[l][s] = _mm256_fmadd_pd(_mm256_broadcast_sd(u + s * broadcast.entry), values, accs[l][s]); \
        if (ones) accs[l][rows - 1] = _mm256_add_pd(values, accs[l][rows - 1]);                     \
    }
#define WHOLE _mm256_loadu_pd(v)
#define MASKED _mm256_maskload_pd(v, inside)
    // A block of fewer than four lanes reads the entries past it whole, where they are still
    // inside the operand (the next depth step's): their lanes are never used.
    int reads_past = lanes == 4 || 4 - lanes <= vector.step;
    ptrdiff_t p = 0;
    if (reads_past) {
        for (; p + 4 < k; p += 4) {
            OUTER_STEP(p, 0, WHOLE) OUTER_STEP(p + 1, 1, WHOLE) OUTER_STEP(p + 2, 2, WHOLE) OUTER_STEP(p + 3, 3, WHOLE)
        }
    }
    for (; p + 4 <= k; p += 4) {
        OUTER_STEP(p, 0, MASKED) OUTER_STEP(p + 1, 1, MASKED) OUTER_STEP(p + 2, 2, MASKED) OUTER_STEP(p + 3, 3, MASKED)
    }
    for (; p < k; p++) OUTER_STEP(p, p & 3, MASKED)
#undef WHOLE
#undef MASKED
#undef OUTER_STEP
    for (int s = 0; s < rows; s++) {
        totals[s] = _mm256_add_pd(_mm256_add_pd(accs[0][s], accs[1][s]), _mm256_add_pd(accs[2][s], accs[3][s]));
    }
}

// The long case by outer products; returns 0, having written nothing, when neither side is
// contiguous.
__attribute__((target("avx2,fma")))
static int long_outer_avx2(int transpose_a, int transpose_b, ptrdiff_t m, ptrdiff_t n, ptrdiff_t k,
                           const double *a, ptrdiff_t lda, const double *b, ptrdiff_t ldb,
                           double *c, ptrdiff_t ldc, int accumulate) {
    // op(A)[i][p] is a[p·lda + i] transposed, a[i·lda + p] not; op(B)[p][j] likewise.
    outer_side u = {a, transpose_a ? lda : 1, transpose_a ? 1 : lda};
    outer_side v = {b, transpose_b ? 1 : ldb, transpose_b ? ldb : 1};
    int lanes_along_v = v.entry == 1 && (u.entry != 1 || n >= m);
    if (!lanes_along_v && u.entry != 1) return 0;
    outer_side vector = lanes_along_v ? v : u, broadcast = lanes_along_v ? u : v;
    ptrdiff_t vector_count = lanes_along_v ? n : m, broadcast_count = lanes_along_v ? m : n;
    double totals[256];  // C's entries, totals[i·n + j]
    for (ptrdiff_t v0 = 0; v0 < vector_count; v0 += 4) {
        int lanes = vector_count - v0 < 4 ? (int)(vector_count - v0) : 4;
        outer_side block = vector;
        block.start += v0;
        for (ptrdiff_t s0 = 0; s0 < broadcast_count; s0 += 3) {
            int rows = broadcast_count - s0 < 3 ? (int)(broadcast_count - s0) : 3;
            outer_side part = broadcast;
            part.start += s0 * broadcast.entry;
            __m256d sums[3];
            if (rows == 3) {
                outer_block(3, 0, k, block, lanes, part, sums);
            } else if (rows == 2) {
                outer_block(2, 0, k, block, lanes, part, sums);
            } else {
                outer_block(1, 0, k, block, lanes, part, sums);
            }
            for (int s = 0; s < rows; s++) {
                double lane_values[4];
                _mm256_storeu_pd(lane_values, sums[s]);
                for (int l = 0; l < lanes; l++) {
                    ptrdiff_t i = lanes_along_v ? s0 + s : v0 + l, j = lanes_along_v ? v0 + l : s0 + s;
                    totals[i * n + j] = lane_values[l];
                }
            }
        }
    }
    for (ptrdiff_t i = 0; i < m; i++) {
        for (ptrdiff_t j = 0; j < n; j++) {
            c[i * ldc + j] = accumulate ? c[i * ldc + j] + totals[i * n + j] : totals[i * n + j];
        }
    }
    return 1;
}

// Four rows of `depth` entries (2 to 4) that follow one another at `rows`, as `depth` columns:
// lane r of columns[p] is entry p of row r.
__attribute__((target("avx2,fma"), always_inline))
static inline void four_rows_as_columns(const int depth, const double *rows, __m256d columns[4]) {
    if (depth == 2) {
        __m256d v0 = _mm256_loadu_pd(rows), v1 = _mm256_loadu_pd(rows + 4);  // rows 0, 1 | rows 2, 3
        columns[0] = _mm256_permute4x64_pd(_mm256_unpacklo_pd(v0, v1), 0xD8);
        columns[1] = _mm256_permute4x64_pd(_mm256_unpackhi_pd(v0, v1), 0xD8);
    } else if (depth == 3) {
        // Twelve entries in three vectors; each column is two blends and a permutation.
        __m256d v0 = _mm256_loadu_pd(rows), v1 = _mm256_loadu_pd(rows + 4), v2 = _mm256_loadu_pd(rows + 8);
        columns[0] = _mm256_permute4x64_pd(_mm256_blend_pd(_mm256_blend_pd(v0, v1, 0x4), v2, 0x2), 0x6C);
        columns[1] = _mm256_permute4x64_pd(_mm256_blend_pd(_mm256_blend_pd(v0, v1, 0x9), v2, 0x4), 0xB1);
        columns[2] = _mm256_permute4x64_pd(_mm256_blend_pd(_mm256_blend_pd(v0, v1, 0x2), v2, 0x9), 0xC6);
    } else {
        __m256d r0 = _mm256_loadu_pd(rows), r1 = _mm256_loadu_pd(rows + 4);
        __m256d r2 = _mm256_loadu_pd(rows + 8), r3 = _mm256_loadu_pd(rows + 12);
        __m256d low01 = _mm256_unpacklo_pd(r0, r1), high01 = _mm256_unpackhi_pd(r0, r1);
        __m256d low23 = _mm256_unpacklo_pd(r2, r3), high23 = _mm256_unpackhi_pd(r2, r3);
        columns[0] = _mm256_permute2f128_pd(low01, low23, 0x20);
        columns[1] = _mm256_permute2f128_pd(high01, high23, 0x20);
        columns[2] = _mm256_permute2f128_pd(low01, low23, 0x31);
        columns[3] = _mm256_permute2f128_pd(high01, high23, 0x31);
    }
}

// Rows of at most four entries over a depth of at most sixteen (the layers of a small network
// over a batch): one row of C a step, lane j entry j, a chain of `depth` fused multiply-adds,
// with the depth a constant so that B's rows stay in registers and the loop unrolls. A row of
// one entry is summed in a scalar chain. The chains are those of DIRECT_PRODUCT. With `plus`
// (and not accumulating), entry j of each row gets plus[j] added after its chain, before it is
// stored: a layer's bias at no extra pass over the batch.
__attribute__((target("avx2,fma"), always_inline))
static inline void few_rows_avx2(const int depth, int transpose_a, int transpose_b, ptrdiff_t m, ptrdiff_t n,
                                 const double *a, ptrdiff_t lda, const double *b, ptrdiff_t ldb,
                                 const double *plus, const double *slope_of, double *c, ptrdiff_t ldc,
                                 int accumulate) {
    // op(A)[i][p] at a + i·row + p·step.
    ptrdiff_t row = transpose_a ? 1 : lda, step = transpose_a ? lda : 1;
    if (n == 1) {
        double column[16];
        for (int p = 0; p < depth; p++) column[p] = B_AT(p, 0);
        if (depth >= 2 && depth <= 4 && step == 1 && row == depth && ldc == 1) {
            // Rows of two to four entries one after another: four rows at a time, row r of
            // the four in lane r, each depth step a column of them (transposed in registers).
            // The same chain for each row, but four rows' chains in one.
            ptrdiff_t first = 0;
            for (; first + 4 <= m; first += 4) {
                __m256d columns[4];
                four_rows_as_columns(depth, a + first * depth, columns);
                __m256d sum = accumulate ? _mm256_loadu_pd(c + first) : _mm256_setzero_pd();
                for (int p = 0; p < depth; p++) sum = _mm256_fmadd_pd(columns[p], _mm256_set1_pd(column[p]), sum);
                if (!accumulate && plus) sum = _mm256_add_pd(sum, _mm256_set1_pd(plus[0]));
                if (!accumulate && !plus && slope_of) sum = mk_times_logistic_slope4(sum, _mm256_loadu_pd(slope_of + first));
                _mm256_storeu_pd(c + first, sum);
            }
            a += first * depth;
            c += first;
            if (slope_of) slope_of += first;
            m -= first;
        }
        if (accumulate) {
            for (ptrdiff_t i = 0; i < m; i++) {
                const double *entries = a + i * row;
                double sum = c[i * ldc];
                for (int p = 0; p < depth; p++) sum = __builtin_fma(entries[p * step], column[p], sum);
                c[i * ldc] = sum;
            }
        } else if (plus) {
            double added = plus[0];
            for (ptrdiff_t i = 0; i < m; i++) {
                const double *entries = a + i * row;
                double sum = 0;
                for (int p = 0; p < depth; p++) sum = __builtin_fma(entries[p * step], column[p], sum);
                c[i * ldc] = sum + added;
            }
        } else if (slope_of) {
            for (ptrdiff_t i = 0; i < m; i++) {
                const double *entries = a + i * row;
                double sum = 0;
                for (int p = 0; p < depth; p++) sum = __builtin_fma(entries[p * step], column[p], sum);
                c[i * ldc] = mk_times_logistic_slope(sum, slope_of[i]);
            }
        } else {
            for (ptrdiff_t i = 0; i < m; i++) {
                const double *entries = a + i * row;
                double sum = 0;
                for (int p = 0; p < depth; p++) sum = __builtin_fma(entries[p * step], column[p], sum);
                c[i * ldc] = sum;
            }
        }
        return;
    }
    __m256i inside = _mm256_setr_epi64x(-1, -1, n > 2 ? -1 : 0, n > 3 ? -1 : 0);
    __m256d b_rows[16];
    for (int p = 0; p < depth; p++) {
        double entries[4] = {0, 0, 0, 0};
        for (ptrdiff_t j = 0; j < n; j++) entries[j] = B_AT(p, j);
        b_rows[p] = _mm256_loadu_pd(entries);
    }
    // A masked store is slow on some processors. Rows that follow one another in memory take
    // a whole vector instead: its extra lanes land in the next row, which is written after.
    ptrdiff_t whole = !accumulate && ldc == n ? m - 1 : 0;
#define ROW_SUM(i, start)                                                                           \
    const double *entries = a + (i) * row;                                                          \
    __m256d sum = start;                                                                            \
    for (int p = 0; p < depth; p++) sum = _mm256_fmadd_pd(_mm256_broadcast_sd(entries + p * step), b_rows[p], sum);
    ptrdiff_t i = 0;
    if (slope_of) {
        // The logistic slope o·(1 − o) of the outputs in C's place, read like C is written.
        for (; i < whole; i++) {
            ROW_SUM(i, _mm256_setzero_pd())
            _mm256_storeu_pd(c + i * ldc, mk_times_logistic_slope4(sum, _mm256_loadu_pd(slope_of + i * ldc)));
        }
        for (; i < m; i++) {
            ROW_SUM(i, _mm256_setzero_pd())
            __m256d output = _mm256_maskload_pd(slope_of + i * ldc, inside);
            _mm256_maskstore_pd(c + i * ldc, inside, mk_times_logistic_slope4(sum, output));
        }
        return;
    }
    if (plus) {
        __m256d added = _mm256_maskload_pd(plus, inside);
        for (; i < whole; i++) {
            ROW_SUM(i, _mm256_setzero_pd())
            _mm256_storeu_pd(c + i * ldc, _mm256_add_pd(sum, added));
        }
        for (; i < m; i++) {
            ROW_SUM(i, _mm256_setzero_pd())
            _mm256_maskstore_pd(c + i * ldc, inside, _mm256_add_pd(sum, added));
        }
        return;
    }
    for (; i < whole; i++) {
        ROW_SUM(i, _mm256_setzero_pd())
        _mm256_storeu_pd(c + i * ldc, sum);
    }
    for (; i < m; i++) {
        ROW_SUM(i, accumulate ? _mm256_maskload_pd(c + i * ldc, inside) : _mm256_setzero_pd())
        _mm256_maskstore_pd(c + i * ldc, inside, sum);
    }
#undef ROW_SUM
}

// few_rows_avx2 for a depth of 1 to 16, each with the depth a constant.
__attribute__((target("avx2,fma")))
static void few_rows_of_depth(ptrdiff_t k, int transpose_a, int transpose_b, ptrdiff_t m, ptrdiff_t n,
                              const double *a, ptrdiff_t lda, const double *b, ptrdiff_t ldb,
                              const double *plus, const double *slope_of, double *c, ptrdiff_t ldc,
                              int accumulate) {
    switch (k) {
#define FEW_ROWS(depth) \
    case depth: few_rows_avx2(depth, transpose_a, transpose_b, m, n, a, lda, b, ldb, plus, slope_of, c, ldc, accumulate); return;
        FEW_ROWS(1) FEW_ROWS(2) FEW_ROWS(3) FEW_ROWS(4) FEW_ROWS(5) FEW_ROWS(6) FEW_ROWS(7) FEW_ROWS(8)
        FEW_ROWS(9) FEW_ROWS(10) FEW_ROWS(11) FEW_ROWS(12) FEW_ROWS(13) FEW_ROWS(14) FEW_ROWS(15) FEW_ROWS(16)
#undef FEW_ROWS
    }
}

__attribute__((target("avx2,fma")))
static void direct_avx2(int transpose_a, int transpose_b, ptrdiff_t m, ptrdiff_t n, ptrdiff_t k,
                        const double *a, ptrdiff_t lda, const double *b, ptrdiff_t ldb,
                        double *c, ptrdiff_t ldc, int accumulate) {
    if (k <= 16 || m * n > 256) {
        if (n >= 8) {
            // Wide rows: the compiler vectorizes the inner loop along the row.
            DIRECT_PRODUCT(FUSED_MULTIPLY_ADD)
            return;
        }
        if (n <= 4 && k >= 1 && k <= 16) {
            few_rows_of_depth(k, transpose_a, transpose_b, m, n, a, lda, b, ldb, NULL, NULL, c, ldc, accumulate);
            return;
        }
        ptrdiff_t i = 0;
        __m256d columns[16];
        for (; i + 4 <= m; i += 4) {
            int kept = k <= 16;
            if (kept) for (ptrdiff_t p = 0; p < k; p++) columns[p] = A_ROWS(i, p);
            for (ptrdiff_t j = 0; j < n; j++) {
                double *out = c + i * ldc + j;
                __m256d sum = accumulate ? four(out, ldc) : _mm256_setzero_pd();
                for (ptrdiff_t p = 0; p < k; p++) {
                    __m256d column = kept ? columns[p] : A_ROWS(i, p);
                    sum = _mm256_fmadd_pd(column, _mm256_set1_pd(B_AT(p, j)), sum);
                }
                if (ldc == 1) {
                    _mm256_storeu_pd(out, sum);
                } else {
                    double lanes[4];
                    _mm256_storeu_pd(lanes, sum);
                    out[0] = lanes[0]; out[ldc] = lanes[1]; out[2 * ldc] = lanes[2]; out[3 * ldc] = lanes[3];
                }
            }
        }
        for (; i < m; i++) {
            double *row = c + i * ldc;
            for (ptrdiff_t j = 0; j < n; j++) {
                double sum = accumulate ? row[j] : 0;
                for (ptrdiff_t p = 0; p < k; p++) sum = __builtin_fma(A_AT(i, p), B_AT(p, j), sum);
                row[j] = sum;
            }
        }
        return;
    }
    if (long_outer_avx2(transpose_a, transpose_b, m, n, k, a, lda, b, ldb, c, ldc, accumulate)) return;
    // Depth step p goes to partial sum p mod 4: lane l of a vector sum is partial sum l.
    __m256d sums[256];
    for (ptrdiff_t e = 0; e < m * n; e++) sums[e] = _mm256_setzero_pd();
    ptrdiff_t p = 0;
    for (; p + 4 <= k; p += 4) {
        __m256d b_column[256];
        for (ptrdiff_t j = 0; j < n; j++) b_column[j] = B_DEPTHS(p, j);
        for (ptrdiff_t i = 0; i < m; i++) {
            __m256d a_row = A_DEPTHS(i, p);
            for (ptrdiff_t j = 0; j < n; j++) sums[i * n + j] = _mm256_fmadd_pd(a_row, b_column[j], sums[i * n + j]);
        }
    }
    for (ptrdiff_t i = 0; i < m; i++) {
        for (ptrdiff_t j = 0; j < n; j++) {
            double sum[4];
            _mm256_storeu_pd(sum, sums[i * n + j]);
            for (ptrdiff_t q = p; q < k; q++) sum[q & 3] = __builtin_fma(A_AT(i, q), B_AT(q, j), sum[q & 3]);
            double total = (sum[0] + sum[1]) + (sum[2] + sum[3]);
            c[i * ldc + j] = accumulate ? c[i * ldc + j] + total : total;
        }
    }
}
#endif

int mk_dgemm_is_direct(ptrdiff_t m, ptrdiff_t n, ptrdiff_t k) {
    return m * n * k <= 16384 || n <= 3 || k <= 3;
}

void mk_dgemm_direct(int transpose_a, int transpose_b, ptrdiff_t m, ptrdiff_t n, ptrdiff_t k,
                     const double *a, ptrdiff_t lda, const double *b, ptrdiff_t ldb,
                     double *c, ptrdiff_t ldc, int accumulate) {
#if MK_X86
    if (mk_uses_avx2()) {
        direct_avx2(transpose_a, transpose_b, m, n, k, a, lda, b, ldb, c, ldc, accumulate);
        return;
    }
#endif
    direct_baseline(transpose_a, transpose_b, m, n, k, a, lda, b, ldb, c, ldc, accumulate);
}

// C = op(A) op(B) with C's rows one after another, each row then finished: `row` added to it
// (a bias), or multiplied by the logistic slope o·(1 − o) of `outputs` in its place. A small
// product (rows of at most four entries over a depth of at most sixteen) finishes each row
// before it stores it; the others take a second pass. The bits are the same either way.
static void product_then(int transpose_a, int transpose_b, ptrdiff_t m, ptrdiff_t n, ptrdiff_t k,
                         const double *a, ptrdiff_t lda, const double *b, ptrdiff_t ldb, const double *row,
                         const double *outputs, double *c) {
    if (m <= 0 || n <= 0) return;
#if MK_X86
    if (mk_uses_avx2() && mk_dgemm_is_direct(m, n, k) && n <= 4 && k >= 1 && k <= 16) {
        few_rows_of_depth(k, transpose_a, transpose_b, m, n, a, lda, b, ldb, row, outputs, c, n, 0);
        return;
    }
#endif
    mk_dgemm(transpose_a, transpose_b, m, n, k, a, lda, b, ldb, c, n, 0);
    if (row) {
        mk_add_to_each_row(c, m, n, row);
    } else {
        mk_sigmoid_backward(c, outputs, m * n);
    }
}

void mk_dgemm_plus_row(int transpose_a, int transpose_b, ptrdiff_t m, ptrdiff_t n, ptrdiff_t k,
                       const double *a, ptrdiff_t lda, const double *b, ptrdiff_t ldb, const double *row,
                       double *c) {
    product_then(transpose_a, transpose_b, m, n, k, a, lda, b, ldb, row, NULL, c);
}

void mk_dgemm_sigmoid_backward(int transpose_a, int transpose_b, ptrdiff_t m, ptrdiff_t n, ptrdiff_t k,
                               const double *a, ptrdiff_t lda, const double *b, ptrdiff_t ldb,
                               const double *outputs, double *c) {
    product_then(transpose_a, transpose_b, m, n, k, a, lda, b, ldb, NULL, outputs, c);
}

#if MK_X86
// mk_layer_gradients where x has one or two columns and dz at least as many: the product's
// outer-product order (long_outer_avx2, lanes along dz) with the row of ones as a third row.
__attribute__((target("avx2,fma")))
static void layer_gradients_avx2(const double *x, const double *dz, ptrdiff_t rows, ptrdiff_t inputs,
                                 ptrdiff_t outputs, double *dw, double *db) {
    outer_side vector = {dz, outputs, 1}, broadcast = {x, inputs, 1};
    for (ptrdiff_t j0 = 0; j0 < outputs; j0 += 4) {
        int lanes = outputs - j0 < 4 ? (int)(outputs - j0) : 4;
        outer_side block = vector;
        block.start += j0;
        __m256d sums[3];
        if (inputs == 2) {
            outer_block(3, 1, rows, block, lanes, broadcast, sums);
        } else {
            outer_block(2, 1, rows, block, lanes, broadcast, sums);
        }
        double lane_values[3][4];
        for (int s = 0; s <= inputs; s++) _mm256_storeu_pd(lane_values[s], sums[s]);
        for (int l = 0; l < lanes; l++) {
            for (ptrdiff_t i = 0; i < inputs; i++) dw[i * outputs + j0 + l] = lane_values[i][l];
            db[j0 + l] = lane_values[inputs][l];
        }
    }
}
#endif

int mk_layer_gradients(const double *x, const double *dz, ptrdiff_t rows, ptrdiff_t inputs, ptrdiff_t outputs,
                       double divisor, double *dw, double *db) {
#if MK_X86
    // The shapes whose separate products are both summed in four partial sums per entry
    // (direct, deeper than 16, at most 256 entries) by outer products along dz.
    int fused = mk_uses_avx2() && rows > 16 && (inputs == 1 || inputs == 2) && outputs >= inputs &&
                (inputs + 1) * outputs <= 256 && mk_dgemm_is_direct(inputs, outputs, rows) &&
                mk_dgemm_is_direct(1, outputs, rows);
    if (fused) {
        layer_gradients_avx2(x, dz, rows, inputs, outputs, dw, db);
        mk_divide_rows(dw, inputs, outputs, outputs, divisor);
        mk_divide_rows(db, 1, outputs, outputs, divisor);
        return 1;
    }
#endif
    (void)x, (void)dz, (void)rows, (void)inputs, (void)outputs, (void)divisor, (void)dw, (void)db;
    return 0;
}
