/* erlang_ids.c — the text forms of pids, ports, references and funs, both
 * ways: pid_to_list/1, port_to_list/1, ref_to_list/1, fun_to_list/1 give the
 * text erlang:display/1 prints; list_to_pid/1, list_to_port/1 and
 * list_to_ref/1 read it back, accepting exactly what OTP 25 accepts for the
 * local node (node number 0, numbers within OTP's ranges, leading zeros
 * allowed, nothing after the closing '>'). */
#include "bif/bif.h"

#include <string.h>

#include "bif/bif_util.h"
#include "term/boxed.h"
#include "term/display.h"
#include "term/strbuf.h"

/* The text of t as a list of bytes: the display text, which is ASCII. */
static Term display_text_list(Process *p, Term t)
{
    StrBuf b;
    strbuf_init(&b);
    term_display(t, &b);
    Term list = bif_bytes_to_list(p, (const uint8_t *)b.data, b.len, TERM_NIL);
    strbuf_free(&b);
    return list;
}

Term bif_erlang_pid_to_list_1(Process *p, const Term *args)
{
    if (!term_is_pid(args[0])) return proc_badarg(p);
    return display_text_list(p, args[0]);
}

Term bif_erlang_port_to_list_1(Process *p, const Term *args)
{
    if (!term_is_port(args[0])) return proc_badarg(p);
    return display_text_list(p, args[0]);
}

Term bif_erlang_ref_to_list_1(Process *p, const Term *args)
{
    if (!term_is_ref(args[0])) return proc_badarg(p);
    return display_text_list(p, args[0]);
}

Term bif_erlang_fun_to_list_1(Process *p, const Term *args)
{
    if (!term_is_fun(args[0])) return proc_badarg(p);
    return display_text_list(p, args[0]);
}

/* ---- reading the text back ------------------------------------------- */

/* Longer texts than this are rejected; any valid one is far shorter unless
 * it pads its numbers with hundreds of zeros. */
enum { ID_TEXT_MAX = 256 };

typedef struct IdCursor {
    const char *s;
    size_t len, at;
} IdCursor;

static bool id_literal(IdCursor *c, const char *lit)
{
    size_t n = strlen(lit);
    if (c->len - c->at < n || memcmp(c->s + c->at, lit, n) != 0) return false;
    c->at += n;
    return true;
}

/* One or more decimal digits whose value is below limit. */
static bool id_number(IdCursor *c, uint64_t limit, uint64_t *out)
{
    uint64_t v = 0;
    size_t start = c->at;
    while (c->at < c->len && c->s[c->at] >= '0' && c->s[c->at] <= '9') {
        v = v * 10 + (uint64_t)(c->s[c->at++] - '0');
        if (v >= limit) return false;
    }
    *out = v;
    return c->at > start;
}

/* Reads the string argument and its leading "<prefix>0." (the local node). */
static bool id_open(Term list, char *buf, const char *prefix, IdCursor *c)
{
    size_t len;
    if (!bif_latin1_string(list, buf, ID_TEXT_MAX, &len, NULL)) return false;
    *c = (IdCursor){.s = buf, .len = len, .at = 0};
    uint64_t node;
    return id_literal(c, prefix) && id_number(c, 1, &node) && id_literal(c, ".");
}

static bool id_close(IdCursor *c) { return id_literal(c, ">") && c->at == c->len; }

Term bif_erlang_list_to_pid_1(Process *p, const Term *args)
{
    char buf[ID_TEXT_MAX];
    IdCursor c;
    uint64_t number, serial;
    if (!id_open(args[0], buf, "<", &c) || !id_number(&c, (uint64_t)1 << PID_NUMBER_BITS, &number) ||
        !id_literal(&c, ".") || !id_number(&c, (uint64_t)PID_SERIAL_MAX + 1, &serial) || !id_close(&c))
        return proc_badarg(p);
    return term_make_pid((UInt)(serial << PID_NUMBER_BITS | number));
}

/* OTP numbers ports in 28 bits. */
enum { PORT_NUMBER_BITS = 28 };

Term bif_erlang_list_to_port_1(Process *p, const Term *args)
{
    char buf[ID_TEXT_MAX];
    IdCursor c;
    uint64_t number;
    if (!id_open(args[0], buf, "#Port<", &c) || !id_number(&c, (uint64_t)1 << PORT_NUMBER_BITS, &number) ||
        !id_close(&c))
        return proc_badarg(p);
    return term_make_port((UInt)number);
}

/* The text names the numbers from the last to the first: #Ref<0.n2.n1.n0>.
 * OTP also rejects some n1 by the scheduler number it encodes in its low
 * bits; that depends on OTP's thread count and is not copied. */
Term bif_erlang_list_to_ref_1(Process *p, const Term *args)
{
    char buf[ID_TEXT_MAX];
    IdCursor c;
    uint64_t n2, n1, n0;
    if (!id_open(args[0], buf, "#Ref<", &c) || !id_number(&c, (uint64_t)1 << 32, &n2) || !id_literal(&c, ".") ||
        !id_number(&c, (uint64_t)1 << 32, &n1) || !id_literal(&c, ".") ||
        !id_number(&c, (uint64_t)1 << REF_NUMBER0_BITS, &n0) || !id_close(&c))
        return proc_badarg(p);
    Term *mem = proc_alloc(p, REF_WORDS);
    mem[0] = header_make(HDR_REF, 2);
    mem[1] = n0 | (n1 << 32);
    mem[2] = n2;
    return term_make_boxed(mem);
}
