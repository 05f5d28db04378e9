// Bytes that ship inside the segfilter binary: the language model and the built-in rule sets.
// Embedding them (instead of SwiftPM resources, which live in a bundle folder beside the built
// binary) lets a copied or installed `segfilter` run with no files beside it.
#ifndef SEGFILTER_DATA_H
#define SEGFILTER_DATA_H
#include <stdint.h>

// One embedded file: its bytes and length.
typedef struct {
    const uint8_t *bytes;
    uint64_t length;
} sf_blob;

// The language-identification model (format: Sources/SegmentFilter/Language/ModelFile.swift).
sf_blob sf_language_model(void);

// The number of built-in rule sets, and the name and text of rule set `i`.
int32_t sf_rule_set_count(void);
const char *sf_rule_set_name(int32_t i);
sf_blob sf_rule_set_text(int32_t i);

// The literal analysis of the built-in rule sets' patterns (rules/prefilter.analysis, written by
// tools/rules/write-analysis.sh; format: Sources/SegmentFilter/Rules/LiteralAnalysis.swift).
sf_blob sf_prefilter_analysis(void);

// Adds the postings of `c` table entries (`LanguageModel.entry`) into the u16 lanes of
// `target`: a dense block (count >= dense_min) over lanes lo..<hi rounded out to multiples of
// 16 (target 16-byte aligned, 128 lanes), a single posting or a list into its languages'
// lanes; with `last_is_word` the last entry's weights count `word_multiplier` times. Uses
// AVX2 where the processor has it.
void sf_apply_postings(const uint32_t *list, long c, int last_is_word, uint16_t *target, long lo, long hi,
                       const uint16_t *postings, uint32_t dense_min, uint16_t word_multiplier);

// The language identifier's ASCII fast path: reads whole 16-byte blocks of `p[0..<n]` while
// they are all ASCII, writing one code point per byte to `out` (a letter A-Z/a-z lower-cased,
// anything else a space) and counting the letters into `*letters`. `*after_space` is set when
// the last byte read was not a letter. Returns the number of bytes read (a multiple of 16).
#if defined(__SSE2__)
#include <emmintrin.h>
static inline __attribute__((always_inline)) long sf_ascii_blocks(const uint8_t *p, long n, uint32_t *out, long *letters, int *after_space) {
    const __m128i space = _mm_set1_epi8(0x20), a = _mm_set1_epi8(0x61), bias = _mm_set1_epi8((char)0x80);
    const __m128i limit = _mm_set1_epi8((char)(26 ^ 0x80)), zero = _mm_setzero_si128();
    long i = 0, count = 0;
    while (i + 16 <= n) {
        __m128i v = _mm_loadu_si128((const __m128i *)(p + i));
        if (_mm_movemask_epi8(v)) break;
        __m128i lower = _mm_or_si128(v, space);
        // lower - 'a' < 26, unsigned, as a signed comparison of both sides biased by 0x80.
        __m128i is_letter = _mm_cmplt_epi8(_mm_xor_si128(_mm_sub_epi8(lower, a), bias), limit);
        __m128i o = _mm_or_si128(_mm_and_si128(is_letter, lower), _mm_andnot_si128(is_letter, space));
        __m128i lo = _mm_unpacklo_epi8(o, zero), hi = _mm_unpackhi_epi8(o, zero);
        __m128i *d = (__m128i *)(out + i);
        _mm_storeu_si128(d, _mm_unpacklo_epi16(lo, zero));
        _mm_storeu_si128(d + 1, _mm_unpackhi_epi16(lo, zero));
        _mm_storeu_si128(d + 2, _mm_unpacklo_epi16(hi, zero));
        _mm_storeu_si128(d + 3, _mm_unpackhi_epi16(hi, zero));
        int m = _mm_movemask_epi8(is_letter);
        count += __builtin_popcount((unsigned)m);
        *after_space = (m & 0x8000) == 0;
        i += 16;
    }
    *letters += count;
    return i;
}

// dst[lo..<hi] += src[lo..<hi] (u8 weights into u16 lanes, wrapping), times `multiplier`
// unless it is 1; lo and hi are multiples of 16 and dst is 16-byte aligned.
static inline __attribute__((always_inline)) void sf_add_u8_lanes(uint16_t *dst, const uint8_t *src, long lo, long hi, uint16_t multiplier) {
    const __m128i zero = _mm_setzero_si128();
    if (multiplier == 1) {
        for (long i = lo; i < hi; i += 16) {
            __m128i b = _mm_loadu_si128((const __m128i *)(src + i));
            __m128i *d = (__m128i *)(dst + i);
            _mm_store_si128(d, _mm_add_epi16(_mm_load_si128(d), _mm_unpacklo_epi8(b, zero)));
            _mm_store_si128(d + 1, _mm_add_epi16(_mm_load_si128(d + 1), _mm_unpackhi_epi8(b, zero)));
        }
    } else {
        const __m128i k = _mm_set1_epi16((short)multiplier);
        for (long i = lo; i < hi; i += 16) {
            __m128i b = _mm_loadu_si128((const __m128i *)(src + i));
            __m128i *d = (__m128i *)(dst + i);
            _mm_store_si128(d, _mm_add_epi16(_mm_load_si128(d), _mm_mullo_epi16(_mm_unpacklo_epi8(b, zero), k)));
            _mm_store_si128(d + 1, _mm_add_epi16(_mm_load_si128(d + 1), _mm_mullo_epi16(_mm_unpackhi_epi8(b, zero), k)));
        }
    }
}

// The first index i in from..<n with s[i] >= cut (n if none; NaN never is), 4 at a time.
static inline __attribute__((always_inline)) long sf_next_at_least(const float *s, long from, long n, float cut) {
    const __m128 c = _mm_set1_ps(cut);
    long i = from;
    for (; i + 4 <= n; i += 4) {
        int m = _mm_movemask_ps(_mm_cmpge_ps(_mm_loadu_ps(s + i), c));
        if (m) return i + __builtin_ctz((unsigned)m);
    }
    for (; i < n; i++)
        if (s[i] >= cut) return i;
    return n;
}

// The first index i in from..<n with p[i] one of '@', '/', '.' (n if none), 16 at a time.
static inline __attribute__((always_inline)) long sf_next_link_byte(const uint8_t *p, long from, long n) {
    const __m128i at = _mm_set1_epi8('@'), slash = _mm_set1_epi8('/'), dot = _mm_set1_epi8('.');
    long i = from;
    for (; i + 16 <= n; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(p + i));
        int m = _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, at), _mm_cmpeq_epi8(v, slash)),
                                               _mm_cmpeq_epi8(v, dot)));
        if (m) return i + __builtin_ctz((unsigned)m);
    }
    for (; i < n; i++)
        if (p[i] == '@' || p[i] == '/' || p[i] == '.') return i;
    return n;
}
#else
static inline __attribute__((always_inline)) long sf_next_link_byte(const uint8_t *p, long from, long n) {
    long i = from;
    while (i < n && p[i] != '@' && p[i] != '/' && p[i] != '.') i++;
    return i;
}
static inline __attribute__((always_inline)) long sf_next_at_least(const float *s, long from, long n, float cut) {
    long i = from;
    while (i < n && !(s[i] >= cut)) i++;
    return i;
}
static inline __attribute__((always_inline)) void sf_add_u8_lanes(uint16_t *dst, const uint8_t *src, long lo, long hi, uint16_t multiplier) {
    for (long i = lo; i < hi; i++) dst[i] = (uint16_t)(dst[i] + src[i] * multiplier);
}
static inline __attribute__((always_inline)) long sf_ascii_blocks(const uint8_t *p, long n, uint32_t *out, long *letters, int *after_space) {
    (void)p; (void)n; (void)out; (void)letters; (void)after_space;
    return 0;
}
#endif
#endif
