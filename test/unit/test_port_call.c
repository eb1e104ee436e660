/* test_port_call.c — erlang:port_call/2,3 dispatched to a built-in driver's
 * call: the data reaches it in the external format, its reply comes back
 * decoded, and every error (no call, bad operation, a closed port, a refused
 * or malformed reply) is badarg with OTP's error_info. No driver OTP has
 * takes calls, so a driver made for the test stands in. */
#include <check.h>
#include <string.h>

#include "check_run.h"
#include "atom/atom.h"
#include "bif/bif.h"
#include "bif/bif_util.h"
#include "io/driver.h"
#include "io/port.h"
#include "term/compare.h"
#include "term/ext_encode.h"
#include "term/map.h"

static Process *p;
static unsigned last_op;

static int start(struct Port *port) { return (void)port, 0; }
static bool control(struct Port *port, unsigned op, const uint8_t *in, size_t len, StrBuf *out)
{
    return (void)port, (void)op, (void)in, (void)len, (void)out, false;
}
static void stop(struct Port *port) { (void)port; }

/* op 0 echoes its input; 1 answers {1, InputBytes}; 2 a truncated term;
 * 3 refuses; 4 a term with bytes after it (which binary_to_term ignores). */
static bool call(struct Port *port, unsigned op, const uint8_t *in, size_t len, StrBuf *out)
{
    (void)port;
    last_op = op;
    static const uint8_t truncated[] = {131, 104, 2, 97};
    static const uint8_t trailing[] = {131, 100, 0, 2, 'o', 'k', 0, 0};
    switch (op) {
    case 0: strbuf_append(out, in, len); return true;
    case 1: {
        uint8_t r[] = {131, 104, 2, 97, 1, 98, 0, 0, (uint8_t)(len >> 8), (uint8_t)len};
        strbuf_append(out, r, sizeof r);
        return true;
    }
    case 2: strbuf_append(out, truncated, sizeof truncated); return true;
    case 4: strbuf_append(out, trailing, sizeof trailing); return true;
    case 0xFFFFFFFFu: strbuf_append(out, in, len); return true;
    default: return false;
    }
}

static const PortDriver test_driver = {
    .name = "test_call", .start = start, .control = control, .stop = stop, .call = call};
static const PortDriver no_call_driver = {.name = "test_no_call", .start = start, .control = control, .stop = stop};

static Port *open_test_port(const PortDriver *d)
{
    PortOptions o = {.in = true, .out = true, .use_stdio = true};
    Port *port = port_new(d->name, &o, p->pid);
    ck_assert_ptr_nonnull(port);
    port->driver = d;
    return port;
}

static void close_test_port(Port *port)
{
    port_discard(port); /* no handles: gives the table's reference back at once */
    port_release(port);
}

static void setup(void) { p = proc_new(0); }
static void teardown(void) { proc_free(p); }

static Term call3(Term port, Term op, Term data)
{
    Term args[3] = {port, op, data};
    return bif_erlang_port_call_3(p, args);
}

static void assert_badarg(Term result)
{
    ck_assert(result == TERM_NONE);
    ck_assert(p->fclass == ATOM_error);
    ck_assert(p->freason == ATOM_badarg);
    Term k = ATOM_module, v = ATOM_erl_erts_errors;
    Term want = map_from_pairs(p, &k, &v, 1);
    ck_assert(term_eq_exact(p->ferror_info, want));
    p->fclass = p->freason = TERM_NIL;
}

static Term sample(void)
{
    Term *e;
    Term t = bif_alloc_tuple(p, 3, &e);
    e[0] = atom_from_cstr("hello");
    e[1] = bif_make_binary(p, "bytes", 5);
    e[2] = term_cons(proc_alloc(p, 2), term_make_small(-7), TERM_NIL);
    return t;
}

START_TEST(round_trip)
{
    Port *port = open_test_port(&test_driver);
    Term data = sample();
    Term r = call3(port->id, term_make_small(0), data);
    ck_assert(r != TERM_NONE);
    ck_assert(term_eq_exact(r, data));
    /* the driver saw term_to_binary(Data), version byte first */
    StrBuf enc;
    strbuf_init(&enc);
    ck_assert(ext_encode(data, &enc) == EXT_ENCODE_OK);
    r = call3(port->id, term_make_small(1), data);
    ck_assert(term_is_tuple(r) && term_tuple_arity(r) == 2);
    ck_assert(term_tuple_element(r, 1) == term_make_small(1));
    ck_assert(term_tuple_element(r, 2) == term_make_small((SInt)enc.len));
    strbuf_free(&enc);
    /* the largest operation there is */
    ck_assert(term_eq_exact(call3(port->id, term_make_small(0xFFFFFFFF), ATOM_ok), ATOM_ok));
    ck_assert_uint_eq(last_op, 0xFFFFFFFFu);
    /* port_call/2 is operation 0 */
    Term args[2] = {port->id, data};
    last_op = 99;
    ck_assert(term_eq_exact(bif_erlang_port_call_2(p, args), data));
    ck_assert_uint_eq(last_op, 0);
    /* bytes after the reply's term are ignored, as binary_to_term does */
    ck_assert(call3(port->id, term_make_small(4), TERM_NIL) == ATOM_ok);
    close_test_port(port);
}
END_TEST

START_TEST(errors)
{
    Port *port = open_test_port(&test_driver);
    assert_badarg(call3(port->id, term_make_small(2), ATOM_ok));  /* malformed reply */
    assert_badarg(call3(port->id, term_make_small(3), ATOM_ok));  /* the driver refuses */
    last_op = 77;
    assert_badarg(call3(port->id, term_make_small(-1), ATOM_ok));
    assert_badarg(call3(port->id, ATOM_ok, ATOM_ok));
    assert_badarg(call3(port->id, term_make_small((SInt)1 << 32), ATOM_ok));
    ck_assert_uint_eq(last_op, 77); /* none of them reached the driver */
    assert_badarg(call3(p->pid, term_make_small(0), ATOM_ok));
    assert_badarg(call3(ATOM_ok, term_make_small(0), ATOM_ok));
    Term id = port->id;
    close_test_port(port);
    assert_badarg(call3(id, term_make_small(0), ATOM_ok)); /* closed */
    ck_assert_uint_eq(last_op, 77);
    Port *plain = open_test_port(&no_call_driver);
    assert_badarg(call3(plain->id, term_make_small(0), ATOM_ok)); /* a driver without call */
    close_test_port(plain);
}
END_TEST

int main(void)
{
    atom_table_init(0);
    Suite *s = suite_create("port_call");
    TCase *tc = tcase_create("dispatch");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, round_trip);
    tcase_add_test(tc, errors);
    suite_add_tcase(s, tc);
    return check_run(s);
}
