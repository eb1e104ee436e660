/* plinks.h — a process's links and monitors, kept by the process itself and
 * changed only while it handles its own signals, so they need no lock. Entries
 * hold no heap terms (references are kept as their raw words), so the
 * collector never looks at them. */
#ifndef EMBER_PLINKS_H
#define EMBER_PLINKS_H

#include "atom/atom.h"
#include "proc/process.h"
#include "term/copy.h"

typedef enum LinkKind {
    LK_LINK,    /* linked with pid */
    LK_MONITOR, /* this process monitors pid (name: the registered name used, or NIL) */
    LK_WATCHER, /* pid monitors this process (tag: what its DOWN message starts with) */
    LK_ALIAS,   /* ref is an active alias of this process (name: its mode, an atom) */
    LK_SUSPEND, /* this process suspends pid ref[0] times; ref[1]: 1 while a
                 * synchronous suspend_process waits for pid to stop */
} LinkKind;

typedef struct LinkEntry {
    LinkKind kind;
    Term pid;
    Term name;
    uint64_t ref[2];
    TermBox *tag; /* a monitor's tag (monitor/3's {tag, Tag}); NULL: 'DOWN'; freed with the entry */
} LinkEntry;

/* A copy of tag; NULL for 'DOWN' itself, the default. */
TermBox *monitor_tag_new(Term tag);
/* The options of monitor/3 and of spawn's {monitor, Options}: {tag, Tag}
 * and {alias, explicit_unalias | demonitor | reply_demonitor}. False for
 * anything else; *tag and *alias_mode keep their values unless named. */
bool monitor_options_parse(Term list, Term *tag, Term *alias_mode);
/* A monitor's target to tell when it ends: none for a name that was not
 * registered (pid NIL) or for the clock service (pid ATOM_clock_service,
 * monitor(time_offset, clock_service)), which has no process. */
static inline bool monitor_has_target(const LinkEntry *e) { return e->pid != TERM_NIL && !term_is_atom(e->pid); }
/* The tag a DOWN message starts with. */
static inline Term monitor_tag_term(const TermBox *t) { return t ? t->term : ATOM_DOWN; }

typedef struct ProcLinks {
    LinkEntry *e;
    size_t n, cap;
} ProcLinks;

/* Links match by pid, monitors and watchers by reference (ref non-NULL). */
LinkEntry *plink_find(Process *p, LinkKind kind, Term pid, const uint64_t *ref);
void plink_add(Process *p, LinkEntry e);
/* Removes e (a pointer plink_find returned); later pointers are invalid. */
void plink_remove(Process *p, LinkEntry *e);
void plink_free(Process *p);

/* The raw words of a local reference, and a reference rebuilt from them on
 * REF_WORDS words at mem. */
void ref_raw(Term ref, uint64_t out[2]);
Term ref_from_raw(Term *mem, const uint64_t raw[2]);

#endif
