// The optimizers' per-entry updates: the new parameter value, computed into a buffer of its
// own, and whether every new value is finite.
//
// Each loop is written once (`UPDATE_LOOPS`) and compiled three times, for AVX-512, for AVX2 +
// FMA and for the baseline. The compiler vectorizes each (Adam's three divisions and square root
// per entry make it bound by the divider, whose 8-lane form on AVX-512 does twice the work);
// `FP_CONTRACT OFF` keeps it from fusing a multiply and an add, and vector square roots and
// divisions round exactly as scalar ones, so the three versions, and the scalar formulas in
// Optimizer.swift's documentation, give the same bits.

#pragma STDC FP_CONTRACT OFF  // a multiply-add fuses only where an intrinsic says so (kernels.h)
#include "MatrixKernels.h"
#include "kernels.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

// Adam's loop over the entries inside adam_##SUFFIX, with `m_hat` the bias-corrected first
// moment written in terms of `m`.
#define ADAM_LOOP(m_hat)                                                                                     \
    for (ptrdiff_t i = 0; i < count; i++) {                                                                  \
        double m = beta1 * first[i] + (1 - beta1) * g[i];                                                    \
        double v = beta2 * second[i] + (1 - beta2) * g[i] * g[i];                                            \
        double step = (m_hat) / (mk_sqrt(v / second_correction) + epsilon);                                  \
        double value = w[i] + -rate * step;                                                                  \
        uint64_t bits;                                                                                       \
        non_finite |= MK_NON_FINITE(value, bits);                                                            \
        first[i] = m;                                                                                        \
        second[i] = v;                                                                                       \
        p[i] = value;                                                                                        \
    }

#define UPDATE_LOOPS(ATTRIBUTE, SUFFIX)                                                                        \
    ATTRIBUTE static int gradient_descent_##SUFFIX(const double *restrict w, const double *restrict g,         \
                                                   double *restrict p, ptrdiff_t count, double rate) {          \
        uint64_t non_finite = 0;                                                                             \
        for (ptrdiff_t i = 0; i < count; i++) {                                                              \
            double value = w[i] + -rate * g[i];                                                              \
            uint64_t bits;                                                                                   \
            non_finite |= MK_NON_FINITE(value, bits);                                                        \
            p[i] = value;                                                                                    \
        }                                                                                                    \
        return non_finite == 0;                                                                              \
    }                                                                                                        \
    ATTRIBUTE static int momentum_##SUFFIX(const double *restrict w, const double *restrict g,                 \
                                           double *restrict velocity, double *restrict p, ptrdiff_t count,     \
                                           double rate, double beta) {                                        \
        uint64_t non_finite = 0;                                                                             \
        for (ptrdiff_t i = 0; i < count; i++) {                                                              \
            double v = velocity[i] * beta + g[i];                                                            \
            double value = w[i] + -rate * v;                                                                 \
            uint64_t bits;                                                                                   \
            non_finite |= MK_NON_FINITE(value, bits);                                                        \
            velocity[i] = v;                                                                                 \
            p[i] = value;                                                                                    \
        }                                                                                                    \
        return non_finite == 0;                                                                              \
    }                                                                                                        \
    ATTRIBUTE static int rms_prop_##SUFFIX(const double *restrict w, const double *restrict g,                 \
                                           double *restrict square, double *restrict p, ptrdiff_t count,       \
                                           double rate, double rho, double epsilon) {                         \
        uint64_t non_finite = 0;                                                                             \
        for (ptrdiff_t i = 0; i < count; i++) {                                                              \
            double s = rho * square[i] + (1 - rho) * g[i] * g[i];                                            \
            double value = w[i] + -rate * (g[i] / (mk_sqrt(s) + epsilon));                                   \
            uint64_t bits;                                                                                   \
            non_finite |= MK_NON_FINITE(value, bits);                                                        \
            square[i] = s;                                                                                   \
            p[i] = value;                                                                                    \
        }                                                                                                    \
        return non_finite == 0;                                                                              \
    }                                                                                                        \
    ATTRIBUTE static int adam_##SUFFIX(const double *restrict w, const double *restrict g,                     \
                                       double *restrict first, double *restrict second, double *restrict p,   \
                                       ptrdiff_t count, const mk_adam_settings *settings) {                   \
        const double rate = settings->rate, beta1 = settings->beta1, beta2 = settings->beta2;                \
        const double epsilon = settings->epsilon;                                                            \
        const double first_correction = settings->first_correction;                                          \
        const double second_correction = settings->second_correction;                                        \
        uint64_t non_finite = 0;                                                                             \
        /* After a few hundred steps 1 − β₁ᵗ rounds to 1, and m / 1 is m bit for bit: the loop then   */        \
        /* skips that division, one of three where the divider bounds it.                            */        \
        if (first_correction == 1) {                                                                         \
            ADAM_LOOP(m);                                                                                    \
        } else {                                                                                             \
            ADAM_LOOP(m / first_correction);                                                                 \
        }                                                                                                    \
        return non_finite == 0;                                                                              \
    }

UPDATE_LOOPS(, baseline)
#if MK_X86
UPDATE_LOOPS(__attribute__((target("avx2,fma"))), avx2)
UPDATE_LOOPS(__attribute__((target(MK_AVX512))), avx512)
#endif
#define PICK(name, ...) MK_PICK(1, name, __VA_ARGS__)

int mk_update_gradient_descent(const double *w, const double *g, double *p, ptrdiff_t count, double rate) {
    return PICK(gradient_descent, w, g, p, count, rate);
}

int mk_update_momentum(const double *w, const double *g, double *velocity, double *p, ptrdiff_t count,
                       double rate, double beta) {
    return PICK(momentum, w, g, velocity, p, count, rate, beta);
}

int mk_update_rms_prop(const double *w, const double *g, double *square, double *p, ptrdiff_t count,
                       double rate, double rho, double epsilon) {
    return PICK(rms_prop, w, g, square, p, count, rate, rho, epsilon);
}

int mk_update_adam(const double *w, const double *g, double *first, double *second, double *p, ptrdiff_t count,
                   const mk_adam_settings *settings) {
    return PICK(adam, w, g, first, second, p, count, settings);
}
