/* test_bundle.c — the .ebx bundle reader and writer (boot/bundle.c): a round
 * trip, with and without compression and the executable trailer, and every
 * truncation and every single-byte corruption of a small bundle refused
 * with a reason (the sanitizer builds check that no byte is read outside). */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "check_run.h"
#include "boot/bundle.h"

/* A bundle of two modules: "alpha" compresses well, "b@2" does not. */
static uint8_t *write_sample(size_t *size, uint64_t at_offset)
{
    static uint8_t repetitive[4000], noise[40];
    for (size_t i = 0; i < sizeof repetitive; i++) repetitive[i] = (uint8_t)(i % 7);
    for (size_t i = 0; i < sizeof noise; i++) noise[i] = (uint8_t)(i * 151 + 17);
    BundleEntry entries[] = {
        {.name = "alpha", .kind = BUNDLE_MODULE, .data = repetitive, .size = sizeof repetitive},
        {.name = "b@2", .kind = BUNDLE_RUNTIME, .data = noise, .size = sizeof noise},
    };
    Bundle b = {.entry_module = "alpha", .entry_function = "main", .entries = entries, .num_entries = 2};
    char *buf = NULL;
    FILE *f = open_memstream(&buf, size);
    char err[256];
    ck_assert(bundle_write(f, &b, at_offset, err, sizeof err));
    fclose(f);
    return (uint8_t *)buf;
}

START_TEST(round_trip)
{
    size_t size;
    uint8_t *data = write_sample(&size, UINT64_MAX);
    ck_assert_uint_lt(size, 4000); /* alpha was compressed */
    Bundle b;
    char err[256];
    ck_assert_msg(bundle_parse(data, size, &b, err, sizeof err), "%s", err);
    ck_assert_str_eq(b.entry_module, "alpha");
    ck_assert_str_eq(b.entry_function, "main");
    ck_assert_uint_eq(b.num_entries, 2);
    ck_assert_str_eq(b.entries[0].name, "alpha");
    ck_assert_uint_eq(b.entries[0].size, 4000);
    ck_assert_uint_eq(b.entries[0].data[13], 13 % 7);
    ck_assert_str_eq(b.entries[1].name, "b@2");
    ck_assert_int_eq(b.entries[1].kind, BUNDLE_RUNTIME);
    ck_assert_uint_eq(b.entries[1].size, 40);
    ck_assert_uint_eq(b.entries[1].data[3], (uint8_t)(3 * 151 + 17));
    bundle_free(&b);
    free(data);
}
END_TEST

START_TEST(every_truncation_is_refused)
{
    size_t size;
    uint8_t *data = write_sample(&size, UINT64_MAX);
    for (size_t n = 0; n < size; n++) {
        uint8_t *copy = malloc(n ? n : 1); /* exact size: the sanitizer sees any overread */
        memcpy(copy, data, n);
        Bundle b;
        char err[256] = "";
        ck_assert_msg(!bundle_parse(copy, n, &b, err, sizeof err), "accepted %zu bytes", n);
        ck_assert_uint_gt(strlen(err), 0);
        ck_assert_ptr_null(b.entries);
        free(copy);
    }
    free(data);
}
END_TEST

static bool same_as_sample(const Bundle *b)
{
    size_t size;
    uint8_t *data = write_sample(&size, UINT64_MAX);
    Bundle good;
    char err[256];
    bool same = bundle_parse(data, size, &good, err, sizeof err) && good.num_entries == b->num_entries;
    for (size_t i = 0; same && i < b->num_entries; i++)
        same = strcmp(good.entries[i].name, b->entries[i].name) == 0 && good.entries[i].kind == b->entries[i].kind &&
               good.entries[i].size == b->entries[i].size &&
               memcmp(good.entries[i].data, b->entries[i].data, b->entries[i].size) == 0;
    same = same && strcmp(good.entry_module, b->entry_module) == 0 && strcmp(good.entry_function, b->entry_function) == 0;
    bundle_free(&good);
    free(data);
    return same;
}

START_TEST(every_byte_flip_is_refused)
{
    size_t size;
    uint8_t *data = write_sample(&size, UINT64_MAX);
    uint8_t *copy = malloc(size);
    for (size_t i = 0; i < size; i++) {
        for (unsigned bit = 0; bit < 8; bit += 3) {
            memcpy(copy, data, size);
            copy[i] ^= (uint8_t)(1u << bit);
            Bundle b;
            char err[256] = "";
            if (bundle_parse(copy, size, &b, err, sizeof err)) {
                /* a deflate stream can change without changing what it
                 * inflates to (a back reference two periods away on periodic
                 * data); anything else must be refused */
                ck_assert_msg(same_as_sample(&b), "accepted a flip of bit %u at %zu", bit, i);
                bundle_free(&b);
                continue;
            }
            ck_assert_uint_gt(strlen(err), 0);
        }
    }
    free(copy);
    free(data);
}
END_TEST

START_TEST(names_are_checked)
{
    ck_assert(bundle_valid_name("lists", 5));
    ck_assert(bundle_valid_name("Elixir.Enum", 11));
    ck_assert(!bundle_valid_name("", 0));
    ck_assert(!bundle_valid_name(".", 1));
    ck_assert(!bundle_valid_name("..", 2));
    ck_assert(!bundle_valid_name("a/b", 3));
    ck_assert(!bundle_valid_name("a\0b", 3));
    char longest[300];
    memset(longest, 'a', sizeof longest);
    ck_assert(bundle_valid_name(longest, BUNDLE_MAX_NAME));
    ck_assert(!bundle_valid_name(longest, BUNDLE_MAX_NAME + 1));
}
END_TEST

START_TEST(executable_trailer)
{
    size_t size;
    static const char runtime[] = "#!not really an executable\n";
    uint8_t *bundle = write_sample(&size, sizeof runtime);
    char path[] = "/tmp/ember_test_bundle_XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    FILE *f = fdopen(fd, "wb");
    fwrite(runtime, 1, sizeof runtime, f);
    fwrite(bundle, 1, size, f);
    fclose(f);
    uint64_t offset, len;
    ck_assert(bundle_find_trailer(path, &offset, &len));
    ck_assert_uint_eq(offset, sizeof runtime);
    ck_assert_uint_eq(len, size - BUNDLE_TRAILER_SIZE);
    Bundle b;
    char err[256];
    ck_assert_msg(bundle_read_file(path, offset, len, &b, err, sizeof err), "%s", err);
    ck_assert_uint_eq(b.num_entries, 2);
    bundle_free(&b);
    /* a plain bundle has no trailer */
    ck_assert(!bundle_read_file(path, 0, 0, &b, err, sizeof err));
    ck_assert(strstr(err, "bad magic"));
    remove(path);
    free(bundle);
}
END_TEST

START_TEST(duplicate_modules_are_not_written)
{
    uint8_t byte = 1;
    BundleEntry entries[] = {
        {.name = "m", .kind = BUNDLE_MODULE, .data = &byte, .size = 1},
        {.name = "m", .kind = BUNDLE_MODULE, .data = &byte, .size = 1},
    };
    Bundle b = {.entry_module = "m", .entry_function = "main", .entries = entries, .num_entries = 2};
    char *buf = NULL;
    size_t size;
    FILE *f = open_memstream(&buf, &size);
    char err[256];
    ck_assert(!bundle_write(f, &b, UINT64_MAX, err, sizeof err));
    ck_assert(strstr(err, "twice"));
    fclose(f);
    free(buf);
}
END_TEST

static Suite *bundle_suite(void)
{
    Suite *s = suite_create("bundle");
    TCase *tc = tcase_create("bundle");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, round_trip);
    tcase_add_test(tc, every_truncation_is_refused);
    tcase_add_test(tc, every_byte_flip_is_refused);
    tcase_add_test(tc, names_are_checked);
    tcase_add_test(tc, executable_trailer);
    tcase_add_test(tc, duplicate_modules_are_not_written);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) { return check_run(bundle_suite()); }
