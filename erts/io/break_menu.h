/* break_menu.h — the BREAK menu OTP shows when ^C (SIGINT) reaches a runtime
 * whose shell drives the terminal: its text and the meaning of an answer.
 * The tty_sl driver shows it and reads the answer (tty_sl_drv.c). */
#ifndef EMBER_IO_BREAK_MENU_H
#define EMBER_IO_BREAK_MENU_H

#include <stdbool.h>
#include <stddef.h>

#include "term/strbuf.h"

typedef enum BreakAction {
    BREAK_WAIT,     /* nothing chosen yet (an empty line, or an option shown again) */
    BREAK_CONTINUE, /* (c)ontinue: back to the shell */
    BREAK_ABORT,    /* (a)bort: the runtime ends, status 0 */
} BreakAction;

/* Appends the menu as OTP prints it; after ^C it starts on a fresh line. */
void io_break_menu(StrBuf *out, bool fresh_line);

/* One line typed at the menu (without its newline): what it asks for, with
 * any reply appended to out (an unknown option, or one not available). */
BreakAction io_break_answer(const char *line, size_t len, StrBuf *out);

#endif
