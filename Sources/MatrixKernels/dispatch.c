// Which version of each loop this machine runs.
#include "MatrixKernels.h"
#include "kernels.h"

// Per thread, so that a test forcing the baseline on its own thread changes no other computation.
static _Thread_local int forced_baseline = 0;

int mk_uses_avx2(void) {
#if MK_X86
    if (forced_baseline) return 0;
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
#else
    return 0;
#endif
}

void mk_force_baseline(int force) { forced_baseline = force; }
