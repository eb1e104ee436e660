/* break_menu.c — OTP's BREAK menu: the text, and the answers. (a)bort and
 * (c)ontinue act as on OTP; the inspection options (process, port and
 * memory listings, crash dumps) say that they are not available rather than
 * print something else, and the menu is shown again. */
#include "io/break_menu.h"

#include <string.h>

void io_break_menu(StrBuf *out, bool fresh_line)
{
    if (fresh_line) strbuf_append_char(out, '\n');
    strbuf_append_cstr(out, "BREAK: (a)bort (A)bort with dump (c)ontinue (p)roc info (i)nfo\n"
                            "       (l)oaded (v)ersion (k)ill (D)b-tables (d)istribution\n");
}

BreakAction io_break_answer(const char *line, size_t len, StrBuf *out)
{
    size_t i = 0;
    while (i < len && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) i++;
    if (i == len) return BREAK_WAIT; /* OTP waits on for a letter */
    char c = line[i];
    if (c == 'a') return BREAK_ABORT;
    if (c == 'c') return BREAK_CONTINUE;
    if (strchr("ApilvkDdom", c)) {
        strbuf_printf(out, "Option '%c' is not available in Ember.\n", c);
    } else {
        strbuf_printf(out, "Invalid option '%c'. Please enter one of the following:\n", c);
    }
    io_break_menu(out, false);
    return BREAK_WAIT;
}
