/* main.c — the ember command: parse erl-style flags, boot, exit with the status
 * the program asked for. */
#include "boot/boot.h"
#include "boot/cmdline.h"
#include "boot/otp_boot.h"

int main(int argc, char **argv)
{
    BootOptions options;
    if (!cmdline_parse(argc - 1, argv + 1, &options)) return 1;
    options.program = argv[0];
    /* OTP mode whenever an OTP installation is found, as a user of erl expects */
    static char root[4096];
    if (!options.otp_root && !options.standalone && !options.disassemble && otp_boot_find_root(root, sizeof root))
        options.otp_root = root;
    int status = boot_run(&options);
    cmdline_free(&options);
    return status;
}
