/* load_support.h — shared helpers of the loader tests: the OTP library
 * directory, reading files, and a builder of small .beam files in memory. */
#ifndef EMBER_TEST_LOAD_SUPPORT_H
#define EMBER_TEST_LOAD_SUPPORT_H

#include <glob.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "atom/atom.h"
#include "bif/bif.h"
#include "emu/emu.h"
#include "load/code.h"
#include "load/loader.h"
#include "load/module.h"

/* The directory of this source file's data/ folder. */
static inline void data_path(char *out, size_t n, const char *file)
{
    const char *src = __FILE__;
    const char *slash = strrchr(src, '/');
    snprintf(out, n, "%.*s/data/%s", slash ? (int)(slash - src) : 1, slash ? src : ".", file);
}

/* Fills *g with the .beam files of an OTP application (e.g. "stdlib");
 * returns their number (0 when OTP is not installed). */
static inline size_t otp_beams(const char *app, glob_t *g)
{
    char pattern[256];
    snprintf(pattern, sizeof pattern, "/usr/lib/erlang/lib/%s-*/ebin/*.beam", app);
    if (glob(pattern, 0, NULL, g) != 0) {
        g->gl_pathc = 0;
        return 0;
    }
    return g->gl_pathc;
}

/* A growable byte buffer for building files. */
typedef struct Bytes {
    uint8_t *p;
    size_t n, cap;
} Bytes;

static inline void bytes_put(Bytes *b, const void *data, size_t n)
{
    if (b->n + n > b->cap) {
        b->cap = (b->n + n) * 2 + 64;
        b->p = realloc(b->p, b->cap);
    }
    memcpy(b->p + b->n, data, n);
    b->n += n;
}
static inline void bytes_u8(Bytes *b, uint8_t v) { bytes_put(b, &v, 1); }
static inline void bytes_u32(Bytes *b, uint32_t v)
{
    uint8_t x[4] = {(uint8_t)(v >> 24), (uint8_t)(v >> 16), (uint8_t)(v >> 8), (uint8_t)v};
    bytes_put(b, x, 4);
}
static inline void bytes_chunk(Bytes *b, const char *id, const Bytes *body)
{
    bytes_put(b, id, 4);
    bytes_u32(b, (uint32_t)body->n);
    bytes_put(b, body->p, body->n);
    while (b->n % 4) bytes_u8(b, 0);
}

#endif
