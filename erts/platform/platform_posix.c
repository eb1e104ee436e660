/* platform_posix.c — the platform interface on Linux and other POSIX systems. */
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "platform/platform.h"

bool platform_executable_dir(const char *argv0, char *buf, size_t cap)
{
    char path[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", path, sizeof path - 1);
    if (n > 0) {
        path[n] = '\0';
    } else if (!argv0 || !realpath(argv0, path)) {
        return false;
    }
    char *slash = strrchr(path, '/');
    if (!slash) return false;
    *slash = '\0';
    if (strlen(path) + 1 > cap) return false;
    memcpy(buf, path, strlen(path) + 1);
    return true;
}
