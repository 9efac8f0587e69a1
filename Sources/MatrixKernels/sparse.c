// Products with a batch of images, mostly zeros (four fifths of an MNIST image is background,
// exactly 0): x·W1 and its gradient xᵀ·dZ1, the two large products of an MNIST step.
//
// The packed kernel sums each entry of C as chains of fused multiply-adds over blocks of
// `MK_DEPTH_BLOCK` depth steps, each chain from zero (gemm.c). Here each entry follows the
// same chains but steps over the images' zero pixels one by one: the same bits (with the
// packed kernel's one exception, the sign of a zero from underflow), a fifth of the arithmetic.
// - x·W: each row of C (an image) walks its own nonzero pixels and reads the rows of W
//   they select.
// - xᵀ·dZ: each row of C (a pixel) walks the images in which it is nonzero.
// Either way the operand read at the selected rows is first copied into panels of CHUNK
// columns with contiguous rows: read in place, its rows (a power of two apart in MNIST's
// shapes) share a few cache sets and evict one another. The paths are taken only when every
// entry of that operand is finite: 0·∞ is NaN, which skipping loses.
//
// Both products need to know where the batch's nonzero pixels are. Found by each product, that
// cost a reading of the whole batch each time, and by the backward pass the batch had left the
// second-level cache. So the caller may mark them once (`mk_mark_nonzero`, one bit per entry,
// in the forward pass right after the gather) and hand the marks to both products: x·W reads
// them as they are, xᵀ·dZ transposes them 64 × 64 bits at a time into each pixel's list of images.

#pragma STDC FP_CONTRACT OFF  // a multiply-add fuses only where an intrinsic says so (kernels.h)
#include "MatrixKernels.h"
#include "kernels.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#if MK_X86
#include <immintrin.h>
#endif

enum {
    WORDS = MK_DEPTH_BLOCK / 64,  // bit words of one depth block: a chain ends after this many
    CHUNK = 32,                   // entries of a row of C the baseline sums side by side
    MAX_VECTORS = 8,              // eight-lane vectors of a row of C the vector kernels sum side by side
    GROUP = 64,                   // rows of C that walk a stretch of B's panel in turn
};

// Whether A (m × k) looks mostly zero: at most one entry in three nonzero in its first four
// rows (four images of a batch). Reading all of it cost a fifth of the product; a wrong guess
// costs time, never bits.
int mk_looks_mostly_zero(const double *a, ptrdiff_t lda, ptrdiff_t m, ptrdiff_t k) {
    ptrdiff_t rows = m < 4 ? m : 4, columns = k;
    ptrdiff_t nonzero = 0;
    for (ptrdiff_t r = 0; r < rows; r++) {
        const double *row = a + r * lda;
        for (ptrdiff_t t = 0; t < columns; t++) nonzero += row[t] != 0;
    }
    return 3 * nonzero <= rows * columns;
}

// The baseline, row by row: each depth block's chains from zero, multiply then add as the
// baseline micro-kernel does, over the nonzero entries of the image's row in order.
static void rows_baseline(ptrdiff_t m, ptrdiff_t n, ptrdiff_t k, const double *a, ptrdiff_t lda, const double *b,
                          ptrdiff_t ldb, double *c, ptrdiff_t ldc, int accumulate) {
    double sums[CHUNK];
    for (ptrdiff_t i = 0; i < m; i++) {
        double *out = c + i * ldc;
        for (ptrdiff_t pc = 0; pc < k; pc += MK_DEPTH_BLOCK) {
            ptrdiff_t kc = k - pc < MK_DEPTH_BLOCK ? k - pc : MK_DEPTH_BLOCK;
            const double *row = a + i * lda + pc;
            int add = accumulate || pc > 0;
            for (ptrdiff_t j0 = 0; j0 < n; j0 += CHUNK) {
                ptrdiff_t width = n - j0 < CHUNK ? n - j0 : CHUNK;
                for (ptrdiff_t t = 0; t < width; t++) sums[t] = 0;
                for (ptrdiff_t p = 0; p < kc; p++) {
                    if (row[p] == 0) continue;
                    const double *b_row = b + (pc + p) * ldb + j0;
                    for (ptrdiff_t t = 0; t < width; t++) sums[t] = sums[t] + row[p] * b_row[t];
                }
                for (ptrdiff_t t = 0; t < width; t++) out[j0 + t] = add ? out[j0 + t] + sums[t] : sums[t];
            }
        }
    }
}

// Marks the nonzero entries (NaN counts) among `row[0..<count]`: bit p mod 64 of
// `bits[p / 64]`, eight entries to a compare, each word gathered in a register and stored once
// (or-ing into memory made every compare wait for the one before). Returns how many there are.
typedef _Bool mk_b8 __attribute__((ext_vector_type(8)));
static inline __attribute__((always_inline)) ptrdiff_t mark_nonzero(const double *row, ptrdiff_t count,
                                                                    uint64_t *bits) {
    ptrdiff_t nonzero = 0;
    for (ptrdiff_t w = 0; w < (count + 63) / 64; w++) {
        const double *entries = row + 64 * w;
        ptrdiff_t length = count - 64 * w < 64 ? count - 64 * w : 64, t = 0;
        uint64_t word = 0;
        for (; t + 8 <= length; t += 8) {
            mk_b8 marks = __builtin_convertvector(mk_load8(entries + t) != 0, mk_b8);
            uint8_t eight;
            memcpy(&eight, &marks, 1);
            word |= (uint64_t)eight << t;
        }
        for (; t < length; t++) word |= (uint64_t)(entries[t] != 0) << t;
        bits[w] = word;
        nonzero += __builtin_popcountll(word);
    }
    return nonzero;
}

static ptrdiff_t mark_nonzero_baseline(const double *row, ptrdiff_t count, uint64_t *bits) {
    return mark_nonzero(row, count, bits);
}
#if MK_X86
__attribute__((target("avx2,fma"))) static ptrdiff_t mark_nonzero_avx2(const double *row, ptrdiff_t count,
                                                                       uint64_t *bits) {
    return mark_nonzero(row, count, bits);
}
__attribute__((target(MK_AVX512))) static ptrdiff_t mark_nonzero_avx512(const double *row, ptrdiff_t count,
                                                                       uint64_t *bits) {
    return mark_nonzero(row, count, bits);
}
#endif

// Rows first..<end of A marked into `bits` (⌈columns / 64⌉ words a row); returns how many
// entries are nonzero.
static ptrdiff_t mark_rows(const double *a, ptrdiff_t lda, ptrdiff_t first, ptrdiff_t end, ptrdiff_t columns,
                           uint64_t *bits) {
    ptrdiff_t words = (columns + 63) / 64, nonzero = 0;
    for (ptrdiff_t r = first; r < end; r++) {
        nonzero += MK_PICK(1, mark_nonzero, a + r * lda, columns, bits + r * words);
    }
    return nonzero;
}

typedef struct {
    const double *a;
    ptrdiff_t lda, rows, columns;
    uint64_t *bits;
    ptrdiff_t nonzero[2];
} mark_job;

static void mark_part(void *context, int part) {
    mark_job *job = context;
    ptrdiff_t middle = job->rows / 2;
    job->nonzero[part] = part == 0 ? mark_rows(job->a, job->lda, 0, middle, job->columns, job->bits)
                                   : mark_rows(job->a, job->lda, middle, job->rows, job->columns, job->bits);
}

// Below this many entries one thread marks everything: handing half to the worker costs more.
enum { MARK_SPLIT_ENTRIES = 16384 };

ptrdiff_t mk_mark_nonzero(const double *a, ptrdiff_t lda, ptrdiff_t rows, ptrdiff_t columns, uint64_t *bits,
                          int threads) {
    if (rows <= 0 || columns <= 0) return 0;
    mark_job job = {a, lda, rows, columns, bits, {0, 0}};
    if (threads < 2 || rows < 2 || rows * columns < MARK_SPLIT_ENTRIES) return mark_rows(a, lda, 0, rows, columns, bits);
    mk_run_pair(mark_part, &job);
    return job.nonzero[0] + job.nonzero[1];
}

// The 64 × 64 bit matrix `m` (bit q of m[i] is entry (i, q)) transposed in place: bit i of m[q]
// is then entry (i, q). Six rounds, each swapping the off-diagonal blocks of every 2j × 2j block.
static void transpose_bits(uint64_t m[64]) {
    uint64_t mask = 0x00000000FFFFFFFFULL;
    for (int j = 32; j; j >>= 1, mask ^= mask << j) {
        for (int k = 0; k < 64; k = ((k | j) + 1) & ~j) {
            uint64_t t = ((m[k] >> j) ^ m[k | j]) & mask;
            m[k] ^= t << j;
            m[k | j] ^= t;
        }
    }
}

// From the marks of a batch of `images` rows (`marks`), each pixel's list of images in which it
// is nonzero, for pixels first..<first + pixels: bit i mod 64 of `lists[p · ⌈images / 64⌉ + i / 64]`
// for image i and pixel first + p.
static void list_images(const mk_marks *marks, ptrdiff_t images, ptrdiff_t first, ptrdiff_t pixels,
                        uint64_t *lists) {
    ptrdiff_t groups = (images + 63) / 64;
    for (ptrdiff_t block = first / 64; block * 64 < first + pixels; block++) {
        for (ptrdiff_t g = 0; g < groups; g++) {
            uint64_t square[64];
            for (ptrdiff_t i = 0; i < 64; i++) {
                square[i] = g * 64 + i < images ? marks->bits[(g * 64 + i) * marks->words + block] : 0;
            }
            transpose_bits(square);
            for (ptrdiff_t q = 0; q < 64; q++) {
                ptrdiff_t p = block * 64 + q - first;
                if (p >= 0 && p < pixels) lists[p * groups + g] = square[q];
            }
        }
    }
}

#if MK_X86
// Copies columns 0..<n of B (k × n, rows ldb apart) into panels `chunk` columns wide, zero
// padded: entry (p, j) goes to panels[(j / chunk · k + p) · chunk + j mod chunk]. A panel's
// rows are contiguous, so 64 of them (16 KiB) stay in L1 together; read in place, rows a
// power of two apart share a few cache sets and evict each other. Returns whether every
// entry is finite.
__attribute__((target("avx2,fma")))
static int pack_panels_avx2(const double *b, ptrdiff_t ldb, ptrdiff_t k, ptrdiff_t n, ptrdiff_t chunk,
                            double *panels) {
    __m256d exponent = _mm256_castsi256_pd(_mm256_set1_epi64x((long long)MK_EXPONENT_BITS));
    __m256d non_finite = _mm256_setzero_pd();
    for (ptrdiff_t j0 = 0; j0 < n; j0 += chunk) {
        ptrdiff_t width = n - j0 < chunk ? n - j0 : chunk;
        double *panel = panels + j0 * k;
        for (ptrdiff_t p = 0; p < k; p++) {
            const double *source = b + p * ldb + j0;
            double *target = panel + p * chunk;
            ptrdiff_t t = 0;
            for (; t + 4 <= width; t += 4) {
                __m256d v = _mm256_loadu_pd(source + t);
                non_finite = _mm256_or_pd(non_finite, _mm256_cmp_pd(_mm256_and_pd(v, exponent), exponent, _CMP_EQ_OQ));
                _mm256_store_pd(target + t, v);
            }
            for (; t < width; t++) {
                uint64_t bits;
                if (MK_NON_FINITE(source[t], bits)) non_finite = _mm256_castsi256_pd(_mm256_set1_epi64x(-1));
                target[t] = source[t];
            }
            for (; t < chunk; t++) target[t] = 0;
        }
    }
    return _mm256_movemask_pd(non_finite) == 0;
}

// pack_panels_avx2 for a B known to be finite, copying only the rows of B whose bit is set in
// `used` (the pixels nonzero in some image of the batch; about two thirds of MNIST's 784): no
// other row is read, since no image's marks select it.
static void pack_used_rows(const double *b, ptrdiff_t ldb, ptrdiff_t k, ptrdiff_t n, ptrdiff_t chunk,
                           const uint64_t *used, double *panels) {
    for (ptrdiff_t j0 = 0; j0 < n; j0 += chunk) {
        ptrdiff_t width = n - j0 < chunk ? n - j0 : chunk;
        double *panel = panels + j0 * k;
        for (ptrdiff_t w = 0; w < (k + 63) / 64; w++) {
            for (uint64_t mask = used[w]; mask; mask &= mask - 1) {
                ptrdiff_t p = w * 64 + __builtin_ctzll(mask);
                double *target = panel + p * chunk;
                memcpy(target, b + p * ldb + j0, (size_t)width * sizeof(double));
                for (ptrdiff_t t = width; t < chunk; t++) target[t] = 0;
            }
        }
    }
}

// Entries 8v..<8v + 8 of the first `width` at `out`, zero past them.
static inline __attribute__((always_inline)) mk_v8 partial_load(const double *out, ptrdiff_t width, int v) {
    double entries[8] = {0};
    for (ptrdiff_t t = 0; t < 8 && 8 * v + t < width; t++) entries[t] = out[8 * v + t];
    return mk_load8(entries);
}

// Writes the `vectors` vectors `sums` (entries j0..<j0 + 8 · vectors of a row of C) to the first
// `width` of them at `out`: replacing them, or added to them with `add`, then divided as
// `division` says (mk_divide_rows's bits).
static inline __attribute__((always_inline)) void store_chunk(int vectors, const mk_v8 *sums, double *out,
                                                              ptrdiff_t width, int add, mk_division division) {
    mk_v8 row[MAX_VECTORS];
    for (int v = 0; v < vectors; v++) {
        row[v] = sums[v];
        if (add) row[v] = (width == 8 * vectors ? mk_load8(out + 8 * v) : partial_load(out, width, v)) + row[v];
        if (division.how == MK_MULTIPLY) row[v] = row[v] * division.factor;
        if (division.how == MK_DIVIDE) row[v] = row[v] / division.factor;
    }
    if (width == 8 * vectors) {
        for (int v = 0; v < vectors; v++) mk_store8(out + 8 * v, row[v]);
        return;
    }
    double entries[8 * MAX_VECTORS];
    for (int v = 0; v < vectors; v++) mk_store8(entries + 8 * v, row[v]);
    for (ptrdiff_t t = 0; t < width; t++) out[t] = entries[t];
}

// Adds `value` times the `chunk` entries at `source` (64-byte aligned) to the running sums
// `s[0..<vectors]` in scope.
#define FMA_CHUNK(value, source)                                                                  \
    do {                                                                                          \
        mk_v8 f = (value);                                                                        \
        const double *from = (source);                                                            \
        for (int v = 0; v < vectors; v++) s[v] = mk_fma8(f, *(const mk_v8 *)(from + 8 * v), s[v]); \
    } while (0)

// x·W in vectors (for AVX2 and AVX-512 alike, kernels.h). W is copied into panels of `chunk`
// columns; then, for a group of up to GROUP rows of C, each panel is walked 64 depth steps at
// a time (16 KiB of it, in L1), and each row of the group sums its nonzero steps among those
// 64, keeping its running sums in `sums` between one stretch and the next. Each entry's chain
// is the one of the row-by-row order: a chain per block of MK_DEPTH_BLOCK steps, from zero,
// added to C at the block's end. The rows' nonzero pixels are `marks` when given (from column 0),
// else marked here, a group at a time; with marks and a B known to be finite, only the rows of B
// some row of A selects are copied.
static inline __attribute__((always_inline)) int rows_vector(int vectors, ptrdiff_t m, ptrdiff_t n, ptrdiff_t k, const double *a,
                                                             ptrdiff_t lda, const mk_marks *marks, const double *b,
                                                             ptrdiff_t ldb, int b_finite, double *c, ptrdiff_t ldc,
                                                             int accumulate, mk_division division) {
    const ptrdiff_t chunk = 8 * vectors;
    ptrdiff_t chunks = (n + chunk - 1) / chunk, words = (k + 63) / 64;
    size_t panel_entries = (size_t)(chunks * k * chunk);
    double *panels = mk_scratch_space(panel_entries + GROUP * chunk + (size_t)(GROUP * words));
    if (!panels) abort();
    double *sums = panels + panel_entries;
    uint64_t *bits = (uint64_t *)(sums + GROUP * chunk);
    enum { MOST_WORDS = 64 };  // a union of marks on the stack: up to 4,096 columns of A
    if (marks && b_finite && words <= MOST_WORDS) {
        uint64_t used[MOST_WORDS] = {0};
        for (ptrdiff_t r = 0; r < m; r++) {
            for (ptrdiff_t w = 0; w < words; w++) used[w] |= marks->bits[r * words + w];
        }
        pack_used_rows(b, ldb, k, n, chunk, used, panels);
    } else if (!pack_panels_avx2(b, ldb, k, n, chunk, panels)) {
        return 0;
    }
    for (ptrdiff_t i0 = 0; i0 < m; i0 += GROUP) {
        ptrdiff_t rows = m - i0 < GROUP ? m - i0 : GROUP;
        if (marks) {
            bits = (uint64_t *)marks->bits + i0 * words;
        } else {
            for (ptrdiff_t r = 0; r < rows; r++) mark_nonzero(a + (i0 + r) * lda, k, bits + r * words);
        }
        for (ptrdiff_t index = 0; index < chunks; index++) {
            ptrdiff_t j0 = index * chunk, width = n - j0 < chunk ? n - j0 : chunk;
            for (ptrdiff_t w = 0; w < words; w++) {
                const double *stretch = panels + (index * k + w * 64) * chunk;
                int first = w % WORDS == 0, last = w % WORDS == WORDS - 1 || w == words - 1;
                for (ptrdiff_t r = 0; r < rows; r++) {
                    const double *row = a + (i0 + r) * lda + w * 64;
                    double *kept = sums + r * chunk;
                    mk_v8 s[MAX_VECTORS];
                    for (int v = 0; v < vectors; v++) s[v] = first ? (mk_v8)0 : *(const mk_v8 *)(kept + 8 * v);
                    for (uint64_t mask = bits[r * words + w]; mask; mask &= mask - 1) {
                        ptrdiff_t p = __builtin_ctzll(mask);
                        FMA_CHUNK(row[p], stretch + p * chunk);
                    }
                    if (last) {
                        store_chunk(vectors, s, c + (i0 + r) * ldc + j0, width, accumulate || w >= WORDS,
                                    w == words - 1 ? division : mk_division_by(1));
                    } else {
                        for (int v = 0; v < vectors; v++) *(mk_v8 *)(kept + 8 * v) = s[v];
                    }
                }
            }
        }
    }
    return 1;
}

// xᵀ·B in vectors, for at most MK_DEPTH_BLOCK depth steps (one chain per entry). Each row of C
// (a pixel) lists the images in which it is nonzero, transposed from the images' marks: `marks`
// when given, else marked here; B is copied into panels of `chunk` columns, and each pixel sums
// B's rows for just those images, in order.
static inline __attribute__((always_inline)) int columns_vector(int vectors, ptrdiff_t m, ptrdiff_t n, ptrdiff_t k,
                                                                const double *a, ptrdiff_t lda, const mk_marks *marks,
                                                                const double *b, ptrdiff_t ldb, double *c,
                                                                ptrdiff_t ldc, int accumulate, mk_division division) {
    const ptrdiff_t chunk = 8 * vectors;
    ptrdiff_t chunks = (n + chunk - 1) / chunk, words = (k + 63) / 64;
    size_t panel_entries = (size_t)(chunks * k * chunk);
    ptrdiff_t pixel_words = (m + 63) / 64;
    double *panels = mk_scratch_space(panel_entries + (size_t)(m * words) + (marks ? 0 : (size_t)(k * pixel_words)));
    if (!panels) abort();
    uint64_t *bits = (uint64_t *)(panels + panel_entries);
    if (!pack_panels_avx2(b, ldb, k, n, chunk, panels)) return 0;
    mk_marks own = {bits + m * words, pixel_words, 0};
    if (!marks) {
        for (ptrdiff_t i = 0; i < k; i++) mark_nonzero(a + i * lda, m, (uint64_t *)own.bits + i * pixel_words);
        marks = &own;
    }
    list_images(marks, k, marks->first_column, m, bits);
    for (ptrdiff_t index = 0; index < chunks; index++) {
        ptrdiff_t j0 = index * chunk, width = n - j0 < chunk ? n - j0 : chunk;
        const double *panel = panels + index * k * chunk;
        for (ptrdiff_t p = 0; p < m; p++) {
            mk_v8 s[MAX_VECTORS];
            for (int v = 0; v < vectors; v++) s[v] = 0;
            for (ptrdiff_t w = 0; w < words; w++) {
                for (uint64_t mask = bits[p * words + w]; mask; mask &= mask - 1) {
                    ptrdiff_t i = w * 64 + __builtin_ctzll(mask);
                    FMA_CHUNK(a[i * lda + p], panel + i * chunk);
                }
            }
            store_chunk(vectors, s, c + p * ldc + j0, width, accumulate, division);
        }
    }
    return 1;
}

#define SPARSE_KERNELS(SUFFIX, TARGET, VECTORS)                                                                \
    __attribute__((target(TARGET))) static int rows_##SUFFIX(ptrdiff_t m, ptrdiff_t n, ptrdiff_t k, const double *a, \
                                                             ptrdiff_t lda, const mk_marks *marks, const double *b,  \
                                                             ptrdiff_t ldb, int b_finite, double *c, ptrdiff_t ldc,  \
                                                             int accumulate, mk_division division) {                 \
        return rows_vector(VECTORS, m, n, k, a, lda, marks, b, ldb, b_finite, c, ldc, accumulate, division);         \
    }                                                                                                                 \
    __attribute__((target(TARGET))) static int columns_##SUFFIX(                                                      \
        ptrdiff_t m, ptrdiff_t n, ptrdiff_t k, const double *a, ptrdiff_t lda, const mk_marks *marks, const double *b, \
        ptrdiff_t ldb, double *c, ptrdiff_t ldc, int accumulate, mk_division division) {                              \
        return columns_vector(VECTORS, m, n, k, a, lda, marks, b, ldb, c, ldc, accumulate, division);                \
    }

// AVX2: 32 entries of a row of C side by side (eight 4-lane registers); AVX-512: 64 (eight
// 8-lane registers), enough independent chains that a step need not wait for the one before.
SPARSE_KERNELS(avx2, "avx2,fma", 4)
SPARSE_KERNELS(avx512, MK_AVX512, 8)
#endif

int mk_dgemm_sparse_rows(ptrdiff_t m, ptrdiff_t n, ptrdiff_t k, const double *a, ptrdiff_t lda,
                         const mk_marks *marks, const double *b, ptrdiff_t ldb, int b_finite, double *c,
                         ptrdiff_t ldc, int accumulate, double divisor) {
    // Marks that start past column 0 would need shifting; such a product marks its own rows.
    if (marks && marks->first_column != 0) marks = NULL;
    if (!marks && !mk_looks_mostly_zero(a, lda, m, k)) return 0;
    mk_division division = mk_division_by(divisor);
#if MK_X86
    if (mk_uses_avx512()) return rows_avx512(m, n, k, a, lda, marks, b, ldb, b_finite, c, ldc, accumulate, division);
    if (mk_uses_avx2()) return rows_avx2(m, n, k, a, lda, marks, b, ldb, b_finite, c, ldc, accumulate, division);
#endif
    if (!b_finite && !mk_all_finite(b, ldb, k, n)) return 0;
    rows_baseline(m, n, k, a, lda, b, ldb, c, ldc, accumulate);
    mk_divide_rows(c, m, n, ldc, divisor);
    return 1;
}

int mk_dgemm_sparse_columns(ptrdiff_t m, ptrdiff_t n, ptrdiff_t k, const double *a, ptrdiff_t lda,
                            const mk_marks *marks, const double *b, ptrdiff_t ldb, double *c, ptrdiff_t ldc,
                            int accumulate, double divisor) {
#if MK_X86
    if (k <= MK_DEPTH_BLOCK && mk_uses_avx2() && (marks || mk_looks_mostly_zero(a, lda, k, m))) {
        mk_division division = mk_division_by(divisor);
        if (mk_uses_avx512()) return columns_avx512(m, n, k, a, lda, marks, b, ldb, c, ldc, accumulate, division);
        return columns_avx2(m, n, k, a, lda, marks, b, ldb, c, ldc, accumulate, division);
    }
#endif
    return 0;
}
