/* inet_poll.c — an inet socket's life on the poller thread: one uv_poll_t on
 * its descriptor, asked only for the events the socket waits for (an idle
 * socket costs an epoll entry and nothing else), one uv_timer_t for the
 * nearest deadline of its pending requests, and the socket's reference count
 * that keeps it alive while handles or queued calls still point at it. */
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "atom/atom.h"
#include "io/inet.h"
#include "io/poller.h"
#include "proc/signal.h"
#include "sched/sched.h"

Term inet_caller(void)
{
    Process *p = sched_current_process();
    return p ? p->pid : TERM_NIL;
}

uint64_t inet_now_ms(void) { return uv_hrtime() / 1000000; }

void inet_socket_unref(InetSocket *s)
{
    if (atomic_fetch_sub(&s->refc, 1) != 1) return;
    if (s->fd >= 0) close(s->fd);
    free(s->ops);
    free(s->in);
    free(s->out);
    free(s->held);
    port_release(s->port);
    free(s);
}

/* ---- pending requests ---- */

InetOp *inet_add_op(InetSocket *s, OpKind kind, Term caller, int64_t timeout_ms, size_t length)
{
    if (s->nops == s->capops) {
        size_t cap = s->capops ? 2 * s->capops : 2;
        InetOp *grown = realloc(s->ops, cap * sizeof *grown);
        if (!grown) abort();
        s->ops = grown, s->capops = cap;
    }
    InetOp *op = &s->ops[s->nops++];
    *op = (InetOp){kind, caller, s->next_ref++ & 0xFFFF, 0, length};
    s->next_ref &= 0xFFFF;
    if (timeout_ms >= 0) op->deadline = inet_now_ms() + (uint64_t)timeout_ms; /* never 0: 0 means none */
    return op;
}

void inet_remove_op(InetSocket *s, size_t i)
{
    /* order matters: acceptors are served first come, first served */
    for (size_t k = i + 1; k < s->nops; k++) s->ops[k - 1] = s->ops[k];
    s->nops--;
}

void inet_fail_ops(InetSocket *s, int kind, Term reason)
{
    for (size_t i = 0; i < s->nops;) {
        InetOp *op = &s->ops[i];
        if (kind >= 0 && (int)op->kind != kind) {
            i++;
            continue;
        }
        inet_send_async_error(s->port, op->caller, op->ref, reason);
        inet_remove_op(s, i);
    }
}

static bool has_op(const InetSocket *s, OpKind kind)
{
    for (size_t i = 0; i < s->nops; i++)
        if (s->ops[i].kind == kind) return true;
    return false;
}

/* ---- what the socket waits for ---- */

static int wanted_events(const InetSocket *s)
{
    if (s->dead || s->fd < 0) return 0;
    int ev = 0;
    if (!s->stream) return s->o.active != ACTIVE_FALSE || has_op(s, OP_RECV) ? UV_READABLE : 0;
    if (s->state == ST_LISTEN && has_op(s, OP_ACCEPT)) ev |= UV_READABLE;
    if (s->state == ST_CONNECTING) ev |= UV_WRITABLE;
    if (s->state == ST_CONNECTED) {
        if (!s->read_shut && (s->o.active != ACTIVE_FALSE || has_op(s, OP_RECV))) ev |= UV_READABLE;
        if (s->outlen > s->outoff) ev |= UV_WRITABLE;
    }
    return ev;
}

/* What the socket's poll handle should be armed for. A connected socket
 * stays armed for reading after its reader is served: the next recv or
 * {active, once} usually follows within microseconds, and disarming and
 * re-arming would cost a trip to the poller thread and two epoll_ctl calls
 * per request. A readable event that finds no reader disarms it (stale_read),
 * so unread input still pushes back on the peer. */
static int armed_events(const InetSocket *s)
{
    int ev = wanted_events(s);
    if (s->stream && s->state == ST_CONNECTED && !s->read_shut && !s->dead && s->fd >= 0 && !s->stale_read)
        ev |= s->events_on & UV_READABLE;
    return ev;
}

static uint64_t wanted_deadline(const InetSocket *s)
{
    uint64_t due = 0;
    for (size_t i = 0; i < s->nops; i++)
        if (s->ops[i].deadline && (!due || s->ops[i].deadline < due)) due = s->ops[i].deadline;
    uint64_t send_due = s->stream ? inet_tcp_send_deadline(s) : 0;
    if (send_due && (!due || send_due < due)) due = send_due;
    return due;
}

static void on_poll(uv_poll_t *h, int status, int events);
static void on_timer(uv_timer_t *h);

static void on_handle_closed(uv_handle_t *h) { inet_socket_unref(h->data); }

/* Poller thread, lock held. */
static void apply(InetSocket *s)
{
    if (s->dead) return;
    if (s->fd_closed && s->fd >= 0) {
        /* The handles go before the descriptor does: a poll handle merely
         * stopped still names the number, and closing it later would take
         * the descriptor that reused the number out of the poll set. */
        if (s->handles_open) {
            uv_close((uv_handle_t *)&s->poll, on_handle_closed);
            uv_close((uv_handle_t *)&s->timer, on_handle_closed);
            s->handles_open = false;
            s->events_on = 0, s->timer_due = 0;
        }
        close(s->fd);
        s->fd = -1;
    }
    if (wanted_events(s) & UV_READABLE) s->stale_read = false;
    int ev = armed_events(s);
    uint64_t due = wanted_deadline(s);
    if (!s->handles_open) {
        if ((!ev && !due) || s->fd < 0) return;
        if (uv_poll_init_socket(poller_loop(), &s->poll, s->fd) != 0) return;
        uv_timer_init(poller_loop(), &s->timer);
        s->poll.data = s->timer.data = s;
        s->handles_open = true;
        atomic_fetch_add(&s->refc, 2); /* one per handle, dropped as each closes */
    }
    if (ev != s->events_on) {
        if (ev) uv_poll_start(&s->poll, ev, on_poll);
        else uv_poll_stop(&s->poll);
        s->events_on = ev;
    }
    if (due != s->timer_due) {
        if (!due) {
            uv_timer_stop(&s->timer);
        } else {
            uint64_t now = inet_now_ms();
            uv_timer_start(&s->timer, on_timer, due > now ? due - now : 0, 0);
        }
        s->timer_due = due;
    }
}

static void do_apply(void *arg)
{
    InetSocket *s = arg;
    pthread_mutex_lock(&s->port->lock);
    s->apply_queued = false;
    apply(s);
    bool finish = s->close_pending && !s->dead; /* set off the poller thread */
    s->close_pending = false;
    Port *port = s->port;
    pthread_mutex_unlock(&port->lock);
    if (finish) inet_finish_unlocked(port, s);
    inet_socket_unref(s);
}

static _Thread_local bool on_poller;

void inet_poll_update(InetSocket *s)
{
    if (s->dead) return;
    if (on_poller) return apply(s);
    if (s->apply_queued) return;
    if (!s->close_pending && !(s->fd_closed && s->fd >= 0) && armed_events(s) == s->events_on &&
        wanted_deadline(s) == s->timer_due)
        return;
    s->apply_queued = true;
    atomic_fetch_add(&s->refc, 1);
    poller_call(do_apply, s);
}

/* ---- events ---- */

/* OTP 25 (measured): an active socket that ends itself after tcp_closed
 * drops its links without exit signals, so a process trapping exits finds no
 * {'EXIT', S, normal}; monitors still see the end. */
void inet_finish_unlocked(Port *port, InetSocket *s)
{
    (void)s;
    pthread_mutex_lock(&port->lock);
    size_t n = port->closed ? 0 : port->nlinks;
    Term *links = NULL;
    if (n && (links = malloc(n * sizeof *links))) {
        memcpy(links, port->links, n * sizeof *links);
        port->nlinks = 0;
    }
    pthread_mutex_unlock(&port->lock);
    for (size_t i = 0; links && i < n; i++) {
        Message *m = msg_build(SIG_UNLINK, port->id, 0, NULL);
        m->term = TERM_NIL;
        sig_send(links[i], m);
    }
    free(links);
    port_close_with(port, ATOM_normal, TERM_NIL);
}

static void on_poll(uv_poll_t *h, int status, int events)
{
    InetSocket *s = h->data;
    Port *port = s->port;
    on_poller = true;
    pthread_mutex_lock(&port->lock);
    if (!s->dead) {
        if (status < 0) { /* libuv stopped the handle; the call that fails says why */
            events = UV_READABLE | UV_WRITABLE;
            s->events_on = 0;
        }
        if (!s->stream) {
            if (events & UV_READABLE) inet_udp_try_read(s);
        } else if (s->state == ST_LISTEN) {
            if (events & UV_READABLE) inet_tcp_try_accept(s);
        } else {
            if ((events & UV_READABLE) && !(wanted_events(s) & UV_READABLE)) s->stale_read = true;
            if (events & UV_WRITABLE) inet_tcp_writable(s);
            if ((events & UV_READABLE) && !s->dead) inet_tcp_try_read(s);
        }
        apply(s);
    }
    bool finish = s->close_pending;
    s->close_pending = false;
    pthread_mutex_unlock(&port->lock);
    on_poller = false;
    if (finish) inet_finish_unlocked(port, s);
}

static void on_timer(uv_timer_t *h)
{
    InetSocket *s = h->data;
    on_poller = true;
    pthread_mutex_lock(&s->port->lock);
    s->timer_due = 0;
    if (!s->dead) {
        uint64_t now = inet_now_ms();
        for (size_t i = 0; i < s->nops;) {
            InetOp *op = &s->ops[i];
            if (!op->deadline || op->deadline > now) {
                i++;
                continue;
            }
            if (op->kind == OP_CONNECT) s->state = ST_OPEN;
            inet_send_async_error(s->port, op->caller, op->ref, ATOM_timeout);
            inet_remove_op(s, i);
        }
        if (s->stream) inet_tcp_send_timeouts(s, now);
        apply(s);
    }
    pthread_mutex_unlock(&s->port->lock);
    on_poller = false;
}

/* The port is ending (poller thread, lock held): pending requests learn
 * that the socket closed, the handles close, and the port's link to the
 * socket goes. */
void inet_stop(Port *port)
{
    InetSocket *s = port->driver_data;
    if (!s) return;
    port->driver_data = NULL;
    inet_fail_ops(s, -1, atom_from_cstr("closed"));
    for (size_t i = 0; i < s->nheld; i++) inet_send_reply(port, s->held[i].caller, atom_from_cstr("closed"));
    s->nheld = 0;
    s->dead = true;
    if (s->handles_open) {
        uv_close((uv_handle_t *)&s->poll, on_handle_closed);
        uv_close((uv_handle_t *)&s->timer, on_handle_closed);
    }
    inet_socket_unref(s);
}

/* port_close: a listener stops taking connections at once (the descriptor
 * itself is closed once the poller has let go of it). */
void inet_closing(Port *port)
{
    InetSocket *s = port->driver_data;
    if (s && s->stream && s->state == ST_LISTEN && s->fd >= 0) shutdown(s->fd, SHUT_RDWR);
}
