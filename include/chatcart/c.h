/* Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
 *
 * The stable C API of chatcart (libchatcart_c.so), for hosts in any language.
 *
 *   chatcart_engine_t* engine = NULL;
 *   chatcart_session_t* session = NULL;
 *   char* err = NULL;
 *   char* result = NULL;
 *   size_t result_len = 0;
 *   const char* in = "{\"text\": \"hi\", \"time\": \"2026-11-23T10:00:00Z\"}";
 *   if (chatcart_engine_create_from_path("examples/bundles/demo", NULL, &engine, &err) ||
 *       chatcart_session_create(engine, "web-42", 6, 42, &session, &err) ||
 *       chatcart_session_handle_turn(session, CHATCART_FORMAT_JSON, in, strlen(in), &result,
 *                                    &result_len, &err)) {
 *     fprintf(stderr, "%s\n", err);       (the code says which error)
 *   }
 *   ... result holds a TurnResult in JSON: {"replies": [{"text": "Hi! ..."}], ...}
 *   chatcart_free(result);
 *   chatcart_free(err);
 *   chatcart_session_destroy(session);
 *   chatcart_engine_destroy(engine);
 *
 * examples/embed_c/ is a complete host: a chat loop over stdin.
 *
 * Limit: a process uses either libchatcart_c.so or the static C++ libraries
 * (chatcart::chatcart), not both: each carries the chatcart.v1 protobuf
 * descriptors, and loading the second copy into the process's libprotobuf
 * aborts ("File already exists in database").
 *
 * Conventions, as in leveldb's c.h:
 *  (1) Objects are opaque struct pointers, each type with a _create/_destroy
 *      pair. _destroy(NULL) is a no-op.
 *  (2) Bytes and strings in are a pointer plus a length (no NUL needed) unless
 *      a parameter says "NUL-terminated". A NULL pointer with length 0 is the
 *      empty string.
 *  (3) Errors: every fallible function returns a chatcart_code (0 is
 *      CHATCART_OK; the values equal absl::StatusCode and never change) and
 *      takes a `char** errmsg` last. errmsg may be NULL. Otherwise, on failure,
 *      the function frees the message *errmsg holds (so initialize it to NULL)
 *      and stores a new malloc'd, NUL-terminated message there, which the
 *      caller frees with chatcart_free(). On success *errmsg is left as it is,
 *      so one variable can collect the first error of a sequence of calls.
 *  (4) Booleans are uint8_t (0 false, 1 true).
 *  (5) Pointer arguments must be non-NULL unless documented otherwise. A
 *      fallible function given a NULL object, output pointer or NUL-terminated
 *      string returns CHATCART_INVALID_ARGUMENT naming the parameter (it does
 *      not crash); functions that cannot fail ignore a NULL object (setters do
 *      nothing, getters return NULL).
 *  (6) Output parameters are written only on success: on failure *engine,
 *      *session, *result and the like keep what they held.
 *  (7) Memory the library returns is owned by the caller and freed with
 *      chatcart_free() (never free(): the library may use another allocator).
 *      Borrowed pointers say how long they live.
 *  (8) No C++ exception ever crosses this API: an unexpected one becomes
 *      CHATCART_INTERNAL (or CHATCART_RESOURCE_EXHAUSTED when out of memory).
 *  (9) Thread safety, as in the C++ API: an engine is immutable and may be
 *      used from any number of threads at once; a session is used by one
 *      thread at a time (different sessions on different threads at once is
 *      fine); options are not synchronized (fill them, then share them
 *      read-only). Functions without an object are safe from any thread.
 * (10) Each function says the release that introduced it ("Since 0.1.0").
 *      Names and values of that part never change within a C ABI version
 *      (CHATCART_C_ABI_VERSION, the SONAME's number).
 * (11) The experimental part: functions named chatcart_experimental_*, declared
 *      only when the host defines CHATCART_C_EXPERIMENTAL before including this
 *      header (as zstd's ZSTD_STATIC_LINKING_ONLY), are not yet promised: their
 *      names, arguments and JSON shapes may change in any release. They are
 *      exported by every build, so opting in needs no other library.
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

/* Result codes, equal to absl::StatusCode. Never renumbered. Since 0.1.0. */
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

/* ---- Version ------------------------------------------------------------- */

/* The library's version, "MAJOR.MINOR.PATCH". Static storage: never free it.
 * Any thread. Since 0.1.0. */
CHATCART_EXPORT const char* chatcart_version_string(void);

/* The library's CHATCART_VERSION_NUMBER (MAJOR*10000 + MINOR*100 + PATCH),
 * for comparing the linked library against the headers a host compiled with.
 * Any thread. Since 0.1.0. */
CHATCART_EXPORT uint32_t chatcart_version_number(void);

/* The name of a code ("INVALID_ARGUMENT"); "UNKNOWN" for values out of range.
 * Static storage: never free it. Any thread. Since 0.1.0. */
CHATCART_EXPORT const char* chatcart_code_name(chatcart_code code);

/* ---- Memory -------------------------------------------------------------- */

/* Frees memory the library returned (error messages, results, snapshots).
 * NULL is a no-op. Any thread. Since 0.1.0. */
CHATCART_EXPORT void chatcart_free(void* ptr);

/* ---- Money --------------------------------------------------------------- */

/* Parses the plain decimal `decimal` (decimal_len bytes, e.g. "34.8") exactly
 * into minor units of the ISO 4217 `currency` (NUL-terminated, e.g. "USD")
 * and stores them in *minor_units. More decimals than the currency has
 * ("1.234" USD) is CHATCART_INVALID_ARGUMENT, never a rounding; overflow is
 * CHATCART_OUT_OF_RANGE. Any thread. Since 0.1.0. */
CHATCART_EXPORT chatcart_code chatcart_money_parse(const char* decimal, size_t decimal_len,
                                                   const char* currency, int64_t* minor_units,
                                                   char** errmsg);

/* Formats `minor_units` of `currency` for people with ICU's conventions for
 * `locale` (a NUL-terminated BCP 47 tag such as "it-IT"), storing a malloc'd
 * NUL-terminated UTF-8 string in *formatted, owned by the caller (free it
 * with chatcart_free). INVALID_ARGUMENT for an unknown currency or locale.
 * Any thread. Since 0.1.0. */
CHATCART_EXPORT chatcart_code chatcart_money_format(int64_t minor_units, const char* currency,
                                                    const char* locale, char** formatted,
                                                    char** errmsg);

/* ---- Engine -------------------------------------------------------------- */

/* A compiled bundle: immutable, safe to share across threads (see engine.h).
 * Since 0.1.0. */
typedef struct chatcart_engine_t chatcart_engine_t;
/* Options for creating an engine. Since 0.1.0. */
typedef struct chatcart_engine_options_t chatcart_engine_options_t;
/* One conversation: used by one thread at a time (see session.h). Since
 * 0.1.0. */
typedef struct chatcart_session_t chatcart_session_t;

/* How structured values cross: the protobuf JSON mapping (UTF-8 text) or
 * binary protobuf. Never renumbered; 0 is no format. Since 0.1.0. */
typedef enum chatcart_format {
  CHATCART_FORMAT_JSON = 1,
  CHATCART_FORMAT_PROTO = 2,
  /* Not a format. It makes the type as wide as a non-negative int, so that
   * any value a host passes is checked (CHATCART_INVALID_ARGUMENT) rather
   * than undefined behaviour inside the library (C++ reads an enum only in
   * its range). */
  CHATCART_FORMAT_MAX_ENUM_ = 0x7fffffff
} chatcart_format;

/* New engine options with the defaults: strict catalog loading, the bundle's
 * maximum text length. The caller owns the result (destroy it with
 * chatcart_engine_options_destroy; an engine created with it does not keep
 * it). NULL only when out of memory. Since 0.1.0. */
CHATCART_EXPORT chatcart_engine_options_t* chatcart_engine_options_create(void);
/* NULL is a no-op. Since 0.1.0. */
CHATCART_EXPORT void chatcart_engine_options_destroy(chatcart_engine_options_t* options);
/* Skip bad catalog rows instead of failing the load (0 or 1). Default: 0.
 * Since 0.1.0. */
CHATCART_EXPORT void chatcart_engine_options_set_lenient_catalog(chatcart_engine_options_t* options,
                                                                 uint8_t lenient);
/* Shopper text beyond this many characters is ignored; 0: the bundle's
 * session policy (else 2,000). Default: 0. Since 0.1.0. */
CHATCART_EXPORT void chatcart_engine_options_set_max_text_chars(chatcart_engine_options_t* options,
                                                                size_t max_chars);

/* Compiles the bundle in the NUL-terminated directory `bundle_dir`. On
 * success stores a new engine in *engine, owned by the caller (destroy it with
 * chatcart_engine_destroy). On failure the message lists every bundle error,
 * one per line, each with file:line (CHATCART_INVALID_ARGUMENT; NOT_FOUND
 * when the directory holds no bundle.textproto). `options` may be NULL (the
 * defaults); it is read during the call only. Any thread; the engine is
 * immutable and may be used from any number of threads at once. Since 0.1.0.
 *
 * Creating an engine from bundle bytes (chatcart_engine_create_from_bytes,
 * named in the design) is not yet available: the C++ API compiles a bundle
 * from a directory only (chatcart::Engine::Create). The name is reserved. */
CHATCART_EXPORT chatcart_code
chatcart_engine_create_from_path(const char* bundle_dir, const chatcart_engine_options_t* options,
                                 chatcart_engine_t** engine, char** errmsg);

/* Releases the caller's reference. Sessions created from the engine keep it
 * alive until they are destroyed too, so the order of destruction does not
 * matter. NULL is a no-op. Not while another thread uses this handle. Since
 * 0.1.0. */
CHATCART_EXPORT void chatcart_engine_destroy(chatcart_engine_t* engine);

/* The bundle's name and version ("demo", "2026-11-23.1"): NUL-terminated,
 * borrowed, valid as long as the engine handle is. NULL for a NULL engine.
 * Any thread. Since 0.1.0. */
CHATCART_EXPORT const char* chatcart_engine_bundle_name(const chatcart_engine_t* engine);
CHATCART_EXPORT const char* chatcart_engine_bundle_version(const chatcart_engine_t* engine);

/* ---- Sessions ------------------------------------------------------------ */

/* A new conversation with the host's `id` (id_len bytes; any bytes, recorded
 * in snapshots) and a seed for its generator (equal seeds and inputs replay
 * exactly). Stores it in *session, owned by the caller (destroy it with
 * chatcart_session_destroy); it holds the engine alive. Any thread (the
 * engine is shared). Since 0.1.0. */
CHATCART_EXPORT chatcart_code chatcart_session_create(const chatcart_engine_t* engine,
                                                      const char* id, size_t id_len, uint64_t seed,
                                                      chatcart_session_t** session, char** errmsg);

/* Ends a conversation (its snapshot, if taken, lives on). NULL is a no-op.
 * Since 0.1.0. */
CHATCART_EXPORT void chatcart_session_destroy(chatcart_session_t* session);

/* Handles one turn. `input` (input_len bytes) is a chatcart.v1.TurnInput in
 * `format`: in JSON, {"text": "hi", "time": "2026-11-23T10:00:00Z"} (the
 * engine reads no clock: time comes from the input). On success *result
 * receives a malloc'd chatcart.v1.TurnResult in the same format, owned by the
 * caller (free it with chatcart_free): JSON is NUL-terminated (*result_len
 * excludes the NUL; its replies are under "replies", each with its "text");
 * proto bytes are serialized deterministically (equal inputs, equal bytes)
 * and followed by a NUL that *result_len excludes. result_len may be NULL.
 * All or nothing: on failure the session is unchanged. Shopper-facing
 * problems (out of stock, an expired code) are replies, not errors. Errors:
 * INVALID_ARGUMENT for a format other than the two, input that does not
 * parse, lacks text, payload and event, or names an event the bundle does
 * not route; FAILED_PRECONDITION when the bundle's routes loop within one
 * turn. One thread at a time per session. Since 0.1.0. */
CHATCART_EXPORT chatcart_code chatcart_session_handle_turn(chatcart_session_t* session,
                                                           chatcart_format format,
                                                           const char* input, size_t input_len,
                                                           char** result, size_t* result_len,
                                                           char** errmsg);

/* The session as bytes (a chatcart.v1.SessionSnapshot with a checksum):
 * malloc'd into *bytes, *len bytes, owned by the caller (free them with
 * chatcart_free). Keep them in any store; any engine of the same bundle
 * continues the conversation (chatcart_session_restore). Reads the session:
 * not while another thread handles a turn on it. Since 0.1.0. */
CHATCART_EXPORT chatcart_code chatcart_session_snapshot(const chatcart_session_t* session,
                                                        char** bytes, size_t* len, char** errmsg);

/* Continues a conversation from snapshot bytes (`len` bytes, read during the
 * call only), storing a new session in *session, owned by the caller.
 * DATA_LOSS for truncated or corrupted bytes; FAILED_PRECONDITION for a
 * snapshot of another bundle or of a newer snapshot format. Any thread. Since
 * 0.1.0. */
CHATCART_EXPORT chatcart_code chatcart_session_restore(const chatcart_engine_t* engine,
                                                       const char* bytes, size_t len,
                                                       chatcart_session_t** session, char** errmsg);

/* ==== Experimental: may change in any release ============================ */

#ifdef CHATCART_C_EXPERIMENTAL
/* Declared only when the host defines CHATCART_C_EXPERIMENTAL (convention
 * (11)): the cart, catalog, recommender and understanding of an engine, one
 * call each, for hosts and tools that need them outside a conversation.
 * Their JSON shapes (where no chatcart.v1 message defines them) and their
 * arguments may change before they are promised. Results are malloc'd,
 * NUL-terminated, owned by the caller (free them with chatcart_free);
 * *result_len excludes the NUL and result_len may be NULL. JSON out has its
 * object keys in the protobuf JSON mapping's lowerCamelCase, sorted, so equal
 * inputs give equal text; amounts are {"minorUnits": "3499", "currency":
 * "EUR"}. Every engine call may run on any thread at once. */

/* Applies one cart command to the session's cart, as a host or an agent does
 * outside a turn (the next turns see the cart). `command` is a
 * chatcart.v1.CartCommand (cart_commands.proto) in `format`, in JSON e.g.
 * {"addLine": {"productId": "toy-farm", "quantity": 2},
 *  "actor": {"kind": "ACTOR_KIND_AGENT", "agentId": "nick-42"},
 *  "expectedVersion": "1", "idempotencyKey": "web-7",
 *  "time": "2026-11-23T10:00:00Z"}
 * (without "time" the cart's last update time stands: the engine reads no
 * clock).
 * The cart is created on first use and priced through the engine's sources
 * (the bundle catalog, or the host's). On success *response receives a
 * chatcart.v1.CartApplyResponse (cart_apply.proto) in the same format: the
 * cart, its totals, the event, the version, any order. A refused command is
 * an error, never a response, and leaves the session unchanged: ABORTED for
 * an expected_version that is not the cart's, FAILED_PRECONDITION for a rule
 * (stock, a guardrail, an expired code; a bundle without a cart policy),
 * NOT_FOUND for an unknown product, line, code or shipping method,
 * PERMISSION_DENIED, INVALID_ARGUMENT for a command that does not parse or
 * validate. A PlaceOrder joins the session's orders. One thread at a time per
 * session. Since 0.1.0 (experimental). */
CHATCART_EXPORT chatcart_code chatcart_experimental_session_apply_cart_command(
    chatcart_session_t* session, chatcart_format format, const char* command, size_t command_len,
    char** response, size_t* response_len, char** errmsg);

/* The catalog's products whose name, brand, model or searchable attributes
 * match `text` (typos and unfinished words forgiven), best first, at most
 * `limit` (0: 10; at most 1,000): {"matches": [{"brand": "Lumo", "category":
 * "Printers > Photo Printers", "id": "pr-cp400", "name": "Lumo CP-400",
 * "price": {...}, "score": 0.93}]}. FAILED_PRECONDITION for a bundle without
 * a catalog. Since 0.1.0 (experimental). */
CHATCART_EXPORT chatcart_code chatcart_experimental_catalog_find(const chatcart_engine_t* engine,
                                                                 const char* text, size_t text_len,
                                                                 uint32_t limit, char** result,
                                                                 size_t* result_len, char** errmsg);

/* The catalog's products meeting every constraint of the JSON `request`
 * {"where": ["category=Toys", "price<=40 EUR", "age_min<=6"], "limit": 20}
 * (the constraint syntax of chatcart::Constraint in catalog.h; limit
 * default 20): {"count": 7, "products": [the first `limit` in catalog
 * order, shaped as in catalog_find without "score"]}. INVALID_ARGUMENT
 * naming the key or constraint for an unknown key, a malformed constraint,
 * an unknown field or a unit that does not convert; FAILED_PRECONDITION
 * without a catalog. Since 0.1.0 (experimental). */
CHATCART_EXPORT chatcart_code chatcart_experimental_catalog_query(const chatcart_engine_t* engine,
                                                                  const char* request,
                                                                  size_t request_len, char** result,
                                                                  size_t* result_len,
                                                                  char** errmsg);

/* Product picks for the JSON `request` (chatcart::RecommendRequest in
 * recommend.h; every key optional):
 *   {"where": ["category=Toys"], "budget": {"max": "40"}, "age": 6,
 *    "containsAll": {"compatible_with": ["iphone", "windows_phone"]},
 *    "inStockOnly": true, "prefer": ["cheap_to_run", "brand=Lumo"],
 *    "reference": "pr-cp400", "critiques": ["cheaper"], "exclude": ["toy-fox"],
 *    "otherApproaches": [["category=Photo Prints"]], "top": 3, "locale": "it"}
 * Budget amounts are decimals in the store's currency. Result:
 *   {"picks": [{"id", "name", "brand", "price", "score", "reasons": [texts
 *    in the locale], "alternativeBecause": ["cheaper", "other_brand"]}],
 *    "alternative": index or -1, "matches": n, "constraints": [{"text",
 *    "phrase"}], "relaxations": [{"text", "matches"}], "explanation",
 *    "otherApproach": pick, "locale"}
 * Nothing fitting is no error: the picks are empty and "explanation" and
 * "relaxations" say what would fit. INVALID_ARGUMENT naming the key for bad
 * input (see Recommender::Recommend); FAILED_PRECONDITION without a catalog.
 * Since 0.1.0 (experimental). */
CHATCART_EXPORT chatcart_code chatcart_experimental_recommend(const chatcart_engine_t* engine,
                                                              const char* request,
                                                              size_t request_len, char** result,
                                                              size_t* result_len, char** errmsg);

/* The bundle's intent for `text`, read as `language` (NUL-terminated "en",
 * "it", "fr"; NULL: the text decides): {"confidence": 0.91, "intent":
 * "show_cart", "language": "en", "outOfScope": false, "source": "pattern" |
 * "classifier" | "none", "top": [{"confidence", "intent"}], "truncated":
 * false}. Any text has an answer (out of scope at worst);
 * FAILED_PRECONDITION for a bundle without intents. Since 0.1.0
 * (experimental). */
CHATCART_EXPORT chatcart_code chatcart_experimental_classify(const chatcart_engine_t* engine,
                                                             const char* text, size_t text_len,
                                                             const char* language, char** result,
                                                             size_t* result_len, char** errmsg);

/* The commerce entities of `text` (chatcart::EntityExtractor in entities.h,
 * with the store's currency, locales and catalog), read as `language`
 * (NUL-terminated; NULL: the store's first): {"entities": [{"type": "age",
 * "start": 14, "end": 24, "text": "6 year old", "confidence": 0.95,
 * "number": 6}, {"type": "money", ..., "money": {"kind": "under", "max":
 * {...}, "currencyStated": true}}, {"type": "colour", ..., "value": "red"}],
 * "language": "en", "truncated": false}: "number" for number, quantity,
 * ordinal and age; "money" for money; "value" for the others (a product's is
 * its id; a model's is its name, with "products": how many catalog products
 * carry it). Spans are byte offsets into `text`. Since 0.1.0 (experimental). */
CHATCART_EXPORT chatcart_code chatcart_experimental_entities(const chatcart_engine_t* engine,
                                                             const char* text, size_t text_len,
                                                             const char* language, char** result,
                                                             size_t* result_len, char** errmsg);

#endif /* CHATCART_C_EXPERIMENTAL */

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* CHATCART_C_H_ */
