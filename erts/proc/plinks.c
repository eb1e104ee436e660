/* plinks.c — the link and monitor entries of one process: a small array,
 * searched linearly (processes hold few links; OTP uses trees for many). */
#include "proc/plinks.h"

#include <stdlib.h>

#include "term/boxed.h"
#include "term/copy.h"

LinkEntry *plink_find(Process *p, LinkKind kind, Term pid, const uint64_t *ref)
{
    ProcLinks *l = p->st.links;
    if (!l) return NULL;
    for (size_t i = 0; i < l->n; i++) {
        LinkEntry *e = &l->e[i];
        if (e->kind != kind) continue;
        if (ref ? (e->ref[0] == ref[0] && e->ref[1] == ref[1]) : e->pid == pid) return e;
    }
    return NULL;
}

void plink_add(Process *p, LinkEntry e)
{
    ProcLinks *l = p->st.links;
    if (!l) {
        l = p->st.links = calloc(1, sizeof *l);
        if (!l) abort();
    }
    if (l->n == l->cap) {
        l->cap = l->cap ? 2 * l->cap : 4;
        l->e = realloc(l->e, l->cap * sizeof *l->e);
        if (!l->e) abort();
    }
    l->e[l->n++] = e;
}

/* Order is kept: process_info lists links and monitors newest last. */
void plink_remove(Process *p, LinkEntry *e)
{
    ProcLinks *l = p->st.links;
    size_t i = (size_t)(e - l->e);
    free(e->tag);
    for (; i + 1 < l->n; i++) l->e[i] = l->e[i + 1];
    l->n--;
}

void plink_free(Process *p)
{
    if (!p->st.links) return;
    for (size_t i = 0; i < p->st.links->n; i++) free(p->st.links->e[i].tag);
    free(p->st.links->e);
    free(p->st.links);
    p->st.links = NULL;
}

bool monitor_options_parse(Term list, Term *tag, Term *alias_mode)
{
    for (; term_is_list(list); list = term_tail(list)) {
        Term opt = term_head(list);
        if (!term_is_tuple(opt) || term_tuple_arity(opt) != 2) return false;
        Term k = term_tuple_element(opt, 1), v = term_tuple_element(opt, 2);
        if (k == ATOM_tag)
            *tag = v;
        else if (k == ATOM_alias && (v == ATOM_explicit_unalias || v == ATOM_demonitor || v == ATOM_reply_demonitor))
            *alias_mode = v;
        else
            return false;
    }
    return term_is_nil(list);
}

TermBox *monitor_tag_new(Term tag) { return tag == ATOM_DOWN ? NULL : term_box_new(tag); }

void ref_raw(Term ref, uint64_t out[2])
{
    const Term *w = term_boxed_ptr(ref);
    out[0] = w[1];
    out[1] = w[2];
}

Term ref_from_raw(Term *mem, const uint64_t raw[2])
{
    mem[0] = header_make(HDR_REF, 2);
    mem[1] = raw[0];
    mem[2] = raw[1];
    return term_make_boxed(mem);
}
