/* alias.h — process aliases (erlang:alias/0,1, monitor/3's alias option):
 * references that deliver a message to the process that made them. This
 * table maps an alias to its owner so that a sender can find it; whether the
 * alias is still active is decided by the owner when the message arrives
 * (its LK_ALIAS entry, proc/plinks.h), so a message sent before unalias/1 but
 * handled after it is dropped, as on OTP. */
#ifndef EMBER_ALIAS_H
#define EMBER_ALIAS_H

#include <stdbool.h>
#include <stdint.h>

#include "term/term.h"

struct Process;

/* Makes ref an alias of p (its own process) in the given mode: an LK_ALIAS
 * entry and a table entry. */
void alias_make(struct Process *p, const uint64_t ref[2], Term mode);
/* Drops ref from p's aliases when it is one, in any mode (mode TERM_NONE)
 * or in one of the two given; false when nothing was dropped. */
bool alias_drop(struct Process *p, const uint64_t ref[2], Term mode1, Term mode2);
void alias_register(const uint64_t ref[2], Term owner);
void alias_unregister(const uint64_t ref[2]);
/* The owner of an alias, or TERM_NONE when it has none (any more). */
Term alias_owner(const uint64_t ref[2]);

#endif
