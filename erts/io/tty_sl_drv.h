/* tty_sl_drv.h — the tty_sl driver's hook into the runtime's end: whatever
 * way the runtime stops, the terminal goes back to the modes it had before
 * the driver put it in raw mode. */
#ifndef EMBER_IO_TTY_SL_DRV_H
#define EMBER_IO_TTY_SL_DRV_H

/* Restores the terminal if the driver changed it (async-signal-safe). */
void io_tty_restore(void);

#endif
