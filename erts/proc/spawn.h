/* spawn.h — creating scheduled processes (spawn, spawn_link, spawn_monitor,
 * spawn_opt) and starting the first one. */
#ifndef EMBER_SPAWN_H
#define EMBER_SPAWN_H

#include "proc/process.h"

typedef struct SpawnOpts {
    bool link, monitor;
    size_t min_heap_size; /* words, 0: default */
    size_t max_heap_size; /* words, 0: none */
    bool max_heap_kill, max_heap_log;
    size_t fullsweep_after;
    bool system_process; /* erts_internal:spawn_system_process/3: init's stop leaves it running */
    int priority; /* ProcPriority */
    Term monitor_tag;  /* what the monitor's DOWN message starts with ('DOWN') */
    Term monitor_alias; /* the alias mode of the monitor's reference, or TERM_NONE */
    /* spawn_request: *mon_ref is the request id (the monitor's reference
     * when monitoring), and with reply_ok the parent gets {ReplyTag, ReqId,
     * ok, Pid} before the child can run, so it comes before any DOWN */
    bool request, reply_ok;
    Term reply_tag;
} SpawnOpts;

/* Starts apply(Module, Function, Args) (apply(Fun, Args) when function is
 * TERM_NONE) in a new process whose arguments are copied from parent (NULL:
 * the first process, made from terms that need no copy). Returns the pid, or
 * TERM_NONE with system_limit on parent when the process table is full. With
 * opts->monitor, *mon_ref is the monitor's reference (on parent's heap). */
Term proc_spawn(Process *parent, Term module, Term function, Term args, const SpawnOpts *opts, Term *mon_ref);

/* The options a spawn starts from: the system-wide defaults, which
 * erlang:system_flag/2 changes with spawn_defaults_set (one caller at a
 * time; readers take no lock). */
void spawn_opts_default(SpawnOpts *o);
void spawn_defaults_set(const SpawnOpts *o);

#endif
