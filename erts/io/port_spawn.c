/* port_spawn.c — a port's libuv side, on the poller thread: the program
 * started with uv_spawn over pipes of our own (so stderr can share stdout's),
 * or the descriptors of an fd port; reads handed to port_input, writes
 * queued with uv_write, and the handles closed at the end. */
#define _GNU_SOURCE /* pipe2 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "io/port.h"
#include "io/poller.h"

static void on_handle_closed(uv_handle_t *h)
{
    Port *port = h->data;
    if (--port->open_handles == 0) port_release(port); /* the table's reference */
}

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
    if (port->proc.data && !port->proc_running) close_handle(port, (uv_handle_t *)&port->proc);
    /* a running program's handle closes when it exits (on_program_exit) */
}

/* ---- reading ---- */

static void on_alloc(uv_handle_t *h, size_t suggested, uv_buf_t *buf)
{
    (void)h;
    static _Thread_local char chunk[65536]; /* the poller reads one pipe at a time */
    (void)suggested;
    *buf = uv_buf_init(chunk, sizeof chunk);
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
    if (--port->open_handles == 0) port_release(port);
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

static void on_program_exit(uv_process_t *proc, int64_t status, int term_signal)
{
    Port *port = proc->data;
    port->proc_running = false;
    /* a killed program reports 128 + signal, as a shell does and OTP reports */
    port_exited(port, term_signal ? 128 + term_signal : status);
    close_handle(port, (uv_handle_t *)proc);
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

int port_start(Port *port, const PortSpawn *how)
{
    if (!port->opt.in || !port->opt.use_stdio) port->eof_seen = true; /* no output to wait for */
    if (!how->file) return start_fd_port(port, how);
    int in[2] = {-1, -1}, out[2] = {-1, -1}; /* in: program -> us; out: us -> program */
    bool piped = port->opt.use_stdio;
    if (piped && ((port->opt.in && pipe2(in, O_CLOEXEC) < 0) || (port->opt.out && pipe2(out, O_CLOEXEC) < 0))) {
        int e = errno;
        for (int i = 0; i < 2; i++) {
            if (in[i] >= 0) close(in[i]);
            if (out[i] >= 0) close(out[i]);
        }
        return e;
    }
    uv_stdio_container_t stdio[3];
    stdio[0].flags = out[0] >= 0 ? UV_INHERIT_FD : UV_IGNORE;
    stdio[0].data.fd = out[0];
    stdio[1].flags = in[1] >= 0 ? UV_INHERIT_FD : piped ? UV_IGNORE : UV_INHERIT_FD;
    stdio[1].data.fd = in[1] >= 0 ? in[1] : 1;
    stdio[2].flags = UV_INHERIT_FD;
    stdio[2].data.fd = port->opt.stderr_to_stdout && in[1] >= 0 ? in[1] : 2;
    uv_process_options_t o = {0};
    o.file = how->file;
    o.args = how->argv;
    o.env = how->env;
    o.cwd = how->cd;
    o.stdio = stdio;
    o.stdio_count = 3;
    o.exit_cb = on_program_exit;
    port->proc.data = port;
    int r = uv_spawn(poller_loop(), &port->proc, &o);
    if (in[1] >= 0) close(in[1]);
    if (out[0] >= 0) close(out[0]);
    if (r != 0) {
        if (in[0] >= 0) close(in[0]);
        if (out[1] >= 0) close(out[1]);
        port->open_handles++;
        uv_close((uv_handle_t *)&port->proc, on_handle_closed); /* libuv wants even a failed spawn closed */
        return -r;
    }
    port->open_handles++;
    port->proc_running = true;
    port->os_pid = port->proc.pid;
    if (in[0] >= 0) {
        if ((r = open_pipe(port, &port->from_child, in[0])) != 0) return r;
        uv_read_start((uv_stream_t *)&port->from_child, on_alloc, on_read);
        port->reading = true;
    }
    if (out[1] >= 0) {
        if ((r = open_pipe(port, &port->to_child, out[1])) != 0) return r;
        port->writing_open = true;
        port_set_direct_fd(port, out[1]);
    }
    return 0;
}
