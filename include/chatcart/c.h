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
 * snapshot of another bundle or of a newer snapshot format. A snapshot of an
 * earlier version of the same bundle restores, without what the new version
 * no longer has (see Engine::RestoreSession in engine.h). Any thread. Since
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
 *  "actor": {"kind": "AGENT", "agentId": "nick-42"},
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
 *    "otherApproaches": [["category=Photo Prints"]], "top": 3, "locale": "it",
 *    "ladder": "auto" | "off" | "on", "probeAt": 40}
 * Budget amounts are decimals in the store's currency. Result:
 *   {"picks": [{"id", "name", "brand", "price", "score", "reasons": [texts
 *    in the locale], "reasonDetails": [{"kind", "subject", "label", "value",
 *    "other", "versus", "text"}], "tier": "best" (ladder picks only),
 *    "alternativeBecause": ["cheaper", "other_brand"]}],
 *    "alternative": index or -1, "matches": n, "constraints": [{"text",
 *    "phrase"}], "relaxations": [{"text", "matches"}], "explanation",
 *    "otherApproach": pick, "ladder": bool, "question": {"attribute", "label",
 *    "text", "options": [{"value", "where": [constraints], "matches"}]}
 *    (only with "probeAt"), "locale"}
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
 * false, "wordSupport": true} (see IntentResult::word_support in intent.h).
 * Any text has an answer (out of scope at worst);
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
 * ordinal and age (a number also has "decimal", its exact value as a string:
 * "1.5"); "money" for money; "value" for the others (a product's is its id;
 * a model's is its name, with "products": how many catalog products carry
 * it; a list comma-joined, with "values": ["black", "blue"] and "either":
 * true when "or" joined them), and "negated": true for a value the shopper
 * excludes ("not red"). Spans are byte offsets into `text`. Since 0.1.0
 * (experimental; decimal, values, either, negated since 0.2.0). */
CHATCART_EXPORT chatcart_code chatcart_experimental_entities(const chatcart_engine_t* engine,
                                                             const char* text, size_t text_len,
                                                             const char* language, char** result,
                                                             size_t* result_len, char** errmsg);


/* ---- Stores and conversations (experimental) ----------------------------
 * include/chatcart/store.h and runtime.h through C. A store and a
 * conversations object are safe for concurrent use from any number of
 * threads; a conversations object keeps its engine and store alive, so they
 * may be destroyed in any order. */
typedef struct chatcart_store_t chatcart_store_t;
typedef struct chatcart_conversations_t chatcart_conversations_t;
struct chatcart_desk_t; /* the agent desk, below */

/* Opens the session store a URL names (NUL-terminated): "memory:",
 * "sqlite:/var/lib/shop/chat.db?durability=full", "redis://127.0.0.1:6379/0"
 * (OpenSessionStore in store.h lists the parameters). Stores it in *store,
 * owned by the caller (chatcart_experimental_store_destroy). INVALID_ARGUMENT
 * for a URL it cannot read, naming the part. Since 0.1.0 (experimental). */
CHATCART_EXPORT chatcart_code chatcart_experimental_store_open(const char* url,
                                                               chatcart_store_t** store,
                                                               char** errmsg);
/* NULL is a no-op. Since 0.1.0 (experimental). */
CHATCART_EXPORT void chatcart_experimental_store_destroy(chatcart_store_t* store);

/* Loads conversation `id`: its bytes malloc'd into *value (*value_len bytes
 * plus a NUL; free with chatcart_free) and its version into *version.
 * NOT_FOUND when there is none or it expired. Since 0.1.0 (experimental). */
CHATCART_EXPORT chatcart_code chatcart_experimental_store_load(chatcart_store_t* store,
                                                               const char* id, size_t id_len,
                                                               char** value, size_t* value_len,
                                                               int64_t* version, char** errmsg);
/* Saves `value` as conversation `id` if its stored version is
 * expected_version (0: none stored), with an optional shopper and an expiry
 * in Unix ms (0: never); the new version goes to *new_version. ABORTED when
 * another version is stored (reload and try again); nothing is written then.
 * Since 0.1.0 (experimental). */
CHATCART_EXPORT chatcart_code chatcart_experimental_store_save(
    chatcart_store_t* store, const char* id, size_t id_len, const char* shopper,
    size_t shopper_len, const char* value, size_t value_len, int64_t expected_version,
    int64_t expires_at_ms, int64_t* new_version, char** errmsg);
/* Deletes conversation `id` (OK when there is none). Since 0.1.0
 * (experimental). */
CHATCART_EXPORT chatcart_code chatcart_experimental_store_delete(chatcart_store_t* store,
                                                                 const char* id, size_t id_len,
                                                                 char** errmsg);

/* The conversation runtime over `engine` and `store`, with the default
 * options of ConversationsOptions (runtime.h). Stores it in *conversations,
 * owned by the caller. Since 0.1.0 (experimental). */
CHATCART_EXPORT chatcart_code chatcart_experimental_conversations_create(
    const chatcart_engine_t* engine, const chatcart_store_t* store,
    chatcart_conversations_t** conversations, char** errmsg);
/* NULL is a no-op. Since 0.1.0 (experimental). */
CHATCART_EXPORT void chatcart_experimental_conversations_destroy(
    chatcart_conversations_t* conversations);

/* The conversation runtime with options and an agent desk. `options_json`
 * (options_len bytes; NULL with 0 for the defaults) is a
 * chatcart.v1.ConversationsConfig in JSON: {"idleExpiryMs": "86400000",
 * "deskSkill": "sales", "deskPolicy": {"cannedReply": [...]}}; unset keys
 * keep ConversationsOptions' defaults. `desk` may be NULL (no desk); the
 * conversations object keeps it alive. INVALID_ARGUMENT for options that
 * do not parse or are out of range. Since 0.1.0 (experimental). */
CHATCART_EXPORT chatcart_code chatcart_experimental_conversations_create_with(
    const chatcart_engine_t* engine, const chatcart_store_t* store,
    const struct chatcart_desk_t* desk, const char* options_json, size_t options_len,
    chatcart_conversations_t** conversations, char** errmsg);

/* A desk call through the runtime at now_unix_ms (Conversations::
 * DeskCallJson in runtime.h): {"call": "accept", "agent": "nick",
 * "conversation": "web-42"}; "agent_message" (with "text", "messageId"),
 * "resolve", "tick" and "suggest" (the agent's suggestions, a
 * chatcart.v1.AgentSuggestions) run through the runtime; any other desk
 * call goes to the desk, with its events for shoppers delivered. *result
 * receives JSON, malloc'd with a NUL after it that *result_len excludes
 * (result_len may be NULL). FAILED_PRECONDITION for a conversations object
 * without a desk. Since 0.1.0 (experimental). */
CHATCART_EXPORT chatcart_code chatcart_experimental_conversations_desk_call(
    chatcart_conversations_t* conversations, const char* call_json, size_t call_len,
    int64_t now_unix_ms, char** result, size_t* result_len, char** errmsg);

/* Handles one message: `request` is a chatcart.v1.ConversationRequest in
 * `format` ({"conversationId": "web-42", "messageId": "m1", "turn": {"text":
 * "hi", "time": "2026-11-23T10:00:00Z"}} in JSON); *response receives a
 * chatcart.v1.ConversationResponse in the same format ({"result": {...},
 * "version": "3", "duplicate": true, ...}), malloc'd with a NUL after it
 * that *response_len excludes (response_len may be NULL). Conversations::
 * Handle's errors (ABORTED after too many conflicting saves, the store's).
 * Since 0.1.0 (experimental). */
CHATCART_EXPORT chatcart_code chatcart_experimental_conversations_handle(
    chatcart_conversations_t* conversations, chatcart_format format, const char* request,
    size_t request_len, char** response, size_t* response_len, char** errmsg);

/* The timers due at or before now_ms, at most `limit`, as a
 * chatcart.v1.DueTimerList in JSON ({"timers": [{"conversationId": "web-42",
 * "kind": "cart_abandoned", "dueUnixMs": "1795431660000"}]}), malloc'd,
 * NUL-terminated. Since 0.1.0 (experimental). */
CHATCART_EXPORT chatcart_code chatcart_experimental_conversations_due_timers(
    chatcart_conversations_t* conversations, int64_t now_ms, int32_t limit, char** json,
    size_t* json_len, char** errmsg);

/* Fires one due timer (from ..._due_timers): its response as in ..._handle
 * in JSON. NOT_FOUND when the conversation no longer waits for it. `kind` is
 * NUL-terminated. Since 0.1.0 (experimental). */
CHATCART_EXPORT chatcart_code chatcart_experimental_conversations_fire_timer(
    chatcart_conversations_t* conversations, const char* conversation_id,
    size_t conversation_id_len, const char* kind, int64_t due_unix_ms, char** response_json,
    size_t* response_len, char** errmsg);

/* Forgets one conversation, or every conversation of a shopper (their
 * number in *forgotten). Since 0.1.0 (experimental). */
CHATCART_EXPORT chatcart_code chatcart_experimental_conversations_forget(
    chatcart_conversations_t* conversations, const char* conversation_id,
    size_t conversation_id_len, char** errmsg);
CHATCART_EXPORT chatcart_code chatcart_experimental_conversations_forget_shopper(
    chatcart_conversations_t* conversations, const char* shopper, size_t shopper_len,
    int64_t* forgotten, char** errmsg);
/* ---- Channels (chatcart/channels.h): Messenger, WhatsApp, SMS, web ---- */

/* Checks the signature of a webhook of `channel` (NUL-terminated
 * "messenger", "whatsapp", "sms" or "web") and parses it. `body` is the raw
 * body (body_len bytes, exactly as received); `signature` the value of
 * X-Hub-Signature-256 (Messenger, WhatsApp) or X-Twilio-Signature (SMS), and
 * `url` the full URL Twilio requested (SMS): NUL-terminated, NULL when
 * absent. `received_ms` is when the host received it (Unix ms; the time of
 * SMS messages). `credentials` is NUL-terminated JSON {"metaAppSecret",
 * "metaVerifyToken", "twilioAuthToken", "skipSignatureCheck": false} (NULL:
 * none, so a signed channel fails). Result: {"messages": [{"channel",
 * "kind": "message"|"referral"|"delivery"|"read", "account", "shopper",
 * "messageId", "timeMs", "input": TurnInput JSON}], "ignored": [{"what",
 * "why"}]}. RESOURCE_EXHAUSTED for a body over 1 MiB, UNAUTHENTICATED for
 * a missing or wrong signature, FAILED_PRECONDITION when the credential it
 * needs is empty, INVALID_ARGUMENT for malformed or truncated input. Any
 * thread. Since 0.1.0 (experimental). */
CHATCART_EXPORT chatcart_code chatcart_experimental_channel_parse(
    const char* channel, const char* body, size_t body_len, const char* signature,
    const char* url, int64_t received_ms, const char* credentials, char** result,
    size_t* result_len, char** errmsg);

/* Applies the channel's rules to one message of channel_parse's result
 * (`message`, its JSON object) and the conversation's channel state
 * (`state`, state_len bytes of a chatcart.v1.ChannelState the host keeps;
 * empty for a new conversation): duplicates, the 24-hour window, SMS STOP /
 * START / HELP / MORE and the bundle's keywords. `engine` (may be NULL)
 * gives the bundle's channel policy; `store_name` (NUL-terminated, may be
 * NULL) names the store in SMS replies. On success *new_state receives the
 * updated state bytes (store them) and *result {"duplicate", "forward",
 * "input": TurnInput JSON to hand the session when forward, "reply": SMS
 * text to send instead (absent when none), "keyword"}. Both malloc'd, owned
 * by the caller. Since 0.1.0 (experimental). */
CHATCART_EXPORT chatcart_code chatcart_experimental_channel_observe(
    const chatcart_engine_t* engine, const char* message, size_t message_len,
    const char* store_name, const char* state, size_t state_len, char** new_state,
    size_t* new_state_len, char** result, size_t* result_len, char** errmsg);

/* Renders a TurnResult (`turn_result`, protobuf JSON) for a channel as the
 * platform's API requests, within its limits. `request` is JSON {"channel",
 * "shopper", "account" (SMS: the sending number), "nowMs", "purpose":
 * "response"|"proactive"|"human_agent", "event": {"kind", "param"} (what
 * started a proactive turn), "smsMaxSegments": 3}. `state` as in observe.
 * Result: {"messages": [{"body", "contentType", "smsText", "smsEncoding",
 * "smsSegments", "adjustments": [what was changed to fit]}]} to send in
 * order, and *new_state. FAILED_PRECONDITION naming the rule for a message
 * the platform would refuse (outside the 24-hour window without a tag or a
 * bundle template; SMS to a shopper who opted out). Since 0.1.0
 * (experimental). */
CHATCART_EXPORT chatcart_code chatcart_experimental_channel_render(
    const chatcart_engine_t* engine, const char* request, size_t request_len,
    const char* turn_result, size_t turn_result_len, const char* state, size_t state_len,
    char** new_state, size_t* new_state_len, char** result, size_t* result_len, char** errmsg);

/* Meta's subscribe handshake: `query` is the GET's raw query string
 * (hub.mode=subscribe&hub.verify_token=...&hub.challenge=...); on success
 * *challenge receives the challenge to answer with (malloc'd,
 * NUL-terminated). PERMISSION_DENIED for a token other than `verify_token`
 * (NUL-terminated). Any thread. Since 0.1.0 (experimental). */
CHATCART_EXPORT chatcart_code chatcart_experimental_channel_answer_subscribe(
    const char* query, size_t query_len, const char* verify_token, char** challenge,
    char** errmsg);

/* ---- The agent desk (chatcart/desk.h) ---------------------------------- */

/* A desk over an in-memory store: thread-safe (any number of threads may
 * call it at once). Since 0.1.0 (experimental). */
typedef struct chatcart_desk_t chatcart_desk_t;

/* A new desk. `policy_json` (policy_len bytes; NULL with 0 for the defaults)
 * is a chatcart.v1.DeskPolicy in JSON, e.g. {"defaultCapacity": 4,
 * "routing": "round_robin", "offerTimeoutSeconds": 30, "maxQueueLength":
 * 50, "maxQueueWaitSeconds": 600}. The caller owns *desk (destroy it with
 * chatcart_experimental_desk_destroy). INVALID_ARGUMENT for JSON that does
 * not parse or values out of range. Since 0.1.0 (experimental). */
CHATCART_EXPORT chatcart_code chatcart_experimental_desk_create(const char* policy_json,
                                                                size_t policy_len,
                                                                chatcart_desk_t** desk,
                                                                char** errmsg);
/* NULL is a no-op. Since 0.1.0 (experimental). */
CHATCART_EXPORT void chatcart_experimental_desk_destroy(chatcart_desk_t* desk);

/* One desk call at `now_unix_ms` (the desk reads no clock): `call_json` is
 * {"call": "request_agent", "conversation": "web-42", "language": "en"},
 * {"call": "accept", "agent": "nick", "conversation": "web-42"}, ... (every
 * call and key of chatcart::Desk::CallJson in desk.h). *result receives the
 * call's message in the protobuf JSON mapping (a chatcart.v1.DeskUpdate for
 * calls that change something: {"conversation": {...}, "events": [{"kind":
 * "AGENT_JOINED", "to": "SHOPPER", "text": "Nick has joined. ..."}]}),
 * malloc'd, NUL-terminated, owned by the caller. Errors as the call's:
 * NOT_FOUND, FAILED_PRECONDITION, INVALID_ARGUMENT, OUT_OF_RANGE (time went
 * backwards); a failed call changes nothing. Since 0.1.0 (experimental). */
CHATCART_EXPORT chatcart_code chatcart_experimental_desk_call(chatcart_desk_t* desk,
                                                              const char* call_json,
                                                              size_t call_len, int64_t now_unix_ms,
                                                              char** result, size_t* result_len,
                                                              char** errmsg);

/* `text` with cards, IBANs, e-mails and phones masked (chatcart/redact.h),
 * malloc'd into *result, NUL-terminated. `language` is NUL-terminated "en",
 * "it", "fr" or NULL (all). Any thread. Since 0.1.0 (experimental). */
CHATCART_EXPORT chatcart_code chatcart_experimental_redact(const char* text, size_t text_len,
                                                           const char* language, char** result,
                                                           size_t* result_len, char** errmsg);

/* Erlang C for `agents` (> 0), or, with agents 0, the fewest agents whose
 * average answer is at most `target_answer_s`: writes the agents, P(wait),
 * the average answer in seconds and the share answered within
 * `answer_within_s`. INVALID_ARGUMENT for values that are not positive or a
 * load the agents cannot carry. Any thread. Since 0.1.0 (experimental). */
CHATCART_EXPORT chatcart_code chatcart_experimental_erlang_c(double arrivals_per_hour,
                                                             double handle_time_s, int32_t agents,
                                                             double target_answer_s,
                                                             double answer_within_s,
                                                             int32_t* agents_out, double* p_wait,
                                                             double* average_answer_s,
                                                             double* service_level, char** errmsg);

#endif /* CHATCART_C_EXPERIMENTAL */

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* CHATCART_C_H_ */
