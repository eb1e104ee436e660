/* beam_chunks.h — reading a .beam file's raw chunks without loading it:
 * one chunk by its four-letter id (erts_internal:beamfile_chunk/2) and the
 * module's MD5 as OTP computes it (module_info(md5), beamfile_module_md5/1). */
#ifndef EMBER_BEAM_CHUNKS_H
#define EMBER_BEAM_CHUNKS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "load/beam_file.h"

/* The first chunk named id in an IFF "FOR1 ... BEAM" container; false when
 * the container is malformed or has no such chunk. */
bool load_beam_chunk(const uint8_t *data, size_t size, const char id[4], BeamSpan *out);

/* MD5 over the chunks that define the code (atoms, code, strings, imports,
 * exports, funs with their old_uniq words zeroed, literals as stored, Meta),
 * in that order; chunks that are missing are skipped. The same digest
 * beam_lib:md5/1 gives, so it does not change when only debug info or
 * compile options do. */
void load_beam_md5(const uint8_t *data, size_t size, uint8_t md5[16]);

#endif
