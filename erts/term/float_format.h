/* float_format.h — floats to text in the formats of OTP 25's float_to_list/2
 * and float_to_binary/2, and text to floats with the syntax of
 * list_to_float/1. Pure functions on C buffers; no terms. */
#ifndef EMBER_FLOAT_FORMAT_H
#define EMBER_FLOAT_FORMAT_H

#include <stdbool.h>
#include <stddef.h>

/* OTP formats into a 256-byte buffer and refuses (badarg) any text that does
 * not fit with its terminating NUL. */
#define FLOAT_TEXT_MAX 256

/* {scientific, Digits} and the default format: C's "%.*e". Returns the
 * length, or -1 when the text would not fit (badarg). */
int float_format_scientific(double f, int digits, char *buf);

/* {decimals, Decimals} with or without compact. Below 2^53 and with fewer
 * than 19 decimals, OTP rounds the fraction scaled by 10^Decimals half away
 * from zero (so 0.125 to two decimals is "0.13"); otherwise the exact value
 * is printed ("%.*f"). compact drops trailing zeros, keeping one after the
 * point. Returns the length, or -1 (badarg). */
int float_format_decimals(double f, int decimals, bool compact, char *buf);

/* [short]: the shortest digits that read back as the same float, laid out
 * in fixed or scientific notation by OTP 25's rules ("0.1", "1.0e20",
 * "123456.0", "1.0e-5"). Returns the length (at most 26). */
int float_format_short(double f, char *buf);

/* Parses list_to_float/1's syntax: [+-]digits(.|,)digits[(e|E)[+-]digits],
 * the whole text up to its first NUL, if any. Values past the double range are rejected, values below it
 * become 0.0. False means badarg. */
bool float_parse(const char *s, size_t len, double *out);

#endif
