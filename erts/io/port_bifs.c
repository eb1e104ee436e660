/* port_bifs.c — the erlang module's port BIFs: open_port/2 (spawn,
 * spawn_executable, fd, spawn_driver for the built-in drivers of
 * io/driver.h), port_command/2,3, port_close/1, port_connect/2,
 * port_info/1,2, ports/0, port_control/3 and port_call/2,3 (answered by
 * built-in drivers; badarg for other ports, as OTP's spawn driver does), and
 * sending to a port. Errors are OTP's. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bif/bif.h"
#include "bif/bif_util.h"
#include "io/dirty_io.h"
#include "io/driver.h"
#include "io/port.h"
#include "io/posix_error.h"
#include "proc/plinks.h"
#include "proc/signal.h"
#include "term/ext_encode.h"
#include "term/external.h"
#include "term/map.h"
#include "term/strbuf.h"
#include "term/utf8.h"

extern char **environ;

static bool is(Term t, const char *name) { return t == atom_from_cstr(name); }

static Term erts_badarg(Process *p, const char *cause)
{
    proc_badarg(p);
    Term keys[2], values[2];
    size_t n = 0;
    if (cause) keys[n] = ATOM_cause, values[n++] = atom_from_cstr(cause);
    keys[n] = ATOM_module, values[n++] = ATOM_erl_erts_errors;
    p->ferror_info = map_from_pairs(p, keys, values, n);
    return TERM_NONE;
}

/* A flat string (characters, as UTF-8) or a binary, as a new C string. */
static char *string_arg(Term t)
{
    const uint8_t *bytes;
    size_t len;
    if (bif_binary_bytes(t, &bytes, &len) == BIN_OK) {
        if (memchr(bytes, 0, len)) return NULL;
        char *s = malloc(len + 1);
        if (s) memcpy(s, bytes, len), s[len] = 0;
        return s;
    }
    size_t n = 0;
    Term l = t;
    for (; term_is_list(l); l = term_tail(l), n++)
        if (!term_is_small(term_head(l)) || term_small_value(term_head(l)) <= 0 ||
            term_small_value(term_head(l)) > 0x10FFFF)
            return NULL;
    if (!term_is_nil(l)) return NULL;
    char *s = malloc(4 * n + 1), *at = s;
    if (!s) return NULL;
    for (l = t; term_is_list(l); l = term_tail(l)) at += utf8_encode((uint32_t)term_small_value(term_head(l)), (uint8_t *)at);
    *at = 0;
    return s;
}

static void free_strings(char **v)
{
    if (!v) return;
    for (char **s = v; *s; s++) free(*s);
    free(v);
}

static char **string_list_arg(Term list, const char *first)
{
    size_t n = 0;
    Term l = list;
    for (; term_is_list(l); l = term_tail(l)) n++;
    if (!term_is_nil(l)) return NULL;
    char **v = calloc(n + 2, sizeof *v);
    if (!v) return NULL;
    size_t i = 0;
    if (first && !(v[i++] = strdup(first))) return free_strings(v), NULL;
    for (l = list; term_is_list(l); l = term_tail(l))
        if (!(v[i++] = string_arg(term_head(l)))) return free_strings(v), NULL;
    return v;
}

/* environ with {Name, Value | false} applied. */
static char **env_arg(Term list)
{
    size_t n = 0, extra = 0;
    while (environ[n]) n++;
    for (Term l = list; term_is_list(l); l = term_tail(l)) extra++;
    char **v = calloc(n + extra + 1, sizeof *v);
    if (!v) return NULL;
    size_t count = 0;
    for (size_t i = 0; i < n; i++)
        if (!(v[count++] = strdup(environ[i]))) return free_strings(v), NULL;
    Term l = list;
    for (; term_is_list(l); l = term_tail(l)) {
        Term e = term_head(l);
        if (!term_is_tuple(e) || term_tuple_arity(e) != 2) return free_strings(v), NULL;
        char *name = string_arg(term_tuple_element(e, 1));
        Term val = term_tuple_element(e, 2);
        char *value = val == ATOM_false ? NULL : string_arg(val);
        if (!name || !*name || strchr(name, '=') || (val != ATOM_false && !value)) {
            free(name), free(value);
            return free_strings(v), NULL;
        }
        size_t nl = strlen(name);
        for (size_t i = 0; i < count; i++)
            if (!strncmp(v[i], name, nl) && v[i][nl] == '=') {
                free(v[i]);
                v[i--] = v[--count];
                v[count] = NULL;
            }
        if (value) {
            char *kv = malloc(nl + strlen(value) + 2);
            if (kv) sprintf(kv, "%s=%s", name, value), v[count++] = kv;
        }
        free(name), free(value);
    }
    if (!term_is_nil(l)) return free_strings(v), NULL;
    return v;
}

/* ---- open_port ---- */

typedef struct OpenJob {
    IoJob job;
    Port *port;
    PortSpawn how;
    char *arg0;
} OpenJob;

static void open_release(IoJob *job)
{
    OpenJob *j = (OpenJob *)job;
    free(j->how.file);
    free_strings(j->how.argv);
    free_strings(j->how.env);
    free(j->how.cd);
    free(j->arg0);
    if (j->port) port_release(j->port);
}

static void open_work(IoJob *job)
{
    OpenJob *j = (OpenJob *)job;
    int e = port_start(j->port, &j->how);
    if (e) {
        j->job.error = e;
        port_discard(j->port);
    }
}

typedef enum { NAME_SPAWN, NAME_EXECUTABLE, NAME_FD } NameKind;

static bool options_arg(Term opts, PortOptions *o, OpenJob *j, Term *args)
{
    *o = (PortOptions){.in = true, .out = true, .use_stdio = true};
    bool only_in = false, only_out = false;
    *args = TERM_NONE;
    Term l = opts;
    for (; term_is_list(l); l = term_tail(l)) {
        Term t = term_head(l);
        if (term_is_atom(t)) {
            if (is(t, "binary")) o->binary = true;
            else if (is(t, "eof")) o->eof = true;
            else if (is(t, "exit_status")) o->exit_status = true;
            else if (is(t, "stream")) o->packet = 0, o->line = 0;
            else if (is(t, "in")) only_in = true;
            else if (is(t, "out")) only_out = true;
            else if (is(t, "use_stdio")) o->use_stdio = true;
            else if (is(t, "nouse_stdio")) o->use_stdio = false;
            else if (is(t, "stderr_to_stdout")) o->stderr_to_stdout = true;
            else if (!is(t, "hide") && !is(t, "overlapped_io")) return false;
            continue;
        }
        if (!term_is_tuple(t) || term_tuple_arity(t) != 2) return false;
        Term k = term_tuple_element(t, 1), v = term_tuple_element(t, 2);
        if (is(k, "packet")) {
            if (!term_is_small(v) || (term_small_value(v) != 1 && term_small_value(v) != 2 && term_small_value(v) != 4))
                return false;
            o->packet = (int)term_small_value(v), o->line = 0;
        } else if (is(k, "line")) {
            if (!term_is_small(v) || term_small_value(v) <= 0) return false;
            o->line = (size_t)term_small_value(v), o->packet = 0;
        } else if (is(k, "cd")) {
            free(j->how.cd);
            if (!(j->how.cd = string_arg(v))) return false;
        } else if (is(k, "env")) {
            free_strings(j->how.env);
            if (!(j->how.env = env_arg(v))) return false;
        } else if (is(k, "args")) {
            *args = v;
        } else if (is(k, "arg0")) {
            free(j->arg0);
            if (!(j->arg0 = string_arg(v))) return false;
        } else if (!is(k, "parallelism") && !is(k, "busy_limits_port") && !is(k, "busy_limits_msgq")) {
            return false;
        }
    }
    if (!term_is_nil(l)) return false;
    if (o->stderr_to_stdout && !o->use_stdio) return false; /* OTP: there is no stdout to join */
    if (only_in != only_out) o->in = only_in, o->out = only_out;
    return true;
}

/* A port that failed to start: the caller's link to it goes too. */
static void open_failed(Process *p, OpenJob *j)
{
    LinkEntry *e = plink_find(p, LK_LINK, j->port->id, NULL);
    if (e) plink_remove(p, e);
}

/* {spawn_driver, Command}: a built-in driver's port, open at once. */
static Term open_driver(Process *p, Term command, Term opts)
{
    char *what = string_arg(command);
    const PortDriver *driver = what ? driver_find(what) : NULL;
    OpenJob scratch = {0};
    PortOptions o;
    Term argl;
    bool ok = driver && options_arg(opts, &o, &scratch, &argl);
    open_release(&scratch.job);
    if (!ok) return free(what), erts_badarg(p, driver ? "badopt" : NULL);
    Port *port = port_new(what, &o, p->pid);
    free(what);
    if (!port) return proc_raise(p, ATOM_error, ATOM_system_limit);
    port->driver = driver;
    int err = driver->start(port);
    if (err) {
        port_discard(port);
        port_release(port);
        proc_raise(p, ATOM_error, posix_error_atom(err));
        Term k = ATOM_module, v = ATOM_erl_erts_errors;
        p->ferror_info = map_from_pairs(p, &k, &v, 1);
        return TERM_NONE;
    }
    plink_add(p, (LinkEntry){LK_LINK, port->id, TERM_NIL, {0, 0}, NULL});
    Term id = port->id;
    port_release(port);
    return id;
}

/* Whether a {spawn, Command}'s first word names a built-in driver. */
static bool names_driver(Term command)
{
    char *what = string_arg(command);
    bool found = what && driver_find(what);
    free(what);
    return found;
}

Term bif_erlang_open_port_2(Process *p, const Term *args)
{
    bool wait;
    OpenJob *done = (OpenJob *)dirty_io_finished(p, &wait);
    if (wait) return dirty_io_wait(p);
    if (done) {
        Term r = done->job.error ? proc_raise(p, ATOM_error, posix_error_atom(done->job.error)) : done->port->id;
        if (done->job.error) {
            open_failed(p, done);
            Term k = ATOM_module, v = ATOM_erl_erts_errors;
            p->ferror_info = map_from_pairs(p, &k, &v, 1);
        }
        dirty_io_free(&done->job);
        return r;
    }
    Term name = args[0];
    Term as_spawn[3];
    if (term_is_atom(name)) { /* an atom names a program, as {spawn, Atom} */
        size_t len;
        const char *text = atom_text(name, &len);
        as_spawn[0] = header_make(HDR_TUPLE, 2);
        as_spawn[1] = atom_from_cstr("spawn");
        as_spawn[2] = bif_bytes_to_list(p, (const uint8_t *)text, len, TERM_NIL);
        name = term_make_boxed(as_spawn);
    }
    Term named[3];
    if (term_is_tuple(name) && term_tuple_arity(name) == 2 && term_is_atom(term_tuple_element(name, 2))) {
        /* {spawn, 'tty_sl -c -e'} (user_drv's) and the like: the atom's text */
        size_t len;
        const char *text = atom_text(term_tuple_element(name, 2), &len);
        named[0] = header_make(HDR_TUPLE, 2);
        named[1] = term_tuple_element(name, 1);
        named[2] = bif_bytes_to_list(p, (const uint8_t *)text, len, TERM_NIL);
        name = term_make_boxed(named);
    }
    if (!term_is_tuple(name) || term_tuple_arity(name) < 2 || !term_is_atom(term_tuple_element(name, 1)))
        return erts_badarg(p, NULL);
    Term kind = term_tuple_element(name, 1);
    NameKind nk;
    if (is(kind, "spawn") && term_tuple_arity(name) == 2) nk = NAME_SPAWN;
    else if (is(kind, "spawn_executable") && term_tuple_arity(name) == 2) nk = NAME_EXECUTABLE;
    else if (is(kind, "fd") && term_tuple_arity(name) == 3) nk = NAME_FD;
    else if (is(kind, "spawn_driver") && term_tuple_arity(name) == 2)
        return open_driver(p, term_tuple_element(name, 2), args[1]);
    else return erts_badarg(p, NULL);
    if (nk == NAME_SPAWN && names_driver(term_tuple_element(name, 2))) /* as OTP: a driver before a program */
        return open_driver(p, term_tuple_element(name, 2), args[1]);
    OpenJob *j = calloc(1, sizeof *j);
    if (!j) return proc_raise(p, ATOM_error, ATOM_system_limit);
    PortOptions o;
    Term argl;
    if (!options_arg(args[1], &o, j, &argl)) {
        open_release(&j->job), free(j);
        return erts_badarg(p, "badopt");
    }
    char *what = NULL;
    if (nk == NAME_FD) {
        Term in = term_tuple_element(name, 2), out = term_tuple_element(name, 3);
        if (!term_is_small(in) || !term_is_small(out)) {
            open_release(&j->job), free(j);
            return erts_badarg(p, NULL);
        }
        if (term_small_value(in) < 0 || term_small_value(out) < 0 || term_small_value(in) > INT32_MAX ||
            term_small_value(out) > INT32_MAX) {
            open_release(&j->job), free(j);
            return proc_raise(p, ATOM_error, posix_error_atom(EINVAL));
        }
        j->how.fd_in = (int)term_small_value(in), j->how.fd_out = (int)term_small_value(out);
        what = strdup("0/1");
    } else {
        what = string_arg(term_tuple_element(name, 2));
        if (!what || (nk == NAME_EXECUTABLE && !*what)) {
            free(what), open_release(&j->job), free(j);
            return erts_badarg(p, NULL);
        }
        if (nk == NAME_SPAWN) {
            /* as OTP: the shell runs the command line */
            j->how.file = strdup("/bin/sh");
            size_t n = strlen(what);
            char *line = malloc(n + 6);
            if (line) sprintf(line, "exec %s", what);
            j->how.argv = calloc(4, sizeof(char *));
            if (j->how.argv) j->how.argv[0] = strdup("sh"), j->how.argv[1] = strdup("-c"), j->how.argv[2] = line;
        } else {
            j->how.file = strdup(what);
            j->how.argv = string_list_arg(argl == TERM_NONE ? TERM_NIL : argl, j->arg0 ? j->arg0 : what);
        }
        if (!j->how.file || !j->how.argv) {
            free(what), open_release(&j->job), free(j);
            return erts_badarg(p, NULL);
        }
    }
    j->port = port_new(what, &o, p->pid);
    free(what);
    if (!j->port) {
        open_release(&j->job), free(j);
        return proc_raise(p, ATOM_error, ATOM_system_limit);
    }
    /* the caller's side of the link exists before the program can start, so
     * an exit signal from a program that ends at once finds it (the port's
     * side is made by port_new) */
    plink_add(p, (LinkEntry){LK_LINK, j->port->id, TERM_NIL, {0, 0}, NULL});
    return dirty_io_submit_poller(p, &j->job, open_work, open_release);
}

/* ---- talking to a port ---- */

/* The open port a BIF argument names; NULL (badarg raised) otherwise. */
static Port *port_arg(Process *p, Term t)
{
    Port *port = term_is_local_port(t) ? port_get(t) : NULL;
    if (!port) erts_badarg(p, NULL);
    return port;
}

/* The term a port carries for its owner's use. */
Term bif_erlang_port_set_data_2(Process *p, const Term *args)
{
    Port *port = port_arg(p, args[0]);
    if (!port) return TERM_NONE;
    bool immed = term_is_immed(args[1]);
    TermBox *box = immed ? NULL : term_box_new(args[1]);
    pthread_mutex_lock(&port->lock);
    TermBox *old = port->data;
    port->data = box;
    atomic_store(&port->data_immed, immed ? args[1] : TERM_NONE);
    pthread_mutex_unlock(&port->lock);
    port_release(port);
    free(old);
    return ATOM_true;
}

Term bif_erlang_port_get_data_1(Process *p, const Term *args)
{
    Port *port = port_arg(p, args[0]);
    if (!port) return TERM_NONE;
    Term v = atomic_load(&port->data_immed);
    if (v != TERM_NONE) {
        port_release(port);
        return v;
    }
    pthread_mutex_lock(&port->lock);
    v = ATOM_undefined;
    if (port->data) {
        Term *hp = proc_alloc(p, term_size(port->data->term));
        v = term_copy_offheap(port->data->term, &hp, &p->offheap);
    }
    pthread_mutex_unlock(&port->lock);
    port_release(port);
    return v;
}

static Term command(Process *p, Term id, Term data, Term opts)
{
    bool force = false;
    for (Term l = opts; term_is_list(l); l = term_tail(l)) {
        if (is(term_head(l), "force")) force = true;
        else if (!is(term_head(l), "nosuspend")) return erts_badarg(p, "badopt");
    }
    if (!term_is_list(opts) && !term_is_nil(opts)) return erts_badarg(p, "badopt");
    if (force) { /* no driver here takes commands when busy: OTP's answer */
        proc_raise(p, ATOM_error, atom_from_cstr("notsup"));
        Term k = ATOM_module, v = ATOM_erl_erts_errors;
        p->ferror_info = map_from_pairs(p, &k, &v, 1);
        return TERM_NONE;
    }
    uint8_t *bytes;
    size_t len;
    if (!bif_iolist_copy(data, &bytes, &len)) return erts_badarg(p, NULL);
    Port *port = port_arg(p, id);
    if (!port) return free(bytes), TERM_NONE;
    if (port->driver && !port->driver->command) { /* the inet drivers do not send yet */
        free(bytes), port_release(port);
        return bif_not_implemented(p, "commands to a built-in driver");
    }
    bool ok = port->opt.out;
    if (ok) port_command(port, bytes, len);
    free(bytes);
    port_release(port);
    return ok ? ATOM_true : erts_badarg(p, NULL);
}

Term bif_erlang_port_command_2(Process *p, const Term *args) { return command(p, args[0], args[1], TERM_NIL); }
Term bif_erlang_port_command_3(Process *p, const Term *args) { return command(p, args[0], args[1], args[2]); }

Term bif_erlang_port_close_1(Process *p, const Term *args)
{
    Port *port = port_arg(p, args[0]);
    if (!port) return TERM_NONE;
    bool closed = port_close_by(port, p->pid);
    port_release(port);
    return closed ? ATOM_true : erts_badarg(p, NULL);
}

Term bif_erlang_port_connect_2(Process *p, const Term *args)
{
    if (!term_is_local_pid(args[1])) return erts_badarg(p, NULL);
    Port *port = port_arg(p, args[0]);
    if (!port) return TERM_NONE;
    port_set_connected(port, args[1]);
    port_link(port, args[1]);
    Message *m = msg_build(SIG_LINK, port->id, 0, NULL);
    m->term = TERM_NIL;
    sig_send(args[1], m); /* the new owner's side of the link */
    port_release(port);
    return ATOM_true;
}

/* port_control(Port, Operation, Data): the driver's reply as a list of bytes. */
Term bif_erlang_port_control_3(Process *p, const Term *args)
{
    Port *port = port_arg(p, args[0]);
    if (!port) return TERM_NONE;
    uint8_t *bytes = NULL;
    size_t len = 0;
    bool ok = port->driver && term_is_small(args[1]) && term_small_value(args[1]) >= 0 &&
              term_small_value(args[1]) <= UINT32_MAX && bif_iolist_copy(args[2], &bytes, &len);
    StrBuf out;
    strbuf_init(&out);
    if (ok) {
        pthread_mutex_lock(&port->lock);
        ok = !port->closed && port->driver->control(port, (unsigned)term_small_value(args[1]), bytes, len, &out);
        pthread_mutex_unlock(&port->lock);
        if (port->driver->after_request) port->driver->after_request(port);
    }
    free(bytes);
    port_release(port);
    Term r = ok ? bif_bytes_to_list(p, (const uint8_t *)out.data, out.len, TERM_NIL) : erts_badarg(p, NULL);
    strbuf_free(&out);
    return r;
}

/* port_call(Port, Operation, Data): Data goes to the driver's call in the
 * external format and its reply comes back through binary_to_term. Ports
 * whose driver has no call (programs, fd ports and OTP's inet drivers, as on
 * OTP) are badarg. The driver runs under the port's lock. */
static Term call(Process *p, Term id, Term op, Term data)
{
    Port *port = port_arg(p, id);
    if (!port) return TERM_NONE;
    if (!port->driver || !port->driver->call || !term_is_small(op) || term_small_value(op) < 0 ||
        term_small_value(op) > UINT32_MAX) {
        port_release(port);
        return erts_badarg(p, NULL);
    }
    StrBuf in, out;
    strbuf_init(&in);
    strbuf_init(&out);
    if (ext_encode(data, &in) != EXT_ENCODE_OK) {
        port_release(port);
        strbuf_free(&in);
        return bif_not_implemented(p, "port_call of a term term_to_binary cannot encode yet");
    }
    pthread_mutex_lock(&port->lock);
    bool ok = !port->closed &&
              port->driver->call(port, (unsigned)term_small_value(op), (const uint8_t *)in.data, in.len, &out);
    pthread_mutex_unlock(&port->lock);
    port_release(port);
    strbuf_free(&in);
    /* a reply binary_to_term refuses is the driver's error: badarg */
    Term r = ok ? ext_binary_to_term(p, (const uint8_t *)out.data, out.len) : TERM_NONE;
    strbuf_free(&out);
    if (r == TERM_NONE && (!ok || p->freason == ATOM_badarg)) return erts_badarg(p, NULL);
    return r;
}

Term bif_erlang_port_call_3(Process *p, const Term *args) { return call(p, args[0], args[1], args[2]); }
/* port_call(Port, Data) is operation 0, as on OTP */
Term bif_erlang_port_call_2(Process *p, const Term *args) { return call(p, args[0], term_make_small(0), args[1]); }

Term bif_erlang_ports_0(Process *p, const Term *args)
{
    (void)args;
    return port_list(p, TERM_NIL);
}

static Term pid_list(Process *p, const Term *pids, size_t n)
{
    Term l = TERM_NIL;
    for (size_t i = n; i-- > 0;) l = term_cons(proc_alloc(p, 2), pids[i], l);
    return l;
}

static Term info_value(Process *p, Port *port, Term item)
{
    if (is(item, "id")) return term_make_small((SInt)term_port_number(port->id));
    if (is(item, "name")) return bif_utf8_to_list(p, (const uint8_t *)port->name, strlen(port->name));
    if (is(item, "connected")) {
        pthread_mutex_lock(&port->lock);
        Term c = port->connected;
        pthread_mutex_unlock(&port->lock);
        return c;
    }
    if (is(item, "links")) {
        pthread_mutex_lock(&port->lock);
        Term l = pid_list(p, port->links, port->nlinks);
        pthread_mutex_unlock(&port->lock);
        return l;
    }
    if (is(item, "input")) return term_make_small((SInt)atomic_load(&port->input));
    if (is(item, "output")) return term_make_small((SInt)atomic_load(&port->output));
    if (is(item, "os_pid")) return port->os_pid < 0 ? ATOM_undefined : term_make_small((SInt)port->os_pid);
    if (is(item, "registered_name")) return TERM_NIL;
    if (is(item, "memory")) return term_make_small((SInt)(sizeof *port + port->incap));
    if (is(item, "queue_size")) {
        pthread_mutex_lock(&port->lock);
        size_t q = port->driver && port->driver->queue_size ? port->driver->queue_size(port) : 0;
        pthread_mutex_unlock(&port->lock);
        return term_make_small((SInt)q);
    }
    if (is(item, "monitors")) return TERM_NIL; /* a port of ours monitors no process */
    if (is(item, "monitored_by")) {
        pthread_mutex_lock(&port->lock);
        Term l = TERM_NIL;
        for (size_t i = port->nwatchers; i-- > 0;) l = term_cons(proc_alloc(p, 2), port->watchers[i].pid, l);
        pthread_mutex_unlock(&port->lock);
        return l;
    }
    if (is(item, "parallelism")) return ATOM_false;
    if (is(item, "locking")) return atom_from_cstr("port_level");
    return TERM_NONE;
}

Term bif_erlang_port_info_2(Process *p, const Term *args)
{
    if (!term_is_port(args[0]) || !term_is_atom(args[1])) return erts_badarg(p, NULL);
    Port *port = port_get(args[0]);
    if (!port) {
        /* a closed port: undefined, but still badarg for an unknown item */
        static const char *const items[] = {"id", "name", "connected", "links", "input", "output", "os_pid",
                                            "registered_name", "memory", "queue_size", "monitors",
                                            "monitored_by", "parallelism", "locking"};
        for (size_t i = 0; i < sizeof items / sizeof *items; i++)
            if (is(args[1], items[i])) return ATOM_undefined;
        return erts_badarg(p, NULL);
    }
    Term v = info_value(p, port, args[1]);
    port_release(port);
    if (v == TERM_NONE) return erts_badarg(p, NULL);
    if (is(args[1], "registered_name") && term_is_nil(v)) return TERM_NIL;
    return bif_tuple2(p, args[1], v);
}

Term bif_erlang_port_info_1(Process *p, const Term *args)
{
    static const char *const items[] = {"name", "links", "id", "connected", "input", "output", "os_pid"};
    if (!term_is_port(args[0])) return erts_badarg(p, NULL);
    Port *port = port_get(args[0]);
    if (!port) return ATOM_undefined;
    Term pairs[7];
    size_t n = 0;
    for (size_t i = 0; i < 7; i++) {
        Term v = info_value(p, port, atom_from_cstr(items[i]));
        pairs[n++] = bif_tuple2(p, atom_from_cstr(items[i]), v);
    }
    port_release(port);
    return pid_list(p, pairs, n);
}

/* ---- Port ! Msg ---- */

bool port_send(Term from, Term to, Term msg)
{
    (void)from;
    if (!term_is_local_port(to)) return false;
    Port *port = port_get(to);
    if (!port) return true; /* like a send to a dead process */
    Term sender = TERM_NONE, req = TERM_NONE;
    if (term_is_tuple(msg) && term_tuple_arity(msg) == 2) sender = term_tuple_element(msg, 1), req = term_tuple_element(msg, 2);
    pthread_mutex_lock(&port->lock);
    bool owner = sender == port->connected;
    pthread_mutex_unlock(&port->lock);
    uint8_t *bytes;
    size_t len;
    if (owner && term_is_tuple(req) && term_tuple_arity(req) == 2 && is(term_tuple_element(req, 1), "command") &&
        port->opt.out && bif_iolist_copy(term_tuple_element(req, 2), &bytes, &len)) {
        port_command(port, bytes, len);
        free(bytes);
    } else if (owner && is(req, "close")) {
        port_close_with(port, ATOM_normal, sender);
    } else if (owner && term_is_tuple(req) && term_tuple_arity(req) == 2 && is(term_tuple_element(req, 1), "connect") &&
               term_is_local_pid(term_tuple_element(req, 2))) {
        port_set_connected(port, term_tuple_element(req, 2));
        port_tell(port, sender, atom_from_cstr("connected"));
    }
    /* anything else, or from another process, is dropped (OTP logs it) */
    port_release(port);
    return true;
}
