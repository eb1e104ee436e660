/* file_job.c — running prim_file NIFs as dirty I/O jobs, and the argument
 * and result helpers they share. */
#include "io/file_job.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "bif/bif.h"
#include "bif/bif_util.h"
#include "bif/numbers_int.h"
#include "gc/gc.h"
#include "gc/offheap.h"
#include "io/posix_error.h"

static void work(IoJob *job)
{
    FileJob *j = (FileJob *)job;
    j->op->work(j);
}

static void release(IoJob *job)
{
    FileJob *j = (FileJob *)job;
    if (j->fh) file_handle_done(j->fh);
    free(j->path);
    free(j->path2);
    free(j->iov);
    for (size_t i = 0; i < j->nrefs; i++) binary_unref(j->refs[i]);
    free(j->refs);
    free(j->copy);
    if (j->data) binary_unref(j->data);
    for (size_t i = 0; i < j->nnames; i++) binary_unref(j->names[i]);
    free(j->names);
}

Term file_op_run(Process *p, const FileOp *op, const Term *args)
{
    bool wait;
    FileJob *done = (FileJob *)dirty_io_finished(p, &wait);
    if (wait) return dirty_io_wait(p);
    if (done) {
        Term r = done->job.error ? posix_error_tuple(p, done->job.error) : done->op->result(p, done);
        dirty_io_free(&done->job);
        return r;
    }
    FileJob *j = calloc(1, sizeof *j);
    if (!j) return posix_error_tuple(p, ENOMEM);
    j->op = op;
    FilePrep prep = op->prepare(p, j, args);
    if (prep == PREP_DONE) {
        Term r = j->job.error ? posix_error_tuple(p, j->job.error) : op->result(p, j);
        release(&j->job);
        free(j);
        return r;
    }
    if (prep != PREP_OK) {
        release(&j->job);
        free(j);
        return prep == PREP_BADARG ? proc_badarg(p) : posix_error_tuple(p, EINVAL);
    }
    return dirty_io_submit(p, &j->job, work, release);
}

bool file_path_arg(Term t, char **path)
{
    const uint8_t *bytes;
    size_t len;
    if (bif_binary_bytes(t, &bytes, &len) != BIN_OK || len == 0 || bytes[len - 1] != 0) return false;
    if (memchr(bytes, 0, len - 1)) return false;
    *path = malloc(len);
    if (!*path) return false;
    memcpy(*path, bytes, len);
    return true;
}

FilePrep file_handle_arg(FileJob *j, Term t)
{
    FileHandle *fh = file_handle_from_term(t);
    if (!fh) return PREP_BADARG;
    if (!file_handle_use(fh)) return PREP_EINVAL;
    j->fh = fh;
    return PREP_OK;
}

bool file_int_arg(Term t, int64_t *v)
{
    if (!term_is_small(t)) return false;
    *v = term_small_value(t);
    return true;
}

/* The Binary under a binary term when it is off-heap, so a job may keep it
 * instead of copying its bytes. */
static Binary *offheap_of(Term t)
{
    if (term_is_boxed_tag(t, HDR_REFC_BIN)) return refc_binary(t);
    if (term_is_boxed_tag(t, HDR_SUB_BIN) && term_is_boxed_tag(sub_orig(t), HDR_REFC_BIN))
        return refc_binary(sub_orig(t));
    return NULL;
}

bool file_iovec_arg(FileJob *j, Term list)
{
    size_t n = 0, copied = 0;
    Term l = list;
    for (; term_is_list(l); l = term_tail(l), n++) {
        const uint8_t *bytes;
        size_t len;
        if (bif_binary_bytes(term_head(l), &bytes, &len) != BIN_OK) return false;
        if (!offheap_of(term_head(l))) copied += len;
    }
    if (!term_is_nil(l)) return false;
    j->iov = calloc(n ? n : 1, sizeof *j->iov);
    j->refs = calloc(n ? n : 1, sizeof *j->refs);
    j->copy = malloc(copied ? copied : 1);
    if (!j->iov || !j->refs || !j->copy) return false;
    size_t at = 0;
    for (l = list; term_is_list(l); l = term_tail(l)) {
        const uint8_t *bytes;
        size_t len;
        bif_binary_bytes(term_head(l), &bytes, &len);
        Binary *b = offheap_of(term_head(l));
        if (b) {
            binary_ref(b);
            j->refs[j->nrefs++] = b;
        } else {
            memcpy(j->copy + at, bytes, len);
            bytes = j->copy + at;
            at += len;
        }
        j->iov[j->iovcnt].iov_base = (void *)bytes;
        j->iov[j->iovcnt++].iov_len = len;
    }
    return true;
}

Term file_take_data(Process *p, FileJob *j)
{
    Term bin;
    /* a short read copies out of a block much larger than its data */
    if (j->len <= BINARY_HEAP_LIMIT || j->len < j->data->capacity / 2) {
        bin = binary_from_bytes(p, j->data ? j->data->data : NULL, j->len);
        if (j->data) binary_unref(j->data);
    } else {
        bin = binary_adopt(p, j->data, j->len, 0);
        /* without a collection, a loop of reads keeps every block it read
         * until its heap fills, and each read lands in fresh memory */
        if (offheap_wants_gc(p)) gc_request(p);
    }
    j->data = NULL;
    return bin;
}

static Term int_term(Process *p, int64_t v) { return num_int_from_i128(p, v); }

Term file_info_tuple(Process *p, const struct stat *st, int access)
{
    Term type;
    if (S_ISREG(st->st_mode)) type = atom_from_cstr("regular");
    else if (S_ISDIR(st->st_mode)) type = atom_from_cstr("directory");
    else if (S_ISLNK(st->st_mode)) type = atom_from_cstr("symlink");
    else if (S_ISCHR(st->st_mode) || S_ISBLK(st->st_mode)) type = atom_from_cstr("device");
    else type = atom_from_cstr("other");
    static const char *const accesses[] = {"none", "read", "write", "read_write"};
    Term *e;
    Term t = bif_alloc_tuple(p, 14, &e);
    e[0] = atom_from_cstr("file_info");
    e[1] = int_term(p, (int64_t)st->st_size);
    e[2] = type;
    e[3] = atom_from_cstr(accesses[access & 3]);
    e[4] = int_term(p, (int64_t)st->st_atime);
    e[5] = int_term(p, (int64_t)st->st_mtime);
    e[6] = int_term(p, (int64_t)st->st_ctime);
    e[7] = int_term(p, (int64_t)st->st_mode);
    e[8] = int_term(p, (int64_t)st->st_nlink);
    e[9] = int_term(p, (int64_t)st->st_dev);
    e[10] = int_term(p, (int64_t)st->st_rdev);
    e[11] = int_term(p, (int64_t)st->st_ino);
    e[12] = int_term(p, (int64_t)st->st_uid);
    e[13] = int_term(p, (int64_t)st->st_gid);
    return t;
}
