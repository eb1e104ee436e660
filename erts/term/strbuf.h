/* strbuf.h — a small growable byte buffer for building text (term display,
 * error lines) and byte strings (external term encoding). It grows by doubling;
 * running out of memory aborts the runtime, as every other allocator here does. */
#ifndef EMBER_STRBUF_H
#define EMBER_STRBUF_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

typedef struct StrBuf {
    char *data; /* always NUL-terminated after the first append (or init) */
    size_t len;
    size_t cap;
} StrBuf;

void strbuf_init(StrBuf *b);
void strbuf_free(StrBuf *b);
/* Makes room for at least `more` further bytes. */
void strbuf_reserve(StrBuf *b, size_t more);
void strbuf_append(StrBuf *b, const void *bytes, size_t n);
void strbuf_append_char(StrBuf *b, char c);
void strbuf_append_cstr(StrBuf *b, const char *s);
void strbuf_printf(StrBuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void strbuf_vprintf(StrBuf *b, const char *fmt, va_list ap);
/* Empties the buffer, keeping its memory. */
static inline void strbuf_clear(StrBuf *b)
{
    b->len = 0;
    if (b->data) b->data[0] = '\0';
}

#endif
