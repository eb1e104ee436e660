/* map_ops.c — the map instructions' work, called from emu/ops_maps.inc.
 * Keys and values are gathered from their operands into small arrays and
 * handed to the map module in one call, so a put of k pairs builds one map. */
#include "emu/map_ops.h"

#include <stdlib.h>

#include "atom/atom.h"
#include "emu/frames.h"
#include "emu/operand.h"
#include "term/map.h"

/* Words a put of n pairs into m may take, to collect before building. */
static size_t put_estimate(Term m, size_t n)
{
    if (!term_is_map(m)) return 0;
    if (term_is_flatmap(m) && map_size(m) + n <= MAP_SMALL_LIMIT) return 2 * (map_size(m) + n) + 4;
    return term_is_flatmap(m) ? 8 * (map_size(m) + n) + 64 : 64 * n + 64;
}

/* put_map_*: l(1) s(2) d(3) u(4) then the count (5) and key/value sources. */
Term emu_put_map(Process *p, Term *x, const CodeWord *pc, bool exact)
{
    size_t n = (size_t)pc[5] / 2;
    emu_reserve(p, x, put_estimate(emu_src(p, x, pc[2]), n), (unsigned)pc[4]);
    Term m = emu_src(p, x, pc[2]);
    if (!term_is_map(m)) return proc_error2(p, ATOM_badmap, m);
    Term small_k[8], small_v[8];
    Term *keys = n <= 8 ? small_k : malloc(n * sizeof *keys), *values = n <= 8 ? small_v : malloc(n * sizeof *values);
    if (!keys || !values) abort();
    for (size_t i = 0; i < n; i++) {
        keys[i] = emu_src(p, x, pc[6 + 2 * i]);
        values[i] = emu_src(p, x, pc[7 + 2 * i]);
    }
    Term missing = TERM_NONE;
    Term r = map_put_many(p, m, keys, values, n, exact, &missing);
    if (keys != small_k) free(keys);
    if (values != small_v) free(values);
    if (r == TERM_NONE) return proc_error2(p, ATOM_badkey, missing);
    return r;
}

/* has_map_fields: l(1) s(2) then the count (3) and the key sources. */
bool emu_has_map_fields(Process *p, Term *x, const CodeWord *pc)
{
    Term m = emu_src(p, x, pc[2]);
    if (!term_is_map(m)) return false;
    for (UInt i = 0; i < pc[3]; i++)
        if (!map_get(m, emu_src(p, x, pc[4 + i]))) return false;
    return true;
}

/* get_map_elements: l(1) s(2) then the count (3) and key, destination pairs. */
bool emu_get_map_elements(Process *p, Term *x, const CodeWord *pc)
{
    Term m = emu_src(p, x, pc[2]);
    if (!term_is_map(m)) return false;
    size_t n = (size_t)pc[3] / 2;
    Term small[8], *found = n <= 8 ? small : malloc(n * sizeof *found);
    if (!found) abort();
    bool ok = true;
    for (size_t i = 0; i < n && ok; i++) {
        const Term *v = map_get(m, emu_src(p, x, pc[4 + 2 * i]));
        if (v) found[i] = *v;
        else ok = false;
    }
    for (size_t i = 0; i < n && ok; i++) *emu_dst(p, x, pc[5 + 2 * i]) = found[i];
    if (found != small) free(found);
    return ok;
}
