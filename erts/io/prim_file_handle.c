/* prim_file_handle.c — the NIFs of OTP 25's prim_file that work on an open
 * file: open, close, read, write, pread, pwrite, seek, sync, truncate,
 * allocate, advise, read_handle_info, get_handle, ipread, file_desc_to_ref.
 * Answers and error atoms are OTP's. */
#define _GNU_SOURCE /* preadv2, RWF_NOWAIT */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bif/bif.h"
#include "bif/bif_util.h"
#include "io/file_job.h"
#include "io/posix_error.h"

/* ---- open ---- */

enum { OPEN_EXCLUSIVE = 8, OPEN_SYNC = 16, OPEN_DIRECTORY = 32, OPEN_SKIP_TYPE_CHECK = 64 };

static FilePrep open_prepare(Process *p, FileJob *j, const Term *args)
{
    (void)p;
    if (!file_path_arg(args[0], &j->path)) return PREP_BADARG;
    Term l = args[1];
    for (; term_is_list(l); l = term_tail(l)) {
        Term m = term_head(l);
        if (m == atom_from_cstr("read")) j->flags |= FILE_MODE_READ;
        else if (m == atom_from_cstr("write")) j->flags |= FILE_MODE_WRITE;
        else if (m == atom_from_cstr("append")) j->flags |= FILE_MODE_APPEND | FILE_MODE_WRITE;
        else if (m == atom_from_cstr("exclusive")) j->flags |= OPEN_EXCLUSIVE;
        else if (m == atom_from_cstr("sync")) j->flags |= OPEN_SYNC;
        else if (m == atom_from_cstr("directory")) j->flags |= OPEN_DIRECTORY;
        else if (m == atom_from_cstr("skip_type_check")) j->flags |= OPEN_SKIP_TYPE_CHECK;
        /* the rest (binary, raw, read_ahead, ...) is prim_file's business */
    }
    if (!term_is_nil(l)) return PREP_BADARG;
    if (!(j->flags & (FILE_MODE_READ | FILE_MODE_WRITE))) j->flags |= FILE_MODE_READ;
    return PREP_OK;
}

static void open_work(FileJob *j)
{
    int f = j->flags, oflags = O_CLOEXEC;
    bool r = f & FILE_MODE_READ, w = f & FILE_MODE_WRITE;
    oflags |= r && w ? O_RDWR | O_CREAT : w ? O_WRONLY | O_CREAT : O_RDONLY;
    if (w && !r && !(f & FILE_MODE_APPEND)) oflags |= O_TRUNC;
    if (f & FILE_MODE_APPEND) oflags |= O_APPEND;
    if ((f & OPEN_EXCLUSIVE) && w) oflags |= O_EXCL;
    if (f & OPEN_SYNC) oflags |= O_SYNC;
    int fd;
    do fd = open(j->path, oflags, 0666);
    while (fd < 0 && errno == EINTR);
    if (fd < 0) {
        j->job.error = errno;
        return;
    }
    struct stat st;
    bool known = fstat(fd, &st) == 0;
    if (!(f & OPEN_SKIP_TYPE_CHECK) && known && S_ISDIR(st.st_mode) && !(f & OPEN_DIRECTORY)) {
        close(fd);
        j->job.error = EISDIR;
        return;
    }
    if (known && S_ISREG(st.st_mode)) j->flags |= FILE_MODE_REGULAR;
    j->n = fd;
}

static Term open_result(Process *p, FileJob *j)
{
    Term ref = file_handle_new(p, (int)j->n, j->flags & (FILE_MODE_READ | FILE_MODE_WRITE | FILE_MODE_APPEND | FILE_MODE_REGULAR), NULL);
    if (ref == TERM_NONE) return posix_error_tuple(p, ENOMEM);
    return bif_tuple2(p, ATOM_ok, ref);
}

static const FileOp open_op = {open_prepare, open_work, open_result};
Term bif_prim_file_open_nif_2(Process *p, const Term *args) { return file_op_run(p, &open_op, args); }

/* An fd from outside (prim_file:file_desc_to_ref/2) becomes a handle. */
Term bif_prim_file_file_desc_to_ref_nif_1(Process *p, const Term *args)
{
    if (!term_is_small(args[0]) || term_small_value(args[0]) < 0 || term_small_value(args[0]) > INT32_MAX)
        return proc_badarg(p);
    int fd = (int)term_small_value(args[0]);
    int fl = fcntl(fd, F_GETFL);
    if (fl < 0) return posix_error_tuple(p, errno);
    int acc = fl & O_ACCMODE;
    int modes = acc == O_RDWR ? FILE_MODE_READ | FILE_MODE_WRITE : acc == O_WRONLY ? FILE_MODE_WRITE : FILE_MODE_READ;
    if (fl & O_APPEND) modes |= FILE_MODE_APPEND;
    struct stat st;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) modes |= FILE_MODE_REGULAR;
    Term ref = file_handle_new(p, fd, modes, NULL);
    if (ref == TERM_NONE) return posix_error_tuple(p, ENOMEM);
    return bif_tuple2(p, ATOM_ok, ref);
}

/* ---- close ---- */

static Term close_handle(Process *p, Term ref)
{
    FileHandle *fh = file_handle_from_term(ref);
    if (!fh) return proc_badarg(p);
    return file_handle_close(fh) ? ATOM_ok : posix_error_tuple(p, EINVAL);
}
Term bif_prim_file_close_nif_1(Process *p, const Term *args) { return close_handle(p, args[0]); }
Term bif_prim_file_delayed_close_nif_1(Process *p, const Term *args) { return close_handle(p, args[0]); }

/* ---- read and pread ---- */

/* A read of a regular file of up to this many bytes is first tried on the
 * scheduler with RWF_NOWAIT, which the kernel serves only from the page
 * cache, never blocking: a cached read then skips the round trip through
 * the dirty I/O pool (two thread wake-ups, most of a 64 KB read's time).
 * The bound keeps the copy short. */
#define READ_NOW_MAX (1 << 20)

static FilePrep try_read_now(FileJob *j, bool positioned)
{
    if (!(j->fh->modes & FILE_MODE_REGULAR) || j->b == 0 || j->b > READ_NOW_MAX) return PREP_OK;
    if (!(j->data = binary_try_alloc((size_t)j->b))) return PREP_OK; /* the pool reports it */
    struct iovec v = {j->data->data, (size_t)j->b};
    ssize_t n = preadv2(j->fh->fd, &v, 1, positioned ? (off_t)j->a : -1, RWF_NOWAIT);
    if (n < 0) return PREP_OK; /* EAGAIN: not all cached; other errors: the pool's read meets them again */
    j->len = (size_t)n;
    /* a short read is the end of the file or the end of what is cached: the
     * pool reads on from there (and finds the end of file at once if so) */
    return n == j->b ? PREP_DONE : PREP_OK;
}

static FilePrep read_prepare(Process *p, FileJob *j, const Term *args)
{
    (void)p;
    FilePrep r = file_handle_arg(j, args[0]);
    if (r != PREP_OK) return r;
    if (!file_int_arg(args[1], &j->b) || j->b < 0) return PREP_BADARG;
    return try_read_now(j, false);
}

static FilePrep pread_prepare(Process *p, FileJob *j, const Term *args)
{
    (void)p;
    FilePrep r = file_handle_arg(j, args[0]);
    if (r != PREP_OK) return r;
    if (!file_int_arg(args[1], &j->a) || !file_int_arg(args[2], &j->b) || j->b < 0) return PREP_BADARG;
    if (j->a < 0) return PREP_EINVAL;
    return try_read_now(j, true);
}

/* Reads up to j->b bytes (at j->a when positioned) into j->data, after the
 * j->len bytes a try on the scheduler may have read already. */
static void read_into(FileJob *j, bool positioned)
{
    if (!j->data && !(j->data = binary_try_alloc((size_t)j->b))) {
        j->job.error = ENOMEM;
        return;
    }
    size_t have = j->len, want = (size_t)j->b - have;
    ssize_t n;
    do n = positioned ? pread(j->fh->fd, j->data->data + have, want, (off_t)j->a + (off_t)have)
                      : read(j->fh->fd, j->data->data + have, want);
    while (n < 0 && errno == EINTR);
    if (n < 0 && have == 0) j->job.error = errno;
    else if (n > 0) j->len = have + (size_t)n;
}
static void read_work(FileJob *j) { read_into(j, false); }
static void pread_work(FileJob *j) { read_into(j, true); }

static Term read_result(Process *p, FileJob *j)
{
    if (j->len == 0 && j->b > 0) return atom_from_cstr("eof");
    return bif_tuple2(p, ATOM_ok, file_take_data(p, j));
}

static const FileOp read_op = {read_prepare, read_work, read_result};
static const FileOp pread_op = {pread_prepare, pread_work, read_result};
Term bif_prim_file_read_nif_2(Process *p, const Term *args) { return file_op_run(p, &read_op, args); }
Term bif_prim_file_pread_nif_3(Process *p, const Term *args) { return file_op_run(p, &pread_op, args); }

/* ---- write and pwrite: every byte is written before the job ends ---- */

/* Vectors per writev (POSIX guarantees at least 16; Linux takes 1024). */
#define WRITE_BATCH 1024

static FilePrep write_prepare(Process *p, FileJob *j, const Term *args)
{
    (void)p;
    FilePrep r = file_handle_arg(j, args[0]);
    if (r != PREP_OK) return r;
    return file_iovec_arg(j, args[1]) ? PREP_OK : PREP_BADARG;
}

static FilePrep pwrite_prepare(Process *p, FileJob *j, const Term *args)
{
    (void)p;
    FilePrep r = file_handle_arg(j, args[0]);
    if (r != PREP_OK) return r;
    if (!file_int_arg(args[1], &j->a) || !file_iovec_arg(j, args[2])) return PREP_BADARG;
    if (j->a < 0) return PREP_EINVAL;
    return PREP_OK;
}

static void write_all(FileJob *j, bool positioned)
{
    struct iovec *iov = j->iov;
    int cnt = j->iovcnt;
    off_t at = (off_t)j->a;
    while (cnt > 0) {
        if (iov->iov_len == 0) {
            iov++, cnt--;
            continue;
        }
        int batch = cnt > WRITE_BATCH ? WRITE_BATCH : cnt;
        ssize_t n = positioned ? pwritev(j->fh->fd, iov, batch, at) : writev(j->fh->fd, iov, batch);
        if (n < 0) {
            if (errno == EINTR) continue;
            j->job.error = errno;
            return;
        }
        at += n;
        for (size_t left = (size_t)n; left > 0 && cnt > 0;) {
            size_t take = left < iov->iov_len ? left : iov->iov_len;
            iov->iov_base = (uint8_t *)iov->iov_base + take;
            iov->iov_len -= take;
            left -= take;
            if (iov->iov_len == 0) iov++, cnt--;
        }
    }
}
static void write_work(FileJob *j) { write_all(j, false); }
static void pwrite_work(FileJob *j) { write_all(j, true); }
static Term ok_result(Process *p, FileJob *j)
{
    (void)p, (void)j;
    return ATOM_ok;
}

static const FileOp write_op = {write_prepare, write_work, ok_result};
static const FileOp pwrite_op = {pwrite_prepare, pwrite_work, ok_result};
Term bif_prim_file_write_nif_2(Process *p, const Term *args) { return file_op_run(p, &write_op, args); }
Term bif_prim_file_pwrite_nif_3(Process *p, const Term *args) { return file_op_run(p, &pwrite_op, args); }

/* ---- seek, sync, truncate, allocate, advise ---- */

static FilePrep seek_prepare(Process *p, FileJob *j, const Term *args)
{
    (void)p;
    FilePrep r = file_handle_arg(j, args[0]);
    if (r != PREP_OK) return r;
    if (args[1] == atom_from_cstr("bof")) j->flags = SEEK_SET;
    else if (args[1] == atom_from_cstr("cur")) j->flags = SEEK_CUR;
    else if (args[1] == atom_from_cstr("eof")) j->flags = SEEK_END;
    else return PREP_BADARG;
    return file_int_arg(args[2], &j->a) ? PREP_OK : PREP_BADARG;
}
static void seek_work(FileJob *j)
{
    off_t at = lseek(j->fh->fd, (off_t)j->a, j->flags);
    if (at < 0) j->job.error = errno;
    else j->n = at;
}
static Term number_result(Process *p, FileJob *j) { return bif_tuple2(p, ATOM_ok, term_make_small((SInt)j->n)); }
static const FileOp seek_op = {seek_prepare, seek_work, number_result};
Term bif_prim_file_seek_nif_3(Process *p, const Term *args) { return file_op_run(p, &seek_op, args); }

static FilePrep sync_prepare(Process *p, FileJob *j, const Term *args)
{
    (void)p;
    FilePrep r = file_handle_arg(j, args[0]);
    if (r != PREP_OK) return r;
    return file_int_arg(args[1], &j->a) ? PREP_OK : PREP_BADARG;
}
static void sync_work(FileJob *j)
{
    if ((j->a ? fdatasync(j->fh->fd) : fsync(j->fh->fd)) < 0) j->job.error = errno;
}
static const FileOp sync_op = {sync_prepare, sync_work, ok_result};
Term bif_prim_file_sync_nif_2(Process *p, const Term *args) { return file_op_run(p, &sync_op, args); }

static FilePrep handle_prepare(Process *p, FileJob *j, const Term *args)
{
    (void)p;
    return file_handle_arg(j, args[0]);
}
static void truncate_work(FileJob *j)
{
    off_t at = lseek(j->fh->fd, 0, SEEK_CUR);
    if (at < 0 || ftruncate(j->fh->fd, at) < 0) j->job.error = errno;
}
static const FileOp truncate_op = {handle_prepare, truncate_work, ok_result};
Term bif_prim_file_truncate_nif_1(Process *p, const Term *args) { return file_op_run(p, &truncate_op, args); }

static FilePrep range_prepare(Process *p, FileJob *j, const Term *args)
{
    (void)p;
    FilePrep r = file_handle_arg(j, args[0]);
    if (r != PREP_OK) return r;
    if (!file_int_arg(args[1], &j->a) || !file_int_arg(args[2], &j->b)) return PREP_BADARG;
    return j->a < 0 || j->b < 0 ? PREP_EINVAL : PREP_OK;
}
static void allocate_work(FileJob *j)
{
    int e = posix_fallocate(j->fh->fd, (off_t)j->a, (off_t)j->b);
    if (e) j->job.error = e;
}
static const FileOp allocate_op = {range_prepare, allocate_work, ok_result};
Term bif_prim_file_allocate_nif_3(Process *p, const Term *args) { return file_op_run(p, &allocate_op, args); }

static FilePrep advise_prepare(Process *p, FileJob *j, const Term *args)
{
    static const struct { const char *name; int advice; } advices[] = {
        {"normal", POSIX_FADV_NORMAL},       {"random", POSIX_FADV_RANDOM},
        {"sequential", POSIX_FADV_SEQUENTIAL}, {"will_need", POSIX_FADV_WILLNEED},
        {"dont_need", POSIX_FADV_DONTNEED},  {"no_reuse", POSIX_FADV_NOREUSE},
    };
    FilePrep r = range_prepare(p, j, args);
    if (r != PREP_OK) return r;
    for (size_t i = 0; i < sizeof advices / sizeof *advices; i++)
        if (args[3] == atom_from_cstr(advices[i].name)) {
            j->flags = advices[i].advice;
            return PREP_OK;
        }
    return PREP_EINVAL;
}
static void advise_work(FileJob *j)
{
    int e = posix_fadvise(j->fh->fd, (off_t)j->a, (off_t)j->b, j->flags);
    if (e) j->job.error = e;
}
static const FileOp advise_op = {advise_prepare, advise_work, ok_result};
Term bif_prim_file_advise_nif_4(Process *p, const Term *args) { return file_op_run(p, &advise_op, args); }

/* ---- what the handle is ---- */

static void fstat_work(FileJob *j)
{
    if (fstat(j->fh->fd, &j->st) < 0) j->job.error = errno;
}
static Term fstat_result(Process *p, FileJob *j)
{
    int access = j->fh->modes & (FILE_MODE_READ | FILE_MODE_WRITE);
    return file_info_tuple(p, &j->st, access);
}
static const FileOp fstat_op = {handle_prepare, fstat_work, fstat_result};
Term bif_prim_file_read_handle_info_nif_1(Process *p, const Term *args) { return file_op_run(p, &fstat_op, args); }

/* The descriptor as 4 native-endian bytes, as OTP gives it. */
Term bif_prim_file_get_handle_nif_1(Process *p, const Term *args)
{
    FileHandle *fh = file_handle_from_term(args[0]);
    if (!fh) return proc_badarg(p);
    if (!file_handle_use(fh)) return posix_error_tuple(p, EINVAL);
    int32_t fd = fh->fd;
    file_handle_done(fh);
    return binary_from_bytes(p, &fd, sizeof fd);
}

/* ---- ipread_s32bu_p32bu: a 32-bit big-endian size and pointer at Offset,
 * then Size bytes at Pointer (dets' index reads) ---- */

static FilePrep ipread_prepare(Process *p, FileJob *j, const Term *args)
{
    (void)p;
    FilePrep r = file_handle_arg(j, args[0]);
    if (r != PREP_OK) return r;
    if (!file_int_arg(args[1], &j->a) || !file_int_arg(args[2], &j->c)) return PREP_BADARG;
    return j->a < 0 || j->c < 0 ? PREP_EINVAL : PREP_OK;
}
static void ipread_work(FileJob *j)
{
    uint8_t head[8];
    ssize_t n = pread(j->fh->fd, head, sizeof head, (off_t)j->a);
    if (n < 0) {
        j->job.error = errno;
        return;
    }
    j->n = -1; /* eof */
    if (n < 8) return;
    uint32_t size = (uint32_t)head[0] << 24 | (uint32_t)head[1] << 16 | (uint32_t)head[2] << 8 | head[3];
    uint32_t ptr = (uint32_t)head[4] << 24 | (uint32_t)head[5] << 16 | (uint32_t)head[6] << 8 | head[7];
    if (size > j->c) return;
    j->a = ptr;
    j->b = size;
    read_into(j, true);
    if (!j->job.error) j->n = size;
}
static Term ipread_result(Process *p, FileJob *j)
{
    if (j->n < 0) return atom_from_cstr("eof");
    Term data = j->len == 0 && j->b > 0 ? atom_from_cstr("eof") : file_take_data(p, j);
    Term found = bif_tuple3(p, term_make_small((SInt)j->b), term_make_small((SInt)j->a), data);
    return bif_tuple2(p, ATOM_ok, found);
}
static const FileOp ipread_op = {ipread_prepare, ipread_work, ipread_result};
Term bif_prim_file_ipread_s32bu_p32bu_nif_3(Process *p, const Term *args) { return file_op_run(p, &ipread_op, args); }
