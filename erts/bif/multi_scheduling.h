/* multi_scheduling.h — system_flag(multi_scheduling, _) and the
 * system_info items that report it (bif/multi_scheduling.c). */
#ifndef EMBER_BIF_MULTI_SCHEDULING_H
#define EMBER_BIF_MULTI_SCHEDULING_H

#include "proc/process.h"

/* block | unblock | block_normal | unblock_normal: the state after the call
 * (blocked, blocked_normal or enabled), or TERM_NONE (raised or retried). */
Term multi_scheduling_flag(Process *p, Term how);
/* system_info(multi_scheduling): enabled, blocked or blocked_normal. */
Term multi_scheduling_state(void);
/* The blocking processes, of all blocks or of normal ones only. */
Term multi_scheduling_blockers(Process *p, bool normal);

#endif
