/* msacc.h — microstate accounting (system_flag(microstate_accounting, _),
 * statistics(microstate_accounting)): while it is on, each runtime thread
 * sums the time it spends in each state. A thread says which state it enters;
 * while accounting is off that costs a store and a relaxed load. */
#ifndef EMBER_MSACC_H
#define EMBER_MSACC_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include "term/term.h"

/* OTP's states, in the order of its counters map's keys */
typedef enum MsaccState {
    MSACC_AUX,
    MSACC_CHECK_IO,
    MSACC_EMULATOR,
    MSACC_GC,
    MSACC_OTHER,
    MSACC_PORT,
    MSACC_SLEEP,
    MSACC_STATES
} MsaccState;

/* One thread's account: written by its thread, read by statistics/1. */
typedef struct Msacc {
    Term type; /* scheduler, dirty_io_scheduler, poll, aux */
    unsigned id;
    _Atomic uint64_t ns[MSACC_STATES];
    _Atomic int state;     /* a MsaccState; changed by its thread only */
    _Atomic int64_t since; /* when the state began (counted from then); 0 while off */
    struct Msacc *next;
} Msacc;

/* The calling thread's account, or NULL for threads that keep none. */
extern _Thread_local Msacc *msacc_self;

/* Gives the calling thread an account (kept for the runtime's life). */
void msacc_register(Term type, unsigned id, MsaccState first);
/* The calling thread enters state s (no-op for threads without an account). */
void msacc_enter(MsaccState s);
static inline MsaccState msacc_current(void) { return msacc_self ? (MsaccState)msacc_self->state : MSACC_OTHER; }

/* On or off, returning the old setting; reset zeroes every counter and
 * returns whether it is on. */
bool msacc_set(bool on);
bool msacc_reset(void);
/* Every account, for statistics(microstate_accounting); the time of one
 * state up to now. */
const Msacc *msacc_first(void);
uint64_t msacc_read(const Msacc *m, MsaccState s);

#endif
