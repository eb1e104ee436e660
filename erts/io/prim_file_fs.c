/* prim_file_fs.c — the NIFs of OTP 25's prim_file that work on names:
 * read_file, read_info, read_link, list_dir, make_dir, del_file, del_dir,
 * rename, make_hard_link, make_soft_link, set_permissions, set_owner,
 * set_time, get_cwd, set_cwd, get_device_cwd, altname. Names arrive encoded
 * by internal_name2native/1 (a binary ending in NUL); names given back are raw
 * binaries, which prim_file decodes. Error atoms are OTP's, which differ from
 * Linux's in two places (see del_file and del_dir). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <unistd.h>

#include "bif/bif.h"
#include "bif/bif_util.h"
#include "io/file_job.h"
#include "io/posix_error.h"

static Term ok_result(Process *p, FileJob *j)
{
    (void)p, (void)j;
    return ATOM_ok;
}

static FilePrep path_prepare(Process *p, FileJob *j, const Term *args)
{
    (void)p;
    return file_path_arg(args[0], &j->path) ? PREP_OK : PREP_BADARG;
}

static FilePrep two_paths_prepare(Process *p, FileJob *j, const Term *args)
{
    (void)p;
    return file_path_arg(args[0], &j->path) && file_path_arg(args[1], &j->path2) ? PREP_OK : PREP_BADARG;
}

static void set_error(FileJob *j, int r)
{
    if (r < 0) j->job.error = errno;
}

/* ---- read_file: the whole file in one binary ---- */

static void read_file_work(FileJob *j)
{
    int fd;
    do fd = open(j->path, O_RDONLY | O_CLOEXEC);
    while (fd < 0 && errno == EINTR);
    if (fd < 0) {
        j->job.error = errno;
        return;
    }
    struct stat st;
    if (fstat(fd, &st) < 0 || S_ISDIR(st.st_mode)) {
        j->job.error = S_ISDIR(st.st_mode) ? EISDIR : errno;
        close(fd);
        return;
    }
    /* files that report no size (/proc) are read until their end */
    size_t cap = st.st_size > 0 ? (size_t)st.st_size : 4096, len = 0;
    j->data = binary_try_alloc(cap);
    for (;;) {
        if (!j->data) {
            j->job.error = ENOMEM;
            break;
        }
        ssize_t n = read(fd, j->data->data + len, cap - len);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            j->job.error = errno;
            break;
        }
        if (n == 0) break;
        len += (size_t)n;
        if (len == cap) {
            if (st.st_size > 0 && S_ISREG(st.st_mode)) break; /* as big as it said */
            Binary *bigger = binary_try_alloc(cap * 2);
            if (bigger) memcpy(bigger->data, j->data->data, len);
            binary_unref(j->data);
            j->data = bigger;
            cap *= 2;
        }
    }
    j->len = len;
    close(fd);
}
static Term data_result(Process *p, FileJob *j) { return bif_tuple2(p, ATOM_ok, file_take_data(p, j)); }
static const FileOp read_file_op = {path_prepare, read_file_work, data_result};
Term bif_prim_file_read_file_nif_1(Process *p, const Term *args) { return file_op_run(p, &read_file_op, args); }

/* ---- read_info ---- */

static FilePrep info_prepare(Process *p, FileJob *j, const Term *args)
{
    (void)p;
    if (!file_path_arg(args[0], &j->path) || !file_int_arg(args[1], &j->a)) return PREP_BADARG;
    return PREP_OK;
}
static void info_work(FileJob *j)
{
    if ((j->a ? stat(j->path, &j->st) : lstat(j->path, &j->st)) < 0) {
        j->job.error = errno;
        return;
    }
    if (access(j->path, R_OK) == 0) j->access |= FILE_MODE_READ;
    if (access(j->path, W_OK) == 0) j->access |= FILE_MODE_WRITE;
}
static Term info_result(Process *p, FileJob *j) { return file_info_tuple(p, &j->st, j->access); }
static const FileOp info_op = {info_prepare, info_work, info_result};
Term bif_prim_file_read_info_nif_2(Process *p, const Term *args) { return file_op_run(p, &info_op, args); }

/* ---- read_link, get_cwd: one raw name back ---- */

static Binary *name_binary(const char *s, size_t len)
{
    Binary *b = binary_try_alloc(len);
    if (b) memcpy(b->data, s, len);
    return b;
}

static void read_link_work(FileJob *j)
{
    char buf[PATH_MAX];
    ssize_t n = readlink(j->path, buf, sizeof buf);
    if (n < 0) {
        j->job.error = errno;
        return;
    }
    j->data = name_binary(buf, (size_t)n);
    j->len = (size_t)n;
    if (!j->data) j->job.error = ENOMEM;
}
static const FileOp read_link_op = {path_prepare, read_link_work, data_result};
Term bif_prim_file_read_link_nif_1(Process *p, const Term *args) { return file_op_run(p, &read_link_op, args); }

static FilePrep no_args(Process *p, FileJob *j, const Term *args)
{
    (void)p, (void)j, (void)args;
    return PREP_OK;
}
static void get_cwd_work(FileJob *j)
{
    char buf[PATH_MAX];
    if (!getcwd(buf, sizeof buf)) {
        j->job.error = errno;
        return;
    }
    j->len = strlen(buf);
    j->data = name_binary(buf, j->len);
    if (!j->data) j->job.error = ENOMEM;
}
static const FileOp get_cwd_op = {no_args, get_cwd_work, data_result};
Term bif_prim_file_get_cwd_nif_0(Process *p, const Term *args) { return file_op_run(p, &get_cwd_op, args); }

static void set_cwd_work(FileJob *j) { set_error(j, chdir(j->path)); }
static const FileOp set_cwd_op = {path_prepare, set_cwd_work, ok_result};
Term bif_prim_file_set_cwd_nif_1(Process *p, const Term *args) { return file_op_run(p, &set_cwd_op, args); }

/* Drive letters and short names exist on Windows only. */
Term bif_prim_file_get_device_cwd_nif_1(Process *p, const Term *args)
{
    (void)args;
    return posix_error_tuple(p, ENOTSUP);
}
Term bif_prim_file_altname_nif_1(Process *p, const Term *args)
{
    (void)args;
    return posix_error_tuple(p, ENOTSUP);
}

/* ---- list_dir: the raw names, without . and .. ---- */

static void list_dir_work(FileJob *j)
{
    DIR *d = opendir(j->path);
    if (!d) {
        j->job.error = errno;
        return;
    }
    size_t cap = 0;
    for (struct dirent *e; (errno = 0, e = readdir(d));) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
        if (j->nnames == cap) {
            cap = cap ? cap * 2 : 32;
            Binary **grown = realloc(j->names, cap * sizeof *grown);
            if (!grown) {
                j->job.error = ENOMEM;
                break;
            }
            j->names = grown;
        }
        Binary *b = name_binary(e->d_name, strlen(e->d_name));
        if (!b) {
            j->job.error = ENOMEM;
            break;
        }
        j->names[j->nnames++] = b;
    }
    if (errno && !j->job.error) j->job.error = errno;
    closedir(d);
}

static Term list_dir_result(Process *p, FileJob *j)
{
    /* OTP's NIF conses the names as it reads them, so they come last first */
    Term list = TERM_NIL;
    for (size_t i = 0; i < j->nnames; i++) {
        Binary *b = j->names[i];
        Term name = b->capacity <= BINARY_HEAP_LIMIT ? binary_from_bytes(p, b->data, b->capacity)
                                                     : (binary_ref(b), binary_adopt(p, b, b->capacity, 0));
        list = term_cons(proc_alloc(p, 2), name, list);
    }
    return bif_tuple2(p, ATOM_ok, list);
}
static const FileOp list_dir_op = {path_prepare, list_dir_work, list_dir_result};
Term bif_prim_file_list_dir_nif_1(Process *p, const Term *args) { return file_op_run(p, &list_dir_op, args); }

/* ---- changes by name ---- */

static void make_dir_work(FileJob *j) { set_error(j, mkdir(j->path, 0777)); }
static void del_file_work(FileJob *j)
{
    set_error(j, unlink(j->path));
    if (j->job.error == EISDIR) j->job.error = EPERM; /* POSIX's answer, which OTP keeps */
}
static void del_dir_work(FileJob *j)
{
    set_error(j, rmdir(j->path));
    if (j->job.error == ENOTEMPTY) j->job.error = EEXIST; /* OTP's name for it */
}
static void rename_work(FileJob *j) { set_error(j, rename(j->path, j->path2)); }
static void hard_link_work(FileJob *j) { set_error(j, link(j->path, j->path2)); }
static void soft_link_work(FileJob *j) { set_error(j, symlink(j->path, j->path2)); }

static const FileOp make_dir_op = {path_prepare, make_dir_work, ok_result};
static const FileOp del_file_op = {path_prepare, del_file_work, ok_result};
static const FileOp del_dir_op = {path_prepare, del_dir_work, ok_result};
static const FileOp rename_op = {two_paths_prepare, rename_work, ok_result};
static const FileOp hard_link_op = {two_paths_prepare, hard_link_work, ok_result};
static const FileOp soft_link_op = {two_paths_prepare, soft_link_work, ok_result};
Term bif_prim_file_make_dir_nif_1(Process *p, const Term *args) { return file_op_run(p, &make_dir_op, args); }
Term bif_prim_file_del_file_nif_1(Process *p, const Term *args) { return file_op_run(p, &del_file_op, args); }
Term bif_prim_file_del_dir_nif_1(Process *p, const Term *args) { return file_op_run(p, &del_dir_op, args); }
Term bif_prim_file_rename_nif_2(Process *p, const Term *args) { return file_op_run(p, &rename_op, args); }
Term bif_prim_file_make_hard_link_nif_2(Process *p, const Term *args) { return file_op_run(p, &hard_link_op, args); }
Term bif_prim_file_make_soft_link_nif_2(Process *p, const Term *args) { return file_op_run(p, &soft_link_op, args); }

/* ---- write_file_info's parts ---- */

static FilePrep ints_prepare(Process *p, FileJob *j, const Term *args, int n)
{
    (void)p;
    if (!file_path_arg(args[0], &j->path)) return PREP_BADARG;
    int64_t *v[] = {&j->a, &j->b, &j->c};
    for (int i = 0; i < n; i++)
        if (!file_int_arg(args[1 + i], v[i])) return PREP_BADARG;
    return PREP_OK;
}
static FilePrep one_int(Process *p, FileJob *j, const Term *args) { return ints_prepare(p, j, args, 1); }
static FilePrep two_ints(Process *p, FileJob *j, const Term *args) { return ints_prepare(p, j, args, 2); }
static FilePrep three_ints(Process *p, FileJob *j, const Term *args) { return ints_prepare(p, j, args, 3); }

static void chmod_work(FileJob *j) { set_error(j, chmod(j->path, (mode_t)j->a)); }
static void chown_work(FileJob *j) { set_error(j, chown(j->path, (uid_t)j->a, (gid_t)j->b)); }
static void utime_work(FileJob *j)
{
    /* access and modification times; the change time cannot be set */
    struct timeval tv[2] = {{.tv_sec = (time_t)j->a}, {.tv_sec = (time_t)j->b}};
    set_error(j, utimes(j->path, tv));
}
static const FileOp chmod_op = {one_int, chmod_work, ok_result};
static const FileOp chown_op = {two_ints, chown_work, ok_result};
static const FileOp utime_op = {three_ints, utime_work, ok_result};
Term bif_prim_file_set_permissions_nif_2(Process *p, const Term *args) { return file_op_run(p, &chmod_op, args); }
Term bif_prim_file_set_owner_nif_3(Process *p, const Term *args) { return file_op_run(p, &chown_op, args); }
Term bif_prim_file_set_time_nif_4(Process *p, const Term *args) { return file_op_run(p, &utime_op, args); }
