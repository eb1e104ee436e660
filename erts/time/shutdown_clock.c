/* shutdown_clock.c — the stop request and the look at a quiet system that
 * let the timer service skip idle waits while the node stops. */
#include "time/shutdown_clock.h"

#include <stdatomic.h>

#include "atom/atom.h"
#include "io/dirty_io.h"
#include "io/port.h"
#include "sched/sched.h"
#include "term/boxed.h"
#include "time/timer.h"

static _Atomic bool stopping;

/* init:stop/0 sends {stop, stop}, init:stop/1 {stop, {stop, Status}} and
 * init:reboot/0 {stop, reboot}; a restart is not an end, so it is left out. */
static bool is_stop_request(Term msg)
{
    if (!term_is_tuple(msg) || term_tuple_arity(msg) != 2 || term_tuple_element(msg, 1) != ATOM_stop) return false;
    Term how = term_tuple_element(msg, 2);
    if (how == ATOM_stop || how == ATOM_reboot) return true;
    return term_is_tuple(how) && term_tuple_arity(how) == 2 && term_tuple_element(how, 1) == ATOM_stop;
}

void shutdown_clock_note_init_message(Term msg)
{
    if (atomic_load_explicit(&stopping, memory_order_relaxed) || !is_stop_request(msg)) return;
    atomic_store(&stopping, true);
    timer_kick();
}

bool shutdown_clock_on(void) { return atomic_load_explicit(&stopping, memory_order_relaxed); }

bool shutdown_clock_system_quiet(void)
{
    return shutdown_clock_on() && sched_all_asleep() && dirty_io_unfinished() == 0 && port_table_quiet();
}
