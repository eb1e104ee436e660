/* matchspec.h — match specifications, compiled once into a program and run
 * many times: by the ETS select family, ets:match_spec_run/2 and
 * erlang:match_spec_test/3 now, and by tracing later (the trace dialect is
 * accepted by the compiler already).
 *
 * A compiled spec is a resource (term/resource.h): ets:match_spec_compile/1
 * and select continuations hand it to Erlang code as a magic reference. */
#ifndef EMBER_MATCHSPEC_H
#define EMBER_MATCHSPEC_H

#include <stdbool.h>
#include <stddef.h>

#include "proc/process.h"
#include "term/term.h"

typedef enum MsDialect { MS_TABLE, MS_TRACE } MsDialect;

typedef struct MatchSpec MatchSpec;

/* Compiles spec; NULL when it is not a valid spec of the dialect, with OTP's
 * message for match_spec_test/3 in err (err may be NULL). The caller holds the
 * result once: ms_release it. */
MatchSpec *ms_compile(Term spec, MsDialect dialect, char *err, size_t errcap);
void ms_release(MatchSpec *ms);
void ms_keep(MatchSpec *ms);

/* The spec as a magic reference on p's heap, and back (NULL: not a spec). */
Term ms_term(Process *p, MatchSpec *ms);
MatchSpec *ms_from_term(Term t);

/* Runs ms on term. False when no clause matches; otherwise *result is the
 * body's value ('EXIT' when the body raised). With copy set, the result is
 * made self-contained on p's heap (term lives outside it, in a table). */
bool ms_run(Process *p, const MatchSpec *ms, Term term, bool copy, Term *result);

/* The key every match must have when the spec has one clause whose head is a
 * tuple with a fully bound element at keypos; false otherwise. */
bool ms_bound_key(const MatchSpec *ms, unsigned keypos, Term *key);

#endif
