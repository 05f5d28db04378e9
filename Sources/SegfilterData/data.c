// Embeds the model and the rule sets with the assembler's .incbin. SEGFILTER_ROOT is the
// package folder, set by Package.swift. After regenerating lid.bin or editing rules/, touch
// this file (or build clean) so that the build picks the new bytes up.
#include "segfilter_data.h"

#define SF_STR2(x) #x
#define SF_STR(x) SF_STR2(x)

#define SF_EMBED(sym, path)                                                   \
    __asm__(".section .rodata\n"                                              \
            ".balign 16\n"                                                    \
            ".global " #sym "_start\n" #sym "_start:\n"                       \
            ".incbin \"" SEGFILTER_ROOT "/" path "\"\n"                       \
            ".global " #sym "_end\n" #sym "_end:\n"                           \
            ".byte 0\n"                                                       \
            ".previous\n");                                                   \
    extern const uint8_t sym##_start[];                                       \
    extern const uint8_t sym##_end[];

SF_EMBED(sf_lid, "Sources/SegfilterData/lid.bin")
SF_EMBED(sf_rules_default, "rules/default.rules")
SF_EMBED(sf_rules_news, "rules/news.rules")
SF_EMBED(sf_rules_web, "rules/web.rules")
SF_EMBED(sf_rules_strict, "rules/strict.rules")
SF_EMBED(sf_prefilter, "rules/prefilter.analysis")

sf_blob sf_language_model(void) {
    sf_blob b = {sf_lid_start, (uint64_t)(sf_lid_end - sf_lid_start)};
    return b;
}

sf_blob sf_prefilter_analysis(void) {
    sf_blob b = {sf_prefilter_start, (uint64_t)(sf_prefilter_end - sf_prefilter_start)};
    return b;
}

static const char *const names[] = {"default", "news", "web", "strict"};

int32_t sf_rule_set_count(void) { return 4; }

const char *sf_rule_set_name(int32_t i) { return (i >= 0 && i < 4) ? names[i] : ""; }

sf_blob sf_rule_set_text(int32_t i) {
    sf_blob b = {0, 0};
    switch (i) {
    case 0: b.bytes = sf_rules_default_start; b.length = (uint64_t)(sf_rules_default_end - sf_rules_default_start); break;
    case 1: b.bytes = sf_rules_news_start; b.length = (uint64_t)(sf_rules_news_end - sf_rules_news_start); break;
    case 2: b.bytes = sf_rules_web_start; b.length = (uint64_t)(sf_rules_web_end - sf_rules_web_start); break;
    case 3: b.bytes = sf_rules_strict_start; b.length = (uint64_t)(sf_rules_strict_end - sf_rules_strict_start); break;
    }
    return b;
}
