/* utf8.h — the few UTF-8 helpers the runtime shares (atoms, lists, binaries). */
#ifndef EMBER_UTF8_H
#define EMBER_UTF8_H

#include <stddef.h>
#include <stdint.h>

#define UTF8_INVALID ((size_t)-1)

/* Code points in s[0..len), or UTF8_INVALID if it is not well-formed UTF-8
 * (overlong forms, surrogates and values above 0x10FFFF are invalid). */
size_t utf8_count_chars(const uint8_t *s, size_t len);

/* Decodes one code point at s (at most len bytes); stores its byte length in
 * *size. Returns -1 on malformed input. */
int32_t utf8_decode(const uint8_t *s, size_t len, size_t *size);

/* Writes code point c (must be valid) and returns the bytes written (1-4). */
size_t utf8_encode(uint32_t c, uint8_t *out);

#endif
