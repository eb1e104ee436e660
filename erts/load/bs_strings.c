/* bs_strings.c — counts the literal words of bit-syntax strings (see
 * bs_strings.h); the words are filled by the transform's conv_string. */
#include "load/bs_strings.h"

#include "term/term.h"

size_t load_bs_string_words(const GenOp *g, const CompactOperand *args)
{
    const CompactOperand *a = args + g->arg;
    if (g->op == GENOP_bs_match_string && g->nargs == 4 && a[2].tag == CT_U)
        return HEAP_BIN_WORDS((a[2].u + 7) / 8);
    if (g->op == GENOP_bs_put_string && g->nargs == 2 && a[0].tag == CT_U) return HEAP_BIN_WORDS(a[0].u);
    if (g->op != GENOP_bs_create_bin || g->nargs < 6 || a[5].tag != CT_LIST) return 0;
    /* Segments are groups of six; only a string segment has an untagged
     * value (its offset in the string table), and its size is in bytes. */
    size_t words = 0;
    for (uint64_t j = 0; j + 6 <= a[5].u && 6 + j + 6 <= g->nargs; j += 6) {
        const CompactOperand *seg = a + 6 + j;
        if (seg[4].tag == CT_U && seg[5].tag == CT_I && seg[5].i >= 0) words += HEAP_BIN_WORDS((size_t)seg[5].i);
    }
    return words;
}
