/* ets_bif_table.c — the ETS BIFs about whole tables: new, delete, whereis,
 * rename, give_away, setopts, info, safe_fixtable and the table list behind
 * ets:all/0. */
#include <stdlib.h>

#include "bif/bif.h"
#include "bif/bif_util.h"
#include "ets/ets_store.h"
#include "proc/pexit.h"
#include "proc/signal.h"
#include "term/boxed.h"
#include "term/resource.h"
#include "sched/sched.h"
#include "time/timer.h"

typedef struct NewOpts {
    EtsType type;
    EtsProtection protection;
    unsigned keypos;
    bool named, read_conc, compressed;
    Term write_conc; /* true | false | auto */
    int decentralized; /* -1: the default for the table type */
    Term heir, heir_data;
} NewOpts;

static bool is_bool(Term t) { return t == ATOM_true || t == ATOM_false; }

static bool parse_new_option(NewOpts *o, Term opt)
{
    if (opt == ATOM_set) o->type = ETS_SET;
    else if (opt == ATOM_ordered_set) o->type = ETS_ORDERED_SET;
    else if (opt == ATOM_bag) o->type = ETS_BAG;
    else if (opt == ATOM_duplicate_bag) o->type = ETS_DUPLICATE_BAG;
    else if (opt == ATOM_public) o->protection = ETS_PUBLIC;
    else if (opt == ATOM_protected) o->protection = ETS_PROTECTED;
    else if (opt == ATOM_private) o->protection = ETS_PRIVATE;
    else if (opt == ATOM_named_table) o->named = true;
    else if (opt == ATOM_compressed) o->compressed = true;
    else if (term_is_tuple(opt) && term_tuple_arity(opt) == 2) {
        Term k = term_tuple_element(opt, 1), v = term_tuple_element(opt, 2);
        if (k == ATOM_keypos && term_is_small(v) && term_small_value(v) >= 1 && term_small_value(v) < (1 << 24))
            o->keypos = (unsigned)term_small_value(v);
        else if (k == ATOM_write_concurrency && (is_bool(v) || v == ATOM_auto)) o->write_conc = v;
        else if (k == ATOM_read_concurrency && is_bool(v)) o->read_conc = v == ATOM_true;
        else if (k == ATOM_decentralized_counters && is_bool(v)) o->decentralized = v == ATOM_true;
        else if (k == ATOM_heir && v == ATOM_none) o->heir = ATOM_none;
        else return false;
    } else if (term_is_tuple(opt) && term_tuple_arity(opt) == 3 && term_tuple_element(opt, 1) == ATOM_heir &&
               term_is_local_pid(term_tuple_element(opt, 2))) {
        o->heir = term_tuple_element(opt, 2);
        o->heir_data = term_tuple_element(opt, 3);
    } else {
        return false;
    }
    return true;
}

/* {HeirData}, stored with the table as an object of its own. */
static EtsObject *heir_data_object(Process *p, Term data)
{
    Term *e;
    Term box = bif_alloc_tuple(p, 1, &e);
    e[0] = data;
    return ets_object_new(box, 0, 0);
}

Term bif_ets_new_2(Process *p, const Term *args)
{
    NewOpts o = {ETS_SET, ETS_PROTECTED, 1, false, false, false, ATOM_false, -1, ATOM_none, TERM_NONE};
    if (!term_is_atom(args[0])) return ets_raise(p, ETS_BADARG);
    Term l = args[1];
    for (; term_is_list(l); l = term_tail(l))
        if (!parse_new_option(&o, term_head(l))) return ets_raise(p, ETS_BADARG);
    if (!term_is_nil(l)) return ets_raise(p, ETS_BADARG);
    EtsTable *t = ets_table_create(p, args[0], o.named);
    if (!t) return proc_error(p, ATOM_system_limit);
    t->type = o.type;
    t->protection = o.protection;
    t->keypos = o.keypos;
    /* OTP ignores read_concurrency on private tables, and turns decentralized
     * counters on for write_concurrency auto, and true on ordered_set. */
    t->read_concurrency = o.read_conc && o.protection != ETS_PRIVATE;
    t->write_concurrency = o.write_conc != ATOM_false;
    t->compressed = o.compressed;
    t->decentralized_counters = o.decentralized >= 0 ? o.decentralized == 1
                                : o.write_conc == ATOM_auto || (o.type == ETS_ORDERED_SET && o.write_conc == ATOM_true);
    t->write_auto = o.write_conc == ATOM_auto;
    t->heir = o.heir;
    if (o.heir != ATOM_none) t->heir_data = heir_data_object(p, o.heir_data);
    if (!ets_registry_add(t)) {
        ets_object_free(t->heir_data);
        t->dead = true;
        ets_table_clear(t);
        resource_release(t);
        return ets_raise(p, ETS_ERR_ALREADY_EXISTS);
    }
    proc_exit_hook_arm(p, EXIT_HOOK_ETS);
    return ets_id_term(p, t);
}

Term bif_ets_delete_1(Process *p, const Term *args)
{
    EtsError err;
    EtsTable *t = ets_acquire(p, args[0], ETS_WRITE, &err);
    if (!t) return ets_raise(p, err);
    EtsGarbage g;
    bool any = ets_store_detach(t, &g);
    ets_table_destroy(t);
    return any ? ets_free_detached(p, &g, ATOM_true) : ATOM_true;
}

Term bif_ets_whereis_1(Process *p, const Term *args)
{
    if (!term_is_atom(args[0])) return ets_raise(p, ETS_BADARG);
    EtsTable *t = ets_acquire_any(args[0], ETS_READ);
    if (!t) return ATOM_undefined;
    Term tid = ets_tid_term(p, t);
    ets_release(t);
    return tid;
}

Term bif_ets_rename_2(Process *p, const Term *args)
{
    EtsError err;
    if (!term_is_atom(args[1])) return ets_raise(p, ETS_BADARG);
    EtsTable *t = ets_acquire(p, args[0], ETS_WRITE, &err);
    if (!t) return ets_raise(p, err);
    if (!ets_registry_rename(t, args[1])) {
        ets_release(t);
        return ets_raise(p, ETS_ERR_ALREADY_EXISTS);
    }
    Term id = ets_id_term(p, t);
    ets_release(t);
    return id;
}

/* Tables that only their owner may hand on; *err says why not. */
static EtsTable *acquire_owned(Process *p, Term id, EtsError *err)
{
    EtsTable *t = ets_acquire_any(id, ETS_WRITE);
    if (!t) {
        *err = term_is_atom(id) || term_is_ref(id) ? ETS_ERR_ID : ETS_ERR_TYPE;
        return NULL;
    }
    if (atomic_load(&t->owner) != p->pid) {
        ets_release(t);
        *err = ETS_ERR_NOT_OWNER;
        return NULL;
    }
    return t;
}

Term bif_ets_give_away_3(Process *p, const Term *args)
{
    EtsError err;
    if (!term_is_local_pid(args[1])) return ets_raise(p, ETS_BADARG);
    EtsTable *t = acquire_owned(p, args[0], &err);
    if (!t) return ets_raise(p, err);
    if (args[1] == p->pid) {
        ets_release(t);
        return ets_raise(p, ETS_ERR_OWNER);
    }
    if (!ets_transfer(p, t, args[1], args[2])) {
        ets_release(t);
        return ets_raise(p, ETS_BADARG);
    }
    ets_release(t);
    return ATOM_true;
}

/* setopts/2: heir and protection, the options OTP lets the owner change. */
static bool setopt(Process *p, EtsTable *t, Term opt)
{
    if (!term_is_tuple(opt)) return false;
    UInt n = term_tuple_arity(opt);
    Term k = term_tuple_element(opt, 1);
    if (n == 2 && k == ATOM_heir && term_tuple_element(opt, 2) == ATOM_none) {
        ets_object_free(t->heir_data);
        t->heir_data = NULL;
        t->heir = ATOM_none;
    } else if (n == 3 && k == ATOM_heir && term_is_local_pid(term_tuple_element(opt, 2))) {
        ets_object_free(t->heir_data);
        t->heir_data = heir_data_object(p, term_tuple_element(opt, 3));
        t->heir = term_tuple_element(opt, 2);
    } else if (n == 2 && k == ATOM_protection) {
        Term v = term_tuple_element(opt, 2);
        if (v == ATOM_public) t->protection = ETS_PUBLIC;
        else if (v == ATOM_protected) t->protection = ETS_PROTECTED;
        else if (v == ATOM_private) t->protection = ETS_PRIVATE;
        else return false;
    } else {
        return false;
    }
    return true;
}

static bool valid_setopt(Term opt)
{
    if (!term_is_tuple(opt)) return false;
    UInt n = term_tuple_arity(opt);
    Term k = term_tuple_element(opt, 1), v = n >= 2 ? term_tuple_element(opt, 2) : TERM_NIL;
    if (k == ATOM_heir) return (n == 2 && v == ATOM_none) || (n == 3 && term_is_local_pid(v));
    return k == ATOM_protection && n == 2 && (v == ATOM_public || v == ATOM_protected || v == ATOM_private);
}

Term bif_ets_setopts_2(Process *p, const Term *args)
{
    Term opts = args[1];
    if (term_is_tuple(opts)) {
        Term *cell = proc_alloc(p, 2);
        opts = term_cons(cell, opts, TERM_NIL);
    }
    Term l = opts;
    for (; term_is_list(l); l = term_tail(l))
        if (!valid_setopt(term_head(l))) return ets_raise(p, ETS_BADARG);
    if (!term_is_nil(l)) return ets_raise(p, ETS_BADARG);
    EtsError err;
    EtsTable *t = acquire_owned(p, args[0], &err);
    if (!t) return ets_raise(p, err == ETS_ERR_NOT_OWNER ? ETS_BADARG : err);
    for (l = opts; term_is_list(l); l = term_tail(l)) setopt(p, t, term_head(l));
    ets_release(t);
    return ATOM_true;
}

/* ---- info ---- */

static Term type_atom(EtsType type)
{
    switch (type) {
    case ETS_SET: return ATOM_set;
    case ETS_ORDERED_SET: return ATOM_ordered_set;
    case ETS_BAG: return ATOM_bag;
    default: return ATOM_duplicate_bag;
    }
}

static Term protection_atom(EtsProtection pr)
{
    return pr == ETS_PUBLIC ? ATOM_public : pr == ETS_PROTECTED ? ATOM_protected : ATOM_private;
}

static Term boolean(bool b) { return b ? ATOM_true : ATOM_false; }

/* {FixTime, [{Pid, Count}]} as erlang:timestamp/0 and monotonic time give it. */
static Term fix_info(Process *p, const EtsTable *t, bool monotonic)
{
    if (!t->fixes) return ATOM_false;
    Term list = TERM_NIL;
    for (const EtsFix *f = t->fixes; f; f = f->next)
        list = term_cons(proc_alloc(p, 2), bif_tuple2(p, f->pid, term_make_small(f->count)), list);
    Term when;
    if (monotonic) {
        when = term_make_small(t->fix_time_ns);
    } else {
        int64_t us = (t->fix_time_ns - time_monotonic_ns() + time_system_ns()) / 1000;
        when = bif_tuple3(p, term_make_small(us / 1000000000000), term_make_small(us / 1000000 % 1000000),
                          term_make_small(us % 1000000));
    }
    return bif_tuple2(p, when, list);
}

static Term info_item(Process *p, EtsTable *t, Term item)
{
    if (item == ATOM_id) return ets_tid_term(p, t);
    if (item == ATOM_name) return t->name;
    if (item == ATOM_type) return type_atom(t->type);
    if (item == ATOM_size) return term_make_small((SInt)t->count);
    if (item == ATOM_memory) return term_make_small((SInt)((ets_table_bytes(t) + 7) / 8));
    if (item == ATOM_owner) return atomic_load(&t->owner);
    if (item == ATOM_heir) return t->heir;
    if (item == ATOM_node) return ATOM_nonode_nohost;
    if (item == ATOM_named_table) return boolean(t->named);
    if (item == ATOM_keypos) return term_make_small(t->keypos);
    if (item == ATOM_protection) return protection_atom(t->protection);
    if (item == ATOM_compressed) return boolean(t->compressed);
    if (item == ATOM_read_concurrency) return boolean(t->read_concurrency);
    if (item == ATOM_write_concurrency) return t->write_auto ? ATOM_auto : boolean(t->write_concurrency);
    if (item == ATOM_decentralized_counters) return boolean(t->decentralized_counters);
    if (item == ATOM_fixed) return boolean(ets_is_fixed(t));
    if (item == ATOM_safe_fixed) return fix_info(p, t, false);
    if (item == ATOM_safe_fixed_monotonic_time) return fix_info(p, t, true);
    if (item == ATOM_binary) return ets_info_binary(p, t);
    if (item == ATOM_stats) return ets_info_stats(p, t);
    return TERM_NONE;
}

Term bif_ets_info_2(Process *p, const Term *args)
{
    if (!term_is_atom(args[0]) && !term_is_ref(args[0])) return ets_raise(p, ETS_ERR_TYPE);
    EtsTable *t = ets_acquire_any(args[0], ETS_READ);
    if (!t) {
        if (term_is_ref(args[0]) && !term_is_magic_ref(args[0])) return ets_raise(p, ETS_ERR_TYPE);
        return ATOM_undefined;
    }
    Term v = term_is_atom(args[1]) ? info_item(p, t, args[1]) : TERM_NONE;
    ets_release(t);
    if (v == TERM_NONE && p->freason != ATOM_not_implemented) return ets_raise(p, ETS_BADARG);
    return v;
}

Term bif_ets_info_1(Process *p, const Term *args)
{
    static const Term order[] = {ATOM_id, ATOM_decentralized_counters, ATOM_read_concurrency,
                                 ATOM_write_concurrency, ATOM_compressed, ATOM_memory, ATOM_owner, ATOM_heir,
                                 ATOM_name, ATOM_size, ATOM_node, ATOM_named_table, ATOM_type, ATOM_keypos,
                                 ATOM_protection};
    if (!term_is_atom(args[0]) && !term_is_ref(args[0])) return ets_raise(p, ETS_ERR_TYPE);
    EtsTable *t = ets_acquire_any(args[0], ETS_READ);
    if (!t) {
        if (term_is_ref(args[0]) && !term_is_magic_ref(args[0])) return ets_raise(p, ETS_ERR_TYPE);
        return ATOM_undefined;
    }
    Term list = TERM_NIL;
    for (size_t i = sizeof order / sizeof order[0]; i-- > 0;)
        list = term_cons(proc_alloc(p, 2), bif_tuple2(p, order[i], info_item(p, t, order[i])), list);
    ets_release(t);
    return list;
}

/* ---- safe_fixtable ---- */

Term bif_ets_safe_fixtable_2(Process *p, const Term *args)
{
    if (!is_bool(args[1])) return ets_raise(p, ETS_BADARG);
    EtsError err;
    EtsTable *t = ets_acquire(p, args[0], ETS_WRITE, &err);
    if (!t && err == ETS_ERR_ACCESS) {
        /* fixing needs read access only; the lock is for the fix list */
        t = ets_acquire(p, args[0], ETS_READ, &err);
        if (t) {
            ets_release(t);
            t = ets_acquire_any(args[0], ETS_WRITE);
        }
    }
    if (!t) return ets_raise(p, err);
    EtsFix **at = &t->fixes;
    while (*at && (*at)->pid != p->pid) at = &(*at)->next;
    if (args[1] == ATOM_true) {
        if (!t->fixes) t->fix_time_ns = time_monotonic_ns();
        if (!*at) {
            EtsFix *f = calloc(1, sizeof *f);
            if (!f) abort();
            f->pid = p->pid;
            f->next = t->fixes;
            t->fixes = f;
            at = &t->fixes;
            proc_exit_hook_arm(p, EXIT_HOOK_ETS);
        }
        (*at)->count++;
    } else if (*at && --(*at)->count == 0) {
        EtsFix *f = *at;
        *at = f->next;
        free(f);
    }
    ets_release(t);
    return ATOM_true;
}

/* ets:all/0 asks every scheduler for its tables and waits for as many
 * {Ref, Tables} messages as there are schedulers: here one message carries
 * them all and the others are empty. */
Term bif_ets_internal_request_all_0(Process *p, const Term *args)
{
    (void)args;
    Term ref = ref_make(p);
    unsigned n = sched_count() ? sched_count() : 1;
    for (unsigned i = 0; i < n; i++) {
        Term tabs = i == 0 ? ets_registry_all(p) : TERM_NIL;
        Term msg = bif_tuple2(p, ref, tabs);
        sig_send(p->pid, msg_copy_of(msg, SIG_MSG, p->pid));
    }
    return ref;
}
