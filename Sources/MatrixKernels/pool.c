// Max pooling's two passes: each channel cut into size × size tiles with stride size, each tile
// replaced by its largest entry (the first largest in reading order on a tie), and the gradient
// handed back to that entry alone. The batch is split in two halves over `mk_run_pair`.

#include "MatrixKernels.h"
#include "kernels.h"

#include <string.h>

// Below this many input entries one thread does everything: handing half to the worker costs more.
enum { SPLIT_ENTRIES = 16384 };

typedef struct {
    const mk_pool_shape *shape;
    ptrdiff_t samples;
    const double *input, *sensitivity, *chosen;
    double *output, *chosen_out, *input_gradient;
} pool_job;

static void forward_samples(const pool_job *job, ptrdiff_t first, ptrdiff_t end) {
    const mk_pool_shape *s = job->shape;
    const ptrdiff_t C = s->channels, H = s->height, W = s->width, k = s->size;
    const ptrdiff_t OH = H / k, OW = W / k, in = C * H * W, out = C * OH * OW;
    for (ptrdiff_t sample = first; sample < end; sample++) {
        const double *image = job->input + sample * in;
        double *a = job->output + sample * out, *chosen = job->chosen_out + sample * out;
        for (ptrdiff_t c = 0; c < C; c++) {
            const ptrdiff_t plane = c * H * W;
            if (k == 2) {
                // The usual tile, its four entries compared in reading order.
                for (ptrdiff_t y = 0; y < OH; y++) {
                    const ptrdiff_t top = plane + 2 * y * W, bottom = top + W;
                    for (ptrdiff_t x = 0; x < OW; x++) {
                        ptrdiff_t best = top + 2 * x;
                        double largest = image[best];
                        if (image[top + 2 * x + 1] > largest) largest = image[best = top + 2 * x + 1];
                        if (image[bottom + 2 * x] > largest) largest = image[best = bottom + 2 * x];
                        if (image[bottom + 2 * x + 1] > largest) largest = image[best = bottom + 2 * x + 1];
                        *a++ = largest;
                        *chosen++ = (double)best;
                    }
                }
                continue;
            }
            for (ptrdiff_t y = 0; y < OH; y++) {
                for (ptrdiff_t x = 0; x < OW; x++) {
                    ptrdiff_t best = plane + (y * k) * W + x * k;
                    double largest = image[best];
                    for (ptrdiff_t u = 0; u < k; u++) {
                        const ptrdiff_t line = plane + (y * k + u) * W + x * k;
                        for (ptrdiff_t v = 0; v < k; v++) {
                            if (image[line + v] > largest) {
                                best = line + v;
                                largest = image[best];
                            }
                        }
                    }
                    *a++ = largest;
                    *chosen++ = (double)best;
                }
            }
        }
    }
}

static void backward_samples(const pool_job *job, ptrdiff_t first, ptrdiff_t end) {
    const mk_pool_shape *s = job->shape;
    const ptrdiff_t in = s->channels * s->height * s->width;
    const ptrdiff_t out = s->channels * (s->height / s->size) * (s->width / s->size);
    for (ptrdiff_t sample = first; sample < end; sample++) {
        double *gradient = job->input_gradient + sample * in;
        const double *sens = job->sensitivity + sample * out, *chosen = job->chosen + sample * out;
        memset(gradient, 0, (size_t)in * sizeof(double));
        for (ptrdiff_t entry = 0; entry < out; entry++) gradient[(ptrdiff_t)chosen[entry]] = sens[entry];
    }
}

static void forward_part(void *context, int part) {
    const pool_job *job = context;
    ptrdiff_t first, end;
    mk_batch_half(job->samples, part, &first, &end);
    forward_samples(job, first, end);
}

static void backward_part(void *context, int part) {
    const pool_job *job = context;
    ptrdiff_t first, end;
    mk_batch_half(job->samples, part, &first, &end);
    backward_samples(job, first, end);
}

static int splits(const mk_pool_shape *shape, ptrdiff_t samples) {
    return samples > 1 && samples * shape->channels * shape->height * shape->width >= SPLIT_ENTRIES;
}

void mk_max_pool_forward(const mk_pool_shape *shape, ptrdiff_t samples, const double *input, double *output,
                         double *chosen) {
    pool_job job = {.shape = shape, .samples = samples, .input = input, .output = output, .chosen_out = chosen};
    if (splits(shape, samples)) {
        mk_run_pair(forward_part, &job);
    } else {
        forward_samples(&job, 0, samples);
    }
}

void mk_max_pool_backward(const mk_pool_shape *shape, ptrdiff_t samples, const double *sensitivity,
                          const double *chosen, double *input_gradient) {
    pool_job job = {
        .shape = shape, .samples = samples, .sensitivity = sensitivity, .chosen = chosen, .input_gradient = input_gradient};
    if (splits(shape, samples)) {
        mk_run_pair(backward_part, &job);
    } else {
        backward_samples(&job, 0, samples);
    }
}
