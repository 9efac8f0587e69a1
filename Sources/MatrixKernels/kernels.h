// Shared by the kernel files; not part of the public header.
#ifndef MK_KERNELS_INTERNAL_H
#define MK_KERNELS_INTERNAL_H

#if defined(__x86_64__)
#define MK_X86 1
#else
#define MK_X86 0
#endif

#include <stddef.h>

// The depth of a packed block: every entry of a product is summed in chains of this many
// depth steps, each from zero (gemm.c), and the sparse path follows the same chains.
enum { MK_DEPTH_BLOCK = 256 };

#endif
