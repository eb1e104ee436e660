/* bigtext.c — converts bignums to text by repeated division of the magnitude
 * by the largest power of the base that fits a 64-bit word. */
#include "term/bigtext.h"

#include <stdlib.h>

#include "term/boxed.h"

static const char DIGITS[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/* Writes v in `base` into the end of buf (backwards); pads to `width` digits
 * with zeros when width > 0. Returns the start. */
static char *word_to_text(uint64_t v, unsigned base, int width, char *end)
{
    char *p = end;
    do {
        *--p = DIGITS[v % base];
        v /= base;
        width--;
    } while (v || width > 0);
    return p;
}

/* Divides the magnitude d[0..n) in place by div; returns the remainder. */
static uint64_t divide_in_place(uint64_t *d, size_t n, uint64_t div)
{
    unsigned __int128 rem = 0;
    for (size_t i = n; i-- > 0;) {
        unsigned __int128 cur = (rem << 64) | d[i];
        d[i] = (uint64_t)(cur / div);
        rem = cur % div;
    }
    return (uint64_t)rem;
}

static void magnitude_to_text(const uint64_t *digits, size_t n, unsigned base, StrBuf *out)
{
    /* chunk = base^per_chunk, the largest such power below 2^64 */
    uint64_t chunk = base;
    int per_chunk = 1;
    while (chunk <= UINT64_MAX / base) chunk *= base, per_chunk++;

    uint64_t *d = malloc((n ? n : 1) * sizeof *d);
    size_t max_chunks = n * 64 / (size_t)per_chunk + 2;
    uint64_t *parts = malloc(max_chunks * sizeof *parts);
    if (!d || !parts) abort();
    for (size_t i = 0; i < n; i++) d[i] = digits[i];

    size_t nparts = 0;
    while (n > 0) {
        parts[nparts++] = divide_in_place(d, n, chunk);
        while (n > 0 && d[n - 1] == 0) n--;
    }
    char buf[72];
    char *end = buf + sizeof buf;
    if (nparts == 0) strbuf_append_char(out, '0');
    for (size_t i = nparts; i-- > 0;) {
        char *start = word_to_text(parts[i], base, i + 1 == nparts ? 0 : per_chunk, end);
        strbuf_append(out, start, (size_t)(end - start));
    }
    free(d);
    free(parts);
}

void term_integer_to_text(Term integer, unsigned base, StrBuf *out)
{
    if (base < 2 || base > 36) base = 10;
    if (term_is_small(integer)) {
        SInt v = term_small_value(integer);
        uint64_t mag = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
        if (v < 0) strbuf_append_char(out, '-');
        char buf[72];
        char *end = buf + sizeof buf;
        char *start = word_to_text(mag, base, 0, end);
        strbuf_append(out, start, (size_t)(end - start));
        return;
    }
    if (big_is_negative(integer)) strbuf_append_char(out, '-');
    magnitude_to_text(big_digits(integer), big_ndigits(integer), base, out);
}
