/* test_load_fuzz.c — mutated copies of real OTP .beam files (bit flips,
 * truncations, random byte runs, chunk-size edits, spliced chunks) through
 * the loader. Every copy must load or fail with LOAD_BAD_FILE; under ASan any
 * overread, leak or crash fails the run. The seed is fixed, so a failure can
 * be replayed; EMBER_FUZZ_ITERATIONS overrides the count. */
#define _GNU_SOURCE /* memmem, open_memstream */
#include <check.h>
#include <stdlib.h>
#include <unistd.h>

#include "check_run.h"
#include "load_support.h"

#define DEFAULT_ITERATIONS 6000
#define VIA_FILE_EVERY 25 /* every 25th copy goes through module_load_file */

static const char *const sample_modules[] = {"lists", "maps", "io_lib", "gen_server", "string", "ets", "proplists",
                                             "sets", "orddict", "erl_scan"};

typedef struct Sample {
    uint8_t *data;
    size_t size;
} Sample;

static uint64_t rng_state = 0x9E3779B97F4A7C15ull;
static uint64_t rng(void)
{
    /* xorshift64*: fast, and the same sequence on every machine */
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * 0x2545F4914F6CDD1Dull;
}
static size_t rnd(size_t n) { return n ? (size_t)(rng() % n) : 0; }

static size_t load_samples(Sample *out, size_t max)
{
    size_t n = 0;
    for (size_t k = 0; k < sizeof sample_modules / sizeof *sample_modules && n < max; k++) {
        char pattern[256];
        glob_t g;
        snprintf(pattern, sizeof pattern, "/usr/lib/erlang/lib/stdlib-*/ebin/%s.beam", sample_modules[k]);
        if (glob(pattern, 0, NULL, &g) != 0) continue;
        LoadError err;
        if (load_read_file(g.gl_pathv[0], &out[n].data, &out[n].size, &err) == LOAD_OK) n++;
        globfree(&g);
    }
    return n;
}

/* Offsets of the chunk headers of a well-formed file. */
static size_t chunk_offsets(const uint8_t *p, size_t n, size_t *offs, size_t max)
{
    size_t count = 0, pos = 12;
    while (pos + 8 <= n && count < max) {
        offs[count++] = pos;
        uint32_t len = (uint32_t)p[pos + 4] << 24 | (uint32_t)p[pos + 5] << 16 | (uint32_t)p[pos + 6] << 8 | p[pos + 7];
        pos += 8 + (((size_t)len + 3) & ~(size_t)3);
    }
    return count;
}

static void put_be32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 24), p[1] = (uint8_t)(v >> 16), p[2] = (uint8_t)(v >> 8), p[3] = (uint8_t)v;
}

/* Makes a mutated copy of s; returns its size. */
static size_t mutate(const Sample *s, uint8_t *buf)
{
    size_t n = s->size;
    memcpy(buf, s->data, n);
    size_t offs[32];
    size_t chunks = chunk_offsets(buf, n, offs, 32);
    switch (rnd(6)) {
    case 0: /* a few bit flips anywhere */
        for (size_t k = 1 + rnd(4); k > 0; k--) buf[rnd(n)] ^= (uint8_t)(1u << rnd(8));
        break;
    case 1: /* truncation */
        n = rnd(n);
        break;
    case 2: { /* a run of random bytes */
        size_t at = rnd(n), len = 1 + rnd(64);
        for (size_t k = 0; k < len && at + k < n; k++) buf[at + k] = (uint8_t)rng();
        break;
    }
    case 3: { /* a chunk length edited */
        if (!chunks) break;
        size_t c = offs[rnd(chunks)];
        uint32_t v = (uint32_t)rng();
        static const uint32_t picks[] = {0, 1, 3, 4, 0x7FFFFFFF, 0xFFFFFFFF};
        if (rnd(2)) v = picks[rnd(6)];
        put_be32(buf + c + 4, v);
        break;
    }
    case 4: { /* bit flips inside one chunk's first bytes (headers and counts) */
        if (!chunks) break;
        size_t c = offs[rnd(chunks)] + 8;
        for (size_t k = 1 + rnd(3); k > 0; k--) {
            size_t at = c + rnd(32);
            if (at < n) buf[at] ^= (uint8_t)(1u << rnd(8));
        }
        break;
    }
    default: { /* bytes inside the Code chunk's instructions */
        uint8_t *code = memmem(buf, n, "Code", 4);
        if (!code) break;
        size_t start = (size_t)(code - buf) + 28;
        for (size_t k = 1 + rnd(3); k > 0; k--) {
            size_t at = start + rnd(n > start ? n - start : 1);
            if (at < n) buf[at] = rnd(2) ? (uint8_t)rng() : (uint8_t)(buf[at] ^ (1u << rnd(8)));
        }
        break;
    }
    }
    return n;
}

static size_t iterations(void)
{
    const char *s = getenv("EMBER_FUZZ_ITERATIONS");
    return s && atol(s) > 0 ? (size_t)atol(s) : DEFAULT_ITERATIONS;
}

/* Runs the copy through module_load_file, with its error line sent to /dev/null. */
static LoadStatus load_via_file(const uint8_t *buf, size_t n, const char *path)
{
    FILE *f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    fwrite(buf, 1, n, f);
    fclose(f);
    fflush(stderr);
    int saved = dup(STDERR_FILENO);
    FILE *null = freopen("/dev/null", "w", stderr);
    (void)null;
    Module *m;
    LoadStatus st = module_load_file(path, &m);
    fflush(stderr);
    dup2(saved, STDERR_FILENO);
    close(saved);
    return st;
}

START_TEST(mutated_otp_modules)
{
    Sample samples[16];
    size_t ns = load_samples(samples, 16);
    if (!ns) {
        fprintf(stderr, "test_load_fuzz: no OTP stdlib found, skipping\n");
        return;
    }
    size_t max = 0;
    for (size_t k = 0; k < ns; k++) max = samples[k].size > max ? samples[k].size : max;
    char path[] = "/tmp/ember_fuzz_XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    close(fd);
    size_t total = iterations(), ok = 0, bad = 0;
    for (size_t i = 0; i < total; i++) {
        uint8_t *buf = malloc(max);
        size_t n = mutate(&samples[rnd(ns)], buf);
        /* the exact size, so that ASan catches any read past the end */
        uint8_t *exact = malloc(n ? n : 1);
        memcpy(exact, buf, n);
        free(buf);
        LoadStatus st;
        if (i % VIA_FILE_EVERY == 0) {
            st = load_via_file(exact, n, path);
        } else {
            Module *m = NULL;
            LoadError err;
            st = load_module_bytes(exact, n, "fuzz.beam", TERM_NONE, &m, &err);
            if (st == LOAD_OK) load_module_free(m);
            else ck_assert_ptr_null(m);
        }
        if (st != LOAD_OK && st != LOAD_BAD_FILE) ck_abort_msg("iteration %zu: status %d", i, st);
        if (st == LOAD_OK) ok++;
        else bad++;
        free(exact);
    }
    unlink(path);
    fprintf(stderr, "test_load_fuzz: %zu copies, %zu loaded, %zu rejected\n", total, ok, bad);
    ck_assert_uint_gt(bad, total / 2);
    for (size_t k = 0; k < ns; k++) free(samples[k].data);
}
END_TEST

int main(void)
{
    atom_table_init(0);
    export_table_init();
    bif_register_all();
    module_table_init();
    Suite *s = suite_create("load_fuzz");
    TCase *tc = tcase_create("mutations");
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, mutated_otp_modules);
    suite_add_tcase(s, tc);
    return check_run(s);
}
