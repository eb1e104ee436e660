/* logger_report.h — the runtime's own error reports (a crashed process, a
 * module that fails to load), sent to OTP's logger process as OTP's runtime
 * sends them, so that they print as logger's ERROR REPORTs. */
#ifndef EMBER_LOGGER_REPORT_H
#define EMBER_LOGGER_REPORT_H

#include <stdbool.h>

#include "proc/process.h"

/* Sends {log, error, Format, Args, Meta} to the process registered as logger,
 * built on p's heap; false when there is none (nothing is sent). */
bool logger_report_error(Process *p, const char *format, Term args);

#endif
