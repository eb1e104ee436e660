/* port.h — ports with OTP's semantics: an external program (spawn,
 * spawn_executable) or a pair of descriptors (fd) that a connected process
 * talks to by messages. Every port's I/O runs on the poller thread
 * (io/poller.h); a port's identity, owner, links and monitors are guarded by
 * its lock, so BIFs read them from any scheduler. */
#ifndef EMBER_IO_PORT_H
#define EMBER_IO_PORT_H

#include <pthread.h>
#include <stdatomic.h>
#include <uv.h>

#include "proc/process.h"
#include "term/copy.h"

typedef struct PortOptions {
    int packet;  /* 0 (stream), 1, 2 or 4 header bytes */
    size_t line; /* 0: not line mode */
    bool binary, eof, exit_status, in, out, stderr_to_stdout, use_stdio;
} PortOptions;

/* A process monitoring the port (erlang:monitor(port, ...)). */
typedef struct PortWatcher {
    Term pid;
    Term name;       /* the registered name it monitored by, or NIL */
    uint64_t ref[2]; /* the monitor's reference, as raw words */
    TermBox *tag;    /* what its DOWN message starts with; NULL: 'DOWN' */
} PortWatcher;

typedef struct Port {
    pthread_mutex_t lock;
    _Atomic int refc;
    Term id;
    char *name;       /* the command, for port_info(name) */
    PortOptions opt;
    /* (lock) */
    Term connected;
    Term *links;
    size_t nlinks, caplinks;
    PortWatcher *watchers; /* told {Tag, Ref, port, Obj, Reason} when the port ends */
    size_t nwatchers, capwatchers;
    _Atomic bool closed; /* set under the lock; port_get reads it without */
    int64_t os_pid;   /* -1: none */
    /* port_set_data/2's term: an immediate (atom, small integer; undefined at
     * first) is kept in data_immed, read without the lock, since prim_inet
     * looks up a socket's module this way on every call; any other term is
     * boxed in data (lock held), with data_immed TERM_NONE. */
    _Atomic Term data_immed;
    TermBox *data;
    /* Commands are written straight from the sending scheduler to this
     * non-blocking descriptor while no write queued on the poller is pending
     * (so bytes keep their order); what does not fit goes to the poller.
     * -1 until the port's output is open and once it closes. */
    int direct_fd;
    unsigned queued_writes;
    _Atomic uint64_t input, output; /* bytes */
    /* A built-in driver's port (io/driver.h) runs no program: the driver
     * answers port_control and takes commands, under the lock. */
    const struct PortDriver *driver;
    void *driver_data;
    /* (poller thread) */
    uv_pipe_t from_child, to_child;
    /* An fd port's input that epoll cannot watch (a regular file, /dev/null)
     * is read on libuv's thread pool; it counts as an open handle. */
    uv_fs_t file_req;
    int file_fd;
    char *file_buf;
    bool terminated, proc_running, reading, writing_open, exited, eof_seen;
    int open_handles; /* libuv handles not yet closed */
    int64_t exit_code;
    uint8_t *inbuf;   /* bytes waiting for the rest of their packet or line */
    size_t inlen, incap;
} Port;

/* The port with this id and a reference (port_release), or NULL when it is
 * closed or unknown. */
Port *port_get(Term id);
void port_release(Port *port);

/* A new port with the table's reference and a reference for the caller. */
Port *port_new(const char *name, const PortOptions *opt, Term owner);
/* Drops a port that never opened (poller thread; the caller keeps its reference). */
void port_discard(Port *port);
/* Every open port's id, consed onto tail on p's heap. */
Term port_list(Process *p, Term tail);
/* No open port can bring anything in or take anything out by itself: the
 * open ones are fd or terminal ports with no output queued (no OS process,
 * no socket). A look for the shutdown clock (time/shutdown_clock.h). */
bool port_table_quiet(void);
/* halt with flush: waits until the output queued for ports (stdout of an fd
 * port behind a slow reader) is written, as OTP flushes it before it ends;
 * gives up after 5 s in which no queued write finished. */
void port_drain_output(void);
/* Bytes a port took in or gave out: its own counts (port_info input/output)
 * and the totals of all ports (statistics(io)). */
void port_count_input(Port *port, uint64_t n);
void port_count_output(Port *port, uint64_t n);
void port_io_totals(uint64_t *input, uint64_t *output);

/* A signal (link, unlink, exit) sent to a port id; takes m. */
void port_signal(Term to, Message *m);
/* Port ! Msg from process `from`. False (the caller raises badarg) only when
 * `to` is not a port id. */
bool port_send(Term from, Term to, Term msg);

/* Requests, queued to the poller thread (a command is written at once when
 * the descriptor takes it). */
void port_command(Port *port, const uint8_t *bytes, size_t len); /* copies what it queues */
/* closed_to: the pid told {Port, closed}, or NIL; false when already closed. */
bool port_close_with(Port *port, Term reason, Term closed_to);
/* port_close/1 by caller: as port_close_with(port, normal, nil), but a
 * caller linked to the port has its exit signal queued before this returns,
 * as on OTP (prim_inet:close takes it with a `receive ... after 0`). */
bool port_close_by(Port *port, Term caller);
void port_set_connected(Port *port, Term pid);
/* {Port, Atom} to pid, after what the port sent before. */
void port_tell(Port *port, Term pid, Term atom);
void port_link(Port *port, Term pid);
void port_unlink(Port *port, Term pid);
/* Sends {Tag, Ref, port, Obj, Reason} for the port monitor ref, Obj being
 * `from` (the port) or {name, Node} when name is not NIL; the type is
 * `process` for a compound Reason, as on OTP 25. */
void port_send_down(Term from, Term to, const uint64_t ref[2], Term name, Term reason, Term tag);

/* For the poller thread: delivers bytes read from the program, its end of
 * output, and its exit. */
void port_input(Port *port, const uint8_t *bytes, size_t len);
void port_input_eof(Port *port);
void port_exited(Port *port, int64_t code);
/* Starts the program or opens the descriptors (poller thread); 0 or an errno. */
typedef struct PortSpawn {
    char *file;       /* NULL for fd ports */
    char **argv;
    char **env;       /* NULL: inherit */
    char *cd;
    int fd_in, fd_out;
} PortSpawn;
int port_start(Port *port, const PortSpawn *how);
/* Closes the port's libuv handles (poller thread); the port is released when
 * the last one is closed. */
void port_close_handles(Port *port);
void port_write(Port *port, uint8_t *bytes, size_t len); /* takes bytes */
/* The output descriptor opened (fd) or is closing (-1), and a queued write
 * finished (poller thread). */
void port_set_direct_fd(Port *port, int fd);
void port_queued_write_done(Port *port);
void port_write_failed(Port *port, int err);

#endif
