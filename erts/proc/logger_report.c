/* logger_report.c — error reports to the logger process. */
#include "proc/logger_report.h"

#include <string.h>

#include "atom/atom.h"
#include "bif/bif_util.h"
#include "proc/registry.h"
#include "proc/signal.h"
#include "term/boxed.h"
#include "term/map.h"
#include "time/timer.h"

bool logger_report_error(Process *p, const char *format, Term args)
{
    Term logger = registry_whereis(ATOM_logger);
    if (!term_is_local_pid(logger)) return false;
    Term text = bif_bytes_to_list(p, (const uint8_t *)format, strlen(format), TERM_NIL);
    Term tag_keys[2] = {atom_from_cstr("emulator"), ATOM_tag}, tag_values[2] = {ATOM_true, ATOM_error};
    Term keys[4] = {atom_from_cstr("error_logger"), atom_from_cstr("gl"), ATOM_pid, atom_from_cstr("time")};
    Term values[4] = {map_from_pairs(p, tag_keys, tag_values, 2), p->group_leader, p->pid,
                      term_make_small(time_system_ns() / 1000)};
    Term *t = proc_alloc(p, 6);
    t[0] = header_make(HDR_TUPLE, 5);
    t[1] = atom_from_cstr("log"), t[2] = ATOM_error, t[3] = text, t[4] = args;
    t[5] = map_from_pairs(p, keys, values, 4);
    sig_send(logger, msg_copy_of(term_make_boxed(t), SIG_MSG, p->pid));
    return true;
}
