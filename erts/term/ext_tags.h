/* ext_tags.h — the tag bytes of Erlang's external term format, shared by the
 * decoder (external.c) and the encoder (ext_encode.c). */
#ifndef EMBER_EXT_TAGS_H
#define EMBER_EXT_TAGS_H

/* FLOAT_EXT (minor version 0): printf's %.20e text, NUL-padded to this size. */
#define EXT_FLOAT_TEXT_BYTES 31

enum {
    EXT_TAG_NEW_FLOAT = 70,
    EXT_TAG_BIT_BINARY = 77,
    EXT_TAG_COMPRESSED = 80,
    EXT_TAG_ATOM_CACHE_REF = 82,
    EXT_TAG_NEW_PID = 88,
    EXT_TAG_NEW_PORT = 89,
    EXT_TAG_NEWER_REFERENCE = 90,
    EXT_TAG_SMALL_INTEGER = 97,
    EXT_TAG_INTEGER = 98,
    EXT_TAG_FLOAT = 99,
    EXT_TAG_ATOM = 100,
    EXT_TAG_REFERENCE = 101,
    EXT_TAG_PORT = 102,
    EXT_TAG_PID = 103,
    EXT_TAG_SMALL_TUPLE = 104,
    EXT_TAG_LARGE_TUPLE = 105,
    EXT_TAG_NIL = 106,
    EXT_TAG_STRING = 107,
    EXT_TAG_LIST = 108,
    EXT_TAG_BINARY = 109,
    EXT_TAG_SMALL_BIG = 110,
    EXT_TAG_LARGE_BIG = 111,
    EXT_TAG_NEW_FUN = 112,
    EXT_TAG_EXPORT = 113,
    EXT_TAG_NEW_REFERENCE = 114,
    EXT_TAG_SMALL_ATOM = 115,
    EXT_TAG_MAP = 116,
    EXT_TAG_FUN = 117,
    EXT_TAG_ATOM_UTF8 = 118,
    EXT_TAG_SMALL_ATOM_UTF8 = 119,
    EXT_TAG_V4_PORT = 120,
};

/* The only node a local identifier may name, with creation 0. */
#define EXT_LOCAL_NODE "nonode@nohost"

#endif
