// The language identifier's inner loop: adding a token's postings into 16-bit lanes. In C
// so that it can use AVX2 where the processor has it (chosen once, at the first call), while
// the rest of the binary stays baseline x86-64.
#include "segfilter_data.h"
#include <stdlib.h>

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#include <immintrin.h>

__attribute__((target("avx2"))) static void apply_avx2(const uint32_t *list, long c, int last_is_word, uint16_t *target,
                                                      long lo, long hi, const uint16_t *postings, uint32_t dense_min,
                                                      uint16_t word_multiplier) {
    const long dlo = lo & ~15L, dhi = (hi + 15) & ~15L;
    for (long j = 0; j < c; j++) {
        const uint16_t k = (last_is_word && j == c - 1) ? word_multiplier : 1;
        const uint32_t e = list[j], count = e & 0xFF;
        if (count >= dense_min) {
            const uint8_t *src = (const uint8_t *)(postings + (e >> 8));
            if (k == 1) {
                for (long i = dlo; i < dhi; i += 16) {
                    __m256i w = _mm256_cvtepu8_epi16(_mm_loadu_si128((const __m128i *)(src + i)));
                    __m256i *d = (__m256i *)(target + i);
                    _mm256_storeu_si256(d, _mm256_add_epi16(_mm256_loadu_si256(d), w));
                }
            } else {
                const __m256i m = _mm256_set1_epi16((short)k);
                for (long i = dlo; i < dhi; i += 16) {
                    __m256i w = _mm256_cvtepu8_epi16(_mm_loadu_si128((const __m128i *)(src + i)));
                    __m256i *d = (__m256i *)(target + i);
                    _mm256_storeu_si256(d, _mm256_add_epi16(_mm256_loadu_si256(d), _mm256_mullo_epi16(w, m)));
                }
            }
        } else if (count == 1) {
            target[(e >> 8) & 0xFF] += (uint16_t)((e >> 16) * k);
        } else {
            const uint16_t *p = postings + (e >> 8), *stop = p + count;
            for (; p < stop; p++) target[*p & 0xFF] += (uint16_t)((*p >> 8) * k);
        }
    }
}

static int has_avx2(void) {
    unsigned a, b, c, d;
    if (!__get_cpuid(1, &a, &b, &c, &d)) return 0;
    // OSXSAVE and AVX, and the OS saves the YMM registers.
    if (!(c & (1u << 27)) || !(c & (1u << 28))) return 0;
    unsigned lo, hi;
    __asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
    if ((lo & 6) != 6) return 0;
    if (__get_cpuid_max(0, 0) < 7) return 0;
    __cpuid_count(7, 0, a, b, c, d);
    return (b >> 5) & 1;
}
#endif

static void apply_baseline(const uint32_t *list, long c, int last_is_word, uint16_t *target, long lo, long hi,
                           const uint16_t *postings, uint32_t dense_min, uint16_t word_multiplier) {
    const long dlo = lo & ~15L, dhi = (hi + 15) & ~15L;
    for (long j = 0; j < c; j++) {
        const uint16_t k = (last_is_word && j == c - 1) ? word_multiplier : 1;
        const uint32_t e = list[j], count = e & 0xFF;
        if (count >= dense_min) {
            sf_add_u8_lanes(target, (const uint8_t *)(postings + (e >> 8)), dlo, dhi, k);
        } else if (count == 1) {
            target[(e >> 8) & 0xFF] += (uint16_t)((e >> 16) * k);
        } else {
            const uint16_t *p = postings + (e >> 8), *stop = p + count;
            for (; p < stop; p++) target[*p & 0xFF] += (uint16_t)((*p >> 8) * k);
        }
    }
}

typedef void (*apply_fn)(const uint32_t *, long, int, uint16_t *, long, long, const uint16_t *, uint32_t, uint16_t);

static apply_fn choose(void) {
#if defined(__x86_64__) || defined(__i386__)
    // SEGFILTER_NO_AVX2 (set, not empty) takes the baseline path, for testing it.
    const char *off = getenv("SEGFILTER_NO_AVX2");
    if (has_avx2() && !(off && *off)) return apply_avx2;
#endif
    return apply_baseline;
}

void sf_apply_postings(const uint32_t *list, long c, int last_is_word, uint16_t *target, long lo, long hi,
                       const uint16_t *postings, uint32_t dense_min, uint16_t word_multiplier) {
    // (A race between two threads' first calls stores the same pointer twice.)
    static apply_fn chosen;
    apply_fn f = __atomic_load_n(&chosen, __ATOMIC_RELAXED);
    if (!f) {
        f = choose();
        __atomic_store_n(&chosen, f, __ATOMIC_RELAXED);
    }
    f(list, c, last_is_word, target, lo, hi, postings, dense_min, word_multiplier);
}
