// The convolution's forward and backward passes, computed directly on the images (no im2col
// copy and no packed product): every inner loop runs across the filters (a row of weights,
// one per filter), which the compiler vectorizes. A padded convolution copies each image into a
// zero-bordered one first and runs the loops of a convolution without padding on it: a zero adds
// nothing to a sum, so the sums are those of the windows' entries inside the image, in the same
// order. Each loop is written once (`CONV_LOOPS`) and compiled for AVX2 and for the baseline; no
// multiply and add fuse (`FP_CONTRACT OFF`) and each entry is summed in the order documented in
// the header, so the two versions, and one or two threads, give the same bits.

#pragma STDC FP_CONTRACT OFF  // a multiply-add fuses only where an intrinsic says so (kernels.h)
#include "MatrixKernels.h"
#include "kernels.h"

#include <stdlib.h>
#include <string.h>

// The forward pass at PIXELS neighbouring output pixels (y, x + i), WIDTH filters at a time, in a
// tile of accumulators the compiler keeps in registers: each weight row is loaded once for all
// PIXELS pixels. Each entry is summed over channel, filter row and filter column in that order,
// then the bias added.
#define FORWARD_TILE(PIXELS, WIDTH)                                                                             \
    for (ptrdiff_t f0 = 0; f0 < F; f0 += (WIDTH)) {                                                            \
        double tile[PIXELS][WIDTH] = {{0}};                                                                    \
        for (ptrdiff_t c = 0; c < C; c++) {                                                                    \
            for (ptrdiff_t u = 0; u < k; u++) {                                                                \
                const double *restrict line = image + (c * H + y + u) * W + x;                                 \
                const double *restrict row = weights + ((c * k + u) * k) * F + f0;                             \
                for (ptrdiff_t v = 0; v < k; v++, row += F) {                                                  \
                    for (int i = 0; i < (PIXELS); i++) {                                                       \
                        const double value = line[v + i];                                                      \
                        for (int f = 0; f < (WIDTH); f++) tile[i][f] += value * row[f];                        \
                    }                                                                                          \
                }                                                                                              \
            }                                                                                                  \
        }                                                                                                      \
        for (int i = 0; i < (PIXELS); i++)                                                                     \
            for (int f = 0; f < (WIDTH); f++) out[(f0 + f) * P + y * OW + x + i] = tile[i][f] + bias[f0 + f];  \
    }

// ∂ℒ/∂W of ROWS window entries × 8 filters, held in registers: each entry summed pixel by pixel
// onto its running sum.
#define WEIGHT_TILE(ROWS)                                                                                       \
    do {                                                                                                       \
        double tile[ROWS][8];                                                                                  \
        for (int i = 0; i < (ROWS); i++)                                                                       \
            for (int f = 0; f < 8; f++) tile[i][f] = weight_sums[(e0 + i) * F + f0 + f];                       \
        for (ptrdiff_t y = 0; y < OH; y++) {                                                                   \
            for (ptrdiff_t x = 0; x < OW; x++) {                                                               \
                const double *restrict srow = pixels + (y * OW + x) * F + f0;                                  \
                for (int i = 0; i < (ROWS); i++) {                                                             \
                    const double value = image[base[i] + y * W + x];                                           \
                    for (int f = 0; f < 8; f++) tile[i][f] += value * srow[f];                                 \
                }                                                                                              \
            }                                                                                                  \
        }                                                                                                      \
        for (int i = 0; i < (ROWS); i++)                                                                       \
            for (int f = 0; f < 8; f++) weight_sums[(e0 + i) * F + f0 + f] = tile[i][f];                       \
    } while (0)

// The gradient of every pixel's window, BLOCK window entries from e0 at a time: for each pixel,
// Σ_f s_f · (row f of Wᵀ) over those entries, summed filter by filter from 0 in registers, into
// the pixel's row of `windows`. The entries' slice of Wᵀ stays in the first-level cache while
// the pixels pass (a whole Wᵀ, swept once per pixel, would come from the second level).
#define WINDOW_BLOCKS(BLOCK)                                                                                    \
    for (; e0 + (BLOCK) <= K; e0 += (BLOCK)) {                                                                 \
        for (ptrdiff_t q = 0; q < P; q++) {                                                                    \
            const double *restrict srow = pixels + q * F;                                                      \
            double sums[BLOCK] = {0};                                                                          \
            for (ptrdiff_t f = 0; f < F; f++) {                                                                \
                const double sf = srow[f];                                                                     \
                const double *restrict row = transposed + f * K + e0;                                          \
                for (int e = 0; e < (BLOCK); e++) sums[e] += sf * row[e];                                      \
            }                                                                                                  \
            for (int e = 0; e < (BLOCK); e++) windows[q * K + e0 + e] = sums[e];                               \
        }                                                                                                      \
    }

// Whether the AVX-512 build has vector tiles for this many filters (the Convolutions chapter's
// 8 and 32); for other counts the AVX2 build runs (see MK_PICK below).
static inline int has_vector_tiles(ptrdiff_t filters) { return filters == 8 || filters == 32; }

// FORWARD_TILE on eight-lane vectors for AVX-512 (kernels.h): PIXELS neighbouring output pixels
// × 8 · VECTORS filters from f0, each weight row loaded as VECTORS vectors once for all pixels.
// Multiply, then add, as FORWARD_TILE does: the same sums in the same order.
static inline __attribute__((always_inline)) void forward_tile_vector(
    int pixels, int vectors, const double *restrict image, const double *restrict weights, const double *restrict bias,
    double *restrict out, ptrdiff_t C, ptrdiff_t H, ptrdiff_t W, ptrdiff_t k, ptrdiff_t F, ptrdiff_t f0, ptrdiff_t y,
    ptrdiff_t x, ptrdiff_t OW, ptrdiff_t P) {
    mk_v8 tile[8][4];
    for (int i = 0; i < pixels; i++)
        for (int j = 0; j < vectors; j++) tile[i][j] = 0;
    for (ptrdiff_t c = 0; c < C; c++) {
        for (ptrdiff_t u = 0; u < k; u++) {
            const double *restrict line = image + (c * H + y + u) * W + x;
            const double *restrict row = weights + ((c * k + u) * k) * F + f0;
            for (ptrdiff_t v = 0; v < k; v++, row += F) {
                mk_v8 w[4];
                for (int j = 0; j < vectors; j++) w[j] = mk_load8(row + 8 * j);
                for (int i = 0; i < pixels; i++) {
                    const mk_v8 value = line[v + i];
                    for (int j = 0; j < vectors; j++) tile[i][j] = tile[i][j] + value * w[j];
                }
            }
        }
    }
    for (int j = 0; j < vectors; j++) {
        const mk_v8 b = mk_load8(bias + f0 + 8 * j);
        for (int i = 0; i < pixels; i++) {
            const mk_v8 sum = tile[i][j] + b;
            for (int lane = 0; lane < 8; lane++) out[(f0 + 8 * j + lane) * P + y * OW + x + i] = sum[lane];
        }
    }
}

// WEIGHT_TILE on eight-lane vectors for AVX-512: ROWS window entries from e0 (at offsets `base`
// in the image) × 8 · VECTORS filters from f0, each entry summed pixel by pixel onto its running
// sum, multiply then add, as WEIGHT_TILE does.
static inline __attribute__((always_inline)) void weight_tile_vector(
    int rows, int vectors, const double *restrict image, const ptrdiff_t *base, const double *restrict pixels,
    double *restrict weight_sums, ptrdiff_t e0, ptrdiff_t f0, ptrdiff_t F, ptrdiff_t OH, ptrdiff_t OW, ptrdiff_t W) {
    mk_v8 tile[8][4];
    for (int i = 0; i < rows; i++)
        for (int j = 0; j < vectors; j++) tile[i][j] = mk_load8(weight_sums + (e0 + i) * F + f0 + 8 * j);
    for (ptrdiff_t y = 0; y < OH; y++) {
        for (ptrdiff_t x = 0; x < OW; x++) {
            const double *restrict srow = pixels + (y * OW + x) * F + f0;
            mk_v8 sens[4];
            for (int j = 0; j < vectors; j++) sens[j] = mk_load8(srow + 8 * j);
            for (int i = 0; i < rows; i++) {
                const mk_v8 value = image[base[i] + y * W + x];
                for (int j = 0; j < vectors; j++) tile[i][j] = tile[i][j] + value * sens[j];
            }
        }
    }
    for (int i = 0; i < rows; i++)
        for (int j = 0; j < vectors; j++) mk_store8(weight_sums + (e0 + i) * F + f0 + 8 * j, tile[i][j]);
}

// WINDOW_BLOCKS(64) on eight-lane vectors for AVX-512: for each pixel, the window entries
// e0..<e0 + 64 of Σ_f s_f · (row f of Wᵀ), summed filter by filter from 0.
static inline __attribute__((always_inline)) void window_block_vector(const double *restrict pixels,
                                                                      const double *restrict transposed,
                                                                      double *restrict windows, ptrdiff_t e0,
                                                                      ptrdiff_t K, ptrdiff_t F, ptrdiff_t P) {
    for (ptrdiff_t q = 0; q < P; q++) {
        const double *restrict srow = pixels + q * F;
        mk_v8 sums[8];
        for (int j = 0; j < 8; j++) sums[j] = 0;
        for (ptrdiff_t f = 0; f < F; f++) {
            const mk_v8 sf = srow[f];
            const double *restrict row = transposed + f * K + e0;
            for (int j = 0; j < 8; j++) sums[j] = sums[j] + sf * mk_load8(row + 8 * j);
        }
        for (int j = 0; j < 8; j++) mk_store8(windows + q * K + e0 + 8 * j, sums[j]);
    }
}

// The image of one sample, with `p` zeros around each channel when the convolution pads: the
// interior of `padded` is overwritten, its border stays as allocated (zeros).
static const double *padded_image(const double *image, double *padded, ptrdiff_t C, ptrdiff_t H, ptrdiff_t W,
                                  ptrdiff_t p) {
    if (p == 0) return image;
    const ptrdiff_t PW = W + 2 * p, PH = H + 2 * p;
    for (ptrdiff_t c = 0; c < C; c++)
        for (ptrdiff_t y = 0; y < H; y++)
            memcpy(padded + (c * PH + y + p) * PW + p, image + (c * H + y) * W, (size_t)W * sizeof(double));
    return padded;
}

// WIDE is 2 for the AVX-512 build, whose forward pass takes wider tiles on eight-lane vectors
// where the filters number 8 or 32 (the Convolutions chapter's); 1 otherwise.
#define FORWARD_LOOP(ATTRIBUTE, SUFFIX, WIDE)                                                                     \
    /* For each output pixel (or tile of pixels), every filter at once: the window entries one  */              \
    /* by one, each times its row of weights (one weight per filter) added to one accumulator    */              \
    /* per filter. H and W are the padded image's.                                               */              \
    ATTRIBUTE static void forward_##SUFFIX(const mk_conv_shape *s, ptrdiff_t first, ptrdiff_t end,                \
                                           const double *restrict input, const double *restrict weights,          \
                                           const double *restrict bias, double *restrict net, double *padded) {   \
        const ptrdiff_t C = s->channels, F = s->filters, k = s->size, p = s->padding;                            \
        const ptrdiff_t H = s->height + 2 * p, W = s->width + 2 * p;                                             \
        const ptrdiff_t OH = H - k + 1, OW = W - k + 1, P = OH * OW;                                             \
        for (ptrdiff_t sample = first; sample < end; sample++) {                                                 \
            const double *image = padded_image(input + sample * C * s->height * s->width, padded, C, s->height,  \
                                               s->width, p);                                                     \
            double *out = net + sample * F * P;                                                                  \
            for (ptrdiff_t y = 0; y < OH; y++) {                                                                 \
                for (ptrdiff_t x = 0; x < OW; x++) {                                                             \
                    /* Tiles of 2 pixels × 16 filters or 4 × 8 (eight vectors of four) where the row */ \
                    /* has that many pixels left.                                                     */ \
                    if ((WIDE) == 2 && has_vector_tiles(F) && x + (F == 8 ? 8 : 4) <= OW) {                     \
                        /* AVX-512: 8 pixels × 8 filters or 4 × 32, sixteen or eight registers. */            \
                        if (F == 8) {                                                                            \
                            forward_tile_vector(8, 1, image, weights, bias, out, C, H, W, k, F, 0, y, x, OW, P); \
                            x += 7;                                                                              \
                        } else {                                                                                 \
                            forward_tile_vector(4, 4, image, weights, bias, out, C, H, W, k, F, 0, y, x, OW, P); \
                            x += 3;                                                                              \
                        }                                                                                        \
                    } else if (F % 16 == 0) {                                                                    \
                        if (x + 2 <= OW) {                                                                       \
                            FORWARD_TILE(2, 16);                                                                 \
                            x += 1;                                                                              \
                        } else {                                                                                 \
                            FORWARD_TILE(1, 16);                                                                 \
                        }                                                                                        \
                    } else if (F % 8 == 0) {                                                                     \
                        if (x + 4 <= OW) {                                                                       \
                            FORWARD_TILE(4, 8);                                                                  \
                            x += 3;                                                                              \
                        } else {                                                                                 \
                            FORWARD_TILE(1, 8);                                                                  \
                        }                                                                                        \
                    } else {                                                                                     \
                        for (ptrdiff_t f0 = 0; f0 < F; f0 += 8) {                                                \
                            const ptrdiff_t width = F - f0 < 8 ? F - f0 : 8;                                     \
                            double block[8] = {0, 0, 0, 0, 0, 0, 0, 0};                                          \
                            for (ptrdiff_t c = 0; c < C; c++) {                                                  \
                                for (ptrdiff_t u = 0; u < k; u++) {                                              \
                                    for (ptrdiff_t v = 0; v < k; v++) {                                          \
                                        const double value = image[(c * H + y + u) * W + x + v];                 \
                                        const double *restrict row = weights + ((c * k + u) * k + v) * F + f0;   \
                                        for (ptrdiff_t f = 0; f < width; f++) block[f] += value * row[f];        \
                                    }                                                                            \
                                }                                                                                \
                            }                                                                                    \
                            for (ptrdiff_t f = 0; f < width; f++) out[(f0 + f) * P + y * OW + x] = block[f] + bias[f0 + f]; \
                        }                                                                                        \
                    }                                                                                            \
                }                                                                                                \
            }                                                                                                    \
        }                                                                                                        \
    }

// WIDE as in FORWARD_LOOP: 2 takes the vector tiles above where the filters number 8 or 32.
#define BACKWARD_LOOP(ATTRIBUTE, SUFFIX, WIDE)                                                                     \
    /* The sensitivities of each sample turned pixel-major (a row of F per pixel). For each      */            \
    /* pixel: its window entries each times that row added to the entry's row of ∂ℒ/∂W; and the   */            \
    /* window's gradient, Σ_f s_f (row f of Wᵀ), added back onto the (padded) image's gradient,   */            \
    /* whose interior is then the sample's.                                                        */            \
    ATTRIBUTE static void backward_##SUFFIX(const mk_conv_shape *s, ptrdiff_t first, ptrdiff_t end,               \
                                            const double *restrict input, const double *restrict transposed,      \
                                            const double *restrict sensitivity, double *restrict weight_sums,     \
                                            double *restrict bias_sums, double *restrict input_gradient,          \
                                            double *restrict pixels, double *restrict windows, double *padded,    \
                                            double *restrict padded_gradient) {                                   \
        const ptrdiff_t C = s->channels, F = s->filters, k = s->size, p = s->padding;                            \
        const ptrdiff_t H = s->height + 2 * p, W = s->width + 2 * p;                                             \
        const ptrdiff_t OH = H - k + 1, OW = W - k + 1, P = OH * OW, K = C * k * k;                              \
        for (ptrdiff_t i = 0; i < K * F; i++) weight_sums[i] = 0;                                                \
        for (ptrdiff_t f = 0; f < F; f++) bias_sums[f] = 0;                                                      \
        for (ptrdiff_t sample = first; sample < end; sample++) {                                                 \
            const double *image = padded_image(input + sample * C * s->height * s->width, padded, C, s->height,  \
                                               s->width, p);                                                     \
            const double *sens = sensitivity + sample * F * P;                                                   \
            double *sample_gradient = input_gradient ? input_gradient + sample * C * s->height * s->width : NULL;\
            double *gradient = p > 0 ? padded_gradient : sample_gradient;                                        \
            if (sample_gradient) for (ptrdiff_t i = 0; i < C * H * W; i++) gradient[i] = 0;                      \
            for (ptrdiff_t f = 0; f < F; f++) {                                                                  \
                double total = 0;                                                                                \
                for (ptrdiff_t q = 0; q < P; q++) {                                                              \
                    pixels[q * F + f] = sens[f * P + q];                                                         \
                    total += sens[f * P + q];                                                                    \
                }                                                                                                \
                bias_sums[f] += total;                                                                           \
            }                                                                                                    \
            /* ∂ℒ/∂W in tiles of 4 window entries × 8 filters held in registers; with WIDE and 8 or  */       \
            /* 32 filters, 8 × 8 or 4 × 32 in vectors.                                                 */       \
            const int vector_tiles = (WIDE) == 2 && has_vector_tiles(F);                                         \
            const ptrdiff_t group = vector_tiles && F == 8 ? 8 : 4;                                              \
            for (ptrdiff_t e0 = 0; e0 < K; e0 += group) {                                                        \
                const ptrdiff_t rows = K - e0 < group ? K - e0 : group;                                          \
                ptrdiff_t base[8];                                                                               \
                for (ptrdiff_t i = 0; i < rows; i++) {                                                           \
                    const ptrdiff_t e = e0 + i;                                                                  \
                    base[i] = (e / (k * k) * H + e / k % k) * W + e % k;                                         \
                }                                                                                                \
                if (vector_tiles) {                                                                              \
                    /* A whole group in one tile (8 × 8 or 4 × 32, its sizes constants so that it stays  */ \
                    /* in registers); the entries left at the end one tile row each.                      */ \
                    if (rows == group && F == 8) {                                                               \
                        weight_tile_vector(8, 1, image, base, pixels, weight_sums, e0, 0, F, OH, OW, W);         \
                    } else if (rows == group) {                                                                  \
                        weight_tile_vector(4, 4, image, base, pixels, weight_sums, e0, 0, F, OH, OW, W);         \
                    } else {                                                                                     \
                        for (ptrdiff_t i = 0; i < rows; i++) {                                                   \
                            if (F == 8) {                                                                        \
                                weight_tile_vector(1, 1, image, base + i, pixels, weight_sums, e0 + i, 0, F, OH, OW, W); \
                            } else {                                                                             \
                                weight_tile_vector(1, 4, image, base + i, pixels, weight_sums, e0 + i, 0, F, OH, OW, W); \
                            }                                                                                    \
                        }                                                                                        \
                    }                                                                                            \
                    continue;                                                                                    \
                }                                                                                                \
                for (ptrdiff_t f0 = 0; f0 < F; f0 += 8) {                                                        \
                    const ptrdiff_t width = F - f0 < 8 ? F - f0 : 8;                                            \
                    if (width == 8) {                                                                            \
                        switch (rows) {                                                                          \
                            case 4: WEIGHT_TILE(4); break;                                                       \
                            case 3: WEIGHT_TILE(3); break;                                                       \
                            case 2: WEIGHT_TILE(2); break;                                                       \
                            default: WEIGHT_TILE(1); break;                                                      \
                        }                                                                                        \
                        continue;                                                                                \
                    }                                                                                            \
                    for (ptrdiff_t i = 0; i < rows; i++) {                                                       \
                        double *restrict sums = weight_sums + (e0 + i) * F + f0;                                 \
                        for (ptrdiff_t y = 0; y < OH; y++) {                                                     \
                            for (ptrdiff_t x = 0; x < OW; x++) {                                                 \
                                const double value = image[base[i] + y * W + x];                                 \
                                const double *restrict srow = pixels + (y * OW + x) * F + f0;                    \
                                for (ptrdiff_t f = 0; f < width; f++) sums[f] += value * srow[f];                \
                            }                                                                                    \
                        }                                                                                        \
                    }                                                                                            \
                }                                                                                                \
            }                                                                                                    \
            if (!sample_gradient) continue;                                                                      \
            ptrdiff_t e0 = 0;                                                                                    \
            if ((WIDE) == 2)                                                                                     \
                for (; e0 + 64 <= K; e0 += 64) window_block_vector(pixels, transposed, windows, e0, K, F, P);    \
            WINDOW_BLOCKS(32)                                                                                    \
            WINDOW_BLOCKS(8)                                                                                     \
            WINDOW_BLOCKS(1)                                                                                     \
            for (ptrdiff_t y = 0; y < OH; y++) {                                                                 \
                for (ptrdiff_t x = 0; x < OW; x++) {                                                             \
                    const double *restrict window = windows + (y * OW + x) * K;                                  \
                    for (ptrdiff_t c = 0; c < C; c++) {                                                          \
                        for (ptrdiff_t u = 0; u < k; u++) {                                                      \
                            double *restrict line = gradient + (c * H + y + u) * W + x;                          \
                            const double *restrict part = window + (c * k + u) * k;                              \
                            for (ptrdiff_t v = 0; v < k; v++) line[v] += part[v];                                \
                        }                                                                                        \
                    }                                                                                            \
                }                                                                                                \
            }                                                                                                    \
            if (p > 0) {                                                                                         \
                for (ptrdiff_t c = 0; c < C; c++)                                                                \
                    for (ptrdiff_t y = 0; y < s->height; y++)                                                    \
                        memcpy(sample_gradient + (c * s->height + y) * s->width,                                 \
                               gradient + (c * H + y + p) * W + p, (size_t)s->width * sizeof(double));           \
            }                                                                                                    \
        }                                                                                                        \
    }

FORWARD_LOOP(, baseline, 1)
BACKWARD_LOOP(, baseline, 1)
#if MK_X86
FORWARD_LOOP(__attribute__((target("avx2,fma"))), avx2, 1)
BACKWARD_LOOP(__attribute__((target("avx2,fma"))), avx2, 1)
FORWARD_LOOP(__attribute__((target(MK_AVX512))), avx512, 2)
BACKWARD_LOOP(__attribute__((target(MK_AVX512))), avx512, 2)
#endif
// The AVX-512 build only for the filter counts its vector tiles cover: for others its loops are
// the generic ones, which the vectorizer turns into gathers and permutes for AVX-512, slower
// than the AVX2 build (7× with gathers, measured on the CNN bench).
#define PICK(name, shape, ...) MK_PICK(has_vector_tiles((shape)->filters), name, shape, __VA_ARGS__)

typedef struct {
    const mk_conv_shape *shape;
    ptrdiff_t samples;
    const double *input, *weights, *bias, *sensitivity;
    double *net, *input_gradient;
    const double *transposed;
    double *weight_sums[2], *bias_sums[2], *scratch[2], *windows[2], *padded[2], *padded_gradient[2];
} conv_task;

static void forward_part(void *context, int part) {
    conv_task *t = context;
    ptrdiff_t first, end;
    mk_batch_half(t->samples, part, &first, &end);
    PICK(forward, t->shape, first, end, t->input, t->weights, t->bias, t->net, t->padded[part]);
}

static void backward_part(void *context, int part) {
    conv_task *t = context;
    ptrdiff_t first, end;
    mk_batch_half(t->samples, part, &first, &end);
    PICK(backward, t->shape, first, end, t->input, t->transposed, t->sensitivity, t->weight_sums[part], t->bias_sums[part],
         t->input_gradient, t->scratch[part], t->windows[part], t->padded[part], t->padded_gradient[part]);
}

// The entries of one zero-bordered image, or 0 without padding.
static ptrdiff_t padded_count(const mk_conv_shape *shape) {
    if (shape->padding == 0) return 0;
    return shape->channels * (shape->height + 2 * shape->padding) * (shape->width + 2 * shape->padding);
}

int mk_conv_forward(const mk_conv_shape *shape, ptrdiff_t samples, const double *input, const double *weights,
                    const double *bias, double *net) {
    if (samples <= 0) return 1;
    conv_task task = {.shape = shape, .samples = samples, .input = input, .weights = weights, .bias = bias, .net = net};
    const ptrdiff_t padded = padded_count(shape);
    double *space = NULL;
    if (padded > 0) {
        // Zeroed once: each image overwrites only the interior.
        space = calloc((size_t)(2 * padded), sizeof(double));
        if (!space) return 0;
        task.padded[0] = space;
        task.padded[1] = space + padded;
    }
    mk_run_pair(forward_part, &task);
    free(space);
    return 1;
}

int mk_conv_backward(const mk_conv_shape *shape, ptrdiff_t samples, const double *input, const double *weights,
                     const double *sensitivity, double divisor, double *weight_gradient, double *bias_gradient,
                     double *input_gradient) {
    const ptrdiff_t filters = shape->filters, window = shape->channels * shape->size * shape->size;
    const ptrdiff_t weights_count = window * filters;
    const ptrdiff_t outputs = (shape->height + 2 * shape->padding - shape->size + 1)
        * (shape->width + 2 * shape->padding - shape->size + 1) * filters;
    const ptrdiff_t padded = padded_count(shape);
    // Every pixel's window gradient (outputs / filters pixels of `window` entries), when wanted.
    const ptrdiff_t windows = input_gradient ? outputs / filters * window : 0;
    const ptrdiff_t each = weights_count + filters + outputs + windows + 2 * padded;
    // Zeroed: the padded images' borders must be.
    double *space = calloc((size_t)(2 * each + weights_count), sizeof(double));
    if (!space) return 0;
    // Wᵀ, a row of window weights per filter, so the window's gradient is a sum of rows.
    double *transposed = space + 2 * each;
    for (ptrdiff_t e = 0; e < window; e++)
        for (ptrdiff_t f = 0; f < filters; f++) transposed[f * window + e] = weights[e * filters + f];
    conv_task task = {.shape = shape, .samples = samples, .input = input, .weights = weights, .transposed = transposed,
                      .sensitivity = sensitivity, .input_gradient = input_gradient};
    for (int part = 0; part < 2; part++) {
        double *base = space + part * each;
        task.weight_sums[part] = base;
        task.bias_sums[part] = base + weights_count;
        task.scratch[part] = base + weights_count + filters;
        task.windows[part] = base + weights_count + filters + outputs;
        task.padded[part] = base + weights_count + filters + outputs + windows;
        task.padded_gradient[part] = task.padded[part] + padded;
    }
    mk_run_pair(backward_part, &task);
    for (ptrdiff_t i = 0; i < weights_count; i++) weight_gradient[i] = (task.weight_sums[0][i] + task.weight_sums[1][i]) / divisor;
    for (ptrdiff_t f = 0; f < filters; f++) bias_gradient[f] = (task.bias_sums[0][f] + task.bias_sums[1][f]) / divisor;
    free(space);
    return 1;
}
