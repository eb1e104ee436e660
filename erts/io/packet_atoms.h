/* packet_atoms.h — the atoms an http packet's known methods and header names
 * become ('GET', 'Content-Length', ...), indexed as io/packet.h numbers them.
 * Shared by decode_packet/3 and the sockets' http packet modes. */
#ifndef EMBER_IO_PACKET_ATOMS_H
#define EMBER_IO_PACKET_ATOMS_H

#include "atom/atom.h"

static const Term packet_header_atoms[] = {
#define X(id, text) ATOM_##id,
#include "io/packet_headers.def"
#undef X
};

static const Term packet_method_atoms[] = {
#define X(id, text) ATOM_##id,
#include "io/packet_methods.def"
#undef X
};

#endif
