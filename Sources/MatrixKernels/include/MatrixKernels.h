// The engine's hot loops: the blocked matrix product, the vectorized exponential and the
// optimizers' per-entry updates.
//
// Written in C so that one binary carries an AVX2 + FMA version and a baseline version of each
// loop (and of the hottest, an AVX-512 one) and picks one at run time (`mk_uses_avx2`,
// `mk_uses_avx512`). Swift has no way to
// compile one function for two instruction sets, and the baseline x86-64 target reaches
// about a quarter of what the cores of a machine from the last decade can do.
#ifndef MATRIX_KERNELS_H
#define MATRIX_KERNELS_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Whether the calling thread runs the AVX2 + FMA versions: the machine has both and the
/// thread's settings do not force the baseline. What the machine has is decided once, on first
/// use; with the environment variable `LESSONS_KERNELS=baseline` set then, it has neither.
int mk_uses_avx2(void);

/// Whether the calling thread runs the AVX-512 versions (where a loop has one; they give the
/// AVX2 versions' bits): the machine has AVX-512 F, DQ and VL besides AVX2 and FMA, and the
/// thread's settings force neither the baseline nor AVX2. With `LESSONS_KERNELS=avx2` set at
/// first use the machine counts as having AVX2 and FMA only.
int mk_uses_avx512(void);

/// How the kernels run on one thread.
typedef struct {
    /// The number of threads large products, updates and gathers are split over: 2 (the caller
    /// and the worker of `mk_run_pair`, the default) or 1.
    int threads;
    /// Non-zero to run the baseline versions (no AVX2, no fused multiply-add); 0 by default.
    int baseline;
    /// Non-zero to run the AVX2 versions where an AVX-512 one exists; 0 by default.
    int no_avx512;
} mk_settings;

/// The calling thread's settings; `{2, 0, 0}` on a thread that never set any.
mk_settings mk_current_settings(void);

/// Sets the calling thread's settings (a thread count below 1 counts as 1). They reach the
/// worker with each task the thread hands it (`mk_run_pair`), and no other thread: the Swift
/// side sets and restores them around a closure (`Kernels.withSettings`).
void mk_set_settings(mk_settings settings);

/// `C = op(A) op(B)`, or `C += op(A) op(B)` when `accumulate` is non-zero, on one thread.
///
/// Row-major `double` matrices: `op(A)` is `m × k`, `op(B)` is `k × n`, `C` is `m × n`;
/// `lda`, `ldb`, `ldc` are the distances between consecutive rows as stored. With
/// `transpose_a`, `A` is stored `k × m` and read transposed; likewise `B` (`n × k`).
///
/// Small and skinny products (`mk_dgemm_is_direct`) are computed directly, others by
/// `mk_dgemm_packed`; the choice depends on the shape alone.
void mk_dgemm(int transpose_a, int transpose_b, ptrdiff_t m, ptrdiff_t n, ptrdiff_t k,
              const double *a, ptrdiff_t lda, const double *b, ptrdiff_t ldb,
              double *c, ptrdiff_t ldc, int accumulate);

/// `C = op(A) op(B)`, then `row` (n entries) added to each row of `C`, whose rows follow one
/// another: a layer's net input `x W + b`, with the bits of `mk_dgemm` followed by
/// `mk_add_to_each_row`, on one thread. A small layer adds the row before it stores its
/// product, saving a pass over the batch.
void mk_dgemm_plus_row(int transpose_a, int transpose_b, ptrdiff_t m, ptrdiff_t n, ptrdiff_t k,
                       const double *a, ptrdiff_t lda, const double *b, ptrdiff_t ldb, const double *row,
                       double *c);

/// `C = (op(A) op(B)) ⊙ o ⊙ (1 − o)`, where `o` (`outputs`, m × n) is a logistic layer's output
/// and the rows of `C` and `o` follow one another: a sensitivity carried back into that layer,
/// with the bits of `mk_dgemm` followed by `mk_sigmoid_backward`, on one thread. A small
/// product scales each row before it stores it, saving a pass over the batch.
void mk_dgemm_sigmoid_backward(int transpose_a, int transpose_b, ptrdiff_t m, ptrdiff_t n, ptrdiff_t k,
                               const double *a, ptrdiff_t lda, const double *b, ptrdiff_t ldb,
                               const double *outputs, double *c);

/// A small layer's gradients over a batch in one pass: `dw = (xᵀ·dz) / divisor` (inputs ×
/// outputs) and `db = (1ᵀ·dz) / divisor` (1 × outputs), with the bits of `mk_dgemm`,
/// `mk_column_sums` and `mk_divide_rows`; `x` is rows × inputs and `dz` rows × outputs, their
/// rows following one another. Returns 0, having written nothing, for the shapes it does not
/// fuse (and without AVX2); the caller then computes the two.
int mk_layer_gradients(const double *x, const double *dz, ptrdiff_t rows, ptrdiff_t inputs, ptrdiff_t outputs,
                       double divisor, double *dw, double *db);

/// Whether `mk_dgemm` computes an `m × k` by `k × n` product directly, without packing.
int mk_dgemm_is_direct(ptrdiff_t m, ptrdiff_t n, ptrdiff_t k);

/// The packed, blocked product. Every entry of `C` is summed in one fixed order, blocks of
/// 256 depth steps in turn, each from zero, so the result does not depend on which part of
/// `C` a call computes: a product split over threads by rows or columns gives the same bits.
/// Depth steps where six rows of `op(A)` in a row are all zero are skipped, which changes no
/// bit while `B` is finite (and is not done otherwise); a batch of images as `A` (`x·W`, or
/// `xᵀ·dZ` over at most 256 images) skips each zero pixel on its own: it costs a fraction.
void mk_dgemm_packed(int transpose_a, int transpose_b, ptrdiff_t m, ptrdiff_t n, ptrdiff_t k,
                     const double *a, ptrdiff_t lda, const double *b, ptrdiff_t ldb,
                     double *c, ptrdiff_t ldc, int accumulate);

/// The nonzero entries of a stored matrix (a batch of images, one per row), one bit each: bit
/// c mod 64 of `bits[r · words + c / 64]` is set when entry (r, c) is nonzero or NaN. A product
/// reads them from column `first_column` on.
typedef struct {
    const uint64_t *bits;
    ptrdiff_t words;
    ptrdiff_t first_column;
} mk_marks;

/// Whether the `m × k` matrix `a` (rows `lda` apart) looks mostly zero, as the products that
/// skip zeros one by one judge it: at most one entry in three nonzero in its first four rows.
int mk_looks_mostly_zero(const double *a, ptrdiff_t lda, ptrdiff_t m, ptrdiff_t k);

/// Marks the nonzero entries (NaN counts) of the `rows × columns` matrix `a` (rows `lda` apart)
/// into `bits`, ⌈columns / 64⌉ words a row, and returns how many there are; split over the
/// calling thread and the worker when `threads` is 2 or more and the matrix is large.
ptrdiff_t mk_mark_nonzero(const double *a, ptrdiff_t lda, ptrdiff_t rows, ptrdiff_t columns, uint64_t *bits,
                          int threads);

/// What a caller knows about a product's operands, and what it wants done with the result.
typedef struct {
    /// A's nonzero entries as stored (from `mk_mark_nonzero`, for exactly the A given, which the
    /// caller has found mostly zero), or NULL: the products that skip A's zeros one by one
    /// (`x·W`, `xᵀ·dZ`) then find them by the marks instead of reading A again.
    const mk_marks *marks_a;
    /// Whether the caller vouches that every entry of B is finite (a trainer's weights, each
    /// checked as the optimizer wrote it): x·W then copies only the rows of W that some nonzero
    /// of A selects, and checks nothing.
    int b_finite;
    /// C is divided by this (`mk_divide_rows`'s bits; a gradient averaged over its batch), as
    /// each row is stored where the kernel can.
    double divisor;
} mk_product_options;

/// `mk_dgemm_packed` with `options` (NULL: none, a divisor of 1). The bits are those of
/// `mk_dgemm_packed` followed by `mk_divide_rows`.
void mk_dgemm_packed_with(int transpose_a, int transpose_b, ptrdiff_t m, ptrdiff_t n, ptrdiff_t k,
                          const double *a, ptrdiff_t lda, const double *b, ptrdiff_t ldb,
                          double *c, ptrdiff_t ldc, int accumulate, const mk_product_options *options);

/// The column sums of the `rows × columns` matrix `values` (rows `ld` apart) into `sums`: the
/// product `1ᵀ·values` of a row of ones, so each sum runs in the order `mk_dgemm` gives that
/// shape (four interleaved partial sums over a long column), on one thread.
void mk_column_sums(const double *values, ptrdiff_t rows, ptrdiff_t columns, ptrdiff_t ld, double *sums);

/// Adds the `columns` entries of `row` to each of the `rows` rows of `values`, stored one
/// after another (a bias over a batch).
void mk_add_to_each_row(double *values, ptrdiff_t rows, ptrdiff_t columns, const double *row);

/// Divides the `rows × columns` entries at `values` (rows `ld` apart) by `divisor`, in place:
/// by multiplying with the reciprocal when `divisor` is a power of two whose reciprocal is
/// normal, which gives the bits of the division.
void mk_divide_rows(double *values, ptrdiff_t rows, ptrdiff_t columns, ptrdiff_t ld, double divisor);

/// `y[i] = exp(x[i])` for `count` entries, to within 2 ulp of the exact value; `y` may be `x`.
///
/// Overflows to `+inf` above 709.78 and underflows to 0 below −745.13, as `exp` does; NaN stays NaN.
void mk_exp(const double *x, double *y, ptrdiff_t count);

/// The logistic function `y[i] = σ(x[i])`: `1 / (1 + e^(−x))` for `x ≥ 0` and `e^x / (1 + e^x)`
/// below, so that no exponential overflows, with `e^(−|x|)` from `mk_exp`; `y` may be `x`.
void mk_sigmoid(const double *x, double *y, ptrdiff_t count);

/// A sensitivity through the logistic function: `g[i] = g[i] · (a[i] · (1 − a[i]))`, where
/// `a = σ(n)` is the layer's output, in that order, so every version gives the bits of the
/// formula evaluated one entry at a time.
void mk_sigmoid_backward(double *g, const double *a, ptrdiff_t count);

/// A layer of a network for `mk_logistic_pass`: its parameters, and where the pass writes.
typedef struct {
    ptrdiff_t inputs, outputs;
    const double *weights, *bias;                  // inputs × outputs, 1 × outputs
    double *net, *output, *sensitivity;            // rows × outputs each
    double *weight_gradient, *bias_gradient;       // inputs × outputs, 1 × outputs, averaged
} mk_logistic_layer;

/// One forward and backward pass over `rows` examples `x` (rows × inputs of layer 0) with
/// targets `y` (rows × outputs of the last layer) of a network whose layers all have a
/// logistic activation, trained with binary cross-entropy (so the last sensitivity is a − y).
/// Each thread of `mk_run_pair` takes half of the rows through every layer and back, then the
/// gradients of alternate layers over the whole batch; after a pass in which the caller waited
/// long for the worker (its core busy elsewhere), the next 2,000 run on the caller alone.
/// For layers of at most 16 inputs and
/// outputs whose products over the batch are all direct (`mk_dgemm_is_direct`), it gives the
/// bits of the serial pass: `mk_dgemm_plus_row`, `mk_sigmoid`, `mk_dgemm_sigmoid_backward`,
/// then `mk_layer_gradients` or the product and column sums, each divided by `rows`.
void mk_logistic_pass(const mk_logistic_layer *layers, int count, const double *x, const double *y, ptrdiff_t rows);

/// A convolution's shape: `channels × height × width` images, `filters` filters of
/// `size × size`, stride 1, `padding` zeros on each side.
typedef struct {
    ptrdiff_t channels, height, width, filters, size, padding;
} mk_conv_shape;

/// The convolution's net input, images and outputs stored one sample per row, channel by
/// channel, row by row; `weights` is `(channels·size²) × filters`, one filter per column.
/// Each output entry is summed from 0 over the window's entries inside the image, channel by
/// channel and row by row, then the bias added. The samples are split in two halves over
/// `mk_run_pair`. Returns 0 when scratch memory cannot be had (nothing written).
int mk_conv_forward(const mk_conv_shape *shape, ptrdiff_t samples, const double *input, const double *weights,
                    const double *bias, double *net);

/// The convolution's backward pass from `sensitivity` (∂Lᵢ/∂n, laid out as the net input):
/// `weight_gradient` and `bias_gradient` are the sums over the batch divided by `divisor`:
/// each half of the batch summed sample by sample and pixel by pixel, the two halves then
/// added. `input_gradient`, if not NULL, gets ∂Lᵢ/∂input: for each output pixel in turn, the
/// gradient of its window, Σ_f s_f · (filter f's weights) summed filter by filter from 0,
/// added onto the window's pixels. Returns 0 when scratch memory cannot be had (nothing
/// written).
int mk_conv_backward(const mk_conv_shape *shape, ptrdiff_t samples, const double *input, const double *weights,
                     const double *sensitivity, double divisor, double *weight_gradient, double *bias_gradient,
                     double *input_gradient);

/// Max pooling's shape: `channels × height × width` images cut into `size × size` tiles with
/// stride `size`; rows and columns that do not fill a tile are dropped.
typedef struct {
    ptrdiff_t channels, height, width, size;
} mk_pool_shape;

/// `output` gets each tile's largest entry, `chosen` the column (within its sample's row of
/// `input`) of that entry, the first largest in reading order on a tie. Rows as in
/// `mk_conv_forward`; the batch is split in two halves over `mk_run_pair`.
void mk_max_pool_forward(const mk_pool_shape *shape, ptrdiff_t samples, const double *input, double *output,
                         double *chosen);

/// `input_gradient` gets each output's sensitivity at its `chosen` column and 0 elsewhere.
void mk_max_pool_backward(const mk_pool_shape *shape, ptrdiff_t samples, const double *sensitivity,
                          const double *chosen, double *input_gradient);

/// A task in two parts, `part` 0 and 1, that write to disjoint memory.
typedef void (*mk_task)(void *context, int part);

/// Runs part 0 of `task` on the calling thread and part 1 on the kernels' worker thread, and
/// returns when both are done; part 1 runs with the caller's settings (`mk_set_settings`). The
/// worker spins for about 100 µs after each task before it sleeps, so the tasks of a training
/// step find it awake. While it works for another thread, or when the caller's settings say one
/// thread, the caller runs both parts itself, one after the other. A task handed over from part
/// 0 of the caller's own task waits until that task's part 1 is done, then has the worker too.
void mk_run_pair(mk_task task, void *context);

/// For tests: how many parts of tasks the calling thread handed to `mk_run_pair` ran on
/// another thread, since the thread started.
long mk_parts_run_elsewhere(void);

/// Copies row `indices[r]` of `source` (rows `columns` long) to row `r` of `destination`, for
/// `r < count`; split over the calling thread and the worker when `threads` is 2 or more and
/// the batch is large.
void mk_gather_rows(const double *source, ptrdiff_t columns, const ptrdiff_t *indices, ptrdiff_t count,
                    double *destination, int threads);

/// The optimizers' updates of `count` entries of one parameter `w` with gradient `g`: each
/// writes the new values to `p` (never `w`), updates the optimizer's state in place and
/// returns whether every new value is finite. The formulas are those of `Optimizer` in
/// Swift, evaluated in the same order, so every version gives the same bits.
///
/// `p = w + (−rate)·g`
int mk_update_gradient_descent(const double *w, const double *g, double *p, ptrdiff_t count, double rate);

/// `velocity = velocity·beta + g`; `p = w + (−rate)·velocity`
int mk_update_momentum(const double *w, const double *g, double *velocity, double *p, ptrdiff_t count,
                       double rate, double beta);

/// `square = rho·square + (1 − rho)·g·g`; `p = w + (−rate)·(g / (√square + epsilon))`
int mk_update_rms_prop(const double *w, const double *g, double *square, double *p, ptrdiff_t count,
                       double rate, double rho, double epsilon);

/// Adam's constants for one step; the corrections are `1 − β₁ᵗ` and `1 − β₂ᵗ`.
typedef struct {
    double rate, beta1, beta2, epsilon, first_correction, second_correction;
} mk_adam_settings;

/// `first = β₁·first + (1 − β₁)·g`; `second = β₂·second + (1 − β₂)·g·g`;
/// `p = w + (−rate)·((first / first_correction) / (√(second / second_correction) + epsilon))`
int mk_update_adam(const double *w, const double *g, double *first, double *second, double *p, ptrdiff_t count,
                   const mk_adam_settings *settings);

#ifdef __cplusplus
}
#endif

#endif
