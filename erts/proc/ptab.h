/* ptab.h — the process table: every live process by pid, OTP's pid numbering
 * (<0.N.S>: the table index is the pid's data modulo the table size, the serial
 * counts how often the numbers have wrapped), the process limit (+P), and the
 * reference counts that keep a process's memory valid while another thread
 * holds a pointer to it. */
#ifndef EMBER_PTAB_H
#define EMBER_PTAB_H

#include "proc/process.h"

/* Sets up the table for `limit` processes (0: OTP's default 262144), rounded
 * up to a power of two as OTP does, and at least 1024. */
void ptab_init(unsigned limit);
unsigned ptab_limit(void);
unsigned ptab_count(void);

/* Gives p a fresh pid and enters it; false when the table is full (the
 * caller raises system_limit). The table holds one reference. */
bool ptab_insert(Process *p);
/* Leaves the table (lookups fail from now on) and drops the table's reference. */
void ptab_remove(Process *p);

/* The process with this pid, with a reference the caller must drop with
 * proc_release; NULL when there is none. */
Process *ptab_get(Term pid);
void proc_release(Process *p);

/* Calls fn for every process in the table in pid order (processes/0); the
 * table is locked stripe by stripe, so fn must not call ptab_ functions. */
void ptab_foreach(void (*fn)(Term pid, void *ctx), void *ctx);

#endif
