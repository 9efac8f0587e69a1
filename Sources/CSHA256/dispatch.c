// Which compression runs: SHA-NI when the machine has it, decided once, unless
// `LESSONS_SHA256=portable` is set; and the initial state.
#include "rounds.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

static pthread_once_t decide_once = PTHREAD_ONCE_INIT;
static int machine_sha_ni = 0;
static csha256_version chosen = CSHA256_PORTABLE;

static void decide(void) {
#if CSHA256_X86
    __builtin_cpu_init();
    machine_sha_ni = __builtin_cpu_supports("sha") && __builtin_cpu_supports("sse4.1");
#endif
    const char *choice = getenv("LESSONS_SHA256");
    int forced_portable = choice != NULL && strcmp(choice, "portable") == 0;
    chosen = machine_sha_ni && !forced_portable ? CSHA256_SHA_NI : CSHA256_PORTABLE;
}

csha256_state csha256_initial_state(void) {
    return (csha256_state){{0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19}};
}

int csha256_machine_has_sha_ni(void) {
    pthread_once(&decide_once, decide);
    return machine_sha_ni;
}

csha256_version csha256_chosen_version(void) {
    pthread_once(&decide_once, decide);
    return chosen;
}

void csha256_compress_with(csha256_version version, csha256_state *state, const void *blocks, size_t count) {
#if CSHA256_X86
    if (version == CSHA256_SHA_NI && csha256_machine_has_sha_ni()) {
        csha256_compress_sha_ni(state, blocks, count);
        return;
    }
#endif
    csha256_compress_portable(state, blocks, count);
}

void csha256_compress(csha256_state *state, const void *blocks, size_t count) {
    csha256_compress_with(csha256_chosen_version(), state, blocks, count);
}
