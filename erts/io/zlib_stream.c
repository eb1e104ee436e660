/* zlib_stream.c — the NIFs of OTP 25's zlib module: a zlib stream behind a
 * resource, with an input queue that zlib.erl fills (enqueue_nif) and drains
 * a chunk at a time (deflate_nif/inflate_nif), a "stash" that keeps one term
 * across calls, and the controlling process that alone may use the stream.
 *
 * Results and errors are OTP's: zlib's Z_STREAM_ERROR and Z_DATA_ERROR raise
 * error:stream_error / error:data_error, the other codes come back as atoms;
 * a call from another process raises not_on_controlling_process, one in the
 * wrong state not_initialized or already_initialized. */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "bif/bif.h"
#include "bif/bif_reds.h"
#include "bif/bif_util.h"
#include "ets/ets_object.h"
#include "io/byte_queue.h"
#include "term/binary.h"
#include "term/resource.h"

typedef enum { ZS_NONE, ZS_DEFLATE, ZS_INFLATE, ZS_CLOSED } ZlibState;

/* What inflate does with input after the end of a stream (inflateInit's
 * EoSBehavior, numbered as zlib.erl passes it). */
typedef enum { EOS_ERROR = 0, EOS_RESET = 1, EOS_CUT = 2 } EosBehavior;

typedef struct ZlibStream {
    pthread_mutex_t lock; /* one call at a time; the controller may change */
    z_stream s;
    ZlibState state;
    EosBehavior eos_behavior;
    bool eos_seen;
    bool raw;             /* negative window bits: no header, no checksum */
    /* Checksums of the plain text for the deprecated zlib:crc32/1. */
    uLong input_crc, output_crc;
    bool want_input_crc, want_output_crc;
    int chunk_buffer_size; /* inflateChunk's output size (deprecated API) */
    Term controller;
    ByteQueue input;
    EtsObject *stash;      /* a stored copy, as ETS keeps its objects */
    uint8_t *out;          /* scratch output of the codec */
    size_t out_cap;
} ZlibStream;

static void end_codec(ZlibStream *z)
{
    if (z->state == ZS_DEFLATE) deflateEnd(&z->s);
    else if (z->state == ZS_INFLATE) inflateEnd(&z->s);
}

static void drop_stash(ZlibStream *z)
{
    ets_object_free(z->stash);
    z->stash = NULL;
}

static void destroy_stream(void *data)
{
    ZlibStream *z = data;
    end_codec(z);
    drop_stash(z);
    byte_queue_free(&z->input);
    free(z->out);
    pthread_mutex_destroy(&z->lock);
}
static const ResourceType zlib_type = {"zlib", destroy_stream};

/* The stream of args[0], locked, for a call of its controller; NULL with the
 * exception raised in *err otherwise. Unlock with leave(). */
static ZlibStream *enter(Process *p, Term t, Term *err)
{
    ZlibStream *z = resource_from_term(t, &zlib_type);
    if (!z) {
        *err = proc_badarg(p);
        return NULL;
    }
    pthread_mutex_lock(&z->lock);
    if (z->controller != p->pid) {
        pthread_mutex_unlock(&z->lock);
        *err = proc_error(p, ATOM_not_on_controlling_process);
        return NULL;
    }
    return z;
}

static Term leave(ZlibStream *z, Term result)
{
    pthread_mutex_unlock(&z->lock);
    return result;
}

/* As enter(), for a stream that must be in `state`. */
static ZlibStream *enter_in(Process *p, Term t, ZlibState state, Term *err)
{
    ZlibStream *z = enter(p, t, err);
    if (z && z->state != state) {
        *err = leave(z, proc_error(p, ATOM_not_initialized));
        return NULL;
    }
    return z;
}

static bool int_arg(Term t, int *out)
{
    if (!term_is_small(t) || term_small_value(t) < INT32_MIN || term_small_value(t) > INT32_MAX) return false;
    *out = (int)term_small_value(t);
    return true;
}

/* A zlib return code as zlib.erl expects it. */
static Term zlib_result(Process *p, int code)
{
    switch (code) {
    case Z_OK: return ATOM_ok;
    case Z_STREAM_END: return ATOM_stream_end;
    case Z_ERRNO: return term_make_small(errno);
    case Z_STREAM_ERROR: return proc_error(p, ATOM_stream_error);
    case Z_DATA_ERROR: return proc_error(p, ATOM_data_error);
    case Z_MEM_ERROR: return ATOM_mem_error;
    case Z_BUF_ERROR: return ATOM_buf_error;
    case Z_VERSION_ERROR: return ATOM_version_error;
    default: return ATOM_unknown_error;
    }
}

/* Drops the queued input and the stash (on reset and end). */
static void reset_input(ZlibStream *z)
{
    byte_queue_clear(&z->input);
    drop_stash(z);
}

Term bif_zlib_open_nif_0(Process *p, const Term *args)
{
    (void)args;
    ZlibStream *z = resource_alloc(&zlib_type, sizeof *z);
    if (!z) return proc_error(p, ATOM_system_limit);
    pthread_mutex_init(&z->lock, NULL);
    z->s.data_type = Z_BINARY;
    z->state = ZS_NONE;
    z->eos_behavior = EOS_CUT;
    z->input_crc = z->output_crc = crc32(0L, Z_NULL, 0);
    z->chunk_buffer_size = 4000;
    z->controller = p->pid;
    Term t = resource_make_term(p, z);
    resource_release(z);
    return t;
}

Term bif_zlib_close_nif_1(Process *p, const Term *args)
{
    Term err;
    ZlibStream *z = enter(p, args[0], &err);
    if (!z) return err;
    if (z->state == ZS_CLOSED) return leave(z, proc_error(p, ATOM_not_initialized));
    end_codec(z);
    drop_stash(z);
    z->state = ZS_CLOSED;
    return leave(z, ATOM_ok);
}

Term bif_zlib_set_controller_nif_2(Process *p, const Term *args)
{
    if (!term_is_pid(args[1])) return proc_badarg(p);
    Term err;
    ZlibStream *z = enter(p, args[0], &err);
    if (!z) return err;
    z->controller = args[1];
    return leave(z, ATOM_ok);
}

/* ---- deflate ---------------------------------------------------------------- */

Term bif_zlib_deflateInit_nif_6(Process *p, const Term *args)
{
    int level, method, bits, mem, strategy;
    Term err;
    if (!int_arg(args[1], &level) || !int_arg(args[2], &method) || !int_arg(args[3], &bits) ||
        !int_arg(args[4], &mem) || !int_arg(args[5], &strategy) || !resource_from_term(args[0], &zlib_type))
        return proc_badarg(p);
    ZlibStream *z = enter(p, args[0], &err);
    if (!z) return err;
    if (z->state != ZS_NONE) return leave(z, proc_error(p, ATOM_already_initialized));
    int res = deflateInit2(&z->s, level, method, bits, mem, strategy);
    if (res == Z_OK) {
        z->state = ZS_DEFLATE;
        z->eos_seen = false;
        z->raw = bits < 0;
        z->want_output_crc = false;
        z->want_input_crc = z->raw;
        z->input_crc = z->output_crc = crc32(0L, Z_NULL, 0);
    }
    return leave(z, zlib_result(p, res));
}

Term bif_zlib_deflateSetDictionary_nif_2(Process *p, const Term *args)
{
    uint8_t *dict;
    size_t len;
    if (!resource_from_term(args[0], &zlib_type) || !bif_iolist_copy(args[1], &dict, &len)) return proc_badarg(p);
    Term err;
    ZlibStream *z = enter_in(p, args[0], ZS_DEFLATE, &err);
    if (!z) {
        free(dict);
        return err;
    }
    int res = deflateSetDictionary(&z->s, dict, (uInt)len);
    Term result;
    if (res == Z_OK) {
        /* a raw stream keeps no adler; OTP answers the dictionary's own */
        uLong sum = z->raw ? adler32(0, dict, (uInt)len) : z->s.adler;
        result = term_make_small((SInt)sum);
    } else {
        result = zlib_result(p, res);
    }
    free(dict);
    return leave(z, result);
}

Term bif_zlib_deflateReset_nif_1(Process *p, const Term *args)
{
    Term err;
    ZlibStream *z = enter_in(p, args[0], ZS_DEFLATE, &err);
    if (!z) return err;
    int res = deflateReset(&z->s);
    z->input_crc = crc32(0L, Z_NULL, 0);
    z->eos_seen = false;
    reset_input(z);
    return leave(z, zlib_result(p, res));
}

Term bif_zlib_deflateEnd_nif_1(Process *p, const Term *args)
{
    Term err;
    ZlibStream *z = enter_in(p, args[0], ZS_DEFLATE, &err);
    if (!z) return err;
    int res = deflateEnd(&z->s);
    if (res == Z_OK && z->input.size > 0) res = Z_DATA_ERROR;
    reset_input(z);
    z->state = ZS_NONE;
    return leave(z, zlib_result(p, res));
}

Term bif_zlib_deflateParams_nif_3(Process *p, const Term *args)
{
    int level, strategy;
    if (!resource_from_term(args[0], &zlib_type) || !int_arg(args[1], &level) || !int_arg(args[2], &strategy))
        return proc_badarg(p);
    Term err;
    ZlibStream *z = enter_in(p, args[0], ZS_DEFLATE, &err);
    if (!z) return err;
    /* zlib.erl has flushed everything before, so deflateParams has nothing
     * to write; a one-byte buffer tells when that does not hold. */
    Bytef spare;
    z->s.next_out = &spare;
    z->s.avail_out = 1;
    int res = deflateParams(&z->s, level, strategy);
    if (z->s.avail_out == 0) res = Z_STREAM_ERROR;
    return leave(z, zlib_result(p, res));
}

/* ---- the codec ---------------------------------------------------------------- */

typedef int (*Codec)(z_streamp, int);

/* Runs the codec over at most about input_limit bytes of the queue into
 * z->out[0..out_size), then flushes with `flush` once all input is in and
 * there is room. Stops early when the work makes a full time slice, as a
 * NIF that consumes its time slice does. */
static int run_codec(Process *p, ZlibStream *z, Codec codec, size_t input_limit, size_t out_size, int flush,
                     size_t *consumed_out, size_t *produced, size_t *remaining)
{
    int res = Z_OK;
    size_t consumed = 0, slice_percent = 0;
    z->s.next_out = z->out;
    z->s.avail_out = (uInt)out_size;
    for (size_t i = 0; res == Z_OK && i < z->input.count && consumed < input_limit; i++) {
        const ByteChunk *c = byte_queue_chunk(&z->input, i);
        size_t block = c->len < input_limit ? c->len : input_limit;
        z->s.next_in = (Bytef *)byte_chunk_bytes(c);
        z->s.avail_in = (uInt)block;
        res = codec(&z->s, Z_NO_FLUSH);
        size_t used = block - z->s.avail_in;
        consumed += used;
        if (z->want_input_crc) z->input_crc = crc32(z->input_crc, byte_chunk_bytes(c), (uInt)used);
        size_t percent = 100 * used / input_limit;
        slice_percent += percent ? percent : 1;
        if (slice_percent >= 100) break;
    }
    byte_queue_skip(&z->input, consumed);
    bif_charge_bytes(p, consumed);
    *consumed_out = consumed;
    *remaining = z->input.size;
    if (res == Z_OK && *remaining == 0 && z->s.avail_out > 0) {
        /* All input is in: flush (also with Z_NO_FLUSH, for what the last
         * call left in zlib when the output was full). */
        z->s.next_in = NULL;
        z->s.avail_in = 0;
        res = codec(&z->s, flush);
    }
    *produced = out_size - z->s.avail_out;
    return res;
}

/* One step of deflate_nif/inflate_nif: {finished, Out} when all input is
 * used and the output had room to spare, {continue, Out} when more is to
 * come, {need_dictionary, Adler, Out}; Out is [] or [Binary]. */
static Term codec_step(Process *p, ZlibStream *z, Codec codec, int input_limit, int out_size, int flush)
{
    if (out_size < 0 || input_limit <= 0) return ATOM_mem_error;
    if ((size_t)out_size > z->out_cap) {
        uint8_t *grown = realloc(z->out, out_size ? (size_t)out_size : 1);
        if (!grown) return ATOM_mem_error;
        z->out = grown;
        z->out_cap = (size_t)out_size;
    }
    size_t consumed, produced, remaining;
    int res = run_codec(p, z, codec, (size_t)input_limit, (size_t)out_size, flush, &consumed, &produced, &remaining);
    if (res < 0 && res != Z_BUF_ERROR) return zlib_result(p, res);
    if (res == Z_STREAM_END) z->eos_seen = true;
    if (z->want_output_crc) z->output_crc = crc32(z->output_crc, z->out, (uInt)produced);
    /* no progress at all: input that zlib cannot take */
    if (consumed == 0 && produced == 0 && remaining != 0) return zlib_result(p, Z_DATA_ERROR);
    Term out = TERM_NIL;
    if (produced > 0) {
        Term bin = binary_from_bytes(p, z->out, produced);
        out = term_cons(proc_alloc(p, 2), bin, TERM_NIL);
    }
    bif_charge_bytes(p, produced);
    if (remaining == 0 && produced < (size_t)out_size) return bif_tuple2(p, ATOM_finished, out);
    if (res != Z_NEED_DICT) return bif_tuple2(p, ATOM_continue, out);
    return bif_tuple3(p, ATOM_need_dictionary, term_make_small((SInt)z->s.adler), out);
}

/* The stream and sizes of deflate_nif/inflate_nif(Z, InSize, OutSize, Flush),
 * for a stream in `state`; NULL with the exception in *err otherwise. */
static ZlibStream *codec_args(Process *p, const Term *args, ZlibState state, int *in_size, int *out_size, int *flush,
                              Term *err)
{
    if (!resource_from_term(args[0], &zlib_type) || !int_arg(args[1], in_size) || !int_arg(args[2], out_size) ||
        !int_arg(args[3], flush)) {
        *err = proc_badarg(p);
        return NULL;
    }
    return enter_in(p, args[0], state, err);
}

Term bif_zlib_deflate_nif_4(Process *p, const Term *args)
{
    int in_size, out_size, flush;
    Term err;
    ZlibStream *z = codec_args(p, args, ZS_DEFLATE, &in_size, &out_size, &flush, &err);
    if (!z) return err;
    return leave(z, codec_step(p, z, deflate, in_size, out_size, flush));
}

/* ---- inflate ---------------------------------------------------------------- */

Term bif_zlib_inflateInit_nif_3(Process *p, const Term *args)
{
    int bits, eos;
    if (!resource_from_term(args[0], &zlib_type) || !int_arg(args[1], &bits) || !int_arg(args[2], &eos))
        return proc_badarg(p);
    Term err;
    ZlibStream *z = enter(p, args[0], &err);
    if (!z) return err;
    if (z->state != ZS_NONE) return leave(z, proc_error(p, ATOM_already_initialized));
    int res = inflateInit2(&z->s, bits);
    if (res == Z_OK) {
        z->state = ZS_INFLATE;
        z->eos_behavior = (EosBehavior)eos;
        z->eos_seen = false;
        z->raw = bits < 0;
        z->want_output_crc = z->raw;
        z->want_input_crc = false;
        z->input_crc = z->output_crc = crc32(0L, Z_NULL, 0);
    }
    return leave(z, zlib_result(p, res));
}

Term bif_zlib_inflateSetDictionary_nif_2(Process *p, const Term *args)
{
    uint8_t *dict;
    size_t len;
    if (!resource_from_term(args[0], &zlib_type) || !bif_iolist_copy(args[1], &dict, &len)) return proc_badarg(p);
    Term err;
    ZlibStream *z = enter_in(p, args[0], ZS_INFLATE, &err);
    if (!z) {
        free(dict);
        return err;
    }
    int res = inflateSetDictionary(&z->s, dict, (uInt)len);
    free(dict);
    return leave(z, zlib_result(p, res));
}

Term bif_zlib_inflateGetDictionary_nif_1(Process *p, const Term *args)
{
    Term err;
    ZlibStream *z = enter_in(p, args[0], ZS_INFLATE, &err);
    if (!z) return err;
    Bytef dict[32768];
    uInt len = 0;
    int res = inflateGetDictionary(&z->s, dict, &len);
    if (res < 0) return leave(z, zlib_result(p, res));
    return leave(z, binary_from_bytes(p, dict, len));
}

Term bif_zlib_inflateReset_nif_1(Process *p, const Term *args)
{
    Term err;
    ZlibStream *z = enter_in(p, args[0], ZS_INFLATE, &err);
    if (!z) return err;
    int res = inflateReset(&z->s);
    z->output_crc = crc32(0L, Z_NULL, 0);
    z->eos_seen = false;
    reset_input(z);
    return leave(z, zlib_result(p, res));
}

Term bif_zlib_inflateEnd_nif_1(Process *p, const Term *args)
{
    Term err;
    ZlibStream *z = enter_in(p, args[0], ZS_INFLATE, &err);
    if (!z) return err;
    int res = inflateEnd(&z->s);
    if (res == Z_OK && (!z->eos_seen || z->input.size > 0)) res = Z_DATA_ERROR;
    reset_input(z);
    z->state = ZS_NONE;
    return leave(z, zlib_result(p, res));
}

Term bif_zlib_inflate_nif_4(Process *p, const Term *args)
{
    int in_size, out_size, flush;
    Term err;
    ZlibStream *z = codec_args(p, args, ZS_INFLATE, &in_size, &out_size, &flush, &err);
    if (!z) return err;
    if (z->eos_seen && z->input.size > 0) {
        switch (z->eos_behavior) {
        case EOS_ERROR: return leave(z, zlib_result(p, Z_DATA_ERROR));
        case EOS_RESET: {
            int res = inflateReset(&z->s);
            if (res != Z_OK) return leave(z, zlib_result(p, res));
            z->eos_seen = false;
            break;
        }
        default: reset_input(z); break;
        }
    }
    return leave(z, codec_step(p, z, inflate, in_size, out_size, flush));
}

/* ---- the rest ---------------------------------------------------------------- */

Term bif_zlib_crc32_nif_1(Process *p, const Term *args)
{
    Term err;
    ZlibStream *z = enter(p, args[0], &err);
    if (!z) return err;
    if (z->state == ZS_DEFLATE) return leave(z, term_make_small((SInt)z->input_crc));
    if (z->state == ZS_INFLATE) return leave(z, term_make_small((SInt)z->output_crc));
    return leave(z, proc_error(p, ATOM_not_initialized));
}

Term bif_zlib_getStash_nif_1(Process *p, const Term *args)
{
    Term err;
    ZlibStream *z = enter(p, args[0], &err);
    if (!z) return err;
    if (!z->stash) return leave(z, ATOM_word_empty);
    return leave(z, bif_tuple2(p, ATOM_ok, ets_copy_to_process(p, z->stash->tuple)));
}

Term bif_zlib_clearStash_nif_1(Process *p, const Term *args)
{
    Term err;
    ZlibStream *z = enter(p, args[0], &err);
    if (!z) return err;
    if (!z->stash) return leave(z, proc_error(p, ATOM_error));
    drop_stash(z);
    return leave(z, ATOM_ok);
}

Term bif_zlib_setStash_nif_2(Process *p, const Term *args)
{
    Term err;
    ZlibStream *z = enter(p, args[0], &err);
    if (!z) return err;
    if (z->stash) return leave(z, proc_error(p, ATOM_error));
    z->stash = ets_object_new(args[1], 0, 0);
    if (!z->stash) return leave(z, proc_error(p, ATOM_system_limit));
    return leave(z, ATOM_ok);
}

Term bif_zlib_getBufSize_nif_1(Process *p, const Term *args)
{
    Term err;
    ZlibStream *z = enter(p, args[0], &err);
    if (!z) return err;
    return leave(z, term_make_small(z->chunk_buffer_size));
}

Term bif_zlib_setBufSize_nif_2(Process *p, const Term *args)
{
    Term err;
    ZlibStream *z = enter(p, args[0], &err);
    if (!z) return err;
    int size;
    if (!int_arg(args[1], &size)) return leave(z, proc_badarg(p));
    z->chunk_buffer_size = size;
    return leave(z, ATOM_ok);
}

Term bif_zlib_enqueue_nif_2(Process *p, const Term *args)
{
    Term err;
    ZlibStream *z = enter(p, args[0], &err);
    if (!z) return err;
    if (z->state != ZS_DEFLATE && z->state != ZS_INFLATE) return leave(z, proc_error(p, ATOM_not_initialized));
    if (!byte_queue_list_ok(args[1])) return leave(z, proc_badarg(p));
    if (!byte_queue_push_list(&z->input, args[1])) return leave(z, proc_error(p, ATOM_system_limit));
    return leave(z, ATOM_ok);
}
