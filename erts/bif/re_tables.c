/* re_tables.c — Latin-1 character tables for PCRE2. PCRE2's own tables come
 * from the C library's locale, which is "C" here; the ASCII half is taken
 * from them and the upper half filled in by the ISO-8859-1 character classes
 * (as glibc's Latin-1 locale defines them, which OTP's tables reflect). The
 * layout is PCRE2's: lower-case map, case-flip map, ten 32-byte class bitmaps,
 * then a ctype byte per character. */
#include "bif/re_tables.h"

#include <pthread.h>
#include <stdbool.h>
#include <string.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

enum { LCC = 0, FCC = 256, CBITS = 512, CTYPES = 832, TABLES_LENGTH = 1088 };
enum {
    CB_SPACE = 0,
    CB_XDIGIT = 32,
    CB_DIGIT = 64,
    CB_UPPER = 96,
    CB_LOWER = 128,
    CB_WORD = 160,
    CB_GRAPH = 192,
    CB_PRINT = 224,
    CB_PUNCT = 256,
    CB_CNTRL = 288
};
enum { CT_LETTER = 0x02, CT_LCLETTER = 0x04, CT_WORD = 0x10 };

static uint8_t tables[TABLES_LENGTH];
static pthread_once_t once = PTHREAD_ONCE_INIT;

static bool is_upper(int c) { return (c >= 0xc0 && c <= 0xde && c != 0xd7); }
static bool is_lower(int c) { return (c >= 0xdf && c <= 0xff && c != 0xf7) || c == 0xaa || c == 0xb5 || c == 0xba; }

static void set_bit(int cbit, int c) { tables[CBITS + cbit + c / 8] |= (uint8_t)(1u << (c % 8)); }

static void build(void)
{
    const uint8_t *ascii = pcre2_maketables(NULL);
    if (ascii) {
        memcpy(tables, ascii, TABLES_LENGTH);
        pcre2_maketables_free(NULL, ascii);
    }
    for (int c = 0x80; c < 0x100; c++) {
        bool up = is_upper(c), low = is_lower(c);
        /* ß, ÿ, ª, µ and º have no upper case within Latin-1 */
        bool pair = up || (low && c >= 0xe0 && c != 0xf7 && c != 0xff);
        tables[LCC + c] = (uint8_t)(up ? c + 32 : c);
        tables[FCC + c] = (uint8_t)(up ? c + 32 : pair ? c - 32 : c);
        uint8_t t = 0;
        if (up || low) t |= CT_LETTER | CT_WORD;
        if (low) t |= CT_LCLETTER;
        tables[CTYPES + c] = t;
        if (up) set_bit(CB_UPPER, c);
        if (low) set_bit(CB_LOWER, c);
        if (up || low) set_bit(CB_WORD, c);
        if (c < 0xa0) set_bit(CB_CNTRL, c);
        if (c >= 0xa0) set_bit(CB_PRINT, c);
        if (c > 0xa0) set_bit(CB_GRAPH, c);
        if (c > 0xa0 && !up && !low) set_bit(CB_PUNCT, c);
    }
}

const uint8_t *re_latin1_tables(void)
{
    pthread_once(&once, build);
    return tables;
}
