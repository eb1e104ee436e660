/* maps_bifs.c — the map BIFs of erlang (map_size, is_map_key, map_get) and
 * the natively implemented functions of the maps module, with the badmap,
 * badkey and badarg errors exactly where OTP raises them. Lookups cost one
 * reduction; functions that walk or build a whole map cost one reduction
 * per 16 pairs on top. */
#include "bif/bif.h"

#include <stdlib.h>

#include "atom/atom.h"
#include "bif/bif_util.h"
#include "term/map.h"

static Term badmap(Process *p, Term m) { return proc_error2(p, ATOM_badmap, m); }
static void charge(Process *p, UInt pairs) { p->reductions += pairs / 16; }

Term bif_erlang_map_size_1(Process *p, const Term *args)
{
    if (!term_is_map(args[0])) return badmap(p, args[0]);
    UInt n = map_size(args[0]);
    return term_make_small((SInt)n);
}

Term bif_erlang_is_map_key_2(Process *p, const Term *args)
{
    if (!term_is_map(args[1])) return badmap(p, args[1]);
    return map_get(args[1], args[0]) ? ATOM_true : ATOM_false;
}

Term bif_erlang_map_get_2(Process *p, const Term *args)
{
    if (!term_is_map(args[1])) return badmap(p, args[1]);
    const Term *v = map_get(args[1], args[0]);
    return v ? *v : proc_error2(p, ATOM_badkey, args[0]);
}

Term bif_maps_get_2(Process *p, const Term *args) { return bif_erlang_map_get_2(p, args); }
Term bif_maps_is_key_2(Process *p, const Term *args) { return bif_erlang_is_map_key_2(p, args); }

Term bif_maps_find_2(Process *p, const Term *args)
{
    if (!term_is_map(args[1])) return badmap(p, args[1]);
    const Term *v = map_get(args[1], args[0]);
    return v ? bif_tuple2(p, ATOM_ok, *v) : ATOM_error;
}

Term bif_maps_put_3(Process *p, const Term *args)
{
    if (!term_is_map(args[2])) return badmap(p, args[2]);
    return map_put(p, args[2], args[0], args[1]);
}

Term bif_maps_update_3(Process *p, const Term *args)
{
    if (!term_is_map(args[2])) return badmap(p, args[2]);
    Term r = map_update(p, args[2], args[0], args[1]);
    return r != TERM_NONE ? r : proc_error2(p, ATOM_badkey, args[0]);
}

Term bif_maps_remove_2(Process *p, const Term *args)
{
    if (!term_is_map(args[1])) return badmap(p, args[1]);
    return map_remove(p, args[1], args[0]);
}

Term bif_maps_take_2(Process *p, const Term *args)
{
    if (!term_is_map(args[1])) return badmap(p, args[1]);
    const Term *v = map_get(args[1], args[0]);
    if (!v) return ATOM_error;
    Term value = *v;
    return bif_tuple2(p, value, map_remove(p, args[1], args[0]));
}

/* Cost: one reduction per 16 pairs. */
Term bif_maps_keys_1(Process *p, const Term *args)
{
    if (!term_is_map(args[0])) return badmap(p, args[0]);
    charge(p, map_size(args[0]));
    return map_keys(p, args[0]);
}

/* Cost: one reduction per 16 pairs. */
Term bif_maps_values_1(Process *p, const Term *args)
{
    if (!term_is_map(args[0])) return badmap(p, args[0]);
    charge(p, map_size(args[0]));
    return map_values(p, args[0]);
}

/* Cost: one reduction per 16 pairs. */
Term bif_maps_to_list_1(Process *p, const Term *args)
{
    if (!term_is_map(args[0])) return badmap(p, args[0]);
    charge(p, map_size(args[0]));
    return map_to_list(p, args[0]);
}

/* Cost: one reduction per 16 pairs of both maps. */
Term bif_maps_merge_2(Process *p, const Term *args)
{
    if (!term_is_map(args[0])) return badmap(p, args[0]);
    if (!term_is_map(args[1])) return badmap(p, args[1]);
    charge(p, map_size(args[0]) + map_size(args[1]));
    return map_merge(p, args[0], args[1]);
}

/* Cost: one reduction per 16 pairs. */
Term bif_maps_from_list_1(Process *p, const Term *args)
{
    size_t n;
    if (!bif_list_length(args[0], &n)) return proc_badarg(p);
    Term *kv = malloc(2 * n * sizeof *kv + 1);
    if (!kv) abort();
    size_t i = 0;
    for (Term l = args[0]; term_is_list(l); l = term_tail(l), i++) {
        Term t = term_head(l);
        if (!term_is_tuple(t) || term_tuple_arity(t) != 2) {
            free(kv);
            return proc_badarg(p);
        }
        kv[i] = term_tuple_element(t, 1);
        kv[n + i] = term_tuple_element(t, 2);
    }
    charge(p, n);
    Term m = map_from_pairs(p, kv, kv + n, n);
    free(kv);
    return m;
}

/* Cost: one reduction per 16 keys. */
Term bif_maps_from_keys_2(Process *p, const Term *args)
{
    size_t n;
    if (!bif_list_length(args[0], &n)) return proc_badarg(p);
    Term *kv = malloc(2 * n * sizeof *kv + 1);
    if (!kv) abort();
    size_t i = 0;
    for (Term l = args[0]; term_is_list(l); l = term_tail(l), i++) kv[i] = term_head(l), kv[n + i] = args[1];
    charge(p, n);
    Term m = map_from_pairs(p, kv, kv + n, n);
    free(kv);
    return m;
}
