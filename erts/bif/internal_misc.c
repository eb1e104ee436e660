/* internal_misc.c — small erts_internal functions that OTP's Erlang code
 * calls: no_aux_work_threads/0 (erlang:alloc_info/1, alloc_sizes/1),
 * time_unit/0, perf_counter_unit/0, cmp_term/2 (the compiler's term order)
 * and system_check/1 (heart). One reduction each; cmp_term/2: plus the size
 * of the terms compared. */
#include "bif/bif.h"

#include "atom/atom.h"
#include "bif/bif_util.h"
#include "term/compare.h"

/* Threads outside the schedulers that do work for them: the I/O poller and
 * the timer service. OTP's allocator views count one instance each. */
Term bif_erts_internal_no_aux_work_threads_0(Process *p, const Term *args) { return term_make_small(2); }

/* Native time units per second: the clocks count nanoseconds. */
Term bif_erts_internal_time_unit_0(Process *p, const Term *args) { return term_make_small(1000000000); }
Term bif_erts_internal_perf_counter_unit_0(Process *p, const Term *args) { return term_make_small(1000000000); }

/* -1, 0 or 1 in the exact order (an integer sorts before an equal float). */
Term bif_erts_internal_cmp_term_2(Process *p, const Term *args)
{
    int c = term_compare_exact(args[0], args[1]);
    return term_make_small(c < 0 ? -1 : c > 0);
}

/* heart's check that the schedulers respond: answering at all proves it. */
Term bif_erts_internal_system_check_1(Process *p, const Term *args)
{
    return args[0] == atom_from_cstr("schedulers") ? ATOM_ok : proc_badarg(p);
}
