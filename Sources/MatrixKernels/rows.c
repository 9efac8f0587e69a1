// Whole rows: gathering the rows of a shuffled mini-batch, adding a bias to every row, and
// dividing a block of rows (a gradient by its batch size).
//
// Gathering the rows of a shuffled mini-batch. Each row of a large training set (6 KiB of
// MNIST pixels) sits far from the last, so the copy waits on memory more than it computes;
// two threads keep twice as many rows in flight.

#pragma STDC FP_CONTRACT OFF  // a multiply-add fuses only where an intrinsic says so (kernels.h)
#include "MatrixKernels.h"
#include "kernels.h"

#include <string.h>

// Below this many entries one thread copies everything: handing half to the worker costs more.
enum { SPLIT_ENTRIES = 16384 };

typedef struct {
    const double *source;
    ptrdiff_t columns;
    const ptrdiff_t *indices;
    ptrdiff_t count, half;
    double *destination;
} gather_job;

static void copy_rows(const gather_job *job, ptrdiff_t start, ptrdiff_t end) {
    size_t bytes = (size_t)job->columns * sizeof(double);
    for (ptrdiff_t r = start; r < end; r++) {
        memcpy(job->destination + r * job->columns, job->source + job->indices[r] * job->columns, bytes);
    }
}

static void gather_part(void *context, int part) {
    const gather_job *job = context;
    if (part == 0) {
        copy_rows(job, 0, job->half);
    } else {
        copy_rows(job, job->half, job->count);
    }
}

void mk_gather_rows(const double *source, ptrdiff_t columns, const ptrdiff_t *indices, ptrdiff_t count,
                    double *destination, int threads) {
    gather_job job = {source, columns, indices, count, count / 2, destination};
    if (threads < 2 || count < 2 || count * columns < SPLIT_ENTRIES) {
        copy_rows(&job, 0, count);
        return;
    }
    mk_run_pair(gather_part, &job);
}

void mk_add_to_each_row(double *values, ptrdiff_t rows, ptrdiff_t columns, const double *row) {
    if (columns > 64) {
        for (ptrdiff_t i = 0; i < rows; i++) {
            double *target = values + i * columns;
            for (ptrdiff_t j = 0; j < columns; j++) target[j] += row[j];
        }
        return;
    }
    // Short rows (a small network's layers, a few entries each) leave a loop over one row
    // nothing to vectorize: add four rows at a time instead, as one run of 4 · columns
    // entries against the bias repeated four times.
    double pattern[4 * 64];
    ptrdiff_t run = 4 * columns, total = rows * columns, start = 0;
    for (ptrdiff_t t = 0; t < run; t++) pattern[t] = row[t % columns];
    for (; start + run <= total; start += run) {
        double *target = values + start;
        for (ptrdiff_t t = 0; t < run; t++) target[t] += pattern[t];
    }
    for (ptrdiff_t t = 0; start + t < total; t++) values[start + t] += pattern[t];
}

void mk_divide_rows(double *values, ptrdiff_t rows, ptrdiff_t columns, ptrdiff_t ld, double divisor) {
    mk_division division = mk_division_by(divisor);
    for (ptrdiff_t i = 0; i < rows; i++) {
        double *row = values + i * ld;
        if (division.how == MK_MULTIPLY) {
            for (ptrdiff_t j = 0; j < columns; j++) row[j] *= division.factor;
        } else if (division.how == MK_DIVIDE) {
            for (ptrdiff_t j = 0; j < columns; j++) row[j] /= division.factor;
        }
    }
}
