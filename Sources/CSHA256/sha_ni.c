// The compression on the x86 SHA extensions, four rounds per pair of `sha256rnds2` (Intel's
// scheme, as in its white paper "Intel SHA Extensions", 2013): the state is held as ABEF and
// CDGH, and the message schedule advances four words at a time with `sha256msg1`/`sha256msg2`.
#include "rounds.h"

#if CSHA256_X86
#include <immintrin.h>

__attribute__((target("sha,sse4.1")))
void csha256_compress_sha_ni(csha256_state *state, const unsigned char *blocks, size_t count) {
    // Reverses the bytes of each 32-bit word: the message is big-endian.
    const __m128i byte_swap = _mm_set_epi64x(0x0c0d0e0f08090a0bLL, 0x0405060700010203LL);

    // H0…H3 and H4…H7 as the instructions want them: ABEF and CDGH, A in the highest lane.
    __m128i dcba = _mm_loadu_si128((const __m128i *)&state->words[0]);
    __m128i hgfe = _mm_loadu_si128((const __m128i *)&state->words[4]);
    __m128i cdab = _mm_shuffle_epi32(dcba, 0xB1);
    __m128i efgh = _mm_shuffle_epi32(hgfe, 0x1B);
    __m128i abef = _mm_alignr_epi8(cdab, efgh, 8);
    __m128i cdgh = _mm_blend_epi16(efgh, cdab, 0xF0);

    for (size_t block = 0; block < count; block++, blocks += 64) {
        const __m128i abef_before = abef, cdgh_before = cdgh;
        // The four newest message vectors, W[4i…4i+3] in message[i % 4].
        __m128i message[4];
#pragma clang loop unroll(full)
        for (int i = 0; i < 16; i++) {
            if (i < 4) message[i] = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(blocks + 16 * i)), byte_swap);
            // Rounds 4i…4i+3: two rounds on the low two words of W + K, two on the high two.
            __m128i words = _mm_add_epi32(message[i % 4], _mm_loadu_si128((const __m128i *)&csha256_round_constants[4 * i]));
            cdgh = _mm_sha256rnds2_epu32(cdgh, abef, words);
            abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_shuffle_epi32(words, 0x0E));
            // W[4i+4…4i+7]: its σ0 part was added by msg1 two steps ago; W[t−7] and σ1 now.
            if (i >= 3 && i < 15) {
                __m128i next = message[(i + 1) % 4];
                next = _mm_add_epi32(next, _mm_alignr_epi8(message[i % 4], message[(i + 3) % 4], 4));
                message[(i + 1) % 4] = _mm_sha256msg2_epu32(next, message[i % 4]);
            }
            // The σ0 part of W[4i+12…4i+15], from the vector before this one.
            if (i >= 1 && i < 13) message[(i + 3) % 4] = _mm_sha256msg1_epu32(message[(i + 3) % 4], message[i % 4]);
        }
        abef = _mm_add_epi32(abef, abef_before);
        cdgh = _mm_add_epi32(cdgh, cdgh_before);
    }

    __m128i feba = _mm_shuffle_epi32(abef, 0x1B);
    __m128i dchg = _mm_shuffle_epi32(cdgh, 0xB1);
    _mm_storeu_si128((__m128i *)&state->words[0], _mm_blend_epi16(feba, dchg, 0xF0));
    _mm_storeu_si128((__m128i *)&state->words[4], _mm_alignr_epi8(dchg, feba, 8));
}
#endif
