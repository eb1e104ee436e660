/* tty_sl_drv.c — the tty_sl driver that OTP's user_drv opens with
 * open_port({spawn, "tty_sl -c -e"}, [eof]): the terminal in raw mode, its
 * keystrokes sent to the port's owner as UTF-8, and a "smart line" for
 * output, so that user_drv can move the cursor, insert and delete within the
 * line being edited even where it wraps at the terminal's width (VT100 codes).
 * While it has the terminal, ^C shows OTP's BREAK menu (break_menu.h). */
#define _GNU_SOURCE /* newlocale, nl_langinfo_l */
#include "io/tty_sl_drv.h"

#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <locale.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include "atom/atom.h"
#include "io/break_menu.h"
#include "io/driver.h"
#include "io/poller.h"
#include "io/port.h"
#include "term/utf8.h"

/* user_drv's command bytes, and its port_control ops (which it numbers
 * from this base). */
enum { OP_PUTC = 0, OP_MOVE = 1, OP_INSC = 2, OP_DELC = 3, OP_BEEP = 4, OP_PUTC_SYNC = 5 };
#define CTRL_BASE 0x18B0900u
enum { CTRL_GET_WINSIZE = 100, CTRL_GET_UNICODE_STATE = 101, CTRL_SET_UNICODE_STATE = 102 };

/* The line buffer holds one cell per screen column. A character shown over
 * several columns (^X, \ooo, a tab) fills its first cell and pads the rest
 * with cells that are a tag alone. */
#define TAG_CONTROL 0x10000000u /* shown as ^X (or spaces, for a tab) */
#define TAG_ESCAPED 0x01000000u /* shown as \ooo or \x{H...} */
#define TAG_MASK 0xFF000000u
#define MAX_CELLS_PER_BYTE 12   /* the widest form of one input byte, with room to spare */
#define LINE_LIMIT (1 << 16)    /* a longer line is ended before more is added */
enum { DEF_WIDTH = 80, DEF_HEIGHT = 24 };

typedef struct Tty {
    Port *port; /* a reference, held until the input handle has closed */
    int fd;     /* the terminal: read, written and set up through it */
    bool own_fd;
    /* (port lock) the line being edited */
    uint32_t *cells;
    size_t len, pos, cap;
    size_t cols;
    StrBuf out; /* bytes for the terminal, written at the end of each command */
    /* (poller thread) */
    uv_poll_t *poll;
    uint8_t carry[4]; /* the start of a UTF-8 sequence whose rest has not come */
    size_t ncarry;
    bool in_break;     /* the BREAK menu is up: input is its answer, in cooked mode */
    StrBuf break_line; /* the answer typed so far */
} Tty;

/* The terminal is one per process: one tty_sl port at a time. What the
 * signal handlers and the exit path read is plain static state. */
static atomic_bool in_use, utf8_mode;
static struct termios saved_modes, raw_modes;
static int saved_flags = -1;
static volatile sig_atomic_t raw_fd = -1;

void io_tty_restore(void)
{
    int fd = raw_fd;
    if (fd < 0) return;
    raw_fd = -1;
    tcsetattr(fd, TCSANOW, &saved_modes);
    if (saved_flags >= 0) fcntl(fd, F_SETFL, saved_flags); /* the poller made it non-blocking */
}

/* A fatal signal still ends the runtime, with the terminal given back first. */
static void on_fatal_signal(int sig)
{
    io_tty_restore();
    signal(sig, SIG_DFL);
    raise(sig);
}

/* ^C while the shell has the terminal brings up the BREAK menu, on the loop
 * thread (uv_async_send is async-signal-safe); before that, it is fatal. */
static uv_async_t break_async;
static atomic_bool break_ready;
static Tty *break_tty; /* (loop thread) the terminal the menu is shown on */

static void on_interrupt(int sig)
{
    if (atomic_load(&break_ready)) uv_async_send(&break_async);
    else on_fatal_signal(sig);
}

/* After a stop (^Z) the shell has put its own modes back: ours again. */
static void on_continue(int sig)
{
    (void)sig;
    int fd = raw_fd;
    if (fd >= 0) tcsetattr(fd, TCSANOW, &raw_modes);
}

static void install_handlers(void)
{
    atexit(io_tty_restore);
    static const int fatal[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};
    for (size_t i = 0; i < sizeof fatal / sizeof *fatal; i++) {
        struct sigaction old;
        if (sigaction(fatal[i], NULL, &old) != 0 || old.sa_handler != SIG_DFL) continue;
        struct sigaction sa = {.sa_handler = fatal[i] == SIGINT ? on_interrupt : on_fatal_signal};
        sigemptyset(&sa.sa_mask);
        sigaction(fatal[i], &sa, NULL);
    }
    struct sigaction sa = {.sa_handler = on_continue, .sa_flags = SA_RESTART};
    sigemptyset(&sa.sa_mask);
    sigaction(SIGCONT, &sa, NULL);
}

/* ---- output ---- */

/* Writes all of data, waiting when the descriptor is non-blocking and full. */
static void write_all(int fd, const char *data, size_t len)
{
    size_t done = 0;
    while (done < len) {
        ssize_t n = write(fd, data + done, len - done);
        if (n > 0) {
            done += (size_t)n;
        } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            struct pollfd p = {.fd = fd, .events = POLLOUT};
            poll(&p, 1, -1);
        } else if (n < 0 && errno == EINTR) {
            continue;
        } else {
            break; /* the terminal has gone: nothing to show it on */
        }
    }
}

static void flush_out(Tty *t)
{
    write_all(t->fd, t->out.data, t->out.len);
    strbuf_clear(&t->out);
}

static void update_cols(Tty *t)
{
    struct winsize ws;
    t->cols = ioctl(t->fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0 ? ws.ws_col : DEF_WIDTH;
}

static void move_by(Tty *t, long n, char up, char down)
{
    if (n > 0) strbuf_printf(&t->out, "\033[%ld%c", n, down);
    else if (n < 0) strbuf_printf(&t->out, "\033[%ld%c", -n, up);
}

/* Moves the cursor between two positions of the line buffer. Down is a line
 * feed, as the VT100's own entry has it, so that it scrolls at the bottom. */
static void move_cursor(Tty *t, size_t from, size_t to)
{
    update_cols(t);
    long dl = (long)(to / t->cols) - (long)(from / t->cols);
    for (long i = 0; i < dl; i++) strbuf_append_char(&t->out, '\n');
    if (dl < 0) move_by(t, dl, 'A', 'B');
    move_by(t, (long)(to % t->cols) - (long)(from % t->cols), 'D', 'C');
}

static bool is_pad(uint32_t c) { return (c & TAG_MASK) && !(c & ~TAG_MASK); }

static bool printable(uint32_t ch) { return (ch >= 0x20 && ch < 0x7f) || (ch >= 0x80 && atomic_load(&utf8_mode)); }

/* Columns of \ooo (up to 0777) or \x{H...} after the backslash. */
static size_t escaped_width(uint32_t ch)
{
    if (ch < 01000) return 3;
    size_t digits = 0;
    for (uint32_t c = ch; c; c >>= 4) digits++;
    return digits + 3;
}

static void put_escaped(Tty *t, uint32_t ch)
{
    if (ch < 01000) {
        strbuf_printf(&t->out, "\\%03o", (unsigned)ch);
        return;
    }
    strbuf_printf(&t->out, "\\x{%X}", (unsigned)ch);
}

static void put_plain(Tty *t, uint32_t ch)
{
    uint8_t bytes[4];
    if (!atomic_load(&utf8_mode)) {
        strbuf_append_char(&t->out, (char)ch);
        return;
    }
    if (ch > 0x10FFFF || (ch >= 0xD800 && ch <= 0xDFFF)) return; /* cannot be shown */
    strbuf_append(&t->out, bytes, utf8_encode(ch, bytes));
}

/* Shows cells [from, from + n); returns where it ended (a character may
 * run past the end). A write that ends exactly at the start of a screen
 * line leaves the cursor in the terminal's pending-wrap state: one more
 * character and a step back puts it where the buffer says it is. */
static size_t write_cells(Tty *t, size_t from, size_t n)
{
    update_cols(t);
    size_t i = from, end = from + n;
    while (i < end) {
        uint32_t c = t->cells[i];
        if (!(c & TAG_MASK)) {
            put_plain(t, c);
            i++;
        } else if (is_pad(c) || c == (TAG_CONTROL | '\t')) {
            strbuf_append_char(&t->out, ' ');
            i++;
        } else if (c & TAG_CONTROL) {
            uint32_t ch = c & ~TAG_MASK;
            strbuf_append_char(&t->out, '^');
            strbuf_append_char(&t->out, ch == 0x7f ? '?' : (char)(ch | 0x40));
            i += 2;
        } else {
            uint32_t ch = c & ~TAG_MASK;
            put_escaped(t, ch);
            i += 1 + escaped_width(ch);
        }
    }
    if (i != 0 && i % t->cols == 0) {
        uint32_t next = i < t->len ? t->cells[i] : ' ';
        if (!(next & TAG_MASK)) put_plain(t, next);
        else strbuf_append_char(&t->out, next & TAG_ESCAPED ? '\\' : is_pad(next) || next == (TAG_CONTROL | '\t') ? ' ' : '^');
        strbuf_append_cstr(&t->out, "\b");
    }
    return i;
}

static void reserve_cells(Tty *t, size_t bytes)
{
    size_t top = (t->len > t->pos ? t->len : t->pos) + bytes * MAX_CELLS_PER_BYTE + 16;
    if (top <= t->cap) return;
    size_t cap = t->cap ? t->cap : 1024;
    while (cap < top) cap *= 2;
    uint32_t *grown = realloc(t->cells, cap * sizeof *grown);
    if (!grown) abort();
    t->cells = grown;
    t->cap = cap;
}

/* Decodes one character of s (a byte that is not UTF-8 stands for itself). */
static uint32_t next_char(const uint8_t *s, size_t n, size_t *at)
{
    size_t size;
    int32_t ch = utf8_decode(s + *at, n - *at, &size);
    if (ch < 0) return s[(*at)++];
    *at += size;
    return (uint32_t)ch;
}

/* Puts the characters of s into the buffer at pos, over what was there, and
 * shows the part before each newline, return or escape, after which the
 * buffer starts again from the rest. Returns the cells put in since then. */
static size_t insert_buf(Tty *t, const uint8_t *s, size_t n)
{
    size_t start = t->pos;
    for (size_t at = 0; at < n;) {
        uint32_t ch = next_char(s, n, &at);
        if (printable(ch)) {
            t->cells[t->pos++] = ch;
        } else if (ch >= 0x80) {
            size_t w = escaped_width(ch);
            t->cells[t->pos++] = ch | TAG_ESCAPED;
            while (w--) t->cells[t->pos++] = TAG_ESCAPED;
        } else if (ch == '\t') {
            t->cells[t->pos++] = TAG_CONTROL | '\t';
            while (t->pos % 8) t->cells[t->pos++] = TAG_CONTROL;
        } else if (ch == '\033' || ch == '\n' || ch == '\r') {
            write_cells(t, start, t->pos - start);
            strbuf_append_cstr(&t->out, ch == '\033' ? "\033" : ch == '\n' ? "\r\n" : "\r");
            size_t rest = t->len > t->pos ? t->len - t->pos : 0;
            memmove(t->cells, t->cells + t->pos, rest * sizeof *t->cells);
            t->len = rest;
            t->pos = start = 0;
        } else {
            t->cells[t->pos++] = ch | TAG_CONTROL;
            t->cells[t->pos++] = TAG_CONTROL;
        }
    }
    return t->pos - start;
}

/* The position n characters (not cells) away from pos, within the line. */
static size_t step_over(Tty *t, long n)
{
    size_t c = t->pos;
    for (; n > 0 && c < t->len; n--) {
        c++;
        while (c < t->len && is_pad(t->cells[c])) c++;
    }
    for (; n < 0 && c > 0; n++) {
        c--;
        while (c > 0 && is_pad(t->cells[c])) c--;
    }
    return c;
}

static void put_chars(Tty *t, const uint8_t *s, size_t n)
{
    reserve_cells(t, n);
    size_t k = insert_buf(t, s, n);
    if (k > 0) write_cells(t, t->pos - k, k);
    if (t->pos > t->len) t->len = t->pos;
}

static void move_rel(Tty *t, long n)
{
    size_t to = step_over(t, n);
    move_cursor(t, t->pos, to);
    t->pos = to;
}

static void insert_chars(Tty *t, const uint8_t *s, size_t n)
{
    reserve_cells(t, n);
    size_t tail = t->len > t->pos ? t->len - t->pos : 0;
    uint32_t *saved = NULL;
    if (tail) {
        if (!(saved = malloc(tail * sizeof *saved))) abort();
        memcpy(saved, t->cells + t->pos, tail * sizeof *saved);
    }
    size_t k = insert_buf(t, s, n);
    if (tail) memcpy(t->cells + t->pos, saved, tail * sizeof *saved);
    free(saved);
    t->len += k;
    if (t->len < t->pos) t->len = t->pos;
    write_cells(t, t->pos - k, t->len - (t->pos - k));
    move_cursor(t, t->len, t->pos);
}

/* Blanks the l columns the line no longer fills and goes back to pos. */
static void blank_tail(Tty *t, size_t l)
{
    for (size_t i = 0; i < l; i++) strbuf_append_char(&t->out, ' ');
    if ((t->len + l) % t->cols == 0) strbuf_append_cstr(&t->out, " \b");
    move_cursor(t, t->len + l, t->pos);
}

/* Deletes n characters after the cursor (n > 0) or before it (n < 0); the
 * cursor ends at the start of the gap. */
static void delete_chars(Tty *t, long n)
{
    update_cols(t);
    size_t to = step_over(t, n);
    if (to > t->pos) {
        size_t l = to - t->pos, r = t->len - to;
        memmove(t->cells + t->pos, t->cells + to, r * sizeof *t->cells);
        t->len -= l;
        write_cells(t, t->pos, r);
        blank_tail(t, l);
    } else if (to < t->pos) {
        size_t l = t->pos - to, r = t->len - t->pos;
        move_cursor(t, t->pos, to);
        memmove(t->cells + to, t->cells + t->pos, r * sizeof *t->cells);
        t->pos = to;
        t->len -= l;
        write_cells(t, t->pos, r);
        blank_tail(t, l);
    }
}

static long get_int16(const uint8_t *s) { return (int16_t)(s[0] << 8 | s[1]); }

/* A command from user_drv: an op byte and its argument. Unknown or short
 * ones are ignored, as OTP's driver does. */
static void command(Port *port, const uint8_t *bytes, size_t len)
{
    Tty *t = port->driver_data;
    if (!t || len == 0) return;
    if (t->pos > LINE_LIMIT) put_chars(t, (const uint8_t *)"\n", 1);
    switch (bytes[0]) {
    case OP_PUTC:
    case OP_PUTC_SYNC: put_chars(t, bytes + 1, len - 1); break;
    case OP_MOVE:
        if (len >= 3) move_rel(t, get_int16(bytes + 1));
        break;
    case OP_INSC: insert_chars(t, bytes + 1, len - 1); break;
    case OP_DELC:
        if (len >= 3) delete_chars(t, get_int16(bytes + 1));
        break;
    case OP_BEEP: strbuf_append_char(&t->out, '\a'); break;
    default: break;
    }
    flush_out(t);
    /* the bytes are with the terminal: the sender may go on (or halt) */
    if (bytes[0] == OP_PUTC_SYNC) port_tell(port, port->connected, atom_from_cstr("ok"));
}

/* ---- port_control ---- */

static void window_size(Tty *t, StrBuf *out)
{
    struct winsize ws;
    uint32_t size[2] = {DEF_WIDTH, DEF_HEIGHT};
    if (ioctl(t->fd, TIOCGWINSZ, &ws) == 0) {
        if (ws.ws_col > 0) size[0] = ws.ws_col;
        if (ws.ws_row > 0) size[1] = ws.ws_row;
    }
    strbuf_append(out, size, sizeof size); /* native byte order, as user_drv reads it */
}

/* An unknown op (or setting the state without a value) answers nothing. */
static bool control(Port *port, unsigned op, const uint8_t *in, size_t len, StrBuf *out)
{
    Tty *t = port->driver_data;
    if (!t || op < CTRL_BASE) return true;
    switch (op - CTRL_BASE) {
    case CTRL_GET_WINSIZE: window_size(t, out); break;
    case CTRL_GET_UNICODE_STATE: strbuf_append_char(out, atomic_load(&utf8_mode) ? 1 : 0); break;
    case CTRL_SET_UNICODE_STATE:
        if (len == 0) break;
        strbuf_append_char(out, atomic_exchange(&utf8_mode, in[0] != 0) ? 1 : 0);
        break;
    default: break;
    }
    return true;
}

/* ---- input (poller thread) ---- */

/* Bytes a UTF-8 sequence starting with b has, or 0 if b cannot start one. */
static size_t sequence_length(uint8_t b)
{
    return b < 0x80 ? 1 : (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : (b & 0xF8) == 0xF0 ? 4 : 0;
}

/* How many bytes of buf[0..n) are whole characters; the rest (*tail) may be
 * the start of one. False when the input is not UTF-8 at all. */
static bool utf8_prefix(const uint8_t *buf, size_t n, size_t *whole)
{
    size_t at = 0;
    while (at < n) {
        size_t size, want = sequence_length(buf[at]);
        if (utf8_decode(buf + at, n - at, &size) >= 0) {
            at += size;
            continue;
        }
        if (want == 0 || n - at >= want) return false;
        for (size_t k = at + 1; k < n; k++)
            if ((buf[k] & 0xC0) != 0x80) return false;
        break;
    }
    *whole = at;
    return true;
}

static void deliver(Tty *t, uint8_t *buf, size_t n)
{
    size_t whole = n;
    if (atomic_load(&utf8_mode) && !utf8_prefix(buf, n, &whole)) atomic_store(&utf8_mode, false);
    if (atomic_load(&utf8_mode)) {
        t->ncarry = n - whole;
        memcpy(t->carry, buf + whole, t->ncarry);
        if (whole) port_input(t->port, buf, whole);
        return;
    }
    /* a terminal that is not UTF-8: each byte is a Latin-1 character */
    uint8_t wide[2 * sizeof t->carry + 2048];
    size_t m = 0;
    for (size_t i = 0; i < n; i++) m += utf8_encode(buf[i], wide + m);
    port_input(t->port, wide, m);
}

/* ---- the BREAK menu (loop thread) ---- */

/* The menu is written to standard output, as OTP does, with the terminal in
 * the modes it had before the shell (so it echoes and reads whole lines). */
static void show_break_text(const StrBuf *text)
{
    write_all(STDOUT_FILENO, text->data, text->len);
}

static void on_break(uv_async_t *h)
{
    (void)h;
    Tty *t = break_tty;
    if (!t || raw_fd < 0) { /* no shell on the terminal now: ^C is fatal, as before */
        on_fatal_signal(SIGINT);
        return;
    }
    if (t->in_break) { /* ^C at the menu ends the runtime, as on OTP */
        io_tty_restore();
        _exit(0);
    }
    t->in_break = true;
    strbuf_clear(&t->break_line);
    tcsetattr(t->fd, TCSANOW, &saved_modes);
    StrBuf text;
    strbuf_init(&text);
    io_break_menu(&text, true);
    show_break_text(&text);
    strbuf_free(&text);
}

/* Input while the menu is up: each whole line is an answer. */
static void break_input(Tty *t, const uint8_t *buf, size_t n)
{
    strbuf_append(&t->break_line, buf, n);
    char *nl;
    while (t->in_break && (nl = memchr(t->break_line.data, '\n', t->break_line.len))) {
        size_t len = (size_t)(nl - t->break_line.data);
        StrBuf reply;
        strbuf_init(&reply);
        BreakAction a = io_break_answer(t->break_line.data, len, &reply);
        show_break_text(&reply);
        strbuf_free(&reply);
        if (a == BREAK_ABORT) {
            io_tty_restore();
            _exit(0);
        }
        if (a == BREAK_CONTINUE) { /* the shell gets the terminal back as it was */
            t->in_break = false;
            tcsetattr(t->fd, TCSANOW, &raw_modes);
            strbuf_clear(&t->break_line);
            return;
        }
        size_t rest = t->break_line.len - len - 1;
        memmove(t->break_line.data, nl + 1, rest);
        t->break_line.len = rest;
    }
}

static void on_readable(uv_poll_t *h, int status, int events)
{
    (void)events;
    Tty *t = h->data;
    if (t->in_break && status >= 0) {
        uint8_t line[256];
        ssize_t got = read(t->fd, line, sizeof line);
        if (got > 0) break_input(t, line, (size_t)got);
        if (got != 0) return; /* end of input falls through: the terminal hung up */
    }
    uint8_t buf[1024 + sizeof t->carry];
    memcpy(buf, t->carry, t->ncarry);
    ssize_t n = status < 0 ? -1 : read(t->fd, buf + t->ncarry, 1024);
    if (n < 0 && status >= 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) return;
    if (n <= 0) { /* the terminal hung up */
        uv_poll_stop(h);
        port_input_eof(t->port);
        return;
    }
    size_t total = t->ncarry + (size_t)n;
    t->ncarry = 0;
    deliver(t, buf, total);
}

static void begin_reading(void *arg)
{
    Tty *t = arg;
    uv_poll_t *h = malloc(sizeof *h);
    if (h && uv_poll_init(poller_loop(), h, t->fd) == 0) {
        h->data = t;
        t->poll = h;
        uv_poll_start(h, UV_READABLE, on_readable);
        if (!atomic_load(&break_ready) && uv_async_init(poller_loop(), &break_async, on_break) == 0)
            atomic_store(&break_ready, true);
        break_tty = t;
        return;
    }
    free(h);
    port_input_eof(t->port);
}

/* ---- opening and closing ---- */

static void free_tty(Tty *t)
{
    if (t->own_fd) close(t->fd);
    free(t->cells);
    strbuf_free(&t->out);
    strbuf_free(&t->break_line);
    port_release(t->port);
    free(t);
}

static void on_poll_closed(uv_handle_t *h)
{
    free_tty(h->data);
    free(h);
}

/* "tty_sl -c -e": +x sets and -x clears canonical input (c), echo (e) and
 * signal keys (s); anything else names the terminal device to use. */
static bool parse_options(const char *command, int *canon, int *echo, int *sig, int *fd)
{
    *canon = *echo = *sig = 0;
    *fd = -1;
    const char *s = strchr(command, ' ');
    while (s) {
        s++;
        size_t len = strcspn(s, " ");
        int flag = *s == '+' ? 1 : *s == '-' ? -1 : 0;
        if (flag && len > 1) {
            if (s[1] == 'c') *canon = flag;
            if (s[1] == 'e') *echo = flag;
            if (s[1] == 's') *sig = flag;
        } else if (!flag && len > 0) {
            char path[4096];
            if (len >= sizeof path) return false;
            memcpy(path, s, len), path[len] = '\0';
            if (*fd >= 0) close(*fd);
            if ((*fd = open(path, O_RDWR | O_NOCTTY | O_CLOEXEC)) < 0) return false;
        }
        s = strchr(s, ' ');
    }
    return true;
}

static bool set_raw(int fd, int canon, int echo, int sig)
{
    if (tcgetattr(fd, &saved_modes) != 0) return false;
    struct termios m = saved_modes;
    m.c_iflag &= ~(tcflag_t)ISTRIP;
    if (canon > 0) m.c_iflag |= ICRNL, m.c_lflag |= ICANON, m.c_oflag |= OPOST;
    if (canon < 0) {
        m.c_iflag &= ~(tcflag_t)ICRNL, m.c_lflag &= ~(tcflag_t)ICANON, m.c_oflag &= ~(tcflag_t)OPOST;
        m.c_cc[VMIN] = 1, m.c_cc[VTIME] = 0;
    }
    if (echo > 0) m.c_lflag |= ECHO;
    if (echo < 0) m.c_lflag &= ~(tcflag_t)ECHO;
    if (sig > 0) m.c_iflag |= BRKINT | IGNPAR | ICRNL | IXON | IXANY, m.c_lflag |= ISIG | IEXTEN;
    if (sig < 0) m.c_iflag &= ~(tcflag_t)(BRKINT | IGNPAR | ICRNL | IXON | IXANY), m.c_lflag &= ~(tcflag_t)(ISIG | IEXTEN);
    raw_modes = m;
    saved_flags = fcntl(fd, F_GETFL);
    raw_fd = fd;
    if (tcsetattr(fd, TCSANOW, &m) != 0) return io_tty_restore(), false;
    return true;
}

/* Whether the terminal can move its cursor: not when TERM is unset or dumb
 * (OTP's driver finds no such capabilities for them either). */
static bool capable_terminal(void)
{
    const char *term = getenv("TERM");
    return term && *term && strcmp(term, "dumb") != 0;
}

static bool utf8_locale(void)
{
    locale_t loc = newlocale(LC_CTYPE_MASK, "", (locale_t)0);
    if (loc == (locale_t)0) return false;
    bool utf8 = strcmp(nl_langinfo_l(CODESET, loc), "UTF-8") == 0;
    freelocale(loc);
    return utf8;
}

/* Fails with einval (OTP's answer) unless standard input and output are a
 * terminal that can be driven; user_drv then falls back to a plain shell. */
static int start(Port *port)
{
    if (atomic_exchange(&in_use, true)) return EINVAL;
    int canon, echo, sig, fd;
    if (!isatty(0) || !isatty(1) || !capable_terminal() || !parse_options(port->name, &canon, &echo, &sig, &fd)) {
        atomic_store(&in_use, false);
        return EINVAL;
    }
    Tty *t = calloc(1, sizeof *t);
    if (!t || !set_raw(fd >= 0 ? fd : 0, canon, echo, sig)) {
        free(t);
        if (fd >= 0) close(fd);
        atomic_store(&in_use, false);
        return t ? EINVAL : ENOMEM;
    }
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, install_handlers);
    atomic_store(&utf8_mode, utf8_locale());
    t->fd = fd >= 0 ? fd : 0;
    t->own_fd = fd >= 0;
    t->cols = DEF_WIDTH;
    strbuf_init(&t->out);
    strbuf_init(&t->break_line);
    atomic_fetch_add(&port->refc, 1);
    t->port = port;
    port->driver_data = t;
    poller_call(begin_reading, t); /* libuv handles belong to the loop thread */
    return 0;
}

/* The port is closing (poller thread): the terminal goes back as it was. */
static void stop(Port *port)
{
    Tty *t = port->driver_data;
    if (!t) return;
    port->driver_data = NULL;
    if (break_tty == t) break_tty = NULL;
    io_tty_restore();
    atomic_store(&in_use, false);
    if (t->poll) {
        uv_poll_stop(t->poll);
        t->poll->data = t;
        uv_close((uv_handle_t *)t->poll, on_poll_closed);
    } else {
        free_tty(t);
    }
}

const PortDriver tty_sl_driver = {
    .name = "tty_sl",
    .start = start,
    .control = control,
    .command = command,
    .stop = stop,
};
