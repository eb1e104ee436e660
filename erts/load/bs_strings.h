/* bs_strings.h — literal room for the bit syntax's strings. bs_match_string
 * and the string segments of bs_create_bin name bytes of the StrT chunk; the
 * transform turns each into a literal binary, and the decoder reserves the
 * literal words for them here. */
#ifndef EMBER_BS_STRINGS_H
#define EMBER_BS_STRINGS_H

#include <stddef.h>

#include "load/gencode.h"

/* Literal words the strings of one decoded generic instruction take. */
size_t load_bs_string_words(const GenOp *g, const CompactOperand *args);

#endif
