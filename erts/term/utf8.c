/* utf8.c — strict UTF-8 decoding and encoding. */
#include "term/utf8.h"

int32_t utf8_decode(const uint8_t *s, size_t len, size_t *size)
{
    if (len == 0) return -1;
    uint8_t b = s[0];
    if (b < 0x80) {
        *size = 1;
        return b;
    }
    size_t n;
    uint32_t c, min;
    if ((b & 0xE0) == 0xC0) {
        n = 2, c = b & 0x1F, min = 0x80;
    } else if ((b & 0xF0) == 0xE0) {
        n = 3, c = b & 0x0F, min = 0x800;
    } else if ((b & 0xF8) == 0xF0) {
        n = 4, c = b & 0x07, min = 0x10000;
    } else {
        return -1;
    }
    if (len < n) return -1;
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80) return -1;
        c = (c << 6) | (s[i] & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return -1;
    *size = n;
    return (int32_t)c;
}

size_t utf8_count_chars(const uint8_t *s, size_t len)
{
    size_t chars = 0;
    for (size_t i = 0; i < len;) {
        size_t n;
        if (s[i] < 0x80) {
            n = 1;
        } else if (utf8_decode(s + i, len - i, &n) < 0) {
            return UTF8_INVALID;
        }
        i += n;
        chars++;
    }
    return chars;
}

size_t utf8_encode(uint32_t c, uint8_t *out)
{
    if (c < 0x80) {
        out[0] = (uint8_t)c;
        return 1;
    }
    if (c < 0x800) {
        out[0] = (uint8_t)(0xC0 | (c >> 6));
        out[1] = (uint8_t)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        out[0] = (uint8_t)(0xE0 | (c >> 12));
        out[1] = (uint8_t)(0x80 | ((c >> 6) & 0x3F));
        out[2] = (uint8_t)(0x80 | (c & 0x3F));
        return 3;
    }
    out[0] = (uint8_t)(0xF0 | (c >> 18));
    out[1] = (uint8_t)(0x80 | ((c >> 12) & 0x3F));
    out[2] = (uint8_t)(0x80 | ((c >> 6) & 0x3F));
    out[3] = (uint8_t)(0x80 | (c & 0x3F));
    return 4;
}
