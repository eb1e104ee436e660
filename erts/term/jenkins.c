/* jenkins.c — lookup2's block hash over bytes (see jenkins.h). */
#include "term/jenkins.h"

static inline uint32_t le32(const uint8_t *p)
{
    return p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
}

uint32_t jenkins_block_hash(const uint8_t *k, size_t len, uint32_t init)
{
    uint32_t a = HC, b = HC, c = init;
    size_t left = len;
    while (left >= 12) {
        a += le32(k), b += le32(k + 4), c += le32(k + 8);
        mix(&a, &b, &c);
        k += 12, left -= 12;
    }
    c += (uint32_t)len;
    switch (left) { /* each case adds one byte and falls through */
    case 11: c += (uint32_t)k[10] << 24; /* fall through */
    case 10: c += (uint32_t)k[9] << 16; /* fall through */
    case 9: c += (uint32_t)k[8] << 8; /* fall through */
    case 8: b += (uint32_t)k[7] << 24; /* fall through */
    case 7: b += (uint32_t)k[6] << 16; /* fall through */
    case 6: b += (uint32_t)k[5] << 8; /* fall through */
    case 5: b += k[4]; /* fall through */
    case 4: a += (uint32_t)k[3] << 24; /* fall through */
    case 3: a += (uint32_t)k[2] << 16; /* fall through */
    case 2: a += (uint32_t)k[1] << 8; /* fall through */
    case 1: a += k[0];
    }
    mix(&a, &b, &c);
    return c;
}
