// ICUShim: the only code in segfilter that sees ICU.
//
// This header must not include any <unicode/*.h>: Swift code that imports this module also
// imports Foundation, which carries a private copy of ICU's headers, and a clean build then
// fails with "different definitions in different modules". So only opaque handles and plain
// C types cross this boundary; ICU's macro-renamed functions (ubrk_open_72 ...) and macros
// (U_FAILURE, UBRK_DONE) are wrapped in icushim.c.
#ifndef SEGFILTER_ICUSHIM_H
#define SEGFILTER_ICUSHIM_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

// MARK: Break iteration over UTF-8 (offsets are UTF-8 byte offsets)

typedef struct sf_breaker sf_breaker;

enum { SF_BREAK_WORD = 1, SF_BREAK_SENTENCE = 3 };

// Rule-status ranges of a word segment, as ICU defines them.
enum {
    SF_WORD_NONE = 0,      // spaces, punctuation, symbols
    SF_WORD_NUMBER = 100,
    SF_WORD_LETTER = 200,
    SF_WORD_KANA = 300,
    SF_WORD_IDEO = 400,
};

// Opens a break iterator of `kind` for `locale` ("en", "en@ss=standard", ""). On failure
// returns NULL and writes ICU's error name into `err`.
sf_breaker *sf_breaker_open(int32_t kind, const char *locale, char *err, int32_t errlen);
// A private copy for another thread: break iterators are not thread-safe.
sf_breaker *sf_breaker_clone(const sf_breaker *b);
void sf_breaker_close(sf_breaker *b);

// Word segments of `text` whose rule status is not NONE, written as (start, end, status)
// triples into `out` (room for `cap` triples). Returns the number of segments, or -1 on an
// ICU error. Reuses one UText and one iterator: 2-3 us per call instead of 15 us for a fresh
// ubrk_open.
int32_t sf_breaker_words(sf_breaker *b, const char *text, int32_t len, int32_t *out, int32_t cap);

// Boundaries of `text` (sentence or word), excluding 0, written into `out`. Returns the count
// or -1 on an ICU error.
// The same for UTF-16 text (offsets in UTF-16 units): ICU reads UTF-16 without converting.
int32_t sf_breaker_words16(sf_breaker *b, const uint16_t *text, int32_t len, int32_t *out, int32_t cap);
int32_t sf_breaker_boundaries(sf_breaker *b, const char *text, int32_t len, int32_t *out, int32_t cap);

// What the word break fast path (Segmenter) needs to know of a code point: its Word_Break
// property value (UWordBreakValues) in the low byte, and bit 8 set when ICU's word rules
// treat it specially whatever that value says (dictionary scripts: Line_Break Complex_Context,
// Han, Hiragana, Katakana, Hangul; Ideographic), bit 9 when it is Extended_Pictographic.
int32_t sf_word_break_info(uint32_t codepoint);

// MARK: Scripts

// ICU's UScriptCode of a code point (0 Common, 1 Inherited, 25 Latin ...).
int32_t sf_script_of(uint32_t codepoint);
// ISO 15924 short name of a script code ("Latn"), or "" if unknown.
const char *sf_script_short_name(int32_t code);
// ISO 15924 long name of a script code ("Latin"), or "" if unknown.
const char *sf_script_long_name(int32_t code);
// The largest script code ICU knows.
int32_t sf_script_code_limit(void);

// MARK: Regular expressions over UTF-8

typedef struct sf_regex sf_regex;

enum { SF_REGEX_CASE_INSENSITIVE = 2, SF_REGEX_MULTILINE = 8 };

// Compiles an ICU regular expression. On failure returns NULL, writes ICU's message into
// `err` and the offending pattern offset (in UTF-16 units) into `*err_offset`.
sf_regex *sf_regex_open(const char *pattern, int32_t len, uint32_t flags, char *err, int32_t errlen,
                        int32_t *err_offset);
sf_regex *sf_regex_clone(const sf_regex *r);
void sf_regex_close(sf_regex *r);
// Searches `text` for the first match. Returns 1 and the match's byte range, 0 for no match,
// -1 when ICU stopped the match (its work limit: pathological input) or failed.
int32_t sf_regex_find(sf_regex *r, const char *text, int32_t len, int32_t *start, int32_t *end);

// The same over UTF-16 text: ICU matches UTF-16 natively, so a paragraph converted once and
// searched by every pattern is faster than going through a UTF-8 UText each time.
int32_t sf_regex_matches16(sf_regex *r, const uint16_t *text, int32_t len);
// The same for a match that starts at `start` or later (look-behind and \b still see the text
// before `start`), or, if `at_zero`, at 0.
int32_t sf_regex_matches16_from(sf_regex *r, const uint16_t *text, int32_t len, int32_t start, int32_t at_zero);
// Sets UTF-16 `text` (not copied: it must outlive the calls) for `sf_regex_looking_at16`.
// Returns 0, or -1 on an ICU error.
int32_t sf_regex_set_text16(sf_regex *r, const uint16_t *text, int32_t len);
// Whether a match starts at `start` of the text set last (look-behind and \b see the text
// before it; `^` matches only at 0): 1, 0, or -1 when ICU stopped the match (its work limit,
// counted for this call alone) or failed.
int32_t sf_regex_looking_at16(sf_regex *r, int32_t start);

// The code points that ICU's case-insensitive regex matching adds to the property set
// `\p{name}` (`name`: `len` bytes of UTF-8): its full case closure (strings dropped, as the
// regex compiler drops them) less the set itself, written into `out` as a set pattern (`[]` when
// none). Computed over the case-sensitive part of the set (the closure of a code point that is
// not Case_Sensitive adds nothing), not code point by code point over the whole set: ICU does
// the latter for every `\p{L}` a pattern holds under `(?i)`, about a millisecond each. Returns
// the pattern's length in UTF-8 bytes, or -1 (unknown property, error, `cap` too small).
int32_t sf_case_closure_extras(const char *name, int32_t len, char *out, int32_t cap);

// MARK: Normalisation

// Writes the NFC form of UTF-16 `text` into `out` (room for `cap` units). Returns its length, or
// -1 on error or when `cap` is too small, -2 when the text is already NFC (nothing written; `out`
// may then be NULL with `cap` 0, for a quick check). Rule patterns are written in NFC; text that is not
// (polytonic Greek ά U+1F71 for U+03AC, decomposed accents) is matched in NFC.
int32_t sf_nfc16(const uint16_t *text, int32_t len, uint16_t *out, int32_t cap);

// Writes the full case folding of UTF-16 `text` (the folding ICU's case-insensitive regex
// matching uses: "Straße" -> "strasse") into `out`. Returns its length, or -1 on error or
// when `cap` is too small (3 x len is always enough).
int32_t sf_fold16(const uint16_t *text, int32_t len, uint16_t *out, int32_t cap);

// sf_fold16 of UTF-8 `text` (converted to UTF-16 first, invalid sequences as U+FFFD). Returns
// the folding's length in UTF-16 units, or -1 on error or when `cap` is too small (3 x the
// UTF-8 length + 16 is always enough).
int32_t sf_fold8(const char *text, int32_t len, uint16_t *out, int32_t cap);

// The running ICU library's Unicode version as major << 8 | minor (case folding, and so data
// folded ahead of time, depends on it).
int32_t sf_unicode_version(void);

// What the rule matcher needs to know of one UTF-16 unit (not a surrogate: 0 for those): bits
// 0-15 its full case folding and bit 16 set when that folding is one unit (not a surrogate);
// bit 17 set when the unit is NFC-inert for the quick check: NFC_Quick_Check Yes and canonical
// combining class 0 (text of such units only is NFC, as sf_nfc16 finds).
int32_t sf_unit_info(uint16_t unit);

// MARK: Memory hints (not ICU, but this is the C module the library already imports)

// Asks the CPU to start loading the cache line at `p`: the language model's hash table and
// postings are far larger than the caches, and issuing a token's lookups together lets their
// misses overlap. Inline, so it costs one instruction.
static inline void sf_prefetch(const void *p) { __builtin_prefetch(p, 0, 3); }

#ifdef __cplusplus
}
#endif
#endif
