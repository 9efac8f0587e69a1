// SHA-256's block compression (FIPS 180-4, section 6.2.2) for `Datasets.SHA256`, which does the
// padding and the buffering of partial blocks in Swift.
//
// In C so that one binary carries both a version on the x86 SHA extensions (SHA-NI), about six
// times faster, and a portable one, and picks one at run time.
#ifndef CSHA256_H
#define CSHA256_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// The eight working words H0…H7 between blocks, in the standard's order.
typedef struct {
    uint32_t words[8];
} csha256_state;

/// A version of the compression.
typedef enum {
    /// Plain C, for any machine.
    CSHA256_PORTABLE = 0,
    /// The x86 SHA extensions (`sha256rnds2`, `sha256msg1`, `sha256msg2`) with SSE4.1.
    CSHA256_SHA_NI = 1,
} csha256_version;

/// The state before the first block: H0…H7 of section 5.3.3.
csha256_state csha256_initial_state(void);

/// Whether this machine has the SHA extensions and SSE4.1, whatever the environment says.
int csha256_machine_has_sha_ni(void);

/// The version `csha256_compress` runs: SHA-NI when the machine has it, unless the environment
/// variable `LESSONS_SHA256=portable` was set when this was first asked (decided once).
csha256_version csha256_chosen_version(void);

/// Compresses `count` consecutive 64-byte blocks at `blocks` into `state`, with the chosen version.
void csha256_compress(csha256_state *_Nonnull state, const void *_Nonnull blocks, size_t count);

/// Compresses with `version`; SHA-NI on a machine without it runs the portable version instead.
void csha256_compress_with(
    csha256_version version, csha256_state *_Nonnull state, const void *_Nonnull blocks, size_t count);

#ifdef __cplusplus
}
#endif

#endif
