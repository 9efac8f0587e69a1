// Shared by the kernel files; not part of the public header.
#ifndef MK_KERNELS_INTERNAL_H
#define MK_KERNELS_INTERNAL_H

#if defined(__x86_64__)
#define MK_X86 1
#else
#define MK_X86 0
#endif

// Every kernel file starts with `#pragma STDC FP_CONTRACT OFF`: each multiply and add rounds
// on its own, in the order written, and a fused multiply-add happens only where an intrinsic
// (`_mm256_fmadd_pd`) asks for one, so that each version gives the bits it documents whatever
// flags the file is compiled with (short of `-ffp-contract=fast`, which overrides the pragma).

#include <stddef.h>
#include <stdint.h>
#include <string.h>

// The samples of a batch that part `part` of an `mk_run_pair` task takes: part 0 the first
// ⌈m/2⌉, part 1 the rest, whichever thread runs them (conv.c, pool.c).
static inline void mk_batch_half(ptrdiff_t samples, int part, ptrdiff_t *first, ptrdiff_t *end) {
    const ptrdiff_t middle = (samples + 1) / 2;
    *first = part == 0 ? 0 : middle;
    *end = part == 0 ? middle : samples;
}

// The depth of a packed block: every entry of a product is summed in chains of this many
// depth steps, each from zero (gemm.c); sparse.c follows the same chains.
enum { MK_DEPTH_BLOCK = 256 };

// How a result is divided by a batch size as it is stored: not at all (divisor 1), times the
// reciprocal where the divisor is a power of two whose reciprocal is normal (x · (1/d) and x / d
// then round the same exact value, and a multiplication is several times cheaper), else by the
// divisor. `mk_divide_rows` and the products that divide as they store share it.
typedef struct {
    enum { MK_KEEP, MK_MULTIPLY, MK_DIVIDE } how;
    double factor;
} mk_division;

static inline mk_division mk_division_by(double divisor) {
    if (divisor == 1) return (mk_division){MK_KEEP, 1};
    double reciprocal = 1 / divisor;
    int exponent;
    if (__builtin_isnormal(divisor) && __builtin_fabs(__builtin_frexp(divisor, &exponent)) == 0.5 &&
        __builtin_isnormal(reciprocal)) {
        return (mk_division){MK_MULTIPLY, reciprocal};
    }
    return (mk_division){MK_DIVIDE, divisor};
}

// NaN and ±∞ are the values whose exponent bits are all ones; an integer `or` over many
// entries says whether any is, with no branch. `bits` is a uint64_t to work in.
#define MK_EXPONENT_BITS 0x7FF0000000000000ULL
#define MK_NON_FINITE(value, bits) \
    (memcpy(&(bits), &(value), sizeof(double)), ((bits) & MK_EXPONENT_BITS) == MK_EXPONENT_BITS)

// Whether every entry of the rows × columns matrix at `values` (rows `ld` apart) is finite
// (gemm.c).
int mk_all_finite(const double *values, ptrdiff_t ld, ptrdiff_t rows, ptrdiff_t columns);

// The calling thread's buffer for packed operands, kept from one product to the next, at
// least `count` entries long and 64-byte aligned; NULL when memory runs out (gemm.c).
double *mk_scratch_space(size_t count);

// C = A B (or C += A B) with gemm.c's bits, for a mostly-zero A (a batch of images, stored
// row by row) and an untransposed B, reading only the rows of B that nonzero entries of A
// select (sparse.c). With `marks` (A's, from `mk_mark_nonzero`) A counts as mostly zero and
// its zeros are found by them. C is then divided by `divisor` (mk_divide_rows's bits). With
// `b_finite` the caller vouches that every entry of B is finite, which is then not checked.
// Returns 0, having written nothing, when the first rows of A are not mostly zero (without
// marks) or an entry of B is NaN or ±∞.
int mk_dgemm_sparse_rows(ptrdiff_t m, ptrdiff_t n, ptrdiff_t k, const double *a, ptrdiff_t lda,
                         const mk_marks *marks, const double *b, ptrdiff_t ldb, int b_finite, double *c,
                         ptrdiff_t ldc, int accumulate, double divisor);

// C = Aᵀ B (or C += Aᵀ B) with gemm.c's bits, for a mostly-zero A stored k × m (a batch of
// images) and at most MK_DEPTH_BLOCK depth steps: a weight gradient xᵀ·dZ, each entry summed
// over the images where its pixel is nonzero (sparse.c). Returns 0, having written nothing,
// when the machine lacks AVX2, the depth is longer, the first images are not mostly zero, or
// an entry of B is NaN or ±∞. With `marks` (A's as stored, k × m from `marks->first_column`), A
// counts as mostly zero and each pixel's images are found by them. C is then divided by
// `divisor` as each row is stored.
int mk_dgemm_sparse_columns(ptrdiff_t m, ptrdiff_t n, ptrdiff_t k, const double *a, ptrdiff_t lda,
                            const mk_marks *marks, const double *b, ptrdiff_t ldb, double *c, ptrdiff_t ldc,
                            int accumulate, double divisor);

// The square root, correctly rounded as IEEE 754 defines it (a negative gives NaN), without
// touching `errno`: the compiler may then vectorize it (vsqrtpd) without `-fno-math-errno`.
static inline double mk_sqrt(double x) {
#if defined(__has_builtin) && __has_builtin(__builtin_elementwise_sqrt)
    return __builtin_elementwise_sqrt(x);
#else
    return __builtin_sqrt(x);
#endif
}

// A sensitivity `g` carried through a logistic layer whose output is `a`: g · (a · (1 − a)),
// in that order, so that every loop applying it gives the bits of mk_sigmoid_backward.
static inline double mk_times_logistic_slope(double g, double a) { return g * (a * (1 - a)); }

// Eight doubles as one value, for loops written once and compiled for both AVX2 (two 4-lane
// registers) and AVX-512 (one 8-lane register): the body is an `always_inline` function without
// a target, inlined into one `target("avx2,fma")` and one `MK_AVX512` function. Arithmetic on
// it rounds lane by lane as written; `mk_fma8` is the only fused multiply-add.
typedef double mk_v8 __attribute__((ext_vector_type(8)));
// Such a helper passes mk_v8 by value, which the compiler warns would change the calling
// convention between the two targets; it is always inlined, so no call passes one.
#pragma clang diagnostic ignored "-Wpsabi"

// The target of the AVX-512 versions (mk_uses_avx512).
#define MK_AVX512 "avx512f,avx512dq,avx512vl,avx2,fma"

// Eight entries from `p`, aligned or not, and stored back the same way.
static inline __attribute__((always_inline)) mk_v8 mk_load8(const double *p) {
    mk_v8 v;
    memcpy(&v, p, sizeof v);
    return v;
}
static inline __attribute__((always_inline)) void mk_store8(double *p, mk_v8 v) { memcpy(p, &v, sizeof v); }

// a · b + c, each lane rounded once (vfmadd).
static inline __attribute__((always_inline)) mk_v8 mk_fma8(mk_v8 a, mk_v8 b, mk_v8 c) {
    return __builtin_elementwise_fma(a, b, c);
}

// `name_avx512(…)` where the calling thread uses AVX-512 and `wide` allows it, else
// `name_avx2(…)` or `name_baseline(…)`: the version of a loop compiled three times that runs
// (only `name_baseline` off x86).
#if MK_X86
#define MK_PICK(wide, name, ...)                                                                         \
    (mk_uses_avx512() && (wide) ? name##_avx512(__VA_ARGS__)                                           \
                                : mk_uses_avx2() ? name##_avx2(__VA_ARGS__) : name##_baseline(__VA_ARGS__))
#else
#define MK_PICK(wide, name, ...) name##_baseline(__VA_ARGS__)
#endif

#if MK_X86
#include <immintrin.h>

// mk_times_logistic_slope in four lanes.
__attribute__((target("avx2,fma"), always_inline))
static inline __m256d mk_times_logistic_slope4(__m256d g, __m256d a) {
    return _mm256_mul_pd(g, _mm256_mul_pd(a, _mm256_sub_pd(_mm256_set1_pd(1), a)));
}
#endif

// C = op(A) op(B) (or C += …) summed directly in the order `mk_dgemm` documents for small
// and skinny shapes (direct.c).
void mk_dgemm_direct(int transpose_a, int transpose_b, ptrdiff_t m, ptrdiff_t n, ptrdiff_t k,
                     const double *a, ptrdiff_t lda, const double *b, ptrdiff_t ldb,
                     double *c, ptrdiff_t ldc, int accumulate);

#endif
