// The blocked matrix product C = op(A) op(B), after Goto and van de Geijn's scheme as BLIS
// lays it out: op(B) is packed into panels NR columns wide and KC deep that stay in the L1
// cache; op(A) into panels MR rows high that stay in L2; a micro-kernel keeps an MR × NR
// tile of C in registers while it walks the depth. Packing reads the operands transposed or
// not, so the micro-kernel never sees a transpose.
//
// A depth step at which all MR rows of a panel of op(A) are zero (a batch of MNIST images
// is four fifths background) adds 0·B[p][j] to each chain, which changes no sum while B is
// finite. Packing drops such steps and lists the ones it keeps; the micro-kernel walks the
// list, so a mostly-zero operand costs a fraction of the arithmetic and gives the same bits.
// (The one exception is the sign of a zero: a chain whose product underflows to −0 stays −0
// where the full chain's next +0 makes it +0.) If B holds a NaN or ±∞, nothing is dropped.
// Batches of images go to sparse.c first, which skips each zero pixel on its own (x·W, and
// xᵀ·dZ over at most 256 images on AVX2); this serves what it declines.

#pragma STDC FP_CONTRACT OFF  // a multiply-add fuses only where an intrinsic says so (kernels.h)
#include "MatrixKernels.h"
#include "kernels.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#if MK_X86
#include <immintrin.h>
#endif

enum {
    MR = 6,     // rows of the register tile
    NR = 8,     // columns of the register tile (two 4-lane vectors)
    KC = MK_DEPTH_BLOCK,  // depth of a packed block: an NR-wide panel of op(B) is 16 KiB
    MC = 96,    // rows of a packed block of op(A): 192 KiB, in L2
    NC = 4096,  // columns of a packed block of op(B)
    // Products of at most this many multiply-adds read A in place instead of packing it (an
    // MNIST network's second layer, 64×128·128×10 and its two backward products): packing
    // was more than half their time.
    SMALL_PRODUCT = 1 << 17,
};

// `count` depth steps: A's packed entries in order; B's at the listed depths `steps[q]`, or
// at every depth in order when `steps` is NULL. A kernel that covers two panels of B finds the
// second `panel_distance` entries after the first.
typedef void (*micro_kernel)(ptrdiff_t count, const uint16_t *steps, const double *ap, const double *bp,
                             ptrdiff_t panel_distance, double *c, ptrdiff_t ldc, int add);

static ptrdiff_t min_of(ptrdiff_t a, ptrdiff_t b) { return a < b ? a : b; }

#if MK_X86
// Four depth steps p..<p+4 of a full panel read down stored columns (six rows at `row`, `lda`
// apart), written as pack_a writes them one at a time: each step's six entries at `packed`,
// which advances past a step only if it is kept (one of its entries nonzero or NaN) when
// `kept` lists steps, and past every step otherwise. Returns where the next step goes; adds
// the kept steps to `kept` from `count` on and to `count`.
__attribute__((target("avx2,fma")))
static double *pack_four_steps(const double *row, ptrdiff_t lda, ptrdiff_t p, double *packed, uint16_t *kept,
                               ptrdiff_t *count) {
    __m256d r0 = _mm256_loadu_pd(row), r1 = _mm256_loadu_pd(row + lda), r2 = _mm256_loadu_pd(row + 2 * lda);
    __m256d r3 = _mm256_loadu_pd(row + 3 * lda), r4 = _mm256_loadu_pd(row + 4 * lda);
    __m256d r5 = _mm256_loadu_pd(row + 5 * lda);
    // Lane s of t01 holds rows 0 and 1 of step s in its 128-bit halves' order, and so on.
    __m256d low01 = _mm256_unpacklo_pd(r0, r1), high01 = _mm256_unpackhi_pd(r0, r1);
    __m256d low23 = _mm256_unpacklo_pd(r2, r3), high23 = _mm256_unpackhi_pd(r2, r3);
    __m256d low45 = _mm256_unpacklo_pd(r4, r5), high45 = _mm256_unpackhi_pd(r4, r5);
    __m256d first[4] = {
        _mm256_permute2f128_pd(low01, low23, 0x20), _mm256_permute2f128_pd(high01, high23, 0x20),
        _mm256_permute2f128_pd(low01, low23, 0x31), _mm256_permute2f128_pd(high01, high23, 0x31),
    };
    __m128d last[4] = {
        _mm256_castpd256_pd128(low45), _mm256_castpd256_pd128(high45),
        _mm256_extractf128_pd(low45, 1), _mm256_extractf128_pd(high45, 1),
    };
    int nonzero = 0xF;
    if (kept) {
        const __m256d zero = _mm256_setzero_pd();
        __m256d any = _mm256_or_pd(_mm256_cmp_pd(r0, zero, _CMP_NEQ_UQ), _mm256_cmp_pd(r1, zero, _CMP_NEQ_UQ));
        any = _mm256_or_pd(any, _mm256_or_pd(_mm256_cmp_pd(r2, zero, _CMP_NEQ_UQ), _mm256_cmp_pd(r3, zero, _CMP_NEQ_UQ)));
        any = _mm256_or_pd(any, _mm256_or_pd(_mm256_cmp_pd(r4, zero, _CMP_NEQ_UQ), _mm256_cmp_pd(r5, zero, _CMP_NEQ_UQ)));
        nonzero = _mm256_movemask_pd(any);
    }
    if (nonzero == 0xF) {
        // Every step kept (a dense operand): no step waits on the one before.
        for (int step = 0; step < 4; step++) {
            _mm256_storeu_pd(packed + step * MR, first[step]);
            _mm_storeu_pd(packed + step * MR + 4, last[step]);
        }
        if (kept) {
            ptrdiff_t at = *count;
            for (int step = 0; step < 4; step++) kept[at + step] = (uint16_t)(p + step);
            *count = at + 4;
        }
        return packed + 4 * MR;
    }
    ptrdiff_t at = *count;
    for (int step = 0; step < 4; step++) {
        _mm256_storeu_pd(packed, first[step]);
        _mm_storeu_pd(packed + 4, last[step]);
        ptrdiff_t keep = (nonzero >> step) & 1;
        kept[at] = (uint16_t)(p + step);
        at += keep;
        packed += MR * keep;
    }
    *count = at;
    return packed;
}
#endif

// Rows ic..<ic+mc, depth pc..<pc+kc of op(A), as panels of MR rows: panel[p][r], zero-padded;
// panel i0 / MR starts at packed + i0 · kc. With `steps`, a panel keeps only the depth steps
// where one of its rows is nonzero (or NaN), lists them from steps + (i0 / MR) · kc on, and
// counts them in counts[i0 / MR].
static void pack_a(int transpose, const double *a, ptrdiff_t lda, ptrdiff_t ic, ptrdiff_t pc,
                   ptrdiff_t mc, ptrdiff_t kc, double *base, uint16_t *steps, ptrdiff_t *counts) {
    for (ptrdiff_t i0 = 0; i0 < mc; i0 += MR) {
        ptrdiff_t rows = min_of(MR, mc - i0);
        double *packed = base + i0 * kc;
        uint16_t *kept = steps ? steps + (i0 / MR) * kc : NULL;
        ptrdiff_t count = 0;
        ptrdiff_t p = 0;
#if MK_X86
        if (rows == MR && !transpose && mk_uses_avx2()) {
            // Six rows four steps at a time: six loads and a transposition in registers
            // instead of six strided loads per step.
            const double *row = a + (ic + i0) * lda + pc;
            for (; p + 4 <= kc; p += 4) packed = pack_four_steps(row + p, lda, p, packed, kept, &count);
        }
#endif
        for (; p < kc; p++) {
            // The six entries of depth step p, in six scalars: tested as they are, not read
            // back from memory (a wide load of narrow stores just made waits for them).
            double v0 = 0, v1 = 0, v2 = 0, v3 = 0, v4 = 0, v5 = 0;
            if (rows == MR && transpose) {
                // A full panel read along stored rows: six contiguous entries per depth step.
                const double *r0 = a + (pc + p) * lda + ic + i0;
                v0 = r0[0]; v1 = r0[1]; v2 = r0[2]; v3 = r0[3]; v4 = r0[4]; v5 = r0[5];
            } else if (rows == MR) {
                // A full panel read down stored columns: six rows walked side by side.
                const double *r0 = a + (ic + i0) * lda + pc + p;
                v0 = r0[0]; v1 = r0[lda]; v2 = r0[2 * lda]; v3 = r0[3 * lda]; v4 = r0[4 * lda]; v5 = r0[5 * lda];
            } else {
                // The last panel, fewer than six rows: the rest are zeros.
#define A_ENTRY(r) ((r) < rows ? (transpose ? a[(pc + p) * lda + ic + i0 + (r)] : a[(ic + i0 + (r)) * lda + pc + p]) : 0)
                v0 = A_ENTRY(0); v1 = A_ENTRY(1); v2 = A_ENTRY(2); v3 = A_ENTRY(3); v4 = A_ENTRY(4); v5 = A_ENTRY(5);
#undef A_ENTRY
            }
            packed[0] = v0; packed[1] = v1; packed[2] = v2; packed[3] = v3; packed[4] = v4; packed[5] = v5;
            if (!kept) {
                packed += MR;
            } else {
                // Kept or not without a branch: in a layer's activations (half zeros after
                // ReLU) whether six entries are all zero is a coin toss the predictor loses.
                ptrdiff_t nonzero = (v0 != 0) | (v1 != 0) | (v2 != 0) | (v3 != 0) | (v4 != 0) | (v5 != 0);
                kept[count] = (uint16_t)p;
                count += nonzero;
                packed += MR * nonzero;
            }
        }
        if (counts) counts[i0 / MR] = kept ? count : kc;
    }
}

// Depth pc..<pc+kc, columns jc..<jc+nc of op(B), as panels of NR columns: panel[p][c], zero-padded.
static void pack_b(int transpose, const double *b, ptrdiff_t ldb, ptrdiff_t pc, ptrdiff_t jc,
                   ptrdiff_t kc, ptrdiff_t nc, double *packed) {
    for (ptrdiff_t j0 = 0; j0 < nc; j0 += NR) {
        ptrdiff_t columns = min_of(NR, nc - j0);
        if (columns == NR && !transpose) {
            // A full panel read along stored rows: eight contiguous entries per depth step.
            const double *source = b + pc * ldb + jc + j0;
            for (ptrdiff_t p = 0; p < kc; p++) {
                memcpy(packed, source, NR * sizeof(double));
                source += ldb;
                packed += NR;
            }
        } else {
            for (ptrdiff_t p = 0; p < kc; p++) {
                ptrdiff_t t = 0;
                for (; t < columns; t++) {
                    packed[t] = transpose ? b[(jc + j0 + t) * ldb + pc + p] : b[(pc + p) * ldb + jc + j0 + t];
                }
                for (; t < NR; t++) packed[t] = 0;
                packed += NR;
            }
        }
    }
}

// B's packed entries for step q of a micro-kernel.
#define B_STEP(q) (steps ? bp + (ptrdiff_t)steps[q] * NR : bp + (q) * NR)

// The baseline micro-kernel: separate multiply and add, vectorized by the compiler as it can.
static void kernel_baseline(ptrdiff_t count, const uint16_t *steps, const double *ap, const double *bp,
                            ptrdiff_t panel_distance, double *c, ptrdiff_t ldc, int add) {
    (void)panel_distance;
    double tile[MR * NR] = {0};
    for (ptrdiff_t q = 0; q < count; q++) {
        const double *b = B_STEP(q);
        for (int r = 0; r < MR; r++) {
            double factor = ap[r];
            for (int t = 0; t < NR; t++) tile[r * NR + t] += factor * b[t];
        }
        ap += MR;
    }
    for (int r = 0; r < MR; r++) {
        for (int t = 0; t < NR; t++) c[r * ldc + t] = add ? c[r * ldc + t] + tile[r * NR + t] : tile[r * NR + t];
    }
}

// The vector micro-kernel, for `panels` (1 or 2) panels of B side by side, `panel_distance`
// entries apart: an MR × 8·panels tile of C in MR · panels eight-lane accumulators, one fused
// multiply-add per entry of A and panel. On AVX2 one panel (twelve 4-lane registers, two of
// B, one broadcast: fifteen of the sixteen); on AVX-512 two (twelve 8-lane registers of 32).
// Every entry of C is the same chain either way. The tile of C is fetched into L1 at the
// start, so that its loads and stores at the end do not wait on a large C's rows in L3
// (1024² 36–41 → 39–44 GFLOP/s on one thread). Entry (r, q) of A, row r of the tile at its
// q-th step, is at `ap + r · row_step + q · depth_step`: packed (1, MR), or where A is stored
// for a product too small to pay for packing it.
static inline __attribute__((always_inline)) void vector_tile(int panels, int listed, ptrdiff_t count,
                                                              const uint16_t *steps, const double *ap,
                                                              ptrdiff_t row_step, ptrdiff_t depth_step,
                                                              const double *bp, ptrdiff_t panel_distance,
                                                              double *c, ptrdiff_t ldc, int add) {
    for (int r = 0; r < MR; r++) {
        for (int panel = 0; panel < panels; panel++) {
            __builtin_prefetch(c + r * ldc + panel * NR);
            __builtin_prefetch(c + r * ldc + panel * NR + NR - 1);
        }
    }
    mk_v8 tile[MR][2];
    for (int r = 0; r < MR; r++) tile[r][0] = tile[r][1] = 0;
    for (ptrdiff_t q = 0; q < count; q++) {
        const double *b = bp + (listed ? (ptrdiff_t)steps[q] : q) * NR;
        mk_v8 b0 = *(const mk_v8 *)b, b1 = panels == 2 ? *(const mk_v8 *)(b + panel_distance) : b0;
        const double *column = ap + q * depth_step;
        for (int r = 0; r < MR; r++) {
            mk_v8 a = column[r * row_step];
            tile[r][0] = mk_fma8(a, b0, tile[r][0]);
            if (panels == 2) tile[r][1] = mk_fma8(a, b1, tile[r][1]);
        }
    }
    for (int r = 0; r < MR; r++) {
        for (int panel = 0; panel < panels; panel++) {
            double *row = c + r * ldc + panel * NR;
            mk_store8(row, add ? mk_load8(row) + tile[r][panel] : tile[r][panel]);
        }
    }
}

#if MK_X86
#define VECTOR_KERNEL(NAME, TARGET, PANELS, LISTED)                                                          \
    __attribute__((target(TARGET))) static void NAME(ptrdiff_t count, const uint16_t *steps, const double *ap, \
                                                     const double *bp, ptrdiff_t panel_distance, double *c,    \
                                                     ptrdiff_t ldc, int add) {                                 \
        vector_tile(PANELS, LISTED, count, steps, ap, 1, MR, bp, panel_distance, c, ldc, add);               \
    }

VECTOR_KERNEL(kernel_avx2_all, "avx2,fma", 1, 0)
VECTOR_KERNEL(kernel_avx2_listed, "avx2,fma", 1, 1)
VECTOR_KERNEL(kernel_avx512_all, MK_AVX512, 2, 0)
VECTOR_KERNEL(kernel_avx512_listed, MK_AVX512, 2, 1)
#endif

// vector_tile reading A where it is stored, entry (r, q) at `a + r · row_step + q · depth_step`,
// every depth step in order: for a product too small to pay for packing A.
typedef void (*direct_kernel)(ptrdiff_t count, const double *a, ptrdiff_t row_step, ptrdiff_t depth_step,
                              const double *bp, ptrdiff_t panel_distance, double *c, ptrdiff_t ldc, int add);

#if MK_X86
#define DIRECT_KERNEL(NAME, TARGET, PANELS)                                                                     \
    __attribute__((target(TARGET))) static void NAME(ptrdiff_t count, const double *a, ptrdiff_t row_step,    \
                                                     ptrdiff_t depth_step, const double *bp,                  \
                                                     ptrdiff_t panel_distance, double *c, ptrdiff_t ldc,      \
                                                     int add) {                                               \
        vector_tile(PANELS, 0, count, NULL, a, row_step, depth_step, bp, panel_distance, c, ldc, add);        \
    }

DIRECT_KERNEL(direct_avx2, "avx2,fma", 1)
DIRECT_KERNEL(direct_avx512, MK_AVX512, 2)
#endif


void mk_dgemm(int transpose_a, int transpose_b, ptrdiff_t m, ptrdiff_t n, ptrdiff_t k,
              const double *a, ptrdiff_t lda, const double *b, ptrdiff_t ldb,
              double *c, ptrdiff_t ldc, int accumulate) {
    if (m <= 0 || n <= 0) return;
    if (mk_dgemm_is_direct(m, n, k)) {
        mk_dgemm_direct(transpose_a, transpose_b, m, n, k, a, lda, b, ldb, c, ldc, accumulate);
    } else {
        mk_dgemm_packed(transpose_a, transpose_b, m, n, k, a, lda, b, ldb, c, ldc, accumulate);
    }
}

void mk_column_sums(const double *values, ptrdiff_t rows, ptrdiff_t columns, ptrdiff_t ld, double *sums) {
    // A 1 × rows row of ones, stored as one entry that every row of the transposed operand
    // (distance 0) reads; 1·x is x exactly, so each chain adds the entries themselves.
    static const double one = 1;
    if (rows <= 0) {
        for (ptrdiff_t j = 0; j < columns; j++) sums[j] = 0;
        return;
    }
    if (columns == 1 && ld == 1 && rows > 16) {
        // One contiguous column (a bias gradient of a single output): the same four partial
        // sums, step p into sum p mod 4, as four lanes of one vector that read four rows at once.
        double partial[4] = {0, 0, 0, 0};
        ptrdiff_t p = 0;
        for (; p + 4 <= rows; p += 4) {
            for (int l = 0; l < 4; l++) partial[l] += values[p + l];
        }
        for (; p < rows; p++) partial[p & 3] += values[p];
        sums[0] = (partial[0] + partial[1]) + (partial[2] + partial[3]);
        return;
    }
    mk_dgemm(1, 0, 1, columns, rows, &one, 0, values, ld, sums, columns, 0);
}

static void *allocate(size_t count) {
    size_t bytes = (count * sizeof(double) + 63) / 64 * 64;
    return aligned_alloc(64, bytes > 0 ? bytes : 64);
}

// Each thread keeps its packing buffer from one product to the next: allocating a megabyte
// for every product cost a page fault per 4 KiB. Freed when the thread ends.
typedef struct {
    double *entries;
    size_t capacity;
} scratch;

static pthread_key_t scratch_key;
static pthread_once_t scratch_once = PTHREAD_ONCE_INIT;

static void free_scratch(void *value) {
    scratch *buffer = value;
    free(buffer->entries);
    free(buffer);
}

static void make_scratch_key(void) { pthread_key_create(&scratch_key, free_scratch); }

double *mk_scratch_space(size_t count) {
    pthread_once(&scratch_once, make_scratch_key);
    scratch *buffer = pthread_getspecific(scratch_key);
    if (!buffer) {
        buffer = calloc(1, sizeof(scratch));
        if (!buffer || pthread_setspecific(scratch_key, buffer) != 0) {
            free(buffer);
            return NULL;
        }
    }
    if (buffer->capacity < count) {
        free(buffer->entries);
        buffer->entries = allocate(count);
        buffer->capacity = buffer->entries ? count : 0;
    }
    return buffer->entries;
}

int mk_all_finite(const double *values, ptrdiff_t ld, ptrdiff_t rows, ptrdiff_t columns) {
    uint64_t non_finite = 0;
    for (ptrdiff_t r = 0; r < rows; r++) {
        const double *row = values + r * ld;
        for (ptrdiff_t t = 0; t < columns; t++) {
            uint64_t bits;
            non_finite |= MK_NON_FINITE(row[t], bits);
        }
    }
    return non_finite == 0;
}

static void blocked(int transpose_a, int transpose_b, ptrdiff_t m, ptrdiff_t n, ptrdiff_t k,
                    const double *a, ptrdiff_t lda, const double *b, ptrdiff_t ldb,
                    double *c, ptrdiff_t ldc, int accumulate);

void mk_dgemm_packed(int transpose_a, int transpose_b, ptrdiff_t m, ptrdiff_t n, ptrdiff_t k,
                     const double *a, ptrdiff_t lda, const double *b, ptrdiff_t ldb,
                     double *c, ptrdiff_t ldc, int accumulate) {
    mk_dgemm_packed_with(transpose_a, transpose_b, m, n, k, a, lda, b, ldb, c, ldc, accumulate, NULL);
}

void mk_dgemm_packed_with(int transpose_a, int transpose_b, ptrdiff_t m, ptrdiff_t n, ptrdiff_t k,
                          const double *a, ptrdiff_t lda, const double *b, ptrdiff_t ldb,
                          double *c, ptrdiff_t ldc, int accumulate, const mk_product_options *options) {
    if (m <= 0 || n <= 0) return;
    const mk_marks *marks = options ? options->marks_a : NULL;
    const int b_finite = options ? options->b_finite : 0;
    const double divisor = options ? options->divisor : 1;
    if (k > 0 && !transpose_a && !transpose_b &&
        mk_dgemm_sparse_rows(m, n, k, a, lda, marks, b, ldb, b_finite, c, ldc, accumulate, divisor)) {
        return;
    }
    if (k > 0 && transpose_a && !transpose_b &&
        mk_dgemm_sparse_columns(m, n, k, a, lda, marks, b, ldb, c, ldc, accumulate, divisor)) {
        return;
    }
    blocked(transpose_a, transpose_b, m, n, k, a, lda, b, ldb, c, ldc, accumulate);
    if (divisor != 1) mk_divide_rows(c, m, n, ldc, divisor);
}

// The blocked product itself, for operands the sparse paths decline.
static void blocked(int transpose_a, int transpose_b, ptrdiff_t m, ptrdiff_t n, ptrdiff_t k,
                    const double *a, ptrdiff_t lda, const double *b, ptrdiff_t ldb,
                    double *c, ptrdiff_t ldc, int accumulate) {
    if (k <= 0) {
        if (!accumulate) for (ptrdiff_t i = 0; i < m; i++) memset(c + i * ldc, 0, (size_t)n * sizeof(double));
        return;
    }
    micro_kernel kernel = kernel_baseline, listed_kernel = kernel_baseline;
    // Panels of B a kernel call covers side by side: two for the AVX-512 kernels (a single one
    // left at the right edge goes to the AVX2 kernels, the same chains), one otherwise.
    int panels = 1;
    // Whether full tiles read A in place (a small product on the vector kernels); the last
    // tile of fewer than MR rows is packed, with every step.
    int direct_a = 0;
#if MK_X86
    if (mk_uses_avx2()) {
        kernel = kernel_avx2_all;
        listed_kernel = kernel_avx2_listed;
        direct_a = m * n * k <= SMALL_PRODUCT;
    }
    if (mk_uses_avx512()) panels = 2;
#endif
    ptrdiff_t block_rows = min_of(MC, (m + MR - 1) / MR * MR);
    ptrdiff_t block_columns = min_of(NC, (n + NR - 1) / NR * NR);
    ptrdiff_t depth = min_of(KC, k);
    // Both packed blocks in this thread's buffer, A's first (a multiple of 8 entries, so B's
    // panels stay 64-byte aligned).
    size_t a_entries = (size_t)(block_rows * depth + 7) / 8 * 8;
    double *packed_a = mk_scratch_space(a_entries + (size_t)(depth * block_columns));
    if (!packed_a) abort();
    double *packed_b = packed_a + a_entries;
    double edge[MR * 2 * NR] __attribute__((aligned(64)));
    uint16_t steps[(MC / MR) * KC];
    ptrdiff_t counts[MC / MR];

    for (ptrdiff_t jc = 0; jc < n; jc += NC) {
        ptrdiff_t nc = min_of(NC, n - jc);
        for (ptrdiff_t pc = 0; pc < k; pc += KC) {
            ptrdiff_t kc = min_of(KC, k - pc);
            int add = accumulate || pc > 0;
            pack_b(transpose_b, b, ldb, pc, jc, kc, nc, packed_b);
            int b_finite = -1;  // not yet known
            for (ptrdiff_t ic = 0; ic < m; ic += MC) {
                ptrdiff_t mc = min_of(MC, m - ic);
                if (direct_a) {
                    ptrdiff_t full = mc / MR * MR;
                    for (ptrdiff_t panel = 0; panel < full / MR; panel++) counts[panel] = kc;
                    if (full < mc) {
                        pack_a(transpose_a, a, lda, ic + full, pc, mc - full, kc, packed_a + full * kc, NULL,
                               counts + full / MR);
                    }
                } else {
                    pack_a(transpose_a, a, lda, ic, pc, mc, kc, packed_a, steps, counts);
                }
                int dropped = 0;
                for (ptrdiff_t panel = 0; panel < (mc + MR - 1) / MR; panel++) dropped |= counts[panel] < kc;
                if (dropped && b_finite < 0) b_finite = mk_all_finite(packed_b, 0, 1, kc * ((nc + NR - 1) / NR * NR));
                if (dropped && !b_finite) {
                    // 0·∞ is NaN: with a NaN or ±∞ in B, every step counts.
                    pack_a(transpose_a, a, lda, ic, pc, mc, kc, packed_a, NULL, counts);
                }
                for (ptrdiff_t jr = 0; jr < nc;) {
                    int wide = panels == 2 && nc - jr > NR;
                    ptrdiff_t width = wide ? 2 * NR : NR, columns = min_of(width, nc - jr);
                    const double *b_panel = packed_b + jr * kc;
                    for (ptrdiff_t ir = 0; ir < mc; ir += MR) {
                        ptrdiff_t rows = min_of(MR, mc - ir);
                        const double *a_panel = packed_a + ir * kc;
                        ptrdiff_t count = counts[ir / MR];
                        micro_kernel run = count < kc ? listed_kernel : kernel;
#if MK_X86
                        if (wide) run = count < kc ? kernel_avx512_listed : kernel_avx512_all;
#endif
                        const uint16_t *kept = count < kc ? steps + (ir / MR) * kc : NULL;
                        double *tile = c + (ic + ir) * ldc + jc + jr;
                        // A tile at the edge is computed whole into `edge`, and the part inside C kept.
                        int inside = rows == MR && columns == width;
#if MK_X86
                        if (direct_a && rows == MR) {
                            direct_kernel direct = wide ? direct_avx512 : direct_avx2;
                            const double *a_tile = transpose_a ? a + pc * lda + ic + ir : a + (ic + ir) * lda + pc;
                            ptrdiff_t row_step = transpose_a ? 1 : lda, depth_step = transpose_a ? lda : 1;
                            direct(kc, a_tile, row_step, depth_step, b_panel, NR * kc, inside ? tile : edge,
                                   inside ? ldc : width, inside && add);
                        } else
#endif
                        if (inside) {
                            run(count, kept, a_panel, b_panel, NR * kc, tile, ldc, add);
                        } else {
                            run(count, kept, a_panel, b_panel, NR * kc, edge, width, 0);
                        }
                        if (!inside) {
                            for (ptrdiff_t r = 0; r < rows; r++) {
                                for (ptrdiff_t t = 0; t < columns; t++) {
                                    double value = edge[r * width + t];
                                    tile[r * ldc + t] = add ? tile[r * ldc + t] + value : value;
                                }
                            }
                        }
                    }
                    jr += width;
                }
            }
        }
    }
}
