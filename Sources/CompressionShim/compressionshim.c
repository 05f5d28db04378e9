#include "compressionshim.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

enum { CHUNK = 1 << 17 };

struct sf_zreader {
    int kind, fd, eof, done;
    const char *error;
    z_stream z;
    ZSTD_DCtx *zd;
    uint8_t *in;
    size_t in_pos, in_len;
};

sf_zreader *sf_zreader_open(int fd, int kind) {
    sf_zreader *r = calloc(1, sizeof *r);
    if (!r) return NULL;
    r->kind = kind;
    r->fd = fd;
    r->in = malloc(CHUNK);
    if (!r->in) { free(r); return NULL; }
    if (kind == SF_Z_GZIP) {
        // 15 + 32: accept gzip and zlib headers.
        if (inflateInit2(&r->z, 15 + 32) != Z_OK) { free(r->in); free(r); return NULL; }
    } else {
        r->zd = ZSTD_createDCtx();
        if (!r->zd) { free(r->in); free(r); return NULL; }
    }
    return r;
}

static int refill(sf_zreader *r) {
    if (r->in_pos < r->in_len || r->eof) return 0;
    ssize_t n;
    do { n = read(r->fd, r->in, CHUNK); } while (n < 0 && errno == EINTR);
    if (n < 0) { r->error = strerror(errno); return -1; }
    if (n == 0) r->eof = 1;
    r->in_pos = 0;
    r->in_len = (size_t)n;
    return 0;
}

int64_t sf_zreader_read(sf_zreader *r, uint8_t *buf, size_t cap) {
    if (r->done) return 0;
    size_t produced = 0;
    while (produced == 0) {
        if (refill(r) < 0) return -1;
        if (r->kind == SF_Z_GZIP) {
            if (r->eof && r->in_pos >= r->in_len && r->z.avail_in == 0) {
                r->error = "truncated gzip stream";
                return -1;
            }
            r->z.next_in = r->in + r->in_pos;
            r->z.avail_in = (uInt)(r->in_len - r->in_pos);
            r->z.next_out = buf;
            r->z.avail_out = (uInt)cap;
            int rc = inflate(&r->z, Z_NO_FLUSH);
            r->in_pos = r->in_len - r->z.avail_in;
            produced = cap - r->z.avail_out;
            if (rc == Z_STREAM_END) {
                // Concatenated members (as `cat a.gz b.gz` makes) continue the stream.
                if (refill(r) < 0) return -1;
                if (r->in_pos >= r->in_len && r->eof) { r->done = 1; return (int64_t)produced; }
                inflateReset(&r->z);
            } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
                r->error = r->z.msg ? r->z.msg : "corrupt gzip stream";
                return -1;
            }
        } else {
            if (r->eof && r->in_pos >= r->in_len) {
                r->done = 1;
                return 0;
            }
            ZSTD_inBuffer in = {r->in, r->in_len, r->in_pos};
            ZSTD_outBuffer out = {buf, cap, 0};
            size_t rc = ZSTD_decompressStream(r->zd, &out, &in);
            if (ZSTD_isError(rc)) { r->error = ZSTD_getErrorName(rc); return -1; }
            r->in_pos = in.pos;
            produced = out.pos;
        }
    }
    return (int64_t)produced;
}

const char *sf_zreader_error(const sf_zreader *r) { return r->error ? r->error : "unknown error"; }

void sf_zreader_close(sf_zreader *r) {
    if (!r) return;
    if (r->kind == SF_Z_GZIP) inflateEnd(&r->z); else ZSTD_freeDCtx(r->zd);
    free(r->in);
    free(r);
}

struct sf_zwriter {
    int kind, fd;
    z_stream z;
    ZSTD_CCtx *zc;
    uint8_t *out;
};

sf_zwriter *sf_zwriter_open(int fd, int kind, int level) {
    sf_zwriter *w = calloc(1, sizeof *w);
    if (!w) return NULL;
    w->kind = kind;
    w->fd = fd;
    w->out = malloc(CHUNK);
    if (!w->out) { free(w); return NULL; }
    if (kind == SF_Z_GZIP) {
        if (deflateInit2(&w->z, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) { free(w->out); free(w); return NULL; }
    } else {
        w->zc = ZSTD_createCCtx();
        if (!w->zc) { free(w->out); free(w); return NULL; }
        ZSTD_CCtx_setParameter(w->zc, ZSTD_c_compressionLevel, level);
    }
    return w;
}

static int write_all(int fd, const uint8_t *p, size_t n) {
    while (n > 0) {
        ssize_t k = write(fd, p, n);
        if (k < 0) { if (errno == EINTR) continue; return -1; }
        p += k;
        n -= (size_t)k;
    }
    return 0;
}

static int pump(sf_zwriter *w, const uint8_t *buf, size_t len, int finish) {
    if (w->kind == SF_Z_GZIP) {
        w->z.next_in = (Bytef *)buf;
        w->z.avail_in = (uInt)len;
        int rc;
        do {
            w->z.next_out = w->out;
            w->z.avail_out = CHUNK;
            rc = deflate(&w->z, finish ? Z_FINISH : Z_NO_FLUSH);
            if (rc == Z_STREAM_ERROR) return -1;
            if (write_all(w->fd, w->out, CHUNK - w->z.avail_out) < 0) return -1;
        } while (w->z.avail_out == 0 || (finish && rc != Z_STREAM_END));
        return 0;
    }
    ZSTD_inBuffer in = {buf, len, 0};
    for (;;) {
        ZSTD_outBuffer out = {w->out, CHUNK, 0};
        size_t rc = ZSTD_compressStream2(w->zc, &out, &in, finish ? ZSTD_e_end : ZSTD_e_continue);
        if (ZSTD_isError(rc)) return -1;
        if (write_all(w->fd, w->out, out.pos) < 0) return -1;
        if (finish ? rc == 0 : in.pos == in.size) return 0;
    }
}

int sf_zwriter_write(sf_zwriter *w, const uint8_t *buf, size_t len) { return pump(w, buf, len, 0); }

int sf_zwriter_finish(sf_zwriter *w) {
    int rc = pump(w, NULL, 0, 1);
    if (w->kind == SF_Z_GZIP) deflateEnd(&w->z); else ZSTD_freeCCtx(w->zc);
    free(w->out);
    free(w);
    return rc;
}
