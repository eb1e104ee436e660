/* port.c — the port table, a port's owner, links and monitors, the signals
 * between ports and processes, and what a port tells its connected process. All
 * changes of state run on the poller thread, in the order they were asked
 * for; BIFs ask through the request functions below. */
#include "io/port.h"
#include "io/driver.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/uio.h>
#include <time.h>

#include "atom/atom.h"
#include "gc/offheap.h"
#include "io/poller.h"
#include "io/posix_error.h"
#include "proc/plinks.h"
#include "proc/signal.h"
#include "term/binary.h"
#include "term/boxed.h"

/* ---- the table ---- */

static pthread_mutex_t table_lock = PTHREAD_MUTEX_INITIALIZER;
static Port **table;
static size_t table_cap;
static UInt next_number = 1;

static Port *table_at(UInt n) { return n < table_cap ? table[n] : NULL; }

Port *port_new(const char *name, const PortOptions *opt, Term owner)
{
    Port *port = calloc(1, sizeof *port);
    if (!port) return NULL;
    port->name = strdup(name);
    port->links = malloc(4 * sizeof *port->links);
    if (!port->name || !port->links) {
        free(port->name);
        free(port->links);
        free(port);
        return NULL;
    }
    pthread_mutex_init(&port->lock, NULL);
    atomic_init(&port->refc, 2); /* the table's and the caller's */
    atomic_init(&port->data_immed, ATOM_undefined);
    port->opt = *opt;
    port->connected = owner;
    port->links[0] = owner; /* open_port links its caller */
    port->nlinks = 1;
    port->caplinks = 4;
    port->os_pid = -1;
    port->direct_fd = -1;
    pthread_mutex_lock(&table_lock);
    UInt n = next_number++;
    if (n >= table_cap) {
        size_t cap = table_cap ? table_cap * 2 : 1024;
        while (cap <= n) cap *= 2;
        Port **grown = realloc(table, cap * sizeof *grown);
        if (!grown) abort();
        memset(grown + table_cap, 0, (cap - table_cap) * sizeof *grown);
        table = grown;
        table_cap = cap;
    }
    table[n] = port;
    pthread_mutex_unlock(&table_lock);
    port->id = term_make_port(n);
    return port;
}

static void table_remove(Port *port)
{
    pthread_mutex_lock(&table_lock);
    UInt n = term_port_number(port->id);
    if (table_at(n) == port) table[n] = NULL;
    pthread_mutex_unlock(&table_lock);
}

Port *port_get(Term id)
{
    if (!term_is_local_port(id)) return NULL;
    pthread_mutex_lock(&table_lock);
    Port *port = table_at(term_port_number(id));
    if (port && port->closed) port = NULL;
    if (port) atomic_fetch_add(&port->refc, 1);
    pthread_mutex_unlock(&table_lock);
    return port;
}

void port_release(Port *port)
{
    if (atomic_fetch_sub(&port->refc, 1) != 1) return;
    free(port->name);
    free(port->links);
    for (size_t i = 0; i < port->nwatchers; i++) free(port->watchers[i].tag);
    free(port->watchers);
    free(port->inbuf);
    free(port->data);
    pthread_mutex_destroy(&port->lock);
    free(port);
}

void port_discard(Port *port)
{
    port->closed = port->terminated = true;
    table_remove(port);
    port_close_handles(port); /* the table's reference goes with the handles */
}

Term port_list(Process *p, Term tail)
{
    pthread_mutex_lock(&table_lock);
    for (size_t n = table_cap; n-- > 0;) {
        Port *port = table[n];
        if (!port) continue;
        pthread_mutex_lock(&port->lock);
        bool open = !port->closed;
        pthread_mutex_unlock(&port->lock);
        if (open) tail = term_cons(proc_alloc(p, 2), port->id, tail);
    }
    pthread_mutex_unlock(&table_lock);
    return tail;
}

/* statistics(io): bytes in and out of all ports */
static _Atomic uint64_t total_input, total_output;

void port_count_input(Port *port, uint64_t n)
{
    atomic_fetch_add_explicit(&port->input, n, memory_order_relaxed);
    atomic_fetch_add_explicit(&total_input, n, memory_order_relaxed);
}

void port_count_output(Port *port, uint64_t n)
{
    atomic_fetch_add_explicit(&port->output, n, memory_order_relaxed);
    atomic_fetch_add_explicit(&total_output, n, memory_order_relaxed);
}

void port_io_totals(uint64_t *input, uint64_t *output)
{
    *input = atomic_load_explicit(&total_input, memory_order_relaxed);
    *output = atomic_load_explicit(&total_output, memory_order_relaxed);
}

bool port_table_quiet(void)
{
    bool quiet = true;
    pthread_mutex_lock(&table_lock);
    for (size_t n = 0; quiet && n < table_cap; n++) {
        Port *port = table[n];
        if (!port) continue;
        pthread_mutex_lock(&port->lock);
        bool outside = !port->closed && (port->os_pid >= 0 || (port->driver && port->driver != &tty_sl_driver));
        quiet = !outside && port->queued_writes == 0;
        pthread_mutex_unlock(&port->lock);
    }
    pthread_mutex_unlock(&table_lock);
    return quiet;
}

/* Writes queued to the poller for all ports: what halt waits for. */
static _Atomic unsigned all_queued_writes;

void port_drain_output(void)
{
    unsigned last = atomic_load(&all_queued_writes);
    for (unsigned idle_ms = 0; last > 0 && idle_ms < 5000;) {
        struct timespec ms = {0, 1000000};
        nanosleep(&ms, NULL);
        unsigned n = atomic_load(&all_queued_writes);
        idle_ms = n < last ? 0 : idle_ms + 1;
        last = n;
    }
}

/* ---- messages to the connected process ---- */

static Term connected_of(Port *port)
{
    pthread_mutex_lock(&port->lock);
    Term pid = port->connected;
    pthread_mutex_unlock(&port->lock);
    return pid;
}

/* {Port, Body} where Body is built by the caller into the words after the
 * pair: send_to(port, pid, words_of_body, build, ctx). */
typedef Term (*BodyFn)(Term *hp, OffHeap *oh, void *ctx);

static void send_to(Port *port, Term pid, size_t words, BodyFn build, void *ctx)
{
    Term *hp;
    Message *m = msg_build(SIG_MSG, port->id, 3 + words, &hp);
    OffHeap oh = {0};
    Term body = build(hp + 3, &oh, ctx);
    hp[0] = header_make(HDR_TUPLE, 2);
    hp[1] = port->id;
    hp[2] = body;
    m->term = term_make_boxed(hp);
    m->oh_first = oh.first;
    m->oh_bytes = oh.new_bytes;
    sig_send(pid, m);
}

static Term atom_body(Term *hp, OffHeap *oh, void *ctx)
{
    (void)hp, (void)oh;
    return *(Term *)ctx;
}

static void send_atom(Port *port, Term pid, Term atom) { send_to(port, pid, 0, atom_body, &atom); }

static Term exit_status_body(Term *hp, OffHeap *oh, void *ctx)
{
    (void)oh;
    hp[0] = header_make(HDR_TUPLE, 2);
    hp[1] = atom_from_cstr("exit_status");
    hp[2] = term_make_small((SInt)*(int64_t *)ctx);
    return term_make_boxed(hp);
}

typedef struct Data {
    const uint8_t *bytes;
    size_t len;
    bool binary;
    Term tag; /* eol / noeol in line mode, else TERM_NONE */
} Data;

static size_t data_words(const Data *d)
{
    size_t w = d->binary ? binary_words(d->len) : 2 * d->len;
    return 3 + w + (d->tag != TERM_NONE ? 3 : 0);
}

static Term data_body(Term *hp, OffHeap *oh, void *ctx)
{
    const Data *d = ctx;
    Term payload;
    if (!d->binary) {
        payload = TERM_NIL;
        for (size_t i = d->len; i-- > 0; hp += 2) payload = term_cons(hp, term_make_small(d->bytes[i]), payload);
    } else if (d->len <= BINARY_HEAP_LIMIT) {
        payload = term_make_heap_bin(hp, d->bytes, d->len);
        hp += HEAP_BIN_WORDS(d->len);
    } else {
        Binary *b = binary_alloc(d->len);
        memcpy(b->data, d->bytes, d->len);
        hp[0] = header_make(HDR_REFC_BIN, REFC_BIN_WORDS - 1);
        hp[1] = d->len;
        hp[2] = (Term)(uintptr_t)b;
        hp[4] = 0;
        offheap_link(oh, hp);
        oh->new_bytes += d->len;
        payload = term_make_boxed(hp);
        hp += REFC_BIN_WORDS;
    }
    if (d->tag != TERM_NONE) {
        hp[0] = header_make(HDR_TUPLE, 2), hp[1] = d->tag, hp[2] = payload;
        payload = term_make_boxed(hp);
        hp += 3;
    }
    hp[0] = header_make(HDR_TUPLE, 2), hp[1] = atom_from_cstr("data"), hp[2] = payload;
    return term_make_boxed(hp);
}

static void send_data(Port *port, const uint8_t *bytes, size_t len, Term tag)
{
    Data d = {bytes, len, port->opt.binary, tag};
    send_to(port, connected_of(port), data_words(&d), data_body, &d);
}

/* ---- input: framing by packet header or line ---- */

static void keep_input(Port *port, const uint8_t *bytes, size_t len)
{
    if (port->inlen + len > port->incap) {
        size_t cap = port->incap ? port->incap : 4096;
        while (cap < port->inlen + len) cap *= 2;
        uint8_t *grown = realloc(port->inbuf, cap);
        if (!grown) abort();
        port->inbuf = grown;
        port->incap = cap;
    }
    memcpy(port->inbuf + port->inlen, bytes, len);
    port->inlen += len;
}

static void drop_input(Port *port, size_t n)
{
    memmove(port->inbuf, port->inbuf + n, port->inlen - n);
    port->inlen -= n;
}

static void frame_packets(Port *port)
{
    size_t h = (size_t)port->opt.packet, at = 0;
    while (port->inlen - at >= h) {
        size_t size = 0;
        for (size_t i = 0; i < h; i++) size = size << 8 | port->inbuf[at + i];
        if (port->inlen - at - h < size) break;
        send_data(port, port->inbuf + at + h, size, TERM_NONE);
        at += h + size;
    }
    drop_input(port, at);
}

static void frame_lines(Port *port, bool at_eof)
{
    size_t at = 0, max = port->opt.line;
    for (;;) {
        const uint8_t *start = port->inbuf + at;
        size_t left = port->inlen - at;
        const uint8_t *nl = memchr(start, '\n', left < max + 1 ? left : max + 1);
        if (nl) {
            send_data(port, start, (size_t)(nl - start), atom_from_cstr("eol"));
            at += (size_t)(nl - start) + 1;
        } else if (left > max || (at_eof && left > 0)) {
            size_t n = left > max ? max : left;
            send_data(port, start, n, atom_from_cstr("noeol"));
            at += n;
        } else {
            break;
        }
    }
    drop_input(port, at);
}

void port_input(Port *port, const uint8_t *bytes, size_t len)
{
    port_count_input(port, len);
    if (port->terminated || len == 0) return;
    if (port->opt.packet == 0 && port->opt.line == 0) {
        send_data(port, bytes, len, TERM_NONE);
        return;
    }
    keep_input(port, bytes, len);
    if (port->opt.line) frame_lines(port, false);
    else frame_packets(port);
}

/* ---- the end of a port ---- */

/* Closes the port for good: exit signals to its links, DOWN messages to its
 * monitors, then {Port, closed} to closed_to when asked (the order OTP
 * delivers them in). */
static void terminate(Port *port, Term reason, Term closed_to)
{
    if (port->terminated) return;
    port->terminated = true;
    pthread_mutex_lock(&port->lock);
    port->closed = true;
    size_t n = port->nlinks;
    Term *links = port->links;
    port->links = NULL;
    port->nlinks = port->caplinks = 0;
    size_t nw = port->nwatchers;
    PortWatcher *watchers = port->watchers;
    port->watchers = NULL;
    port->nwatchers = port->capwatchers = 0;
    pthread_mutex_unlock(&port->lock);
    table_remove(port);
    for (size_t i = 0; i < n; i++) sig_send_exit(SIG_EXIT_LINK, port->id, links[i], reason);
    free(links);
    for (size_t i = 0; i < nw; i++) {
        PortWatcher *w = &watchers[i];
        port_send_down(port->id, w->pid, w->ref, w->name, reason, monitor_tag_term(w->tag));
        free(w->tag);
    }
    free(watchers);
    if (closed_to != TERM_NIL) send_atom(port, closed_to, atom_from_cstr("closed"));
    if (port->driver) {
        pthread_mutex_lock(&port->lock);
        port->driver->stop(port);
        pthread_mutex_unlock(&port->lock);
    }
    port_close_handles(port); /* releases the table's reference in the end */
}

/* Output is over and the program is gone (or exit_status is not wanted):
 * OTP's exit_status, then eof or the port's end. */
static void maybe_finish(Port *port)
{
    if (!port->eof_seen || port->terminated) return;
    if (port->opt.exit_status && port->proc_running && !port->exited) return;
    if (port->opt.exit_status && port->exited) {
        send_to(port, connected_of(port), 3, exit_status_body, &port->exit_code);
        port->opt.exit_status = false; /* once */
    }
    if (port->opt.line && port->inlen) frame_lines(port, true); /* a last line without its end */
    if (port->opt.eof) {
        send_atom(port, connected_of(port), atom_from_cstr("eof"));
        port->opt.eof = false; /* once; the port stays open */
        port->eof_seen = false;
        return;
    }
    terminate(port, ATOM_normal, TERM_NIL);
}

void port_input_eof(Port *port)
{
    port->eof_seen = true;
    maybe_finish(port);
}

void port_exited(Port *port, int64_t code)
{
    port->exited = true;
    port->exit_code = code;
    /* OTP tells nothing of a program whose output the port does not read:
     * the port stays open until a write to it fails */
    if (port->opt.in) maybe_finish(port);
}

/* ---- requests from other threads ---- */

typedef struct Request {
    Port *port;
    Term pid, reason;
    uint8_t *bytes;
    size_t len;
    Message *msg;
} Request;

static void queue(void (*fn)(void *), Port *port, Term pid, Term reason, uint8_t *bytes, size_t len, Message *msg)
{
    Request *r = malloc(sizeof *r);
    if (!r) abort();
    atomic_fetch_add(&port->refc, 1);
    *r = (Request){port, pid, reason, bytes, len, msg};
    poller_call(fn, r);
}

static void done(Request *r)
{
    port_release(r->port);
    free(r);
}

static void do_command(void *arg)
{
    Request *r = arg;
    if (!r->port->terminated && r->port->writing_open) {
        port_count_output(r->port, r->len);
        port_write(r->port, r->bytes, r->len);
    } else {
        free(r->bytes);
        port_queued_write_done(r->port);
    }
    done(r);
}

void port_set_direct_fd(Port *port, int fd)
{
    pthread_mutex_lock(&port->lock);
    port->direct_fd = fd;
    pthread_mutex_unlock(&port->lock);
}

void port_queued_write_done(Port *port)
{
    pthread_mutex_lock(&port->lock);
    port->queued_writes--;
    atomic_fetch_sub(&all_queued_writes, 1);
    pthread_mutex_unlock(&port->lock);
}

/* Writes what a non-blocking descriptor takes now: the bytes written, or
 * all of them when the descriptor is broken, with its errno in *broken. */
static size_t write_now(int fd, const struct iovec *parts, size_t total, int *broken)
{
    struct iovec v[2] = {parts[0], parts[1]};
    size_t done = 0;
    while (done < total) {
        struct iovec *at = v[0].iov_len ? v : v + 1;
        ssize_t n = writev(fd, at, at == v ? 2 : 1);
        if (n < 0) {
            if (errno == EINTR) continue;
            if (errno == EAGAIN || errno == EWOULDBLOCK) return done;
            *broken = errno;
            return total;
        }
        done += (size_t)n;
        for (size_t k = (size_t)n; k > 0;) {
            struct iovec *first = v[0].iov_len ? v : v + 1;
            size_t take = k < first->iov_len ? k : first->iov_len;
            first->iov_base = (char *)first->iov_base + take;
            first->iov_len -= take;
            k -= take;
        }
    }
    return done;
}

void port_command(Port *port, const uint8_t *bytes, size_t len)
{
    if (port->driver) {
        pthread_mutex_lock(&port->lock);
        if (port->driver->command) port->driver->command(port, bytes, len);
        else fprintf(stderr, "ember: not implemented: commands to the %s driver\n", port->driver->name);
        pthread_mutex_unlock(&port->lock);
        if (port->driver->after_request) port->driver->after_request(port);
        return;
    }
    uint8_t header[4];
    size_t h = (size_t)port->opt.packet, total = h + len;
    for (size_t i = 0; i < h; i++) header[i] = (uint8_t)(len >> (8 * (h - 1 - i)));
    struct iovec parts[2] = {{header, h}, {(void *)bytes, len}};
    pthread_mutex_lock(&port->lock);
    size_t done = 0;
    int broken = 0;
    if (port->direct_fd >= 0 && port->queued_writes == 0) {
        done = write_now(port->direct_fd, parts, total, &broken);
        if (!broken) port_count_output(port, done);
    }
    if (done < total) {
        uint8_t *rest = malloc(total - done);
        if (!rest) abort();
        for (size_t i = done; i < total; i++) rest[i - done] = i < h ? header[i] : bytes[i - h];
        port->queued_writes++;
        atomic_fetch_add(&all_queued_writes, 1);
        queue(do_command, port, TERM_NIL, TERM_NIL, rest, total - done, NULL);
    }
    pthread_mutex_unlock(&port->lock);
    if (broken) port_write_failed(port, broken);
}

/* OTP ends a port whose output descriptor broke with the posix reason
 * ({'EXIT', Port, epipe} when the program closed its input). */
void port_write_failed(Port *port, int err)
{
    port_close_with(port, posix_error_atom(err), TERM_NIL);
}

static void do_tell(void *arg)
{
    Request *r = arg;
    send_atom(r->port, r->pid, r->reason);
    done(r);
}

void port_tell(Port *port, Term pid, Term atom) { queue(do_tell, port, pid, atom, NULL, 0, NULL); }

static void do_close(void *arg)
{
    Request *r = arg;
    terminate(r->port, r->reason, r->pid);
    done(r);
}

bool port_close_with(Port *port, Term reason, Term closed_to)
{
    pthread_mutex_lock(&port->lock);
    bool was_open = !port->closed;
    port->closed = true; /* no further commands are taken; terminate() does the rest */
    if (was_open && port->driver && port->driver->closing) port->driver->closing(port);
    pthread_mutex_unlock(&port->lock);
    if (!was_open) return false;
    queue(do_close, port, closed_to, reason, NULL, 0, NULL);
    return true;
}

bool port_close_by(Port *port, Term caller)
{
    pthread_mutex_lock(&port->lock);
    bool was_open = !port->closed, linked = false;
    port->closed = true;
    for (size_t i = 0; was_open && i < port->nlinks; i++)
        if (port->links[i] == caller) {
            port->links[i] = port->links[--port->nlinks];
            linked = true;
            break;
        }
    if (was_open && port->driver && port->driver->closing) port->driver->closing(port);
    pthread_mutex_unlock(&port->lock);
    if (!was_open) return false;
    if (linked) sig_send_exit(SIG_EXIT_LINK, port->id, caller, ATOM_normal);
    queue(do_close, port, TERM_NIL, ATOM_normal, NULL, 0, NULL);
    return true;
}

static void add_link_locked(Port *port, Term pid)
{
    for (size_t i = 0; i < port->nlinks; i++)
        if (port->links[i] == pid) return;
    if (port->nlinks == port->caplinks) {
        size_t cap = port->caplinks ? port->caplinks * 2 : 4;
        Term *grown = realloc(port->links, cap * sizeof *grown);
        if (!grown) abort();
        port->links = grown;
        port->caplinks = cap;
    }
    port->links[port->nlinks++] = pid;
}

void port_link(Port *port, Term pid)
{
    pthread_mutex_lock(&port->lock);
    if (!port->closed) add_link_locked(port, pid);
    pthread_mutex_unlock(&port->lock);
}

void port_unlink(Port *port, Term pid)
{
    pthread_mutex_lock(&port->lock);
    for (size_t i = 0; i < port->nlinks; i++)
        if (port->links[i] == pid) {
            port->links[i] = port->links[--port->nlinks];
            break;
        }
    pthread_mutex_unlock(&port->lock);
}

void port_set_connected(Port *port, Term pid)
{
    pthread_mutex_lock(&port->lock);
    port->connected = pid;
    pthread_mutex_unlock(&port->lock);
}

/* ---- signals from processes ---- */

static void do_signal(void *arg)
{
    Request *r = arg;
    Message *m = r->msg;
    Port *port = r->port;
    /* both kinds carry {'EXIT', From, Reason} */
    Term reason = term_is_tuple(m->term) ? term_tuple_element(m->term, 3) : m->term;
    if (m->kind == SIG_EXIT_LINK) {
        port_unlink(port, m->from);
        /* a linked process's end ends the port, normal or not, when it is the
         * owner; others' normal ends do not */
        if (reason != ATOM_normal || m->from == connected_of(port))
            terminate(port, reason == ATOM_kill ? ATOM_killed : reason, TERM_NIL);
    } else { /* exit/2: unlike a process, a port ends even on normal */
        terminate(port, reason == ATOM_kill ? ATOM_killed : reason, TERM_NIL);
    }
    msg_free(m);
    done(r);
}

/* The name a SIG_MONITOR signal's term {Ref, PortOrName[, Tag]} used, or NIL. */
static Term monitor_name(Term t)
{
    Term obj = term_tuple_element(t, 2);
    return term_is_atom(obj) ? obj : TERM_NIL;
}

/* False when the port has closed since port_get (the caller answers noproc). */
static bool add_watcher(Port *port, Message *m)
{
    PortWatcher w = {m->from, monitor_name(m->term), {0, 0}, NULL};
    ref_raw(term_tuple_element(m->term, 1), w.ref);
    pthread_mutex_lock(&port->lock);
    bool open = !port->closed;
    if (open) {
        if (port->nwatchers == port->capwatchers) {
            size_t cap = port->capwatchers ? port->capwatchers * 2 : 4;
            PortWatcher *grown = realloc(port->watchers, cap * sizeof *grown);
            if (!grown) abort();
            port->watchers = grown;
            port->capwatchers = cap;
        }
        w.tag = monitor_tag_new(sig_monitor_tag(m->term));
        port->watchers[port->nwatchers++] = w;
    }
    pthread_mutex_unlock(&port->lock);
    return open;
}

static void drop_watcher(Port *port, Message *m)
{
    uint64_t raw[2];
    ref_raw(m->term, raw);
    pthread_mutex_lock(&port->lock);
    for (size_t i = 0; i < port->nwatchers; i++) {
        PortWatcher *w = &port->watchers[i];
        if (w->pid != m->from || w->ref[0] != raw[0] || w->ref[1] != raw[1]) continue;
        free(w->tag);
        *w = port->watchers[--port->nwatchers];
        break;
    }
    pthread_mutex_unlock(&port->lock);
}

static void monitor_noproc(Term to, Message *m)
{
    uint64_t raw[2];
    ref_raw(term_tuple_element(m->term, 1), raw);
    port_send_down(to, m->from, raw, monitor_name(m->term), ATOM_noproc, sig_monitor_tag(m->term));
}

void port_send_down(Term from, Term to, const uint64_t ref[2], Term name, Term reason, Term tag)
{
    Term *hp;
    size_t rw = term_size(reason), tw = term_size(tag);
    Message *m = msg_build(SIG_DOWN, from, 6 + REF_WORDS + 3 + rw + tw, &hp);
    Term r = ref_from_raw(hp + 6, ref), obj = from;
    if (name != TERM_NIL) {
        Term *np = hp + 6 + REF_WORDS;
        np[0] = header_make(HDR_TUPLE, 2), np[1] = name, np[2] = ATOM_nonode_nohost;
        obj = term_make_boxed(np);
    }
    OffHeap oh = {0};
    Term *rp = hp + 6 + REF_WORDS + 3;
    Term why = rw ? term_copy_offheap(reason, &rp, &oh) : reason;
    Term t = tw ? term_copy_offheap(tag, &rp, &oh) : tag;
    m->oh_first = oh.first, m->oh_bytes = oh.new_bytes;
    /* OTP 25 names the type `process` when the reason is not an immediate
     * (its DOWN for a compound reason is built by the process code), and
     * programs that match it see that. */
    Term type = rw ? ATOM_process : ATOM_port;
    hp[0] = header_make(HDR_TUPLE, 5), hp[1] = t, hp[2] = r, hp[3] = type, hp[4] = obj, hp[5] = why;
    m->term = term_make_boxed(hp);
    sig_send(to, m);
}

void port_signal(Term to, Message *m)
{
    Port *port = port_get(to);
    if (!port) {
        if (m->kind == SIG_LINK) sig_send_exit(SIG_EXIT_LINK, to, m->from, ATOM_noproc);
        else if (m->kind == SIG_MONITOR) monitor_noproc(to, m);
        msg_free(m);
        return;
    }
    if (m->kind == SIG_LINK) port_link(port, m->from), msg_free(m);
    else if (m->kind == SIG_UNLINK) port_unlink(port, m->from), msg_free(m);
    else if (m->kind == SIG_EXIT || m->kind == SIG_EXIT_LINK) queue(do_signal, port, TERM_NIL, TERM_NIL, NULL, 0, m);
    else {
        if (m->kind == SIG_MONITOR && !add_watcher(port, m)) monitor_noproc(to, m);
        else if (m->kind == SIG_DEMONITOR) drop_watcher(port, m);
        msg_free(m);
    }
    port_release(port);
}
