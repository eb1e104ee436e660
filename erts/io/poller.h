/* poller.h — the I/O poller: one thread running a libuv loop, which owns
 * every libuv handle (port pipes, child processes). Other threads hand it
 * work with poller_call; the work runs on the loop thread, in call order. */
#ifndef EMBER_IO_POLLER_H
#define EMBER_IO_POLLER_H

#include <uv.h>

/* Runs fn(arg) on the loop thread (starting the thread on first use). */
void poller_call(void (*fn)(void *arg), void *arg);
/* The loop; only for code running on the loop thread. */
uv_loop_t *poller_loop(void);

#endif
