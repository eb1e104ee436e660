/* strbuf.c — the growable byte buffer behind term display and encoding. */
#include "term/strbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void strbuf_init(StrBuf *b)
{
    b->data = NULL;
    b->len = 0;
    b->cap = 0;
    strbuf_reserve(b, 0);
}

void strbuf_free(StrBuf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

void strbuf_reserve(StrBuf *b, size_t more)
{
    /* +1 keeps room for the terminating NUL. */
    if (b->data && b->len + more + 1 <= b->cap) return;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + more + 1) {
        if (cap > SIZE_MAX / 2) {
            fprintf(stderr, "ember: string buffer too large\n");
            abort();
        }
        cap *= 2;
    }
    char *data = realloc(b->data, cap);
    if (!data) {
        fprintf(stderr, "ember: cannot allocate %zu bytes for a string buffer (out of memory)\n", cap);
        abort();
    }
    b->data = data;
    b->cap = cap;
    b->data[b->len] = '\0';
}

void strbuf_append(StrBuf *b, const void *bytes, size_t n)
{
    strbuf_reserve(b, n);
    if (n) memcpy(b->data + b->len, bytes, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void strbuf_append_char(StrBuf *b, char c) { strbuf_append(b, &c, 1); }

void strbuf_append_cstr(StrBuf *b, const char *s) { strbuf_append(b, s, strlen(s)); }

void strbuf_vprintf(StrBuf *b, const char *fmt, va_list ap)
{
    va_list copy;
    va_copy(copy, ap);
    int n = vsnprintf(NULL, 0, fmt, copy);
    va_end(copy);
    if (n <= 0) return;
    strbuf_reserve(b, (size_t)n);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    b->len += (size_t)n;
}

void strbuf_printf(StrBuf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    strbuf_vprintf(b, fmt, ap);
    va_end(ap);
}
