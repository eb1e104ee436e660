/* pack.h — the ember pack command: writes a bundle (.ebx) of .beam files and
 * an entry point, or with --exe an executable that carries one. */
#ifndef EMBER_PACK_H
#define EMBER_PACK_H

/* argv holds the arguments after "pack"; program is ember's argv[0].
 * Returns the exit status. */
int pack_main(const char *program, int argc, char **argv);

#endif
