/* file_handle.h — an open file of prim_file: a resource (its term is the
 * file reference prim_file keeps in its #file_descriptor{}) around a file
 * descriptor. The descriptor is closed by close_nif, by the end of the process
 * that opened the file, or when the last reference is collected; a dirty job
 * that uses it holds it, so it is never closed (and its number never reused)
 * under a running read or write. */
#ifndef EMBER_IO_FILE_HANDLE_H
#define EMBER_IO_FILE_HANDLE_H

#include <pthread.h>

#include "proc/process.h"

/* FILE_MODE_REGULAR: the descriptor is a regular file (its reads end short
 * only at end of file, so they may be tried without blocking first). */
enum { FILE_MODE_READ = 1, FILE_MODE_WRITE = 2, FILE_MODE_APPEND = 4, FILE_MODE_REGULAR = 128 };

typedef struct FileHandle {
    pthread_mutex_t lock;
    int fd;
    int modes;       /* FILE_MODE_* */
    Term owner;      /* the pid whose end closes it */
    unsigned users;  /* jobs using fd now */
    bool closing;    /* closed for new users; fd goes when users reach 0 */
    bool closed;
    struct FileHandle *prev, *next; /* the open handles, for owners' ends */
} FileHandle;

void file_handles_init(void);
/* A new handle for fd owned by p, and its term; TERM_NONE when memory is
 * exhausted (fd is then closed). */
Term file_handle_new(Process *p, int fd, int modes, FileHandle **out);
/* The handle a term refers to, NULL when it is not a file reference. */
FileHandle *file_handle_from_term(Term t);

/* Takes the handle for a job (and keeps the resource); false (with EINVAL, as
 * OTP answers for closed files) when it is closed. */
bool file_handle_use(FileHandle *fh);
void file_handle_done(FileHandle *fh);
/* Closes the handle once its users are done; false when it was closed. */
bool file_handle_close(FileHandle *fh);

#endif
