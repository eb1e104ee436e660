/* float_format.c — OTP 25's float text formats and float syntax. The
 * shortest round-trip digits come from the C library's correctly rounded
 * printf/strtod (trying 1..17 digits), then are laid out by the rules OTP's
 * short format applies; the decimals format reproduces OTP's own rounding,
 * which differs from printf's for values below 2^53. */
#include "term/float_format.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- scientific ---------------------------------------------------------- */

int float_format_scientific(double f, int digits, char *buf)
{
    if (digits > FLOAT_TEXT_MAX) return -1; /* could never fit */
    if (digits < 0) digits = 6;             /* a negative precision means printf's default */
    int n = snprintf(buf, FLOAT_TEXT_MAX, "%.*e", digits, f);
    return n < 0 || n >= FLOAT_TEXT_MAX ? -1 : n;
}

/* ---- decimals ------------------------------------------------------------ */

/* Removes trailing zeros from buf[0..n), keeping one digit after a point. */
static int drop_trailing_zeros(char *buf, int n)
{
    while (n > 0 && buf[n - 1] == '0') n--;
    if (n > 0 && buf[n - 1] == '.') n++;
    buf[n] = '\0';
    return n;
}

int float_format_decimals(double f, int decimals, bool compact, char *buf)
{
    static const double pow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8, 1e9,
                                   1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18};
    if (decimals < 0 || decimals > FLOAT_TEXT_MAX) return -1;
    double af = fabs(f);
    if (af > 9007199254740992.0 || decimals >= (int)(sizeof pow10 / sizeof pow10[0])) {
        /* the exact value; compact here strips zeros even without a point, as OTP does */
        int n = snprintf(buf, FLOAT_TEXT_MAX, "%.*f", decimals, f);
        if (n < 0 || n >= FLOAT_TEXT_MAX) return -1;
        return compact ? drop_trailing_zeros(buf, n) : n;
    }
    const char *sign = signbit(f) ? "-" : "";
    int n;
    if (decimals == 0) {
        n = snprintf(buf, FLOAT_TEXT_MAX, "%s%llu", sign, (unsigned long long)llround(af));
        return n;
    }
    double whole = floor(af);
    double frac = round((af - whole) * pow10[decimals]); /* half away from zero */
    unsigned long long ip = (unsigned long long)whole, fp = (unsigned long long)frac;
    if (frac >= pow10[decimals]) ip++, fp = 0;
    n = snprintf(buf, FLOAT_TEXT_MAX, "%s%llu.%0*llu", sign, ip, decimals, fp);
    if (n < 0 || n >= FLOAT_TEXT_MAX) return -1;
    return compact ? drop_trailing_zeros(buf, n) : n;
}

/* ---- shortest round trip ------------------------------------------------------ */

/* Reads back digits d[0..k) times 10^(e - k + 1). */
static double digits_value(const char *d, int k, int e)
{
    char text[48];
    snprintf(text, sizeof text, "%c.%.*se%d", d[0], k - 1, d + 1, e);
    return strtod(text, NULL);
}

/* Adds delta (+1 or -1) to the k-digit decimal d, keeping k digits: the
 * exponent moves when the digit count would change. */
static void step_digits(char *d, int k, int *e, int delta)
{
    int i = k - 1;
    if (delta > 0) {
        while (i >= 0 && d[i] == '9') d[i--] = '0';
        if (i >= 0) d[i]++;
        else d[0] = '1', (*e)++; /* 99..9 + 1 = 10..0: k digits at the next exponent */
        return;
    }
    while (i >= 0 && d[i] == '0') d[i--] = '9';
    d[i]--;
    if (d[0] == '0') { /* 10..0 - 1 = 9..9 (k-1 digits): k digits one exponent lower */
        memset(d, '9', (size_t)k);
        (*e)--;
    }
}

/* Whether some k-digit decimal reads back as a > 0; if so, the nearest such
 * one goes to d[0..k) with its scientific exponent in *e. The two k-digit
 * decimals nearest a (the correctly rounded one and its neighbour on the
 * other side) are the only candidates: if any k-digit decimal reads back as
 * a, one of them does. */
static bool probe(double a, int k, char *d, int *e)
{
    char text[48];
    snprintf(text, sizeof text, "%.*e", k - 1, a);
    d[0] = text[0];
    memcpy(d + 1, text + 2, (size_t)(k - 1)); /* "D.DDDe+XX" */
    *e = atoi(strchr(text, 'e') + 1);
    if (strtod(text, NULL) == a) return true;
    for (int delta = 1; delta >= -1; delta -= 2) {
        char c[20];
        int ce = *e;
        memcpy(c, d, (size_t)k);
        step_digits(c, k, &ce, delta);
        if (digits_value(c, k, ce) == a) {
            memcpy(d, c, (size_t)k);
            *e = ce;
            return true;
        }
    }
    return false;
}

/* The shortest digits of a > 0 that read back as a; returns their number,
 * with the value digits * 10^*exp. Among candidates of that length the
 * nearest wins, as with Ryu. Having a k-digit candidate implies having a
 * (k+1)-digit one, so the length is found by bisection; most doubles need
 * 15 to 17 digits, so 15 is probed first. */
static int shortest_digits(double a, char *digits, int *exp)
{
    char d[20], best[20];
    int e, best_e = 0, best_k = 0, lo = 1, hi = 17; /* 17 digits always read back */
    for (int mid = 15; lo < hi; mid = (lo + hi) / 2) {
        if (probe(a, mid, d, &e)) {
            hi = best_k = mid;
            memcpy(best, d, (size_t)mid);
            best_e = e;
        } else {
            lo = mid + 1;
        }
    }
    if (best_k != lo) probe(a, lo, best, &best_e); /* 17, never probed */
    int n = lo;
    while (n > 1 && best[n - 1] == '0') n--;
    memcpy(digits, best, (size_t)n);
    *exp = best_e - (n - 1);
    return n;
}

static int layout_fixed(const char *d, int olength, int exp, char *out)
{
    int whole = olength + exp, n = 0;
    if (exp >= 0) {
        memcpy(out, d, (size_t)olength);
        n = olength;
        memset(out + n, '0', (size_t)exp);
        n += exp;
        out[n++] = '.';
        out[n++] = '0';
    } else if (whole > 0) {
        memcpy(out, d, (size_t)whole);
        out[whole] = '.';
        memcpy(out + whole + 1, d + whole, (size_t)(olength - whole));
        n = olength + 1;
    } else {
        out[n++] = '0';
        out[n++] = '.';
        memset(out + n, '0', (size_t)-whole);
        n += -whole;
        memcpy(out + n, d, (size_t)olength);
        n += olength;
    }
    return n;
}

static int layout_scientific(const char *d, int olength, int sci_exp, char *out)
{
    int n = 0;
    out[n++] = d[0];
    out[n++] = '.';
    if (olength == 1) {
        out[n++] = '0';
    } else {
        memcpy(out + n, d + 1, (size_t)(olength - 1));
        n += olength - 1;
    }
    return n + sprintf(out + n, "e%d", sci_exp);
}

/* OTP 25 picks fixed notation by the exponent of the last digit: within
 * [-4, 2] for one digit, else within [-(olength + 2), 1] (2 when the
 * scientific exponent has two digits); except where the fixed text would
 * show a whole number at or beyond 2^53, which stays scientific. */
static bool use_fixed(uint64_t output, int olength, int exp)
{
    int sci_exp = exp + olength - 1;
    int lower = olength == 1 ? -4 : -(olength + 2);
    int upper = olength == 1 || sci_exp >= 10 ? 2 : 1;
    if (exp < lower || exp > upper) return false;
    if (exp == 0 && output >= (UINT64_C(1) << 53)) return false;
    if (exp == 1 && output > (UINT64_C(1) << 52) / 5) return false;
    if (exp == 2 && output > (UINT64_C(1) << 51) / 25) return false;
    return true;
}

int float_format_short(double f, char *buf)
{
    int n = 0;
    if (signbit(f)) buf[n++] = '-';
    if (f == 0.0) {
        memcpy(buf + n, "0.0", 4);
        return n + 3;
    }
    char d[20];
    int exp;
    int olength = shortest_digits(fabs(f), d, &exp);
    uint64_t output = 0;
    for (int i = 0; i < olength; i++) output = output * 10 + (uint64_t)(d[i] - '0');
    if (use_fixed(output, olength, exp)) n += layout_fixed(d, olength, exp, buf + n);
    else n += layout_scientific(d, olength, exp + olength - 1, buf + n);
    buf[n] = '\0';
    return n;
}

/* ---- parsing ------------------------------------------------------------------- */

/* Length of a run of decimal digits at s[i..len). */
static size_t digit_run(const char *s, size_t i, size_t len)
{
    size_t j = i;
    while (j < len && s[j] >= '0' && s[j] <= '9') j++;
    return j - i;
}

bool float_parse(const char *s, size_t len, double *out)
{
    /* OTP reads the text as a C string: it ends at the first NUL */
    const char *nul = memchr(s, '\0', len);
    if (nul) len = (size_t)(nul - s);
    size_t i = 0, run;
    if (i < len && (s[i] == '+' || s[i] == '-')) i++;
    if (!(run = digit_run(s, i, len))) return false;
    i += run;
    if (i == len || (s[i] != '.' && s[i] != ',')) return false;
    size_t point = i++;
    if (!(run = digit_run(s, i, len))) return false;
    i += run;
    if (i < len) {
        if (s[i] != 'e' && s[i] != 'E') return false;
        if (++i < len && (s[i] == '+' || s[i] == '-')) i++;
        if (!(run = digit_run(s, i, len))) return false;
        if (i + run != len) return false;
    }
    char stackbuf[128];
    char *copy = len < sizeof stackbuf ? stackbuf : malloc(len + 1);
    if (!copy) abort();
    memcpy(copy, s, len);
    copy[len] = '\0';
    copy[point] = '.'; /* OTP reads a comma as the decimal point too */
    double d = strtod(copy, NULL);
    if (copy != stackbuf) free(copy);
    if (!isfinite(d)) return false;
    *out = d;
    return true;
}
