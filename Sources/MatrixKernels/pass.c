// One training pass of a small network of logistic layers over a large batch, on two threads.
//
// Each step of such a pass is a few microseconds of work, too short to split one at a time:
// handing a half to the worker would cost what it saves, and each half's results would then
// cross to the other core for the next step. So the batch is cut once: each thread runs every
// row-by-row step (each layer's net input and output, then the sensitivities back to the
// first layer) for its own half of the rows, and then each sums the gradients of alternate
// layers over the whole batch. Every step calls the kernel the serial pass calls, over the
// same rows in the same order, so the bits are the serial pass's.

#pragma STDC FP_CONTRACT OFF  // a multiply-add fuses only where an intrinsic says so (kernels.h)
#include "MatrixKernels.h"

#include <stdatomic.h>
#include <time.h>

typedef struct {
    const mk_logistic_layer *layers;
    int count;
    const double *x, *y;
    ptrdiff_t rows, half;
    double part_done;  // when the caller finished its part of the last split, in seconds
} pass_job;

static double seconds(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)now.tv_sec + 1e-9 * (double)now.tv_nsec;
}

// The forward pass and the sensitivities of rows start..<end.
static void row_steps(const pass_job *job, ptrdiff_t start, ptrdiff_t end) {
    ptrdiff_t m = end - start;
    if (m <= 0) return;
    const double *input = job->x + start * job->layers[0].inputs;
    for (int l = 0; l < job->count; l++) {
        const mk_logistic_layer *layer = &job->layers[l];
        double *net = layer->net + start * layer->outputs, *output = layer->output + start * layer->outputs;
        mk_dgemm_plus_row(0, 0, m, layer->outputs, layer->inputs, input, layer->inputs, layer->weights, layer->outputs,
                          layer->bias, net);
        mk_sigmoid(net, output, m * layer->outputs);
        input = output;
    }
    // Binary cross-entropy through a logistic output: ∂L/∂n = a − y.
    const mk_logistic_layer *last = &job->layers[job->count - 1];
    const double *output = last->output + start * last->outputs, *target = job->y + start * last->outputs;
    double *sensitivity = last->sensitivity + start * last->outputs;
    for (ptrdiff_t i = 0; i < m * last->outputs; i++) sensitivity[i] = output[i] - target[i];
    for (int l = job->count - 1; l > 0; l--) {
        const mk_logistic_layer *layer = &job->layers[l], *before = &job->layers[l - 1];
        mk_dgemm_sigmoid_backward(0, 1, m, layer->inputs, layer->outputs, layer->sensitivity + start * layer->outputs,
                                  layer->outputs, layer->weights, layer->outputs,
                                  before->output + start * before->outputs,
                                  before->sensitivity + start * before->outputs);
    }
}

// Layer l's gradients over the whole batch, averaged: as Network.backward takes them.
static void layer_gradients(const pass_job *job, int l) {
    const mk_logistic_layer *layer = &job->layers[l];
    const double *input = l == 0 ? job->x : job->layers[l - 1].output;
    ptrdiff_t rows = job->rows, inputs = layer->inputs, outputs = layer->outputs;
    double divisor = (double)rows;
    if (mk_layer_gradients(input, layer->sensitivity, rows, inputs, outputs, divisor, layer->weight_gradient,
                           layer->bias_gradient)) {
        return;
    }
    mk_dgemm(1, 0, inputs, outputs, rows, input, inputs, layer->sensitivity, outputs, layer->weight_gradient, outputs, 0);
    mk_divide_rows(layer->weight_gradient, inputs, outputs, outputs, divisor);
    mk_column_sums(layer->sensitivity, rows, outputs, outputs, layer->bias_gradient);
    mk_divide_rows(layer->bias_gradient, 1, outputs, outputs, divisor);
}

static void halves(void *context, int part) {
    pass_job *job = context;
    if (part == 0) {
        row_steps(job, 0, job->half);
        job->part_done = seconds();
    } else {
        row_steps(job, job->half, job->rows);
    }
}

// The last layer on the calling thread, the one before it on the worker, and so on.
static void alternate_layers(void *context, int part) {
    pass_job *job = context;
    for (int l = job->count - 1 - part; l >= 0; l -= 2) layer_gradients(job, l);
    if (part == 0) job->part_done = seconds();
}

// When the worker's core is busy with other work (another program, another chapter with
// `--jobs`), the caller can wait milliseconds for its half, far more than the split saves.
// After such a wait the passes run on the caller alone for a while; the bits are the same.
enum { SERIAL_PASSES_AFTER_A_LONG_WAIT = 2000 };
static const double long_wait = 200e-6;
static atomic_int serial_passes_left = 0;

// Runs both parts of `task`: on the two threads, or on the caller while passes are serial.
// Returns whether the caller waited long for the worker.
static int run_parts(mk_task task, pass_job *job, int serial) {
    if (serial) {
        task(job, 0);
        task(job, 1);
        return 0;
    }
    mk_run_pair(task, job);
    return seconds() - job->part_done > long_wait;
}

void mk_logistic_pass(const mk_logistic_layer *layers, int count, const double *x, const double *y, ptrdiff_t rows) {
    if (count <= 0 || rows <= 0) return;
    // Halves of whole vectors' worth of rows, so both start on the same footing.
    pass_job job = {layers, count, x, y, rows, rows / 2 / 4 * 4, 0};
    int left = atomic_load_explicit(&serial_passes_left, memory_order_relaxed);
    int serial = left > 0;
    if (serial) atomic_store_explicit(&serial_passes_left, left - 1, memory_order_relaxed);
    int waited = run_parts(halves, &job, serial);
    waited |= run_parts(alternate_layers, &job, serial);
    if (waited) atomic_store_explicit(&serial_passes_left, SERIAL_PASSES_AFTER_A_LONG_WAIT, memory_order_relaxed);
}
