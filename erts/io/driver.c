/* driver.c — the table of built-in port drivers. */
#include "io/driver.h"

#include <string.h>

static const PortDriver *const drivers[] = {&inet_tcp_driver, &inet_udp_driver, &tty_sl_driver};

const PortDriver *driver_find(const char *command)
{
    size_t len = strcspn(command, " ");
    for (size_t k = 0; k < sizeof drivers / sizeof *drivers; k++)
        if (strlen(drivers[k]->name) == len && memcmp(drivers[k]->name, command, len) == 0) return drivers[k];
    return NULL;
}
