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
// The vector versions are written once (`EXP_LANES`) on clang's vector types, for four lanes
// (AVX2) and eight (AVX-512); each operation is one instruction of either set (vroundpd or
// vrndscalepd to nearest, vfmadd, vfnmadd as a fused multiply-add of −n, integer shifts and
// adds on the bits), so the two give the same bits.
typedef double exp_d4 __attribute__((ext_vector_type(4)));
typedef long exp_i4 __attribute__((ext_vector_type(4)));
typedef mk_v8 exp_d8;
typedef long exp_i8 __attribute__((ext_vector_type(8)));

// The vectors that exp_block and sigmoid_block take at once: 24 entries on AVX2, 48 on AVX-512.
enum { BLOCK_VECTORS = 6 };

// For lanes of width W (4 or 8), with the target TARGET and the asm constraint CONSTRAINT of
// its vector registers:
// - exp_lanesW: e^x. n + 1023 + 1.5 · 2⁵² holds the integer n + 1023 in its low mantissa
//   bits; shifted left by 52 they become the exponent field of 2ⁿ, applied in two halves.
// - exp_blockW: e^x of six vectors in place, with exp_lanesW's bits. Horner's rule is a chain
//   of thirteen dependent multiply-adds; one vector at a time the processor cannot keep enough
//   chains in flight, so six advance together, step by step (the empty asm keeps the compiler
//   from emitting each chain whole, one after another: measured 1.66 → 1.21 ns per sigmoid).
//   And where every |x| < 708 (no NaN) the result is a normal number: 2ⁿ is applied by adding
//   n to p's exponent field, which is exact and gives the same bits as the two scalings.
// - sigmoid_blockW: σ(x) from e = e^(−|x|), six vectors in place: 1 / (1 + e) for x ≥ 0,
//   e / (1 + e) below.
// - exp_W / sigmoid_W over a whole array (BLOCK_AT_A_TIME).
#define EXP_LANES(W, SUFFIX, TARGET, CONSTRAINT)                                                          \
    __attribute__((target(TARGET))) static inline exp_d##W exp_lanes##W(exp_d##W input) {               \
        const exp_d##W bias = 6755399441055744.0 + 1023.0;                                              \
        exp_d##W v = __builtin_elementwise_min(__builtin_elementwise_max(input, (exp_d##W)lower_limit), \
                                               (exp_d##W)upper_limit);                                  \
        exp_d##W n = __builtin_elementwise_roundeven(v * log2e);                                        \
        exp_d##W r = __builtin_elementwise_fma(-n, (exp_d##W)ln2_high, v);                              \
        r = __builtin_elementwise_fma(-n, (exp_d##W)ln2_low, r);                                        \
        exp_d##W p = taylor[0];                                                                         \
        for (int t = 1; t < 14; t++) p = __builtin_elementwise_fma(p, r, (exp_d##W)taylor[t]);          \
        exp_d##W half = __builtin_elementwise_floor(n * 0.5);                                           \
        exp_d##W rest = n - half;                                                                       \
        exp_d##W scale1 = (exp_d##W)((exp_i##W)(half + bias) << 52);                                    \
        exp_d##W scale2 = (exp_d##W)((exp_i##W)(rest + bias) << 52);                                    \
        exp_i##W result = (exp_i##W)((p * scale1) * scale2), is_nan = input != input;                   \
        return (exp_d##W)((result & ~is_nan) | ((exp_i##W)input & is_nan));                             \
    }                                                                                                   \
                                                                                                        \
    __attribute__((target(TARGET), always_inline)) static inline void exp_block##W(exp_d##W v[BLOCK_VECTORS]) { \
        exp_i##W inside = __builtin_elementwise_abs(v[0]) < 708;                                        \
        for (int q = 1; q < BLOCK_VECTORS; q++) inside &= __builtin_elementwise_abs(v[q]) < 708;        \
        if (__builtin_reduce_and(inside) == 0) {                                                        \
            for (int q = 0; q < BLOCK_VECTORS; q++) v[q] = exp_lanes##W(v[q]);                          \
            return;                                                                                     \
        }                                                                                               \
        const exp_d##W shifter = 6755399441055744.0; /* 1.5 · 2⁵²: n in the low bits */                 \
        exp_d##W n[BLOCK_VECTORS], r[BLOCK_VECTORS], p[BLOCK_VECTORS];                                  \
        for (int q = 0; q < BLOCK_VECTORS; q++) n[q] = __builtin_elementwise_roundeven(v[q] * log2e);   \
        for (int q = 0; q < BLOCK_VECTORS; q++) r[q] = __builtin_elementwise_fma(-n[q], (exp_d##W)ln2_high, v[q]); \
        for (int q = 0; q < BLOCK_VECTORS; q++) r[q] = __builtin_elementwise_fma(-n[q], (exp_d##W)ln2_low, r[q]); \
        for (int q = 0; q < BLOCK_VECTORS; q++) p[q] = taylor[0];                                       \
        for (int t = 1; t < 14; t++) {                                                                  \
            for (int q = 0; q < BLOCK_VECTORS; q++) p[q] = __builtin_elementwise_fma(p[q], r[q], (exp_d##W)taylor[t]); \
            __asm__("" : CONSTRAINT(p[0]), CONSTRAINT(p[1]), CONSTRAINT(p[2]), CONSTRAINT(p[3]),         \
                    CONSTRAINT(p[4]), CONSTRAINT(p[5]));                                                \
        }                                                                                               \
        for (int q = 0; q < BLOCK_VECTORS; q++)                                                         \
            v[q] = (exp_d##W)((exp_i##W)p[q] + ((exp_i##W)(n[q] + shifter) << 52));                     \
    }                                                                                                   \
                                                                                                        \
    __attribute__((target(TARGET), always_inline)) static inline void sigmoid_block##W(exp_d##W v[BLOCK_VECTORS]) { \
        exp_d##W e[BLOCK_VECTORS];                                                                      \
        for (int q = 0; q < BLOCK_VECTORS; q++) e[q] = 0.0 - __builtin_elementwise_abs(v[q]);           \
        exp_block##W(e);                                                                                \
        for (int q = 0; q < BLOCK_VECTORS; q++) {                                                       \
            exp_i##W non_negative = v[q] >= 0;                                                          \
            exp_d##W numerator = (exp_d##W)(((exp_i##W)(exp_d##W)1.0 & non_negative) | ((exp_i##W)e[q] & ~non_negative)); \
            v[q] = numerator / (1 + e[q]);                                                              \
        }                                                                                               \
    }                                                                                                   \
                                                                                                        \
    __attribute__((target(TARGET))) static void exp_##SUFFIX(const double *x, double *y, ptrdiff_t count) \
        BLOCK_AT_A_TIME(exp_block##W, x, y, count, exp_d##W, W)                                         \
    __attribute__((target(TARGET))) static void sigmoid_##SUFFIX(const double *x, double *y, ptrdiff_t count) \
        BLOCK_AT_A_TIME(sigmoid_block##W, x, y, count, exp_d##W, W)

// `function` of every entry, a block of BLOCK_VECTORS vectors of LANES at a time; the last few
// go through the same lanes, padded with zeros, so an entry's result does not depend on its
// position.
#define BLOCK_AT_A_TIME(function, x, y, count, TYPE, LANES)                                  \
    {                                                                                    \
        enum { size = (LANES) * BLOCK_VECTORS };                                         \
        TYPE v[BLOCK_VECTORS];                                                           \
        ptrdiff_t i = 0;                                                                 \
        for (; i + size <= count; i += size) {                                           \
            memcpy(v, x + i, sizeof v);                                                  \
            function(v);                                                                 \
            memcpy(y + i, v, sizeof v);                                                  \
        }                                                                                \
        if (i < count) {                                                                 \
            double padded[size] = {0};                                                   \
            memcpy(padded, x + i, (size_t)(count - i) * sizeof(double));                \
            memcpy(v, padded, sizeof v);                                                 \
            function(v);                                                                 \
            memcpy(y + i, v, (size_t)(count - i) * sizeof(double));                      \
        }                                                                                \
    }

#define YMM(value) "+x"(value)
#define ZMM(value) "+v"(value)
EXP_LANES(4, avx2, "avx2,fma", YMM)
EXP_LANES(8, avx512, MK_AVX512, ZMM)
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
