/* init_stop.c — the state behind init:stop/0,1. As on OTP, init:stop only asks
 * for the shutdown and returns ok; Ember's init (lib/init.erl) halts once the
 * boot command that asked has returned. The request is kept here, outside any
 * process heap, because the process that asks need not be the one that halts. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "atom/atom.h"
#include "bif/bif.h"
#include "bif/bif_util.h"

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static bool requested;
static int status;
static char *slogan; /* latin-1 bytes, when the request was a string */
static size_t slogan_len;

/* erts_internal:request_stop(Status | Slogan): Status is a non-negative
 * integer, Slogan a latin-1 string (init:stop/1 has checked which). The first
 * request wins, as on OTP. Returns ok. */
Term bif_erts_internal_request_stop_1(Process *p, const Term *args)
{
    Term s = args[0];
    char *text = NULL;
    size_t len = 0;
    if (!term_is_small(s) || term_small_value(s) < 0) {
        size_t cap = 0;
        for (Term t = s; term_is_list(t); t = term_tail(t)) cap++;
        text = malloc(cap + 1);
        if (!text || !bif_latin1_string(s, text, cap, &len, NULL)) {
            free(text);
            return proc_badarg(p);
        }
    }
    pthread_mutex_lock(&lock);
    if (!requested) {
        requested = true;
        status = text ? 1 : (int)term_small_value(s);
        slogan = text, slogan_len = len;
        text = NULL;
    }
    pthread_mutex_unlock(&lock);
    free(text);
    return ATOM_ok;
}

/* erts_internal:stop_requested(): false, or the argument for erlang:halt/1. */
Term bif_erts_internal_stop_requested_0(Process *p, const Term *args)
{
    pthread_mutex_lock(&lock);
    Term result = ATOM_false;
    if (requested && !slogan) {
        result = term_make_small(status);
    } else if (requested) {
        Term *cells = proc_alloc(p, 2 * slogan_len);
        result = TERM_NIL;
        for (size_t i = slogan_len; i-- > 0;) result = term_cons(cells + 2 * i, term_make_small((uint8_t)slogan[i]), result);
    }
    pthread_mutex_unlock(&lock);
    return result;
}
