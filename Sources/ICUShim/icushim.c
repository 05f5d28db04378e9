// See include/icushim.h for why ICU is reached only through this file.
#include "icushim.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/uregex.h>
#include <unicode/uscript.h>
#include <unicode/utext.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/uset.h>
#include <unicode/uversion.h>

static void copy_error(UErrorCode status, char *err, int32_t errlen) {
    if (err && errlen > 0) {
        strncpy(err, u_errorName(status), (size_t)errlen - 1);
        err[errlen - 1] = 0;
    }
}

struct sf_breaker {
    UBreakIterator *it;
    UText *text;
    UText *text16;
};

sf_breaker *sf_breaker_open(int32_t kind, const char *locale, char *err, int32_t errlen) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *it = ubrk_open((UBreakIteratorType)kind, locale, NULL, 0, &status);
    if (U_FAILURE(status)) {
        copy_error(status, err, errlen);
        return NULL;
    }
    sf_breaker *b = calloc(1, sizeof *b);
    if (!b) {
        ubrk_close(it);
        copy_error(U_MEMORY_ALLOCATION_ERROR, err, errlen);
        return NULL;
    }
    b->it = it;
    return b;
}

sf_breaker *sf_breaker_clone(const sf_breaker *src) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *it = ubrk_clone(src->it, &status);
    if (U_FAILURE(status)) return NULL;
    sf_breaker *b = calloc(1, sizeof *b);
    if (!b) {
        ubrk_close(it);
        return NULL;
    }
    b->it = it;
    return b;
}

void sf_breaker_close(sf_breaker *b) {
    if (!b) return;
    ubrk_close(b->it);
    if (b->text) utext_close(b->text);
    if (b->text16) utext_close(b->text16);
    free(b);
}

static int set_text(sf_breaker *b, const char *text, int32_t len) {
    UErrorCode status = U_ZERO_ERROR;
    // Reusing the UText (passing it back in) avoids an allocation per paragraph.
    b->text = utext_openUTF8(b->text, text, len, &status);
    if (U_FAILURE(status)) return -1;
    ubrk_setUText(b->it, b->text, &status);
    return U_FAILURE(status) ? -1 : 0;
}

static int32_t collect_words(sf_breaker *b, int32_t *out, int32_t cap) {
    int32_t n = 0;
    int32_t start = ubrk_first(b->it);
    for (int32_t end = ubrk_next(b->it); end != UBRK_DONE; start = end, end = ubrk_next(b->it)) {
        int32_t st = ubrk_getRuleStatus(b->it);
        if (st < UBRK_WORD_NONE_LIMIT) continue;
        if (n >= cap) break;
        out[3 * n] = start;
        out[3 * n + 1] = end;
        out[3 * n + 2] = st;
        n++;
    }
    return n;
}

int32_t sf_breaker_words(sf_breaker *b, const char *text, int32_t len, int32_t *out, int32_t cap) {
    if (set_text(b, text, len) != 0) return -1;
    return collect_words(b, out, cap);
}

int32_t sf_breaker_words16(sf_breaker *b, const uint16_t *text, int32_t len, int32_t *out, int32_t cap) {
    UErrorCode status = U_ZERO_ERROR;
    b->text16 = utext_openUChars(b->text16, (const UChar *)text, len, &status);
    if (U_FAILURE(status)) return -1;
    ubrk_setUText(b->it, b->text16, &status);
    if (U_FAILURE(status)) return -1;
    return collect_words(b, out, cap);
}

int32_t sf_breaker_boundaries(sf_breaker *b, const char *text, int32_t len, int32_t *out, int32_t cap) {
    if (set_text(b, text, len) != 0) return -1;
    int32_t n = 0;
    ubrk_first(b->it);
    for (int32_t end = ubrk_next(b->it); end != UBRK_DONE && n < cap; end = ubrk_next(b->it)) out[n++] = end;
    return n;
}

int32_t sf_word_break_info(uint32_t codepoint) {
    UChar32 c = (UChar32)codepoint;
    int32_t wb = u_getIntPropertyValue(c, UCHAR_WORD_BREAK) & 0xFF;
    UErrorCode status = U_ZERO_ERROR;
    UScriptCode sc = uscript_getScript(c, &status);
    int special = U_FAILURE(status) || sc == USCRIPT_HAN || sc == USCRIPT_HIRAGANA || sc == USCRIPT_KATAKANA ||
        sc == USCRIPT_HANGUL || u_hasBinaryProperty(c, UCHAR_IDEOGRAPHIC) ||
        u_getIntPropertyValue(c, UCHAR_LINE_BREAK) == U_LB_COMPLEX_CONTEXT;
    return wb | (special ? 0x100 : 0) | (u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC) ? 0x200 : 0);
}

int32_t sf_script_of(uint32_t codepoint) {
    UErrorCode status = U_ZERO_ERROR;
    UScriptCode code = uscript_getScript((UChar32)codepoint, &status);
    return U_FAILURE(status) ? USCRIPT_INVALID_CODE : (int32_t)code;
}

const char *sf_script_short_name(int32_t code) {
    const char *name = uscript_getShortName((UScriptCode)code);
    return name ? name : "";
}

const char *sf_script_long_name(int32_t code) {
    const char *name = uscript_getName((UScriptCode)code);
    return name ? name : "";
}

int32_t sf_script_code_limit(void) { return (int32_t)USCRIPT_CODE_LIMIT; }

struct sf_regex {
    URegularExpression *re;
    UText *text;
};

// Bounds the backtracking work of one match, in ICU's units of roughly one million steps, so
// that a pathological rule against adversarial text fails fast instead of running for hours.
enum { REGEX_TIME_LIMIT = 40 };

sf_regex *sf_regex_open(const char *pattern, int32_t len, uint32_t flags, char *err, int32_t errlen,
                        int32_t *err_offset) {
    UErrorCode status = U_ZERO_ERROR;
    UParseError pe;
    memset(&pe, 0, sizeof pe);
    UText *pt = utext_openUTF8(NULL, pattern, len, &status);
    if (U_FAILURE(status)) {
        copy_error(status, err, errlen);
        return NULL;
    }
    URegularExpression *re = uregex_openUText(pt, flags, &pe, &status);
    utext_close(pt);
    if (U_FAILURE(status)) {
        copy_error(status, err, errlen);
        if (err_offset) *err_offset = pe.offset;
        return NULL;
    }
    uregex_setTimeLimit(re, REGEX_TIME_LIMIT, &status);
    sf_regex *r = calloc(1, sizeof *r);
    if (!r) {
        uregex_close(re);
        return NULL;
    }
    r->re = re;
    return r;
}

sf_regex *sf_regex_clone(const sf_regex *src) {
    UErrorCode status = U_ZERO_ERROR;
    URegularExpression *re = uregex_clone(src->re, &status);
    if (U_FAILURE(status)) return NULL;
    // The clone gets a matcher of its own, with ICU's default (no) time limit.
    uregex_setTimeLimit(re, REGEX_TIME_LIMIT, &status);
    sf_regex *r = calloc(1, sizeof *r);
    if (!r) {
        uregex_close(re);
        return NULL;
    }
    r->re = re;
    return r;
}

void sf_regex_close(sf_regex *r) {
    if (!r) return;
    uregex_close(r->re);
    if (r->text) utext_close(r->text);
    free(r);
}

int32_t sf_regex_find(sf_regex *r, const char *text, int32_t len, int32_t *start, int32_t *end) {
    UErrorCode status = U_ZERO_ERROR;
    r->text = utext_openUTF8(r->text, text, len, &status);
    if (U_FAILURE(status)) return -1;
    uregex_setUText(r->re, r->text, &status);
    if (U_FAILURE(status)) return -1;
    UBool found = uregex_findNext(r->re, &status);
    if (U_FAILURE(status)) return -1;
    if (!found) return 0;
    // With a UTF-8 UText, ICU's native indices are byte offsets.
    *start = (int32_t)uregex_start64(r->re, 0, &status);
    *end = (int32_t)uregex_end64(r->re, 0, &status);
    return U_FAILURE(status) ? -1 : 1;
}

int32_t sf_regex_matches16(sf_regex *r, const uint16_t *text, int32_t len) {
    UErrorCode status = U_ZERO_ERROR;
    uregex_setText(r->re, (const UChar *)text, len, &status);
    if (U_FAILURE(status)) return -1;
    UBool found = uregex_find(r->re, 0, &status);
    if (U_FAILURE(status)) return -1;
    return found ? 1 : 0;
}

int32_t sf_regex_matches16_from(sf_regex *r, const uint16_t *text, int32_t len, int32_t start, int32_t at_zero) {
    UErrorCode status = U_ZERO_ERROR;
    uregex_setText(r->re, (const UChar *)text, len, &status);
    if (U_FAILURE(status)) return -1;
    if (at_zero && start > 0) {
        UBool there = uregex_lookingAt(r->re, 0, &status);
        if (U_FAILURE(status)) return -1;
        if (there) return 1;
    }
    UBool found = uregex_find(r->re, start, &status);
    if (U_FAILURE(status)) return -1;
    return found ? 1 : 0;
}

int32_t sf_regex_set_text16(sf_regex *r, const uint16_t *text, int32_t len) {
    UErrorCode status = U_ZERO_ERROR;
    uregex_setText(r->re, (const UChar *)text, len, &status);
    return U_FAILURE(status) ? -1 : 0;
}

int32_t sf_regex_looking_at16(sf_regex *r, int32_t start) {
    UErrorCode status = U_ZERO_ERROR;
    UBool there = uregex_lookingAt(r->re, start, &status);
    if (U_FAILURE(status)) return -1;
    return there ? 1 : 0;
}

int32_t sf_case_closure_extras(const char *name, int32_t len, char *out, int32_t cap) {
    if (len < 0 || len > 200 || cap <= 0) return -1;
    UChar pattern[256];
    int32_t n = 0;
    UErrorCode status = U_ZERO_ERROR;
    // "[\p{" name "}]", as the regex compiler builds it.
    const UChar head[] = {'[', '\\', 'p', '{'};
    for (int32_t i = 0; i < 4; i++) pattern[n++] = head[i];
    int32_t m = 0;
    u_strFromUTF8(pattern + n, 256 - n - 3, &m, name, len, &status);
    if (U_FAILURE(status) || m > 256 - n - 3) return -1;
    n += m;
    pattern[n++] = '}';
    pattern[n++] = ']';
    USet *set = uset_openPattern(pattern, n, &status);
    if (U_FAILURE(status)) return -1;
    USet *sensitive = uset_openEmpty();
    uset_applyIntPropertyValue(sensitive, UCHAR_CASE_SENSITIVE, 1, &status);
    USet *extras = uset_clone(set);
    uset_retainAll(extras, sensitive);
    uset_closeOver(extras, USET_CASE_INSENSITIVE);
    uset_removeAllStrings(extras);
    uset_removeAll(extras, set);
    UChar buf[8192];
    int32_t k = U_SUCCESS(status) ? uset_toPattern(extras, buf, 8192, 1, &status) : 0;
    int32_t written = -1;
    if (U_SUCCESS(status) && k < 8192) {
        u_strToUTF8(out, cap, &written, buf, k, &status);
        if (U_FAILURE(status) || written >= cap) written = -1;
    }
    uset_close(extras);
    uset_close(sensitive);
    uset_close(set);
    return written;
}

int32_t sf_nfc16(const uint16_t *text, int32_t len, uint16_t *out, int32_t cap) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&status);
    if (U_FAILURE(status)) return -1;
    // Most text is already NFC: the quick check avoids copying it.
    int32_t done = unorm2_spanQuickCheckYes(nfc, (const UChar *)text, len, &status);
    if (U_FAILURE(status)) return -1;
    if (done == len) return -2;
    int32_t n = unorm2_normalize(nfc, (const UChar *)text, len, (UChar *)out, cap, &status);
    return U_FAILURE(status) ? -1 : n;
}

int32_t sf_fold16(const uint16_t *text, int32_t len, uint16_t *out, int32_t cap) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t n = u_strFoldCase((UChar *)out, cap, (const UChar *)text, len, U_FOLD_CASE_DEFAULT, &status);
    return U_FAILURE(status) || n > cap ? -1 : n;
}

int32_t sf_fold8(const char *text, int32_t len, uint16_t *out, int32_t cap) {
    // (A literal is a few dozen bytes: the UTF-16 form fits on the stack.)
    UChar stack[256], *utf16 = stack;
    if (len + 1 > (int32_t)(sizeof stack / sizeof *stack)) {
        utf16 = malloc(sizeof(UChar) * (size_t)(len + 1));
        if (!utf16) return -1;
    }
    UErrorCode status = U_ZERO_ERROR;
    int32_t n = 0;
    u_strFromUTF8WithSub(utf16, len + 1, &n, text, len, 0xFFFD, NULL, &status);
    int32_t result = -1;
    if (U_SUCCESS(status)) result = sf_fold16(utf16, n, out, cap);
    if (utf16 != stack) free(utf16);
    return result;
}

int32_t sf_unit_info(uint16_t unit) {
    if (U16_IS_SURROGATE(unit)) return 0;
    int32_t info = 0;
    UChar src[1] = {unit};
    UChar folded[4];
    UErrorCode status = U_ZERO_ERROR;
    int32_t n = u_strFoldCase(folded, 4, src, 1, U_FOLD_CASE_DEFAULT, &status);
    if (U_SUCCESS(status) && n == 1 && !U16_IS_SURROGATE(folded[0])) info = folded[0] | 0x10000;
    status = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&status);
    if (U_SUCCESS(status) && unorm2_getCombiningClass(nfc, unit) == 0 &&
        unorm2_quickCheck(nfc, src, 1, &status) == UNORM_YES && U_SUCCESS(status))
        info |= 0x20000;
    return info;
}

int32_t sf_unicode_version(void) {
    UVersionInfo v;
    u_getUnicodeVersion(v);
    return (int32_t)v[0] << 8 | v[1];
}
