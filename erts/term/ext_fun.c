/* ext_fun.c — fun entries for decoded closures. Entries made for versions
 * that are not loaded live here for the life of the runtime (OTP keeps them
 * in its fun table while funs refer to them); one per distinct id, so the
 * same bytes decoded twice give equal funs. */
#include "term/ext_fun.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* A module version that is not loaded: its name and MD5, marked purged so that every call of
 * its funs looks for the loaded version first. */
typedef struct AbsentVersion {
    Module module;
    FunEntry **funs;
    size_t nfuns, cap;
} AbsentVersion;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static AbsentVersion **absent;
static size_t nabsent, absent_cap;

static void *grow(void *items, size_t *cap, size_t len, size_t size)
{
    if (len < *cap) return items;
    *cap = *cap ? *cap * 2 : 8;
    items = realloc(items, *cap * size);
    if (!items) abort();
    return items;
}

static bool entry_matches(const FunEntry *f, const ExtFunId *id)
{
    return f->index == id->old_index && f->new_index == id->new_index && f->old_uniq == id->old_uniq &&
           f->arity == id->arity + id->num_free && f->num_free == id->num_free;
}

static AbsentVersion *absent_version(const ExtFunId *id)
{
    for (size_t i = 0; i < nabsent; i++)
        if (absent[i]->module.name == id->module && memcmp(absent[i]->module.md5, id->md5, 16) == 0) return absent[i];
    AbsentVersion *s = calloc(1, sizeof *s);
    if (!s) abort();
    s->module.name = id->module;
    memcpy(s->module.md5, id->md5, 16);
    atomic_init(&s->module.purged, true);
    s->module.attributes = TERM_NIL;
    s->module.compile_info = TERM_NIL;
    absent = grow(absent, &absent_cap, nabsent, sizeof *absent);
    absent[nabsent++] = s;
    return s;
}

const FunEntry *ext_fun_entry(const ExtFunId *id)
{
    Module *m = module_get(id->module);
    if (m && memcmp(m->md5, id->md5, 16) == 0 && id->new_index < m->num_funs &&
        entry_matches(&m->funs[id->new_index], id))
        return &m->funs[id->new_index];
    pthread_mutex_lock(&lock);
    AbsentVersion *s = absent_version(id);
    FunEntry *fe = NULL;
    for (size_t i = 0; i < s->nfuns && !fe; i++)
        if (entry_matches(s->funs[i], id)) fe = s->funs[i];
    if (!fe) {
        fe = calloc(1, sizeof *fe);
        if (!fe) abort();
        *fe = (FunEntry){.module = &s->module, .function = TERM_NIL, .arity = id->arity + id->num_free,
                         .num_free = id->num_free, .index = id->old_index, .new_index = id->new_index,
                         .old_uniq = id->old_uniq};
        s->funs = grow(s->funs, &s->cap, s->nfuns, sizeof *s->funs);
        s->funs[s->nfuns++] = fe;
    }
    pthread_mutex_unlock(&lock);
    return fe;
}

const FunEntry *ext_fun_resolved(const FunEntry *fe)
{
    if (!term_is_nil(fe->function)) return fe;
    const FunEntry *cur = module_current_fun(fe);
    return cur ? cur : fe;
}
