/* test_sched.c — the process table (pid numbering, limit, lookups), the name
 * registry, signal queues between processes (message order, link and monitor
 * answers for a process that is gone) and the timer service's clock. */
#include <check.h>
#include <stdlib.h>

#include "check_run.h"
#include "atom/atom.h"
#include "bif/bif.h"
#include "proc/plinks.h"
#include "proc/ptab.h"
#include "proc/registry.h"
#include "proc/signal.h"
#include "term/boxed.h"
#include "time/timer.h"

static void setup(void)
{
    static bool done;
    if (done) return;
    done = true;
    atom_table_init(0);
    ptab_init(0);
}

/* A table process that no scheduler runs: signals stay in its queue. */
static Process *table_process(void)
{
    Process *p = proc_new(0);
    ck_assert(ptab_insert(p));
    return p;
}

START_TEST(pids_are_numbered_and_found)
{
    setup();
    ck_assert_uint_eq(ptab_limit(), 262144);
    Process *a = table_process(), *b = table_process();
    ck_assert(a->pid != b->pid);
    ck_assert_uint_eq(pid_serial_part(a->pid), 0);
    Process *f = ptab_get(b->pid);
    ck_assert_ptr_eq(f, b);
    proc_release(f);
    Term gone = a->pid;
    ptab_remove(a);
    ck_assert_ptr_null(ptab_get(gone));
    ck_assert_ptr_null(ptab_get(term_make_small(1)));
    ptab_remove(b);
}
END_TEST

START_TEST(registry_register_and_whereis)
{
    setup();
    Process *a = table_process();
    Term name = atom_from_cstr("test_sched_name");
    ck_assert_int_eq(registry_register(name, a->pid), REG_OK);
    ck_assert_int_eq(registry_register(name, a->pid), REG_NAME_TAKEN);
    ck_assert_int_eq(registry_register(atom_from_cstr("other"), a->pid), REG_PID_HAS_NAME);
    ck_assert(registry_whereis(name) == a->pid);
    ck_assert(registry_name_of(a) == name);
    registry_unregister_pid(a);
    ck_assert(registry_whereis(name) == TERM_NONE);
    ck_assert(!registry_unregister(name));
    ptab_remove(a);
}
END_TEST

START_TEST(messages_keep_their_order)
{
    setup();
    Process *a = table_process(), *b = table_process();
    for (int i = 0; i < 100; i++) {
        Term *hp = proc_alloc(a, 3);
        hp[0] = header_make(HDR_TUPLE, 2), hp[1] = ATOM_ok, hp[2] = term_make_small(i);
        sig_send(b->pid, msg_copy_of(term_make_boxed(hp), SIG_MSG, a->pid));
    }
    ck_assert(proc_fetch_signals(b));
    ck_assert_uint_eq(b->st.msgq_len, 100);
    int i = 0;
    for (Message *m = b->st.msgq; m; m = m->next, i++)
        ck_assert_int_eq(term_small_value(term_tuple_element(m->term, 2)), i);
    msgq_take(b, &b->st.msgq);
    ck_assert_uint_eq(b->st.msgq_len, 99);
    ptab_remove(a);
    ptab_remove(b);
}
END_TEST

START_TEST(links_and_monitors_to_a_dead_process)
{
    setup();
    Process *a = table_process(), *b = table_process();
    Term dead = b->pid;
    ptab_remove(b);
    plink_add(a, (LinkEntry){LK_LINK, dead, TERM_NIL, {0, 0}, NULL});
    Message *l = msg_build(SIG_LINK, a->pid, 0, NULL);
    sig_send(dead, l);
    atomic_store(&a->st.trap_exit, true);
    ck_assert(proc_fetch_signals(a));
    ck_assert_uint_eq(a->st.msgq_len, 1);
    Term exit = a->st.msgq->term;
    ck_assert(term_tuple_element(exit, 1) == ATOM_EXIT);
    ck_assert(term_tuple_element(exit, 3) == ATOM_noproc);
    /* without trap_exit the noproc exit signal ends the process */
    Process *c = table_process();
    plink_add(c, (LinkEntry){LK_LINK, dead, TERM_NIL, {0, 0}, NULL});
    sig_send(dead, msg_build(SIG_LINK, c->pid, 0, NULL));
    ck_assert(!proc_fetch_signals(c));
    ck_assert(c->st.exit_reason == ATOM_noproc);
    ptab_remove(a);
    ptab_remove(c);
}
END_TEST

START_TEST(monotonic_clock_moves_forward)
{
    int64_t a = time_monotonic_ns(), b = time_monotonic_ns();
    ck_assert(b >= a);
    ck_assert(time_system_ns() > 1600000000LL * 1000000000LL);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("sched");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, pids_are_numbered_and_found);
    tcase_add_test(tc, registry_register_and_whereis);
    tcase_add_test(tc, messages_keep_their_order);
    tcase_add_test(tc, links_and_monitors_to_a_dead_process);
    tcase_add_test(tc, monotonic_clock_moves_forward);
    suite_add_tcase(s, tc);
    return check_run(s);
}
