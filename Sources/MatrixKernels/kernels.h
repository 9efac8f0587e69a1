// Shared by the kernel files; not part of the public header.
#ifndef MK_KERNELS_INTERNAL_H
#define MK_KERNELS_INTERNAL_H

#if defined(__x86_64__)
#define MK_X86 1
#else
#define MK_X86 0
#endif

#endif
