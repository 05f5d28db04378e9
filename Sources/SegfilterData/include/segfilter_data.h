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
#endif
