/* file_handle.c — file handles as resources, their users and the list of
 * open handles that an owner's end walks. */
#include "io/file_handle.h"

#include <stdlib.h>
#include <unistd.h>

#include "proc/pexit.h"
#include "term/resource.h"

static pthread_mutex_t open_lock = PTHREAD_MUTEX_INITIALIZER;
static FileHandle *open_handles;

static void unlink_open(FileHandle *fh)
{
    pthread_mutex_lock(&open_lock);
    if (fh->prev || fh->next || open_handles == fh) {
        if (fh->prev) fh->prev->next = fh->next;
        else open_handles = fh->next;
        if (fh->next) fh->next->prev = fh->prev;
        fh->prev = fh->next = NULL;
    }
    pthread_mutex_unlock(&open_lock);
}

/* With fh->lock held: closes fd if nobody uses it any more. */
static void close_if_unused(FileHandle *fh)
{
    if (fh->closing && !fh->closed && fh->users == 0) {
        close(fh->fd);
        fh->closed = true;
    }
}

static void destroy_handle(void *data)
{
    FileHandle *fh = data;
    unlink_open(fh);
    if (!fh->closed) close(fh->fd);
    pthread_mutex_destroy(&fh->lock);
}
static const ResourceType file_type = {"prim_file", destroy_handle};

FileHandle *file_handle_from_term(Term t) { return resource_from_term(t, &file_type); }

/* The owner ended: its open files close (as OTP's prim_file monitors it). */
static void owner_exited(Process *p, Term reason)
{
    (void)reason;
    for (;;) {
        FileHandle *found = NULL;
        pthread_mutex_lock(&open_lock);
        for (FileHandle *fh = open_handles; fh; fh = fh->next)
            if (fh->owner == p->pid) {
                found = fh;
                resource_keep(fh);
                break;
            }
        pthread_mutex_unlock(&open_lock);
        if (!found) return;
        file_handle_close(found);
        resource_release(found);
    }
}

void file_handles_init(void) { proc_exit_hook_register(EXIT_HOOK_FILES, owner_exited); }

Term file_handle_new(Process *p, int fd, int modes, FileHandle **out)
{
    FileHandle *fh = resource_alloc(&file_type, sizeof *fh);
    if (!fh) {
        close(fd);
        return TERM_NONE;
    }
    pthread_mutex_init(&fh->lock, NULL);
    fh->fd = fd;
    fh->modes = modes;
    fh->owner = p->pid;
    pthread_mutex_lock(&open_lock);
    fh->next = open_handles;
    if (open_handles) open_handles->prev = fh;
    open_handles = fh;
    pthread_mutex_unlock(&open_lock);
    proc_exit_hook_arm(p, EXIT_HOOK_FILES);
    Term t = resource_make_term(p, fh);
    resource_release(fh); /* the term holds it now */
    if (out) *out = fh;
    return t;
}

bool file_handle_use(FileHandle *fh)
{
    pthread_mutex_lock(&fh->lock);
    bool ok = !fh->closing;
    if (ok) fh->users++;
    pthread_mutex_unlock(&fh->lock);
    if (ok) resource_keep(fh);
    return ok;
}

void file_handle_done(FileHandle *fh)
{
    pthread_mutex_lock(&fh->lock);
    fh->users--;
    close_if_unused(fh);
    pthread_mutex_unlock(&fh->lock);
    resource_release(fh);
}

bool file_handle_close(FileHandle *fh)
{
    pthread_mutex_lock(&fh->lock);
    bool was_open = !fh->closing;
    fh->closing = true;
    close_if_unused(fh);
    pthread_mutex_unlock(&fh->lock);
    if (was_open) unlink_open(fh);
    return was_open;
}
