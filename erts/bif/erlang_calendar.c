/* erlang_calendar.c — the date and time BIFs: date/0, time/0, localtime/0,
 * universaltime/0 and the conversions between universal time, local time (the
 * C library's time zone) and POSIX seconds, with OTP's ranges. */
#include <stdint.h>
#include <time.h>

#include "bif/bif.h"
#include "bif/bif_util.h"
#include "bif/numbers_int.h"

typedef struct DateTime {
    int64_t year;
    int month, day, hour, minute, second;
} DateTime;

/* Days since 1970-01-01 of a proleptic Gregorian date, and back. */
static int64_t days_from_civil(int64_t y, int m, int d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(int64_t z, DateTime *dt)
{
    z += 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    dt->day = (int)(doy - (153 * mp + 2) / 5 + 1);
    dt->month = (int)(mp < 10 ? mp + 3 : mp - 9);
    dt->year = yoe + era * 400 + (dt->month <= 2);
}

static int64_t floor_div(int64_t a, int64_t b) { return a / b - (a % b != 0 && (a < 0) != (b < 0)); }

static void from_posix(int64_t secs, DateTime *dt)
{
    int64_t days = floor_div(secs, 86400), rest = secs - days * 86400;
    civil_from_days(days, dt);
    dt->hour = (int)(rest / 3600);
    dt->minute = (int)(rest / 60 % 60);
    dt->second = (int)(rest % 60);
}

static int64_t to_posix(const DateTime *dt)
{
    return days_from_civil(dt->year, dt->month, dt->day) * 86400 + dt->hour * 3600 + dt->minute * 60 + dt->second;
}

static bool is_leap(int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

/* {{Y, M, D}, {H, Mi, S}}: a valid date and time with a year of at least
 * min_year. */
static bool datetime_arg(Term t, int64_t min_year, DateTime *dt)
{
    static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (!term_is_tuple(t) || term_tuple_arity(t) != 2) return false;
    Term d = term_tuple_element(t, 1), c = term_tuple_element(t, 2);
    if (!term_is_tuple(d) || term_tuple_arity(d) != 3 || !term_is_tuple(c) || term_tuple_arity(c) != 3) return false;
    Term v[6] = {term_tuple_element(d, 1), term_tuple_element(d, 2), term_tuple_element(d, 3),
                 term_tuple_element(c, 1), term_tuple_element(c, 2), term_tuple_element(c, 3)};
    for (int i = 0; i < 6; i++)
        if (!term_is_small(v[i])) return false;
    dt->year = term_small_value(v[0]);
    SInt m = term_small_value(v[1]), day = term_small_value(v[2]);
    SInt h = term_small_value(v[3]), mi = term_small_value(v[4]), s = term_small_value(v[5]);
    if (dt->year < min_year || m < 1 || m > 12 || day < 1) return false;
    if (day > mdays[m - 1] + (m == 2 && is_leap(dt->year))) return false;
    if (h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 59) return false;
    dt->month = (int)m, dt->day = (int)day, dt->hour = (int)h, dt->minute = (int)mi, dt->second = (int)s;
    return true;
}

static Term int_term(Process *p, int64_t v) { return num_int_from_i128(p, v); }

static Term datetime_term(Process *p, const DateTime *dt)
{
    Term date = bif_tuple3(p, int_term(p, dt->year), term_make_small(dt->month), term_make_small(dt->day));
    Term time = bif_tuple3(p, term_make_small(dt->hour), term_make_small(dt->minute), term_make_small(dt->second));
    return bif_tuple2(p, date, time);
}

static void from_tm(const struct tm *tm, DateTime *dt)
{
    *dt = (DateTime){tm->tm_year + 1900LL, tm->tm_mon + 1, tm->tm_mday, tm->tm_hour, tm->tm_min, tm->tm_sec};
}

static void now_local(DateTime *dt)
{
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    from_tm(&tm, dt);
}

static void now_universal(DateTime *dt) { from_posix((int64_t)time(NULL), dt); }

Term bif_erlang_localtime_0(Process *p, const Term *args)
{
    (void)args;
    DateTime dt;
    now_local(&dt);
    return datetime_term(p, &dt);
}

Term bif_erlang_universaltime_0(Process *p, const Term *args)
{
    (void)args;
    DateTime dt;
    now_universal(&dt);
    return datetime_term(p, &dt);
}

Term bif_erlang_date_0(Process *p, const Term *args)
{
    (void)args;
    DateTime dt;
    now_local(&dt);
    return bif_tuple3(p, int_term(p, dt.year), term_make_small(dt.month), term_make_small(dt.day));
}

Term bif_erlang_time_0(Process *p, const Term *args)
{
    (void)args;
    DateTime dt;
    now_local(&dt);
    return bif_tuple3(p, term_make_small(dt.hour), term_make_small(dt.minute), term_make_small(dt.second));
}

Term bif_erlang_universaltime_to_posixtime_1(Process *p, const Term *args)
{
    DateTime dt;
    if (!datetime_arg(args[0], 1600, &dt)) return proc_badarg(p);
    return int_term(p, to_posix(&dt));
}

Term bif_erlang_posixtime_to_universaltime_1(Process *p, const Term *args)
{
    if (!term_is_small(args[0])) return proc_badarg(p);
    DateTime dt;
    from_posix(term_small_value(args[0]), &dt);
    return datetime_term(p, &dt);
}

/* Local time goes through the C library, whose range starts in 1902. */
#define LOCAL_MIN_YEAR 1902

Term bif_erlang_universaltime_to_localtime_1(Process *p, const Term *args)
{
    DateTime dt;
    if (!datetime_arg(args[0], LOCAL_MIN_YEAR, &dt)) return proc_badarg(p);
    time_t secs = (time_t)to_posix(&dt);
    struct tm tm;
    if (!localtime_r(&secs, &tm)) return proc_badarg(p);
    from_tm(&tm, &dt);
    return datetime_term(p, &dt);
}

static Term local_to_universal(Process *p, Term t, int isdst)
{
    DateTime dt;
    if (!datetime_arg(t, LOCAL_MIN_YEAR, &dt)) return proc_badarg(p);
    struct tm tm = {.tm_year = (int)(dt.year - 1900), .tm_mon = dt.month - 1, .tm_mday = dt.day,
                    .tm_hour = dt.hour, .tm_min = dt.minute, .tm_sec = dt.second, .tm_isdst = isdst};
    time_t secs = mktime(&tm);
    from_posix((int64_t)secs, &dt);
    return datetime_term(p, &dt);
}

Term bif_erlang_localtime_to_universaltime_1(Process *p, const Term *args)
{
    return local_to_universal(p, args[0], -1);
}

Term bif_erlang_localtime_to_universaltime_2(Process *p, const Term *args)
{
    int isdst;
    if (args[1] == ATOM_true) isdst = 1;
    else if (args[1] == ATOM_false) isdst = 0;
    else if (args[1] == ATOM_undefined) isdst = -1;
    else return proc_badarg(p);
    return local_to_universal(p, args[0], isdst);
}
