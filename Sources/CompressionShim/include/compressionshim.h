// Streaming gzip (zlib) and zstd (libzstd) over file descriptors, for `.gz` and `.zst` inputs
// and outputs. Plain C types only, like ICUShim.
#ifndef SEGFILTER_COMPRESSIONSHIM_H
#define SEGFILTER_COMPRESSIONSHIM_H

#include <stddef.h>
#include <stdint.h>

enum { SF_Z_GZIP = 1, SF_Z_ZSTD = 2 };

typedef struct sf_zreader sf_zreader;
typedef struct sf_zwriter sf_zwriter;

// A decompressing reader over `fd` (which it does not close).
sf_zreader *sf_zreader_open(int fd, int kind);
// Reads up to `cap` decompressed bytes: the count, 0 at the end, -1 on error (see sf_zreader_error).
int64_t sf_zreader_read(sf_zreader *r, uint8_t *buf, size_t cap);
const char *sf_zreader_error(const sf_zreader *r);
void sf_zreader_close(sf_zreader *r);

// A compressing writer over `fd` (which it does not close).
sf_zwriter *sf_zwriter_open(int fd, int kind, int level);
// 0 on success, -1 on error.
int sf_zwriter_write(sf_zwriter *w, const uint8_t *buf, size_t len);
// Finishes the stream and frees the writer: 0 on success, -1 on error.
int sf_zwriter_finish(sf_zwriter *w);

#endif
