/* pmem.c — the process memory counter (see pmem.h). */
#include "proc/pmem.h"

_Atomic long pmem_bytes;
_Atomic long pmem_binary_bytes;
