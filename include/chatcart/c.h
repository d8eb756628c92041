/* Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
 *
 * The stable C API of chatcart (libchatcart_c.so), for hosts in any language.
 *
 * Conventions, as in leveldb's c.h:
 *  (1) Objects are opaque struct pointers, each type with a _create/_destroy
 *      pair. _destroy(NULL) is a no-op.
 *  (2) Bytes and strings in are a pointer plus a length (no NUL needed) unless
 *      a parameter says "NUL-terminated".
 *  (3) Errors: every fallible function returns a chatcart_code (0 is
 *      CHATCART_OK; the values equal absl::StatusCode and never change) and
 *      takes a `char** errmsg` last. errmsg may be NULL. Otherwise, on failure,
 *      the function frees the message *errmsg holds (so initialize it to NULL)
 *      and stores a new malloc'd, NUL-terminated message there, which the
 *      caller frees with chatcart_free(). On success *errmsg is left as it is.
 *  (4) Booleans are uint8_t (0 false, 1 true).
 *  (5) Pointer arguments must be non-NULL unless documented otherwise.
 *  (6) Memory the library returns is owned by the caller and freed with
 *      chatcart_free(). Borrowed pointers say how long they live.
 *  (7) No C++ exception ever crosses this API: an unexpected one becomes
 *      CHATCART_INTERNAL (or CHATCART_RESOURCE_EXHAUSTED when out of memory).
 *  (8) Thread safety: functions without an object are safe to call from any
 *      thread at any time.
 *  (9) Each function says the release that introduced it. Functions below the
 *      CHATCART_C_EXPERIMENTAL fence are not yet promised and may change.
 */

#ifndef CHATCART_C_H_
#define CHATCART_C_H_

#include <stddef.h>
#include <stdint.h>

#include "chatcart/export.h"
#include "chatcart/version.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Result codes, equal to absl::StatusCode. Never renumbered. */
typedef enum chatcart_code {
  CHATCART_OK = 0,
  CHATCART_CANCELLED = 1,
  CHATCART_UNKNOWN = 2,
  CHATCART_INVALID_ARGUMENT = 3,
  CHATCART_DEADLINE_EXCEEDED = 4,
  CHATCART_NOT_FOUND = 5,
  CHATCART_ALREADY_EXISTS = 6,
  CHATCART_PERMISSION_DENIED = 7,
  CHATCART_RESOURCE_EXHAUSTED = 8,
  CHATCART_FAILED_PRECONDITION = 9,
  CHATCART_ABORTED = 10,
  CHATCART_OUT_OF_RANGE = 11,
  CHATCART_UNIMPLEMENTED = 12,
  CHATCART_INTERNAL = 13,
  CHATCART_UNAVAILABLE = 14,
  CHATCART_DATA_LOSS = 15,
  CHATCART_UNAUTHENTICATED = 16
} chatcart_code;

/* ---- Version (since 0.1.0) ---------------------------------------------- */

/* The library's version, "MAJOR.MINOR.PATCH". Static storage: never free it. */
CHATCART_EXPORT const char* chatcart_version_string(void);

/* The library's CHATCART_VERSION_NUMBER (MAJOR*10000 + MINOR*100 + PATCH),
 * for comparing the linked library against the headers a host compiled with. */
CHATCART_EXPORT uint32_t chatcart_version_number(void);

/* The name of a code ("INVALID_ARGUMENT"); "UNKNOWN" for values out of range.
 * Static storage: never free it. */
CHATCART_EXPORT const char* chatcart_code_name(chatcart_code code);

/* ---- Memory (since 0.1.0) ----------------------------------------------- */

/* Frees memory the library returned (error messages, results). NULL is a
 * no-op. */
CHATCART_EXPORT void chatcart_free(void* ptr);

/* ---- Money (since 0.1.0) ------------------------------------------------ */

/* Parses the plain decimal `decimal` (e.g. "34.8") exactly into minor units of
 * the ISO 4217 `currency` (NUL-terminated, e.g. "USD") and stores them in
 * *minor_units. More decimals than the currency has ("1.234" USD) is
 * CHATCART_INVALID_ARGUMENT, never a rounding; overflow is
 * CHATCART_OUT_OF_RANGE. On failure *minor_units is unchanged. */
CHATCART_EXPORT chatcart_code chatcart_money_parse(const char* decimal, size_t decimal_len,
                                                   const char* currency, int64_t* minor_units,
                                                   char** errmsg);

/* Formats `minor_units` of `currency` for people with ICU's conventions for
 * `locale` (a NUL-terminated BCP 47 tag such as "it-IT"), storing a malloc'd
 * NUL-terminated UTF-8 string in *formatted, which the caller frees with
 * chatcart_free(). */
CHATCART_EXPORT chatcart_code chatcart_money_format(int64_t minor_units, const char* currency,
                                                    const char* locale, char** formatted,
                                                    char** errmsg);

/* ---- Engine (since 0.1.0) ----------------------------------------------- */

/* A compiled bundle: immutable, safe to share across threads (see engine.h). */
typedef struct chatcart_engine_t chatcart_engine_t;
/* Options for creating an engine; NULL means the defaults. */
typedef struct chatcart_engine_options_t chatcart_engine_options_t;
/* One conversation: used by one thread at a time (see session.h). */
typedef struct chatcart_session_t chatcart_session_t;

/* How structured values cross: the protobuf JSON mapping or binary protobuf.
 * Never renumbered. */
typedef enum chatcart_format {
  CHATCART_FORMAT_JSON = 1,
  CHATCART_FORMAT_PROTO = 2
} chatcart_format;

/* Engine options. The caller owns the result; destroy with
 * chatcart_engine_options_destroy. Defaults: strict catalog loading, the
 * bundle's maximum text length. */
CHATCART_EXPORT chatcart_engine_options_t* chatcart_engine_options_create(void);
CHATCART_EXPORT void chatcart_engine_options_destroy(chatcart_engine_options_t* options);
/* Skip bad catalog rows instead of failing the load (0 or 1). */
CHATCART_EXPORT void chatcart_engine_options_set_lenient_catalog(
    chatcart_engine_options_t* options, uint8_t lenient);
/* Shopper text beyond this many characters is ignored; 0: the bundle's. */
CHATCART_EXPORT void chatcart_engine_options_set_max_text_chars(
    chatcart_engine_options_t* options, size_t max_chars);

/* Compiles the bundle in the NUL-terminated directory `bundle_dir`. On
 * success stores a new engine in *engine (the caller owns it: destroy with
 * chatcart_engine_destroy). On failure the message lists every bundle error,
 * one per line, each with file:line (CHATCART_INVALID_ARGUMENT; NOT_FOUND
 * when there is no bundle). `options` may be NULL. The engine is immutable and
 * may be used from any number of threads at once. */
CHATCART_EXPORT chatcart_code chatcart_engine_create_from_path(
    const char* bundle_dir, const chatcart_engine_options_t* options,
    chatcart_engine_t** engine, char** errmsg);

/* Releases the caller's reference. Sessions created from the engine keep it
 * alive until they are destroyed too. NULL is a no-op. */
CHATCART_EXPORT void chatcart_engine_destroy(chatcart_engine_t* engine);

/* The bundle's name and version ("demo", "2026-11-23.1"): valid as long as
 * the engine is. */
CHATCART_EXPORT const char* chatcart_engine_bundle_name(const chatcart_engine_t* engine);
CHATCART_EXPORT const char* chatcart_engine_bundle_version(const chatcart_engine_t* engine);

/* ---- Sessions (since 0.1.0) --------------------------------------------- */

/* A new conversation with the host's `id` (id_len bytes) and a seed for its
 * generator (equal seeds and inputs replay exactly). The caller owns
 * *session: destroy with chatcart_session_destroy. */
CHATCART_EXPORT chatcart_code chatcart_session_create(const chatcart_engine_t* engine,
                                                      const char* id, size_t id_len,
                                                      uint64_t seed,
                                                      chatcart_session_t** session,
                                                      char** errmsg);

CHATCART_EXPORT void chatcart_session_destroy(chatcart_session_t* session);

/* Handles one turn. `input` (input_len bytes) is a chatcart.v1.TurnInput in
 * `format`: in JSON, {"text": "hi", "time": "2026-11-23T10:00:00Z"}. On
 * success *result receives a malloc'd chatcart.v1.TurnResult in the same
 * format (JSON is NUL-terminated; *result_len excludes the NUL), which the
 * caller frees with chatcart_free. All or nothing: on failure the session is
 * unchanged. Errors: INVALID_ARGUMENT for input that does not parse, lacks
 * text, payload and event, or names an event the bundle does not route. */
CHATCART_EXPORT chatcart_code chatcart_session_handle_turn(chatcart_session_t* session,
                                                           chatcart_format format,
                                                           const char* input, size_t input_len,
                                                           char** result, size_t* result_len,
                                                           char** errmsg);

/* The session as bytes (a chatcart.v1.SessionSnapshot): malloc'd into
 * *bytes, *len bytes, freed with chatcart_free. Keep them in any store; any
 * engine of the same bundle continues the conversation. */
CHATCART_EXPORT chatcart_code chatcart_session_snapshot(const chatcart_session_t* session,
                                                        char** bytes, size_t* len,
                                                        char** errmsg);

/* Continues a conversation from snapshot bytes. DATA_LOSS for truncated or
 * corrupted bytes; FAILED_PRECONDITION for a snapshot of another bundle. The
 * caller owns *session. */
CHATCART_EXPORT chatcart_code chatcart_session_restore(const chatcart_engine_t* engine,
                                                       const char* bytes, size_t len,
                                                       chatcart_session_t** session,
                                                       char** errmsg);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* CHATCART_C_H_ */
