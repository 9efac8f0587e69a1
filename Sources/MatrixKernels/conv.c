// The convolution's forward and backward passes, computed directly on the images (no im2col
// copy and no packed product): every inner loop runs across the filters (a row of weights,
// one per filter), which the compiler vectorizes. Each loop is written once (`CONV_LOOPS`) and compiled for AVX2 and for the
// baseline; no multiply and add fuse (`FP_CONTRACT OFF`) and each entry is summed in the order
// documented in the header, so the two versions, and one or two threads, give the same bits.

#pragma STDC FP_CONTRACT OFF  // a multiply-add fuses only where an intrinsic says so (kernels.h)
#include "MatrixKernels.h"
#include "kernels.h"

#include <stdlib.h>
#include <string.h>

#define CONV_LOOPS(ATTRIBUTE, SUFFIX)                                                                             \
    /* For each output pixel, every filter at once: the pixel's window entries one by one,      */              \
    /* each times its row of weights (one weight per filter) added to one accumulator per filter. */             \
    ATTRIBUTE static void forward_##SUFFIX(const mk_conv_shape *s, ptrdiff_t first, ptrdiff_t end,                \
                                           const double *restrict input, const double *restrict weights,          \
                                           const double *restrict bias, double *restrict net) {                   \
        const ptrdiff_t C = s->channels, H = s->height, W = s->width, F = s->filters, k = s->size, p = s->padding;\
        const ptrdiff_t OH = H + 2 * p - k + 1, OW = W + 2 * p - k + 1, P = OH * OW;                             \
        for (ptrdiff_t sample = first; sample < end; sample++) {                                                 \
            const double *image = input + sample * C * H * W;                                                   \
            double *out = net + sample * F * P;                                                                  \
            for (ptrdiff_t y = 0; y < OH; y++) {                                                                 \
                for (ptrdiff_t x = 0; x < OW; x++) {                                                             \
                    /* Eight filters at a time in a fixed-size block the compiler keeps in registers. */    \
                    for (ptrdiff_t f0 = 0; f0 < F; f0 += 8) {                                                    \
                        const ptrdiff_t width = F - f0 < 8 ? F - f0 : 8;                                         \
                        double block[8] = {0, 0, 0, 0, 0, 0, 0, 0};                                              \
                        for (ptrdiff_t c = 0; c < C; c++) {                                                      \
                            for (ptrdiff_t u = 0; u < k; u++) {                                                  \
                                const ptrdiff_t iy = y + u - p;                                                  \
                                if (iy < 0 || iy >= H) continue;                                                 \
                                for (ptrdiff_t v = 0; v < k; v++) {                                              \
                                    const ptrdiff_t ix = x + v - p;                                              \
                                    if (ix < 0 || ix >= W) continue;                                             \
                                    const double value = image[(c * H + iy) * W + ix];                           \
                                    const double *restrict row = weights + ((c * k + u) * k + v) * F + f0;       \
                                    if (width == 8) {                                                            \
                                        for (int f = 0; f < 8; f++) block[f] += value * row[f];                  \
                                    } else {                                                                     \
                                        for (ptrdiff_t f = 0; f < width; f++) block[f] += value * row[f];        \
                                    }                                                                            \
                                }                                                                                \
                            }                                                                                    \
                        }                                                                                        \
                        for (ptrdiff_t f = 0; f < width; f++) out[(f0 + f) * P + y * OW + x] = block[f] + bias[f0 + f]; \
                    }                                                                                            \
                }                                                                                                \
            }                                                                                                    \
        }                                                                                                        \
    }                                                                                                            \
    /* The sensitivities of each sample turned pixel-major (a row of F per pixel); then for each   */            \
    /* pixel and each window entry, the entry times that row added to the entry's row of ∂ℒ/∂W,   */            \
    /* and the row of weights times it, summed over the filters in four lanes (f mod 4) added     */            \
    /* pairwise, added to the input pixel's gradient.                                            */             \
    ATTRIBUTE static void backward_##SUFFIX(const mk_conv_shape *s, ptrdiff_t first, ptrdiff_t end,               \
                                            const double *restrict input, const double *restrict weights,         \
                                            const double *restrict sensitivity, double *restrict weight_sums,     \
                                            double *restrict bias_sums, double *restrict input_gradient,          \
                                            double *restrict pixels) {                                            \
        const ptrdiff_t C = s->channels, H = s->height, W = s->width, F = s->filters, k = s->size, p = s->padding;\
        const ptrdiff_t OH = H + 2 * p - k + 1, OW = W + 2 * p - k + 1, P = OH * OW;                             \
        for (ptrdiff_t i = 0; i < C * k * k * F; i++) weight_sums[i] = 0;                                        \
        for (ptrdiff_t f = 0; f < F; f++) bias_sums[f] = 0;                                                      \
        for (ptrdiff_t sample = first; sample < end; sample++) {                                                 \
            const double *image = input + sample * C * H * W;                                                   \
            const double *sens = sensitivity + sample * F * P;                                                   \
            double *gradient = input_gradient ? input_gradient + sample * C * H * W : NULL;                     \
            if (gradient) for (ptrdiff_t i = 0; i < C * H * W; i++) gradient[i] = 0;                            \
            for (ptrdiff_t f = 0; f < F; f++) {                                                                  \
                double total = 0;                                                                                \
                for (ptrdiff_t q = 0; q < P; q++) {                                                              \
                    pixels[q * F + f] = sens[f * P + q];                                                         \
                    total += sens[f * P + q];                                                                    \
                }                                                                                                \
                bias_sums[f] += total;                                                                           \
            }                                                                                                    \
            for (ptrdiff_t y = 0; y < OH; y++) {                                                                 \
                for (ptrdiff_t x = 0; x < OW; x++) {                                                             \
                    const double *restrict srow = pixels + (y * OW + x) * F;                                     \
                    for (ptrdiff_t c = 0; c < C; c++) {                                                          \
                        for (ptrdiff_t u = 0; u < k; u++) {                                                      \
                            const ptrdiff_t iy = y + u - p;                                                      \
                            if (iy < 0 || iy >= H) continue;                                                     \
                            for (ptrdiff_t v = 0; v < k; v++) {                                                  \
                                const ptrdiff_t ix = x + v - p;                                                  \
                                if (ix < 0 || ix >= W) continue;                                                 \
                                const ptrdiff_t entry = ((c * k + u) * k + v) * F;                               \
                                const double value = image[(c * H + iy) * W + ix];                               \
                                double *restrict sums = weight_sums + entry;                                     \
                                for (ptrdiff_t f = 0; f < F; f++) sums[f] += value * srow[f];                    \
                                if (gradient) {                                                                  \
                                    const double *restrict row = weights + entry;                                \
                                    double lane[4] = {0, 0, 0, 0};                                               \
                                    ptrdiff_t f = 0;                                                             \
                                    for (; f + 4 <= F; f += 4) {                                                 \
                                        lane[0] += row[f] * srow[f];                                             \
                                        lane[1] += row[f + 1] * srow[f + 1];                                     \
                                        lane[2] += row[f + 2] * srow[f + 2];                                     \
                                        lane[3] += row[f + 3] * srow[f + 3];                                     \
                                    }                                                                            \
                                    for (; f < F; f++) lane[f % 4] += row[f] * srow[f];                          \
                                    gradient[(c * H + iy) * W + ix] += (lane[0] + lane[1]) + (lane[2] + lane[3]);\
                                }                                                                                \
                            }                                                                                    \
                        }                                                                                        \
                    }                                                                                            \
                }                                                                                                \
            }                                                                                                    \
        }                                                                                                        \
    }

CONV_LOOPS(, baseline)
#if MK_X86
CONV_LOOPS(__attribute__((target("avx2,fma"))), avx2)
#define PICK(name, ...) (mk_uses_avx2() ? name##_avx2(__VA_ARGS__) : name##_baseline(__VA_ARGS__))
#else
#define PICK(name, ...) name##_baseline(__VA_ARGS__)
#endif

// The two halves of the batch: part 0 the first ⌈m/2⌉ samples, part 1 the rest, whichever
// thread runs them.
static void halves(ptrdiff_t samples, int part, ptrdiff_t *first, ptrdiff_t *end) {
    ptrdiff_t middle = (samples + 1) / 2;
    *first = part == 0 ? 0 : middle;
    *end = part == 0 ? middle : samples;
}

typedef struct {
    const mk_conv_shape *shape;
    ptrdiff_t samples;
    const double *input, *weights, *bias, *sensitivity;
    double *net, *input_gradient;
    double *weight_sums[2], *bias_sums[2], *scratch[2];
} conv_task;

static void forward_part(void *context, int part) {
    conv_task *t = context;
    ptrdiff_t first, end;
    halves(t->samples, part, &first, &end);
    PICK(forward, t->shape, first, end, t->input, t->weights, t->bias, t->net);
}

static void backward_part(void *context, int part) {
    conv_task *t = context;
    ptrdiff_t first, end;
    halves(t->samples, part, &first, &end);
    PICK(backward, t->shape, first, end, t->input, t->weights, t->sensitivity, t->weight_sums[part], t->bias_sums[part],
         t->input_gradient, t->scratch[part]);
}

int mk_conv_forward(const mk_conv_shape *shape, ptrdiff_t samples, const double *input, const double *weights,
                    const double *bias, double *net) {
    if (samples <= 0) return 1;
    conv_task task = {.shape = shape, .samples = samples, .input = input, .weights = weights, .bias = bias, .net = net};
    mk_run_pair(forward_part, &task);
    return 1;
}

int mk_conv_backward(const mk_conv_shape *shape, ptrdiff_t samples, const double *input, const double *weights,
                     const double *sensitivity, double divisor, double *weight_gradient, double *bias_gradient,
                     double *input_gradient) {
    const ptrdiff_t weights_count = shape->channels * shape->size * shape->size * shape->filters;
    const ptrdiff_t outputs = (shape->height + 2 * shape->padding - shape->size + 1)
        * (shape->width + 2 * shape->padding - shape->size + 1) * shape->filters;
    const ptrdiff_t each = weights_count + shape->filters + outputs;
    double *space = malloc((size_t)(2 * each) * sizeof(double));
    if (!space) return 0;
    conv_task task = {.shape = shape, .samples = samples, .input = input, .weights = weights,
                      .sensitivity = sensitivity, .input_gradient = input_gradient};
    for (int part = 0; part < 2; part++) {
        double *base = space + part * each;
        task.weight_sums[part] = base;
        task.bias_sums[part] = base + weights_count;
        task.scratch[part] = base + weights_count + shape->filters;
    }
    mk_run_pair(backward_part, &task);
    for (ptrdiff_t i = 0; i < weights_count; i++) weight_gradient[i] = (task.weight_sums[0][i] + task.weight_sums[1][i]) / divisor;
    for (ptrdiff_t f = 0; f < shape->filters; f++) bias_gradient[f] = (task.bias_sums[0][f] + task.bias_sums[1][f]) / divisor;
    free(space);
    return 1;
}
