/* driver.h — built-in port drivers: ports opened with {spawn_driver, Name}
 * that live inside the runtime (OTP's inet drivers, tty_sl) instead of running a
 * program. A driver answers port_control/3 from the calling scheduler, with
 * the port's driver lock held, and may take port commands. */
#ifndef EMBER_IO_DRIVER_H
#define EMBER_IO_DRIVER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "term/strbuf.h"

struct Port;

typedef struct PortDriver {
    const char *name;
    /* Sets up port->driver_data; 0 or an errno (the open fails with it). */
    int (*start)(struct Port *port);
    /* port_control(Port, Op, In): appends the reply to out; false is badarg. */
    bool (*control)(struct Port *port, unsigned op, const uint8_t *in, size_t len, StrBuf *out);
    /* Optional: runs after each control and command once the port's lock
     * is dropped, for what cannot be done under it (making a port, which
     * takes the port table's lock, ordered first; ending the port). */
    void (*after_request)(struct Port *port);
    /* Port commands (NULL: the driver takes none). */
    void (*command)(struct Port *port, const uint8_t *bytes, size_t len);
    /* The port is closing: frees driver_data. */
    void (*stop)(struct Port *port);
    /* port_call(Port, Op, Data): in holds term_to_binary(Data); appends the
     * reply, a term in the external format (version byte first), to out;
     * false is badarg. NULL: the driver takes no calls (badarg, as OTP). */
    bool (*call)(struct Port *port, unsigned op, const uint8_t *in, size_t len, StrBuf *out);
    /* Optional: port_close was asked for (the caller's thread, lock held),
     * before stop runs on the poller thread; what must not wait (a listening
     * socket refusing connections) happens here. */
    void (*closing)(struct Port *port);
    /* Optional: the bytes queued for output (port_info queue_size; lock held). */
    size_t (*queue_size)(struct Port *port);
} PortDriver;

/* The driver a {spawn_driver, Command} names (its first word), or NULL.
 * OTP's {spawn, Command} opens that driver too when there is one. */
const PortDriver *driver_find(const char *command);

extern const PortDriver inet_tcp_driver, inet_udp_driver, tty_sl_driver;

#endif
