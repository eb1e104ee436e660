/* main.c — the ember command: parse erl-style flags, boot, exit with the status
 * the program asked for. */
#include "boot/boot.h"
#include "boot/cmdline.h"

int main(int argc, char **argv)
{
    BootOptions options;
    if (!cmdline_parse(argc - 1, argv + 1, &options)) return 1;
    options.program = argv[0];
    int status = boot_run(&options);
    cmdline_free(&options);
    return status;
}
