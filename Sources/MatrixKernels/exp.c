// The exponential of many numbers at once, the logistic function built on it, and its slope.
//
// The exponential: exp(x) = 2ⁿ · e^r with n = round(x / ln 2) and
// |r| ≤ ln 2 / 2, r taken in two parts of ln 2 (Cody and Waite) so it is exact to the last bit,
// and e^r from its Taylor polynomial of degree 13, whose truncation error is below 10⁻¹⁷.
// The scale 2ⁿ is applied as two powers of two so that results near overflow and in the
// subnormal range come out right.

#pragma STDC FP_CONTRACT OFF  // a multiply-add fuses only where an intrinsic says so (kernels.h)
#include "MatrixKernels.h"
#include "kernels.h"

#include <math.h>
#include <stdint.h>
#include <string.h>
#if MK_X86
#include <immintrin.h>
#endif

static const double log2e = 1.4426950408889634;
static const double ln2_high = 0.693147180369123816490;    // the upper 32 bits of ln 2
static const double ln2_low = 1.90821492927058770002e-10;   // ln 2 − ln2_high
static const double upper_limit = 710.0;                    // exp(710) overflows
static const double lower_limit = -750.0;                   // exp(−750) underflows to 0

// 1/k! for k = 13 down to 0, the order Horner's rule uses them.
static const double taylor[14] = {
    1.0 / 6227020800.0, 1.0 / 479001600.0, 1.0 / 39916800.0, 1.0 / 3628800.0, 1.0 / 362880.0,
    1.0 / 40320.0, 1.0 / 5040.0, 1.0 / 720.0, 1.0 / 120.0, 1.0 / 24.0, 1.0 / 6.0, 0.5, 1.0, 1.0,
};

static double power_of_two(int64_t exponent) {
    uint64_t bits = (uint64_t)(exponent + 1023) << 52;
    double value;
    memcpy(&value, &bits, sizeof value);
    return value;
}

static double exp_baseline(double x) {
    if (x != x) return x;
    if (x > upper_limit) x = upper_limit;
    if (x < lower_limit) x = lower_limit;
    double n = nearbyint(x * log2e);
    double r = (x - n * ln2_high) - n * ln2_low;
    double p = taylor[0];
    for (int i = 1; i < 14; i++) p = p * r + taylor[i];
    int64_t whole = (int64_t)n;
    int64_t half = whole >= 0 ? whole / 2 : -((-whole + 1) / 2);  // floor(n / 2)
    return p * power_of_two(half) * power_of_two(whole - half);
}

#if MK_X86
// e^x in four lanes.
__attribute__((target("avx2,fma")))
static inline __m256d exp4(__m256d input) {
    // n + 1023 + 1.5 · 2⁵² holds the integer n + 1023 in its low mantissa bits; shifted left by
    // 52 they become the exponent field of 2ⁿ.
    const __m256d bias = _mm256_set1_pd(6755399441055744.0 + 1023.0);
    __m256d v = _mm256_min_pd(_mm256_max_pd(input, _mm256_set1_pd(lower_limit)), _mm256_set1_pd(upper_limit));
    __m256d n = _mm256_round_pd(_mm256_mul_pd(v, _mm256_set1_pd(log2e)), _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    __m256d r = _mm256_fnmadd_pd(n, _mm256_set1_pd(ln2_high), v);
    r = _mm256_fnmadd_pd(n, _mm256_set1_pd(ln2_low), r);
    __m256d p = _mm256_set1_pd(taylor[0]);
    for (int t = 1; t < 14; t++) p = _mm256_fmadd_pd(p, r, _mm256_set1_pd(taylor[t]));
    __m256d half = _mm256_floor_pd(_mm256_mul_pd(n, _mm256_set1_pd(0.5)));
    __m256d rest = _mm256_sub_pd(n, half);
    __m256d scale1 = _mm256_castsi256_pd(_mm256_slli_epi64(_mm256_castpd_si256(_mm256_add_pd(half, bias)), 52));
    __m256d scale2 = _mm256_castsi256_pd(_mm256_slli_epi64(_mm256_castpd_si256(_mm256_add_pd(rest, bias)), 52));
    __m256d result = _mm256_mul_pd(_mm256_mul_pd(p, scale1), scale2);
    __m256d isNaN = _mm256_cmp_pd(input, input, _CMP_UNORD_Q);
    return _mm256_blendv_pd(result, input, isNaN);
}

// The vectors that exp_block and sigmoid_block take at once: 24 entries.
enum { BLOCK_VECTORS = 6 };

// Keeps the compiler from moving one step of the six chains past the next: it would
// otherwise emit each chain whole, one after another, and the processor's window cannot see
// far enough ahead to overlap them (measured: 1.66 → 1.21 ns per sigmoid).
#define IN_STEP(p) __asm__("" : "+x"(p[0]), "+x"(p[1]), "+x"(p[2]), "+x"(p[3]), "+x"(p[4]), "+x"(p[5]))

// e^x of 24 entries in six vectors, in place, with exp4's bits.
//
// Horner's rule is a chain of thirteen dependent multiply-adds; one vector at a time the
// processor cannot keep enough chains in flight to fill its multiply-add units. So six
// chains advance together, step by step. And where every |x| < 708 (no NaN), the result is a
// normal number: 2ⁿ is applied by adding n to p's exponent field, which is exact, and gives
// the same bits as exp4's two scalings, without the clamping and the NaN test.
__attribute__((target("avx2,fma"), always_inline))
static inline void exp_block(__m256d v[BLOCK_VECTORS]) {
    const __m256d limit = _mm256_set1_pd(708), sign = _mm256_set1_pd(-0.0);
    __m256d inside = _mm256_cmp_pd(_mm256_andnot_pd(sign, v[0]), limit, _CMP_LT_OQ);
    for (int q = 1; q < BLOCK_VECTORS; q++) inside = _mm256_and_pd(inside, _mm256_cmp_pd(_mm256_andnot_pd(sign, v[q]), limit, _CMP_LT_OQ));
    if (_mm256_movemask_pd(inside) != 0xF) {
        for (int q = 0; q < BLOCK_VECTORS; q++) v[q] = exp4(v[q]);
        return;
    }
    const __m256d shifter = _mm256_set1_pd(6755399441055744.0);  // 1.5 · 2⁵²: n in the low bits
    __m256d n[BLOCK_VECTORS], r[BLOCK_VECTORS], p[BLOCK_VECTORS];
    for (int q = 0; q < BLOCK_VECTORS; q++) {
        n[q] = _mm256_round_pd(_mm256_mul_pd(v[q], _mm256_set1_pd(log2e)), _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    }
    for (int q = 0; q < BLOCK_VECTORS; q++) r[q] = _mm256_fnmadd_pd(n[q], _mm256_set1_pd(ln2_high), v[q]);
    for (int q = 0; q < BLOCK_VECTORS; q++) r[q] = _mm256_fnmadd_pd(n[q], _mm256_set1_pd(ln2_low), r[q]);
    for (int q = 0; q < BLOCK_VECTORS; q++) p[q] = _mm256_set1_pd(taylor[0]);
    for (int t = 1; t < 14; t++) {
        for (int q = 0; q < BLOCK_VECTORS; q++) p[q] = _mm256_fmadd_pd(p[q], r[q], _mm256_set1_pd(taylor[t]));
        IN_STEP(p);
    }
    for (int q = 0; q < BLOCK_VECTORS; q++) {
        __m256i exponent = _mm256_slli_epi64(_mm256_castpd_si256(_mm256_add_pd(n[q], shifter)), 52);
        v[q] = _mm256_castsi256_pd(_mm256_add_epi64(_mm256_castpd_si256(p[q]), exponent));
    }
}

// σ(x) from e = e^(−|x|), 24 entries in place: 1 / (1 + e) for x ≥ 0, e / (1 + e) below.
__attribute__((target("avx2,fma"), always_inline))
static inline void sigmoid_block(__m256d v[BLOCK_VECTORS]) {
    __m256d e[BLOCK_VECTORS];
    for (int q = 0; q < BLOCK_VECTORS; q++) e[q] = _mm256_sub_pd(_mm256_setzero_pd(), _mm256_andnot_pd(_mm256_set1_pd(-0.0), v[q]));
    exp_block(e);
    for (int q = 0; q < BLOCK_VECTORS; q++) {
        __m256d numerator = _mm256_blendv_pd(e[q], _mm256_set1_pd(1), _mm256_cmp_pd(v[q], _mm256_setzero_pd(), _CMP_GE_OQ));
        v[q] = _mm256_div_pd(numerator, _mm256_add_pd(_mm256_set1_pd(1), e[q]));
    }
}

// `function` of every entry, a block of BLOCK_VECTORS vectors of LANES at a time; the last few
// go through the same lanes, padded with zeros, so an entry's result does not depend on its
// position.
#define BLOCK_AT_A_TIME(function, x, y, count, TYPE, LANES, LOAD, STORE)                   \
    {                                                                                    \
        enum { size = (LANES) * BLOCK_VECTORS };                                         \
        TYPE v[BLOCK_VECTORS];                                                           \
        ptrdiff_t i = 0;                                                                 \
        for (; i + size <= count; i += size) {                                           \
            for (int q = 0; q < BLOCK_VECTORS; q++) v[q] = LOAD(x + i + (LANES) * q);    \
            function(v);                                                                 \
            for (int q = 0; q < BLOCK_VECTORS; q++) STORE(y + i + (LANES) * q, v[q]);    \
        }                                                                                \
        if (i < count) {                                                                 \
            double padded[size] = {0};                                                   \
            memcpy(padded, x + i, (size_t)(count - i) * sizeof(double));                \
            for (int q = 0; q < BLOCK_VECTORS; q++) v[q] = LOAD(padded + (LANES) * q);   \
            function(v);                                                                 \
            for (int q = 0; q < BLOCK_VECTORS; q++) STORE(padded + (LANES) * q, v[q]);   \
            memcpy(y + i, padded, (size_t)(count - i) * sizeof(double));                 \
        }                                                                                \
    }

// The same steps in eight lanes for AVX-512, instruction for instruction, so the same bits:
// exp4 and exp_block with a mask register where AVX2 has a vector of compare results.
__attribute__((target(MK_AVX512)))
static inline __m512d exp8(__m512d input) {
    const __m512d bias = _mm512_set1_pd(6755399441055744.0 + 1023.0);
    __m512d v = _mm512_min_pd(_mm512_max_pd(input, _mm512_set1_pd(lower_limit)), _mm512_set1_pd(upper_limit));
    __m512d n = _mm512_roundscale_pd(_mm512_mul_pd(v, _mm512_set1_pd(log2e)), _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    __m512d r = _mm512_fnmadd_pd(n, _mm512_set1_pd(ln2_high), v);
    r = _mm512_fnmadd_pd(n, _mm512_set1_pd(ln2_low), r);
    __m512d p = _mm512_set1_pd(taylor[0]);
    for (int t = 1; t < 14; t++) p = _mm512_fmadd_pd(p, r, _mm512_set1_pd(taylor[t]));
    __m512d half = _mm512_roundscale_pd(_mm512_mul_pd(n, _mm512_set1_pd(0.5)), _MM_FROUND_TO_NEG_INF | _MM_FROUND_NO_EXC);
    __m512d rest = _mm512_sub_pd(n, half);
    __m512d scale1 = _mm512_castsi512_pd(_mm512_slli_epi64(_mm512_castpd_si512(_mm512_add_pd(half, bias)), 52));
    __m512d scale2 = _mm512_castsi512_pd(_mm512_slli_epi64(_mm512_castpd_si512(_mm512_add_pd(rest, bias)), 52));
    __m512d result = _mm512_mul_pd(_mm512_mul_pd(p, scale1), scale2);
    __mmask8 is_nan = _mm512_cmp_pd_mask(input, input, _CMP_UNORD_Q);
    return _mm512_mask_blend_pd(is_nan, result, input);
}

#define IN_STEP8(p) __asm__("" : "+v"(p[0]), "+v"(p[1]), "+v"(p[2]), "+v"(p[3]), "+v"(p[4]), "+v"(p[5]))

__attribute__((target(MK_AVX512), always_inline))
static inline void exp_block8(__m512d v[BLOCK_VECTORS]) {
    const __m512d limit = _mm512_set1_pd(708);
    __mmask8 inside = 0xFF;
    for (int q = 0; q < BLOCK_VECTORS; q++) inside &= _mm512_cmp_pd_mask(_mm512_abs_pd(v[q]), limit, _CMP_LT_OQ);
    if (inside != 0xFF) {
        for (int q = 0; q < BLOCK_VECTORS; q++) v[q] = exp8(v[q]);
        return;
    }
    const __m512d shifter = _mm512_set1_pd(6755399441055744.0);
    __m512d n[BLOCK_VECTORS], r[BLOCK_VECTORS], p[BLOCK_VECTORS];
    for (int q = 0; q < BLOCK_VECTORS; q++) {
        n[q] = _mm512_roundscale_pd(_mm512_mul_pd(v[q], _mm512_set1_pd(log2e)), _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    }
    for (int q = 0; q < BLOCK_VECTORS; q++) r[q] = _mm512_fnmadd_pd(n[q], _mm512_set1_pd(ln2_high), v[q]);
    for (int q = 0; q < BLOCK_VECTORS; q++) r[q] = _mm512_fnmadd_pd(n[q], _mm512_set1_pd(ln2_low), r[q]);
    for (int q = 0; q < BLOCK_VECTORS; q++) p[q] = _mm512_set1_pd(taylor[0]);
    for (int t = 1; t < 14; t++) {
        for (int q = 0; q < BLOCK_VECTORS; q++) p[q] = _mm512_fmadd_pd(p[q], r[q], _mm512_set1_pd(taylor[t]));
        IN_STEP8(p);
    }
    for (int q = 0; q < BLOCK_VECTORS; q++) {
        __m512i exponent = _mm512_slli_epi64(_mm512_castpd_si512(_mm512_add_pd(n[q], shifter)), 52);
        v[q] = _mm512_castsi512_pd(_mm512_add_epi64(_mm512_castpd_si512(p[q]), exponent));
    }
}

__attribute__((target(MK_AVX512), always_inline))
static inline void sigmoid_block8(__m512d v[BLOCK_VECTORS]) {
    __m512d e[BLOCK_VECTORS];
    for (int q = 0; q < BLOCK_VECTORS; q++) e[q] = _mm512_sub_pd(_mm512_setzero_pd(), _mm512_abs_pd(v[q]));
    exp_block8(e);
    for (int q = 0; q < BLOCK_VECTORS; q++) {
        __mmask8 non_negative = _mm512_cmp_pd_mask(v[q], _mm512_setzero_pd(), _CMP_GE_OQ);
        __m512d numerator = _mm512_mask_blend_pd(non_negative, e[q], _mm512_set1_pd(1));
        v[q] = _mm512_div_pd(numerator, _mm512_add_pd(_mm512_set1_pd(1), e[q]));
    }
}

__attribute__((target(MK_AVX512)))
static void exp_avx512(const double *x, double *y, ptrdiff_t count)
    BLOCK_AT_A_TIME(exp_block8, x, y, count, __m512d, 8, _mm512_loadu_pd, _mm512_storeu_pd)

__attribute__((target(MK_AVX512)))
static void sigmoid_avx512(const double *x, double *y, ptrdiff_t count)
    BLOCK_AT_A_TIME(sigmoid_block8, x, y, count, __m512d, 8, _mm512_loadu_pd, _mm512_storeu_pd)

__attribute__((target("avx2,fma")))
static void exp_avx2(const double *x, double *y, ptrdiff_t count)
    BLOCK_AT_A_TIME(exp_block, x, y, count, __m256d, 4, _mm256_loadu_pd, _mm256_storeu_pd)

__attribute__((target("avx2,fma")))
static void sigmoid_avx2(const double *x, double *y, ptrdiff_t count)
    BLOCK_AT_A_TIME(sigmoid_block, x, y, count, __m256d, 4, _mm256_loadu_pd, _mm256_storeu_pd)
#endif

// σ(x) from e = e^(−|x|): 1 / (1 + e) for x ≥ 0, e / (1 + e) below (NaN stays NaN).
static double sigmoid_baseline(double x) {
    double e = exp_baseline(-fabs(x));
    return (x >= 0 ? 1 : e) / (1 + e);
}

void mk_sigmoid(const double *x, double *y, ptrdiff_t count) {
#if MK_X86
    if (mk_uses_avx512()) {
        sigmoid_avx512(x, y, count);
        return;
    }
    if (mk_uses_avx2()) {
        sigmoid_avx2(x, y, count);
        return;
    }
#endif
    for (ptrdiff_t i = 0; i < count; i++) y[i] = sigmoid_baseline(x[i]);
}

#if MK_X86
__attribute__((target("avx2,fma")))
static ptrdiff_t sigmoid_backward_avx2(double *g, const double *a, ptrdiff_t count) {
    ptrdiff_t i = 0;
    for (; i + 4 <= count; i += 4) {
        _mm256_storeu_pd(g + i, mk_times_logistic_slope4(_mm256_loadu_pd(g + i), _mm256_loadu_pd(a + i)));
    }
    return i;
}
#endif

void mk_sigmoid_backward(double *g, const double *a, ptrdiff_t count) {
    ptrdiff_t i = 0;
#if MK_X86
    if (mk_uses_avx2()) i = sigmoid_backward_avx2(g, a, count);
#endif
    for (; i < count; i++) g[i] = mk_times_logistic_slope(g[i], a[i]);
}

void mk_exp(const double *x, double *y, ptrdiff_t count) {
#if MK_X86
    if (mk_uses_avx512()) {
        exp_avx512(x, y, count);
        return;
    }
    if (mk_uses_avx2()) {
        exp_avx2(x, y, count);
        return;
    }
#endif
    for (ptrdiff_t i = 0; i < count; i++) y[i] = exp_baseline(x[i]);
}
