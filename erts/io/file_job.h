/* file_job.h — the shape every prim_file NIF takes: check the arguments on
 * the scheduler (prepare), do the system calls on a dirty I/O thread (work),
 * and build the answer when the process runs again (result). */
#ifndef EMBER_IO_FILE_JOB_H
#define EMBER_IO_FILE_JOB_H

#include <sys/stat.h>
#include <sys/uio.h>

#include "io/dirty_io.h"
#include "io/file_handle.h"
#include "term/binary.h"

typedef enum FilePrep {
    PREP_OK,     /* go on to work */
    PREP_BADARG, /* the NIF raises badarg (prim_file turns it into {error, badarg}) */
    PREP_EINVAL, /* {error, einval}: a closed file, a bad advice ... */
    PREP_DONE,   /* the work is done already, without blocking: on to result */
} FilePrep;

typedef struct FileOp FileOp;

typedef struct FileJob {
    IoJob job;
    const FileOp *op;
    FileHandle *fh;     /* held while the job lives (file_handle_use) */
    char *path, *path2; /* NUL-terminated copies */
    int64_t a, b, c;    /* the NIF's integer arguments */
    int flags;
    /* data to write: iov over bytes the job holds (copies, or referenced binaries) */
    struct iovec *iov;
    int iovcnt;
    Binary **refs;
    size_t nrefs;
    uint8_t *copy;
    /* outcome */
    int64_t n;
    Binary *data;
    size_t len;
    struct stat st;
    int access; /* FILE_MODE_READ | FILE_MODE_WRITE */
    Binary **names;
    size_t nnames;
} FileJob;

struct FileOp {
    FilePrep (*prepare)(Process *p, FileJob *j, const Term *args);
    void (*work)(FileJob *j); /* sets j->job.error to an errno on failure */
    Term (*result)(Process *p, FileJob *j); /* called when job.error is 0 */
};

/* Runs op for a NIF call (see io/dirty_io.h for the retry pattern). */
Term file_op_run(Process *p, const FileOp *op, const Term *args);

/* Argument helpers for prepare functions. */
bool file_path_arg(Term t, char **path); /* a native name: binary ending in NUL */
FilePrep file_handle_arg(FileJob *j, Term t);
bool file_iovec_arg(FileJob *j, Term list);
bool file_int_arg(Term t, int64_t *v);

/* A binary of j->data's first j->len bytes (the job's reference passes on). */
Term file_take_data(Process *p, FileJob *j);
/* The #file_info{} tuple of j->st, times in POSIX seconds. */
Term file_info_tuple(Process *p, const struct stat *st, int access);

#endif
