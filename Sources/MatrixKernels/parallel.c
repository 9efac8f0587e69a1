// One worker thread beside the caller, for splitting a product or an update in two.
//
// A matrix product of an MNIST step takes a few hundred microseconds; waking a sleeping
// thread through the kernel costs tens of microseconds each time, and Dispatch's pool did so
// for every product. The worker here spins for a short while after each task, so the next
// task of a training step finds it awake, and only then sleeps on a condition variable.

#pragma STDC FP_CONTRACT OFF  // a multiply-add fuses only where an intrinsic says so (kernels.h)
#include "MatrixKernels.h"
#include "kernels.h"

#include <pthread.h>
#include <stdatomic.h>
#if MK_X86
#include <immintrin.h>
#endif

// About 100 µs of `pause` on the machines we run on: longer than the gaps between the
// products of a training step, short enough not to steal a core from other work for long.
enum { SPIN_LIMIT = 4000 };

static pthread_once_t start_once = PTHREAD_ONCE_INIT;
static int worker_running = 0;
// Held by the thread whose task the worker is running; a second caller at the same time
// (two chapters with `--jobs 2`) runs both parts itself.
static pthread_mutex_t owner = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t sleep_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t wake = PTHREAD_COND_INITIALIZER;
static atomic_ulong posted = 0;    // the number of the last task handed to the worker
static atomic_ulong finished = 0;  // the number of the last task the worker finished
static atomic_int sleeping = 0;
static mk_task pending_task;
static void *pending_context;
static mk_settings pending_settings;  // the caller's, for the worker to run its part with
static pthread_t ran_on;              // the thread that ran the last part 1 (the worker)
// Per calling thread: the parts of its tasks that ran on another thread (a test's evidence).
static _Thread_local long parts_run_elsewhere = 0;

static void relax(void) {
#if MK_X86
    _mm_pause();
#endif
}

static void *work(void *unused) {
    (void)unused;
    unsigned long seen = 0;
    for (;;) {
        unsigned long now = atomic_load_explicit(&posted, memory_order_acquire);
        for (int spins = 0; now == seen && spins < SPIN_LIMIT; spins++) {
            relax();
            now = atomic_load_explicit(&posted, memory_order_acquire);
        }
        if (now == seen) {
            pthread_mutex_lock(&sleep_lock);
            atomic_store(&sleeping, 1);
            while ((now = atomic_load(&posted)) == seen) pthread_cond_wait(&wake, &sleep_lock);
            atomic_store(&sleeping, 0);
            pthread_mutex_unlock(&sleep_lock);
        }
        seen = now;
        mk_set_settings(pending_settings);
        pending_task(pending_context, 1);
        ran_on = pthread_self();
        atomic_store_explicit(&finished, seen, memory_order_release);
    }
    return NULL;
}

static void start_worker(void) {
    pthread_t thread;
    pthread_attr_t attributes;
    pthread_attr_init(&attributes);
    pthread_attr_setdetachstate(&attributes, PTHREAD_CREATE_DETACHED);
    worker_running = pthread_create(&thread, &attributes, work, NULL) == 0;
    pthread_attr_destroy(&attributes);
}

// Whether the calling thread holds the worker: it is inside part 0 of one of its own tasks.
static _Thread_local int holds_worker = 0;

void mk_run_pair(mk_task task, void *context) {
    mk_settings settings = mk_current_settings();
    if (settings.threads >= 2) pthread_once(&start_once, start_worker);
    // A task handed over from part 0 of the caller's own task (a product inside the backward
    // pass that runs beside the loss) waits for that task's part 1, then has the worker too.
    const int nested = holds_worker;
    if (settings.threads < 2 || !worker_running || (!nested && pthread_mutex_trylock(&owner) != 0)) {
        task(context, 0);
        task(context, 1);
        return;
    }
    if (nested) {
        unsigned long outer = atomic_load_explicit(&posted, memory_order_relaxed);
        while (atomic_load_explicit(&finished, memory_order_acquire) < outer) relax();
    }
    pending_task = task;
    pending_context = context;
    pending_settings = settings;
    pthread_mutex_lock(&sleep_lock);
    unsigned long number = atomic_load(&posted) + 1;
    atomic_store_explicit(&posted, number, memory_order_release);
    if (atomic_load(&sleeping)) pthread_cond_signal(&wake);
    pthread_mutex_unlock(&sleep_lock);

    holds_worker = 1;
    task(context, 0);
    // At least this task: a nested one posted after it may have finished too.
    while (atomic_load_explicit(&finished, memory_order_acquire) < number) relax();
    if (!pthread_equal(ran_on, pthread_self())) parts_run_elsewhere++;
    if (!nested) {
        holds_worker = 0;
        pthread_mutex_unlock(&owner);
    }
}

long mk_parts_run_elsewhere(void) { return parts_run_elsewhere; }
