/* jenkins.h — Bob Jenkins' 96-bit mix and lookup2 block hash, the primitives
 * under both of OTP's term hashes that Ember reproduces: phash2 (term/phash.c)
 * and the internal hash that orders large maps (term/map_hash.c). */
#ifndef EMBER_JENKINS_H
#define EMBER_JENKINS_H

#include <stddef.h>
#include <stdint.h>

/* The golden ratio and its multiples modulo 2^32, numbered as OTP numbers them. */
#define HC 0x9e3779b9u
#define HC_N(n) ((uint32_t)(HC * (uint32_t)(n)))
#define HC_2 HC_N(2)
#define HC_3 HC_N(3)
#define HC_4 HC_N(4)
#define HC_5 HC_N(5)
#define HC_6 HC_N(6)
#define HC_7 HC_N(7)
#define HC_8 HC_N(8)
#define HC_9 HC_N(9)
#define HC_10 HC_N(10)
#define HC_11 HC_N(11)
#define HC_12 HC_N(12)
#define HC_13 HC_N(13)
#define HC_14 HC_N(14)
#define HC_15 HC_N(15)
#define HC_16 HC_N(16)
#define HC_17 HC_N(17)
#define HC_18 HC_N(18)
#define HC_19 HC_N(19)
#define HC_20 HC_N(20)
#define HC_21 HC_N(21)
#define HC_22 HC_N(22)

static inline void mix(uint32_t *pa, uint32_t *pb, uint32_t *pc)
{
    uint32_t a = *pa, b = *pb, c = *pc;
    a -= b; a -= c; a ^= (c >> 13);
    b -= c; b -= a; b ^= (a << 8);
    c -= a; c -= b; c ^= (b >> 13);
    a -= b; a -= c; a ^= (c >> 12);
    b -= c; b -= a; b ^= (a << 16);
    c -= a; c -= b; c ^= (b >> 5);
    a -= b; a -= c; a ^= (c >> 3);
    b -= c; b -= a; b ^= (a << 10);
    c -= a; c -= b; c ^= (b >> 15);
    *pa = a, *pb = b, *pc = c;
}

/* Mixes two 32-bit pieces of a term, with a per-kind constant k, into *h. */
static inline void hash2(uint32_t *h, uint32_t x, uint32_t y, uint32_t k)
{
    uint32_t a = k + x, b = k + y;
    mix(&a, &b, h);
}
static inline void hash1(uint32_t *h, uint32_t x, uint32_t k) { hash2(h, x, 0, k); }

/* lookup2 over len bytes, seeded with init (binaries in both hashes). */
uint32_t jenkins_block_hash(const uint8_t *k, size_t len, uint32_t init);

#endif
