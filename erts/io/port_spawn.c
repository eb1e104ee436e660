/* port_spawn.c — a port's libuv side, on the poller thread: the program
 * started with posix_spawn over pipes of our own and reaped on SIGCHLD, or
 * the descriptors of an fd port; reads handed to port_input, writes queued
 * with uv_write, and the handles closed at the end. */
#define _GNU_SOURCE /* pipe2, posix_spawn_file_actions_addchdir_np/addclosefrom_np */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "io/port.h"
#include "io/poller.h"

extern char **environ;

/* One of the port's handles (or its running program, or a file read) is
 * done. The table's reference goes with the last of them, but only once the
 * port has ended: a program can exit and its pipes close while the port
 * still delivers what it read, and the table must not point at freed memory
 * meanwhile (port_close_handles drops the reference then). */
static void handle_done(Port *port)
{
    if (--port->open_handles == 0 && port->terminated) port_release(port);
}

static void on_handle_closed(uv_handle_t *h) { handle_done(h->data); }

static void close_handle(Port *port, uv_handle_t *h)
{
    if (uv_is_closing(h)) return;
    uv_close(h, on_handle_closed);
    (void)port;
}

void port_close_handles(Port *port)
{
    if (port->open_handles == 0) {
        port_release(port);
        return;
    }
    if (port->from_child.data) close_handle(port, (uv_handle_t *)&port->from_child);
    if (port->to_child.data) {
        port_set_direct_fd(port, -1); /* before uv_close gives the number back */
        close_handle(port, (uv_handle_t *)&port->to_child);
    }
    /* a running program holds its count until it exits (program_ended) */
}

/* ---- reading ---- */

static void on_alloc(uv_handle_t *h, size_t suggested, uv_buf_t *buf)
{
    (void)h;
    /* the poller reads one pipe at a time; allocated on first use, as static
     * thread-local storage would be zeroed for every thread the runtime starts */
    enum { CHUNK = 65536 };
    static _Thread_local char *chunk;
    (void)suggested;
    if (!chunk && !(chunk = malloc(CHUNK))) {
        *buf = uv_buf_init(NULL, 0); /* libuv reports UV_ENOBUFS to the reader */
        return;
    }
    *buf = uv_buf_init(chunk, CHUNK);
}

static void on_read(uv_stream_t *s, ssize_t n, const uv_buf_t *buf)
{
    Port *port = s->data;
    if (n > 0) {
        port_input(port, (const uint8_t *)buf->base, (size_t)n);
        return;
    }
    if (n == 0) return;
    uv_read_stop(s); /* UV_EOF or an error: the program's output is over */
    port->reading = false;
    close_handle(port, (uv_handle_t *)s);
    port_input_eof(port);
}

/* Input from a descriptor epoll cannot watch: one read at a time on libuv's
 * thread pool, until end of file, an error, or the port's end. */
enum { FILE_CHUNK = 65536 };

static void on_file_read(uv_fs_t *req);

static void read_file_chunk(Port *port)
{
    uv_buf_t buf = uv_buf_init(port->file_buf, FILE_CHUNK);
    port->file_req.data = port;
    if (uv_fs_read(poller_loop(), &port->file_req, port->file_fd, &buf, 1, -1, on_file_read) != 0) {
        port->file_req.result = UV_EIO;
        on_file_read(&port->file_req);
    }
}

static void on_file_read(uv_fs_t *req)
{
    Port *port = req->data;
    ssize_t n = req->result;
    uv_fs_req_cleanup(req);
    if (n > 0 && !port->terminated) port_input(port, (const uint8_t *)port->file_buf, (size_t)n);
    if (n > 0 && !port->terminated) return read_file_chunk(port);
    close(port->file_fd);
    port->file_fd = -1;
    free(port->file_buf);
    port->file_buf = NULL;
    port->reading = false;
    if (!port->terminated) port_input_eof(port); /* errors end the input as end of file does */
    handle_done(port);
}

static int start_file_input(Port *port, int fd)
{
    if (!(port->file_buf = malloc(FILE_CHUNK))) return close(fd), ENOMEM;
    port->file_fd = fd;
    port->open_handles++;
    port->reading = true;
    read_file_chunk(port);
    return 0;
}

/* ---- writing ---- */

typedef struct WriteReq {
    uv_write_t req;
    Port *port;
    uint8_t *bytes;
} WriteReq;

static void on_written(uv_write_t *req, int status)
{
    WriteReq *w = (WriteReq *)req;
    port_queued_write_done(w->port);
    if (status < 0 && status != UV_ECANCELED) port_write_failed(w->port, -status);
    free(w->bytes);
    free(w);
}

void port_write(Port *port, uint8_t *bytes, size_t len)
{
    WriteReq *w = malloc(sizeof *w);
    if (!w) abort();
    w->port = port;
    w->bytes = bytes;
    uv_buf_t buf = uv_buf_init((char *)bytes, (unsigned)len);
    int r = uv_write(&w->req, (uv_stream_t *)&port->to_child, &buf, 1, on_written);
    if (r != 0) {
        port_queued_write_done(port);
        port_write_failed(port, -r);
        free(bytes);
        free(w);
    }
}

/* ---- the program ---- */

/* Programs start with posix_spawn rather than fork: glibc's clone(CLONE_VM |
 * CLONE_VFORK) copies no page tables, which with OTP's libraries loaded made
 * fork and its copy-on-write faults the cost of every os:cmd. Their exits are
 * collected here: waitpid on each child we started, when SIGCHLD arrives
 * (never waitpid(-1), which would take other code's children). */
typedef struct Child {
    pid_t pid;
    Port *port;
} Child;

static Child *children; /* (poller thread) */
static size_t nchildren, capchildren;
static uv_signal_t sigchld;

/* The program is gone (or never ran, code being its exec errno): its exit,
 * then the count it held on the port's handles. */
static void program_ended(Port *port, int64_t code)
{
    port->proc_running = false;
    port_exited(port, code);
    handle_done(port);
}

static void on_sigchld(uv_signal_t *h, int signum)
{
    (void)h, (void)signum;
    for (size_t i = 0; i < nchildren;) {
        int status = 0;
        pid_t r = waitpid(children[i].pid, &status, WNOHANG);
        if (r == 0 || (r < 0 && errno == EINTR)) {
            i++;
            continue;
        }
        Port *port = children[i].port;
        children[i] = children[--nchildren];
        /* a killed program reports 128 + signal, as a shell does and OTP reports */
        int64_t code = r < 0 ? 0 : WIFSIGNALED(status) ? 128 + WTERMSIG(status) : WEXITSTATUS(status);
        program_ended(port, code);
    }
}

static int watch_children(void)
{
    static bool watching;
    if (watching) return 0;
    int r = uv_signal_init(poller_loop(), &sigchld);
    if (r == 0) r = uv_signal_start(&sigchld, on_sigchld, SIGCHLD);
    if (r != 0) return -r;
    uv_unref((uv_handle_t *)&sigchld);
    watching = true;
    return 0;
}

static void add_child(Port *port, pid_t pid)
{
    if (nchildren == capchildren) {
        size_t cap = capchildren ? capchildren * 2 : 64;
        Child *grown = realloc(children, cap * sizeof *grown);
        if (!grown) abort();
        children = grown;
        capchildren = cap;
    }
    children[nchildren++] = (Child){pid, port};
    port->open_handles++;
    port->proc_running = true;
    port->os_pid = pid;
}

/* A program whose exec failed after the checks open_port makes: OTP has
 * opened the port by then, and reports the errno as the exit status. */
static void exec_failed(void *arg)
{
    Port *port = arg;
    program_ended(port, port->exit_code);
}

static void report_exec_failure(Port *port, const PortSpawn *how, int err)
{
    struct stat st;
    if (how->cd && (stat(how->cd, &st) != 0 || !S_ISDIR(st.st_mode) || access(how->cd, X_OK) != 0))
        fprintf(stderr, "spawn: Could not cd to %s\r\n", how->cd); /* OTP's words */
    port->open_handles++;
    port->proc_running = true;
    port->exit_code = err;
    poller_call(exec_failed, port); /* after open_port has its answer, as a real exit would be */
}

static int open_pipe(Port *port, uv_pipe_t *p, int fd)
{
    if (uv_pipe_init(poller_loop(), p, 0) != 0) return EMFILE;
    p->data = port;
    port->open_handles++;
    int r = uv_pipe_open(p, fd);
    return r ? -r : 0;
}

static int start_fd_port(Port *port, const PortSpawn *how)
{
    int r = 0;
    if (port->opt.in) {
        int fd = dup(how->fd_in);
        if (fd < 0) return errno;
        if (uv_guess_handle(fd) == UV_FILE) {
            if ((r = start_file_input(port, fd)) != 0) return r;
        } else {
            if ((r = open_pipe(port, &port->from_child, fd)) != 0) return r;
            uv_read_start((uv_stream_t *)&port->from_child, on_alloc, on_read);
            port->reading = true;
        }
    }
    if (port->opt.out) {
        int fd = dup(how->fd_out);
        if (fd < 0 || (r = open_pipe(port, &port->to_child, fd)) != 0) return fd < 0 ? errno : r;
        port->writing_open = true;
        port_set_direct_fd(port, fd);
    }
    return 0;
}

/* A pipe whose ends are above the descriptors a child is given (0-4), so
 * that no dup2 in the child has the same source and target. */
static int make_pipe(int fds[2])
{
    if (pipe2(fds, O_CLOEXEC) < 0) return errno;
    for (int i = 0; i < 2; i++) {
        if (fds[i] > 4) continue;
        int moved = fcntl(fds[i], F_DUPFD_CLOEXEC, 5);
        if (moved < 0) {
            int e = errno;
            close(fds[0]), close(fds[1]);
            return e;
        }
        close(fds[i]);
        fds[i] = moved;
    }
    return 0;
}

/* The child's descriptors: with use_stdio, our pipes as 0 and 1 (and 2 for
 * stderr_to_stdout), what the runtime has for a direction the port does not
 * use; with nouse_stdio, 3 (its input) and 4 (its output) and the runtime's
 * 0-2. Nothing else stays open. */
static int child_setup(posix_spawn_file_actions_t *fa, posix_spawnattr_t *at, const Port *port, const PortSpawn *how,
                       int child_in, int child_out)
{
    bool stdio = port->opt.use_stdio;
    int r = 0;
    if (child_in >= 0) r = posix_spawn_file_actions_adddup2(fa, child_in, stdio ? 0 : 3);
    if (!r && child_out >= 0) r = posix_spawn_file_actions_adddup2(fa, child_out, stdio ? 1 : 4);
    if (!r && child_out >= 0 && stdio && port->opt.stderr_to_stdout) r = posix_spawn_file_actions_adddup2(fa, child_out, 2);
    if (!r) r = posix_spawn_file_actions_addclosefrom_np(fa, stdio ? 3 : 5);
    if (!r && how->cd) r = posix_spawn_file_actions_addchdir_np(fa, how->cd);
    /* its own session, as OTP starts programs, and no blocked signals;
     * ignored ones stay ignored (SIGPIPE among them), as on OTP */
    sigset_t none;
    sigemptyset(&none);
    if (!r) r = posix_spawnattr_setflags(at, POSIX_SPAWN_SETSID | POSIX_SPAWN_SETSIGMASK);
    if (!r) r = posix_spawnattr_setsigmask(at, &none);
    return r;
}

static void close_fds(int *fds, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (fds[i] >= 0) close(fds[i]), fds[i] = -1;
}

static int spawn_program(Port *port, const PortSpawn *how, int child_in, int child_out)
{
    posix_spawn_file_actions_t fa;
    posix_spawnattr_t at;
    if (posix_spawn_file_actions_init(&fa) != 0) return ENOMEM;
    if (posix_spawnattr_init(&at) != 0) return posix_spawn_file_actions_destroy(&fa), ENOMEM;
    int r = child_setup(&fa, &at, port, how, child_in, child_out);
    pid_t pid;
    if (!r) {
        r = posix_spawn(&pid, how->file, &fa, &at, how->argv, how->env ? how->env : environ);
        if (r == 0) add_child(port, pid);
        else report_exec_failure(port, how, r);
        r = 0;
    }
    posix_spawn_file_actions_destroy(&fa);
    posix_spawnattr_destroy(&at);
    return r;
}

int port_start(Port *port, const PortSpawn *how)
{
    if (!port->opt.in) port->eof_seen = true; /* no output to wait for */
    if (!how->file) return start_fd_port(port, how);
    /* as OTP, a program that cannot be run is the open's error; what fails
     * later (a directory, a bad cd) is the program's exit status */
    if (access(how->file, X_OK) != 0) return errno;
    int r = watch_children();
    if (r) return r;
    int from[2] = {-1, -1}, to[2] = {-1, -1}; /* from: program -> us; to: us -> program */
    if ((port->opt.in && (r = make_pipe(from)) != 0) || (port->opt.out && (r = make_pipe(to)) != 0)) {
        close_fds(from, 2), close_fds(to, 2);
        return r;
    }
    /* our ends, until a libuv handle owns them (the handles close with the port) */
    int ours[2] = {from[0], to[1]};
    if (ours[0] >= 0 && (r = open_pipe(port, &port->from_child, from[0])) == 0) ours[0] = -1;
    if (!r && ours[1] >= 0 && (r = open_pipe(port, &port->to_child, to[1])) == 0) ours[1] = -1;
    if (!r) r = spawn_program(port, how, to[0], from[1]);
    int child_ends[2] = {to[0], from[1]};
    close_fds(child_ends, 2);
    close_fds(ours, 2);
    if (r) return r;
    if (from[0] >= 0) {
        uv_read_start((uv_stream_t *)&port->from_child, on_alloc, on_read);
        port->reading = true;
    }
    if (to[1] >= 0) {
        port->writing_open = true;
        port_set_direct_fd(port, to[1]);
    }
    return 0;
}
