/* shutdown_clock.h — a stopping node does not wait out idle timers.
 *
 * Once init has been asked to stop (init:stop/0,1, q() in the shell), a
 * system in which nothing can happen but a timer firing runs its timer clock
 * ahead to the next deadline instead of sleeping. Nothing can happen when
 * every scheduler sleeps, no file job runs and every open port is an fd or
 * terminal port with no output queued (no OS process, no socket that could
 * answer). OTP 25's kernel waits a full second in such a state while it stops
 * (user_sup's terminate sleeps before it kills the user process); Ember's
 * stop skips that second and keeps the order of everything else. */
#ifndef EMBER_SHUTDOWN_CLOCK_H
#define EMBER_SHUTDOWN_CLOCK_H

#include <stdbool.h>

#include "term/term.h"

/* A message sent to the name `init`: a stop request turns the clock on. */
void shutdown_clock_note_init_message(Term msg);
/* A stop has been requested (a look, not a lock). */
bool shutdown_clock_on(void);
/* Nothing in the system can move but a timer (see above). */
bool shutdown_clock_system_quiet(void);

#endif
