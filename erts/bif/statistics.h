/* statistics.h — what system_flag/2 needs of statistics.c. */
#ifndef EMBER_BIF_STATISTICS_H
#define EMBER_BIF_STATISTICS_H

#include <stdbool.h>

/* Turns scheduler wall time accounting on or off; returns the old state. */
bool statistics_set_wall_time(bool on);

#endif
