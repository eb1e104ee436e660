/* main.c — the ember command: parse erl-style flags, boot, exit with the status
 * the program asked for. `ember pack ...` writes bundles; `ember APP.ebx ...`
 * and executables made by `ember pack --exe` run one. */
#include <stdlib.h>
#include <string.h>

#include "boot/boot.h"
#include "boot/bundle_boot.h"
#include "boot/cmdline.h"
#include "boot/otp_boot.h"
#include "boot/pack.h"

int main(int argc, char **argv)
{
    static Bundle bundle;
    const char *bundle_path = NULL;
    char **args = NULL;
    int nargs = 0;
    int found = bundle_boot_prepare(argc, argv, &bundle, &bundle_path, &nargs, &args);
    if (found < 0) return 1;
    if (found == 0) {
        if (argc > 1 && strcmp(argv[1], "pack") == 0) return pack_main(argv[0], argc - 2, argv + 2);
        args = argv, nargs = argc;
    }
    BootOptions options;
    int status = 1;
    if (!cmdline_parse(nargs - 1, args + 1, &options)) goto out;
    options.program = argv[0];
    if (found) options.bundle = &bundle, options.bundle_path = bundle_path;
    /* OTP mode whenever an OTP installation is found, as a user of erl expects */
    static char root[4096];
    if (!options.otp_root && !options.standalone && !options.disassemble && otp_boot_find_root(root, sizeof root))
        options.otp_root = root;
    status = boot_run(&options);
    cmdline_free(&options);
out:
    /* options.plain_args points into args */
    if (found) {
        free(args);
        bundle_free(&bundle);
    }
    return status;
}
