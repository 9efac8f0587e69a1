// Which version of each loop runs, and on how many threads: the machine decides, once, unless
// `LESSONS_KERNELS=baseline` or `LESSONS_KERNELS=avx2` is set; a thread's settings can narrow
// that (`mk_set_settings`).

#pragma STDC FP_CONTRACT OFF  // a multiply-add fuses only where an intrinsic says so (kernels.h)
#include "MatrixKernels.h"
#include "kernels.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

// Per thread, so that a test's settings change no other computation; `mk_run_pair` hands the
// caller's settings to the worker with each task.
static _Thread_local mk_settings current = {2, 0, 0};

static pthread_once_t decide_once = PTHREAD_ONCE_INIT;
static int machine_avx2 = 0, machine_avx512 = 0;

static void decide(void) {
#if MK_X86
    const char *choice = getenv("LESSONS_KERNELS");
    if (choice != NULL && strcmp(choice, "baseline") == 0) return;
    machine_avx2 = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    if (choice != NULL && strcmp(choice, "avx2") == 0) return;
    machine_avx512 = machine_avx2 && __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq") &&
                     __builtin_cpu_supports("avx512vl");
#endif
}

int mk_uses_avx2(void) {
    if (current.baseline) return 0;
    pthread_once(&decide_once, decide);
    return machine_avx2;
}

int mk_uses_avx512(void) {
    if (current.baseline || current.no_avx512) return 0;
    pthread_once(&decide_once, decide);
    return machine_avx512;
}

mk_settings mk_current_settings(void) { return current; }

void mk_set_settings(mk_settings settings) {
    current.threads = settings.threads < 1 ? 1 : settings.threads;
    current.baseline = settings.baseline != 0;
    current.no_avx512 = settings.no_avx512 != 0;
}
