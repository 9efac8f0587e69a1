// What the two versions share and Swift does not see: the round constants and each version's entry.
#ifndef CSHA256_ROUNDS_H
#define CSHA256_ROUNDS_H

#include "CSHA256.h"

#if defined(__x86_64__) || defined(__i386__)
#define CSHA256_X86 1
#else
#define CSHA256_X86 0
#endif

/// K0…K63 (section 4.2.2): the first 32 bits of the fractional parts of the cube roots of the
/// first 64 primes.
extern const uint32_t csha256_round_constants[64];

/// The portable compression (`portable.c`).
void csha256_compress_portable(csha256_state *_Nonnull state, const unsigned char *_Nonnull blocks, size_t count);

#if CSHA256_X86
/// The compression on the SHA extensions (`sha_ni.c`); only for a machine that has them.
void csha256_compress_sha_ni(csha256_state *_Nonnull state, const unsigned char *_Nonnull blocks, size_t count);
#endif

#endif
