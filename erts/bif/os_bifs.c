/* os_bifs.c — the os module's BIFs: the environment (getenv/1, putenv/2, unsetenv/1, env/0),
 * getpid/0, the clocks (timestamp/0, system_time/0,1, perf_counter/0, which share
 * erlang's) and set_signal/2. Names and values are UTF-8 text of character lists, as
 * OTP's native name encoding. Each costs one reduction (env/0: one per 16 list cells). */
#include "bif/bif.h"

#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "atom/atom.h"
#include "bif/bif_reds.h"
#include "bif/bif_util.h"
#include "term/utf8.h"
#include "time/timer.h"

extern char **environ;

/* The C library's environment is not thread-safe and schedulers are threads: every
 * access from a BIF holds this lock, and values are copied out before it is released. */
static pthread_mutex_t env_lock = PTHREAD_MUTEX_INITIALIZER;
/* OTP keeps an environment of its own, where the empty name is a name like any other;
 * the C library refuses it, so its value (malloc'd, or NULL when unset) is kept here. */
static char *empty_name_value;

/* ---- names and values ------------------------------------------------------- */

typedef struct Text {
    char *s;
    size_t len, cap;
} Text;

static void text_put(Text *t, const void *bytes, size_t n)
{
    if (t->len + n + 1 > t->cap) {
        size_t cap = t->cap ? t->cap : 64;
        while (cap < t->len + n + 1) cap *= 2;
        t->s = realloc(t->s, cap);
        if (!t->s) abort();
        t->cap = cap;
    }
    memcpy(t->s + t->len, bytes, n);
    t->len += n;
    t->s[t->len] = '\0';
}

/* A possibly deep list of characters as NUL-terminated UTF-8 in t; false for anything
 * else (binaries included, as OTP), for a NUL, or for '=' when it is a name. */
static bool native_text(Term list, bool name, Text *t)
{
    Term stack[64];
    size_t depth = 0;
    text_put(t, "", 0);
    for (Term l = list;;) {
        if (term_is_list(l)) {
            Term h = term_head(l);
            l = term_tail(l);
            if (term_is_list(h) || term_is_nil(h)) {
                /* deeper nesting than names ever need is refused rather than recursed into */
                if (depth == sizeof stack / sizeof stack[0]) return false;
                stack[depth++] = l;
                l = h;
                continue;
            }
            if (!term_is_small(h)) return false;
            SInt c = term_small_value(h);
            if (c <= 0 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF) || (name && c == '=')) return false;
            uint8_t buf[4];
            text_put(t, buf, utf8_encode((uint32_t)c, buf));
            continue;
        }
        if (!term_is_nil(l)) return false;
        if (depth == 0) return true;
        l = stack[--depth];
    }
}

/* Text from the environment as a list: its characters when it is UTF-8, else its bytes. */
static Term env_text(Process *p, const char *s, size_t len)
{
    if (utf8_count_chars((const uint8_t *)s, len) == UTF8_INVALID)
        return bif_bytes_to_list(p, (const uint8_t *)s, len, TERM_NIL);
    return bif_utf8_to_list(p, (const uint8_t *)s, len);
}

Term bif_os_getenv_1(Process *p, const Term *args)
{
    Text name = {0};
    if (!native_text(args[0], true, &name)) {
        free(name.s);
        return proc_badarg(p);
    }
    Text value = {0};
    pthread_mutex_lock(&env_lock);
    const char *v = name.len ? getenv(name.s) : empty_name_value;
    bool found = v != NULL;
    if (found) text_put(&value, v, strlen(v));
    pthread_mutex_unlock(&env_lock);
    Term r = found ? env_text(p, value.s, value.len) : ATOM_false;
    free(name.s);
    free(value.s);
    return r;
}

Term bif_os_putenv_2(Process *p, const Term *args)
{
    Text name = {0}, value = {0};
    bool ok = native_text(args[0], true, &name) && native_text(args[1], false, &value);
    if (ok) {
        pthread_mutex_lock(&env_lock);
        if (name.len) {
            setenv(name.s, value.s, 1);
        } else {
            free(empty_name_value);
            empty_name_value = value.s;
            value.s = NULL;
        }
        pthread_mutex_unlock(&env_lock);
    }
    free(name.s);
    free(value.s);
    return ok ? ATOM_true : proc_badarg(p);
}

Term bif_os_unsetenv_1(Process *p, const Term *args)
{
    Text name = {0};
    bool ok = native_text(args[0], true, &name);
    if (ok) {
        pthread_mutex_lock(&env_lock);
        if (name.len) {
            unsetenv(name.s);
        } else {
            free(empty_name_value);
            empty_name_value = NULL;
        }
        pthread_mutex_unlock(&env_lock);
    }
    free(name.s);
    return ok ? ATOM_true : proc_badarg(p);
}

/* [{Name, Value}] in the order of the C environment, then the empty name if set. The
 * entries are copied under the lock into one buffer (each NUL-terminated), and the list
 * is built after. */
Term bif_os_env_0(Process *p, const Term *args)
{
    Text all = {0};
    size_t n = 0;
    pthread_mutex_lock(&env_lock);
    for (char **e = environ; e && *e; e++, n++) text_put(&all, *e, strlen(*e) + 1);
    size_t from_libc = n;
    if (empty_name_value) {
        text_put(&all, "=", 1);
        text_put(&all, empty_name_value, strlen(empty_name_value) + 1);
        n++;
    }
    pthread_mutex_unlock(&env_lock);
    Term *pairs = malloc((n ? n : 1) * sizeof(Term));
    if (!pairs) abort();
    size_t kept = 0, cells = 0;
    for (size_t off = 0, i = 0; i < n; i++) {
        const char *entry = all.s + off;
        size_t len = strlen(entry);
        off += len + 1;
        const char *eq = strchr(entry, '=');
        /* only the entry added above may have an empty name */
        if (!eq || (eq == entry && i < from_libc)) continue;
        Term k = env_text(p, entry, (size_t)(eq - entry));
        Term v = env_text(p, eq + 1, len - (size_t)(eq - entry) - 1);
        pairs[kept++] = bif_tuple2(p, k, v);
        cells += len;
    }
    Term list = bif_array_to_list(p, pairs, kept, TERM_NIL);
    bif_charge_cells(p, cells + kept);
    free(pairs);
    free(all.s);
    return list;
}

Term bif_os_getpid_0(Process *p, const Term *args)
{
    char buf[24];
    int len = snprintf(buf, sizeof buf, "%ld", (long)getpid());
    return bif_bytes_to_list(p, (const uint8_t *)buf, (size_t)len, TERM_NIL);
}

/* ---- clocks: the same as erlang's --------------------------------------------- */

Term bif_os_timestamp_0(Process *p, const Term *args) { return bif_erlang_timestamp_0(p, args); }
Term bif_os_system_time_0(Process *p, const Term *args) { return bif_erlang_system_time_0(p, args); }
Term bif_os_system_time_1(Process *p, const Term *args) { return bif_erlang_system_time_1(p, args); }
/* In native units (nanoseconds), which is what the perf_counter time unit stands for. */
Term bif_os_perf_counter_0(Process *p, const Term *args) { return term_make_small(time_monotonic_ns()); }

/* ---- signals ------------------------------------------------------------------ */

/* The signals OTP lets Erlang code set, and whether ignore/default are applied with
 * sigaction: not to SIGCHLD (ignoring it changes how child processes are waited for)
 * nor to SIGSTOP (it cannot be changed). "handle" is accepted and recorded only, the
 * disposition staying as it was: Ember has no process that signals are delivered to yet. */
static const struct {
    unsigned atom; /* the signal's name, as an atom index */
    int signo;
    bool apply;
} signals[] = {
    {ATOM_INDEX_sighup, SIGHUP, true},   {ATOM_INDEX_sigquit, SIGQUIT, true},  {ATOM_INDEX_sigabrt, SIGABRT, true},
    {ATOM_INDEX_sigalrm, SIGALRM, true}, {ATOM_INDEX_sigterm, SIGTERM, true},  {ATOM_INDEX_sigusr1, SIGUSR1, true},
    {ATOM_INDEX_sigusr2, SIGUSR2, true}, {ATOM_INDEX_sigchld, SIGCHLD, false}, {ATOM_INDEX_sigstop, SIGSTOP, false},
    {ATOM_INDEX_sigtstp, SIGTSTP, true},
};

/* Which signals Erlang code last asked to handle. */
static _Atomic int handled[sizeof signals / sizeof signals[0]];

Term bif_os_set_signal_2(Process *p, const Term *args)
{
    Term how = args[1];
    if (how != ATOM_ignore && how != ATOM_default && how != ATOM_handle) return proc_badarg(p);
    for (size_t i = 0; i < sizeof signals / sizeof signals[0]; i++) {
        if (term_make_atom(signals[i].atom) != args[0]) continue;
        handled[i] = how == ATOM_handle;
        if (signals[i].apply && how != ATOM_handle) {
            struct sigaction sa;
            memset(&sa, 0, sizeof sa);
            sa.sa_handler = how == ATOM_ignore ? SIG_IGN : SIG_DFL;
            sigemptyset(&sa.sa_mask);
            sigaction(signals[i].signo, &sa, NULL);
        }
        return ATOM_ok;
    }
    return proc_badarg(p);
}
