/* re_tables.h — the character tables patterns are compiled with. OTP's PCRE
 * was built with ISO-8859-1 tables, so \w, [[:alpha:]] and caseless matching
 * know the Latin-1 letters (é is a word character, É matches é caselessly). */
#ifndef EMBER_RE_TABLES_H
#define EMBER_RE_TABLES_H

#include <stdint.h>

/* PCRE2 character tables for Latin-1, built on first use; never freed. */
const uint8_t *re_latin1_tables(void);

#endif
