/* internal_dirty.c — the erts_internal functions about processes executing on
 * dirty schedulers, which OTP 25's code purger and dirty signal handler call.
 * Ember runs no Erlang code on a dirty thread (a process whose file work runs
 * on the dirty I/O pool waits meanwhile, executing nothing), so a process is
 * never executing dirty, and the answers are those for such a process. As on
 * OTP, only the system processes that handle dirty processes may ask (others
 * get notsup). One reduction each. */
#include "bif/bif.h"

#include <string.h>

#include "atom/atom.h"
#include "bif/bif_util.h"
#include "proc/ptab.h"
#include "proc/registry.h"

/* The caller is one of OTP's dirty signal handlers (normal, high and max
 * priority), registered under these names. */
static bool is_signal_handler(Process *p)
{
    Term name = registry_name_of(p);
    if (!term_is_atom(name)) return false;
    size_t n;
    const char *text = atom_text(name, &n);
    static const char prefix[] = "erts_dirty_process_signal_handler";
    return n >= sizeof prefix - 1 && memcmp(text, prefix, sizeof prefix - 1) == 0;
}

/* false for a live process, noproc for none (badarg: not a local pid) */
static Term not_dirty(Process *p, Term pid)
{
    if (!is_signal_handler(p)) return proc_error(p, ATOM_notsup);
    if (!term_is_local_pid(pid)) return proc_badarg(p);
    if (pid == p->pid) return ATOM_false;
    Process *q = ptab_get(pid);
    if (!q) return ATOM_noproc;
    proc_release(q);
    return ATOM_false;
}

Term bif_erts_internal_is_process_executing_dirty_1(Process *p, const Term *args)
{
    if (!term_is_local_pid(args[0])) return proc_badarg(p);
    return ATOM_false;
}

/* Whether a process executing dirty refers to the module's old code: it is
 * not executing dirty, so it refers to nothing there (busy is never the answer). */
Term bif_erts_internal_check_dirty_process_code_2(Process *p, const Term *args)
{
    if (!is_signal_handler(p) && registry_name_of(p) != ATOM_erts_code_purger) return proc_error(p, ATOM_notsup);
    if (!term_is_local_pid(args[0]) || !term_is_atom(args[1])) return proc_badarg(p);
    return ATOM_false;
}

/* Signals of a process executing dirty are handled by the process itself
 * here; there are none to handle for it (never `more`). */
Term bif_erts_internal_dirty_process_handle_signals_1(Process *p, const Term *args) { return not_dirty(p, args[0]); }
