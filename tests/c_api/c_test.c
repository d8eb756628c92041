/* Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
 *
 * The C API exercised from C, in the style of leveldb's db/c_test.c: compiled
 * as C (not C++), linked against the shared libchatcart_c.so, covering every
 * function and its error paths. Exits non-zero on the first failure.
 *
 *   c_api_c_test [DEMO_BUNDLE_DIR [BARE_BUNDLE_DIR]]
 *
 * Without the demo bundle only the calls without an engine run; the bare
 * bundle (no catalog, intents or cart policy: tests/c_api/testdata/bare)
 * checks that the calls needing them say so. */

#define _POSIX_C_SOURCE 200809L /* pthreads */
/* The experimental part too (c.h convention (11)). */
#define CHATCART_C_EXPERIMENTAL
#include "chatcart/c.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char* phase = "";

static void StartPhase(const char* name) {
  fprintf(stderr, "=== Test %s\n", name);
  phase = name;
}

#define CheckCondition(cond)                                                \
  do {                                                                      \
    if (!(cond)) {                                                          \
      fprintf(stderr, "%s:%d: %s: %s\n", __FILE__, __LINE__, phase, #cond); \
      abort();                                                              \
    }                                                                       \
  } while (0)

#define CheckNoError(code, err)                                                                   \
  do {                                                                                            \
    if ((code) != CHATCART_OK) {                                                                  \
      fprintf(stderr, "%s:%d: %s: %s: %s\n", __FILE__, __LINE__, phase, chatcart_code_name(code), \
              (err) ? (err) : "(no message)");                                                    \
      abort();                                                                                    \
    }                                                                                             \
  } while (0)

static void CheckEqual(const char* expected, const char* actual) {
  if (strcmp(expected, actual) != 0) {
    fprintf(stderr, "%s: expected \"%s\", got \"%s\"\n", phase, expected, actual);
    abort();
  }
}

static void TestVersion(void) {
  StartPhase("version");
  CheckEqual(CHATCART_VERSION_STRING, chatcart_version_string());
  CheckCondition(chatcart_version_number() == CHATCART_VERSION_NUMBER);
  CheckCondition(CHATCART_VERSION_NUMBER == CHATCART_VERSION_MAJOR * 10000 +
                                                CHATCART_VERSION_MINOR * 100 +
                                                CHATCART_VERSION_PATCH);
}

static void TestCodes(void) {
  StartPhase("codes");
  CheckCondition(CHATCART_OK == 0);
  CheckCondition(CHATCART_INVALID_ARGUMENT == 3);
  CheckCondition(CHATCART_ABORTED == 10);
  CheckCondition(CHATCART_UNAUTHENTICATED == 16);
  CheckEqual("OK", chatcart_code_name(CHATCART_OK));
  CheckEqual("FAILED_PRECONDITION", chatcart_code_name(CHATCART_FAILED_PRECONDITION));
  CheckEqual("UNKNOWN", chatcart_code_name((chatcart_code)99));
}

static void TestMoney(void) {
  char* err = NULL;
  int64_t minor = -1;
  char* text = NULL;
  chatcart_code code;

  StartPhase("money_parse");
  code = chatcart_money_parse("34.8", 4, "USD", &minor, &err);
  CheckNoError(code, err);
  CheckCondition(minor == 3480);
  CheckCondition(err == NULL);
  /* Not NUL-terminated: only the first 2 bytes count. */
  code = chatcart_money_parse("125", 2, "JPY", &minor, &err);
  CheckNoError(code, err);
  CheckCondition(minor == 12);

  StartPhase("money_parse_errors");
  minor = 777;
  code = chatcart_money_parse("1.234", 5, "USD", &minor, &err);
  CheckCondition(code == CHATCART_INVALID_ARGUMENT);
  CheckCondition(err != NULL && strstr(err, "1.234") != NULL);
  CheckCondition(minor == 777); /* unchanged on failure */
  /* A second failure frees the first message and stores a new one. */
  code = chatcart_money_parse("1", 1, "QQQ", &minor, &err);
  CheckCondition(code == CHATCART_INVALID_ARGUMENT);
  CheckCondition(strstr(err, "QQQ") != NULL);
  chatcart_free(err);
  err = NULL;
  code = chatcart_money_parse("99999999999999999999", 20, "USD", &minor, &err);
  CheckCondition(code == CHATCART_OUT_OF_RANGE);
  chatcart_free(err);
  err = NULL;
  /* errmsg may be NULL. */
  code = chatcart_money_parse("abc", 3, "USD", &minor, NULL);
  CheckCondition(code == CHATCART_INVALID_ARGUMENT);

  StartPhase("money_format");
  code = chatcart_money_format(123456, "USD", "en-US", &text, &err);
  CheckNoError(code, err);
  CheckEqual("$1,234.56", text);
  chatcart_free(text);
  text = NULL;
  code = chatcart_money_format(123456, "EUR", "it-IT", &text, &err);
  CheckNoError(code, err);
  CheckEqual("1.234,56\xc2\xa0\xe2\x82\xac", text);
  chatcart_free(text);
  text = NULL;

  StartPhase("money_format_errors");
  code = chatcart_money_format(1, "usd", "en-US", &text, &err);
  CheckCondition(code == CHATCART_INVALID_ARGUMENT);
  CheckCondition(text == NULL);
  chatcart_free(err);
  err = NULL;
  code = chatcart_money_format(1, "USD", "not a locale!", &text, &err);
  CheckCondition(code == CHATCART_INVALID_ARGUMENT);
  CheckCondition(strstr(err, "locale") != NULL);
  chatcart_free(err);
  err = NULL;
}

/* Expects `code` with a message containing `needle`; frees and resets *err. */
static void CheckError(chatcart_code expected, chatcart_code code, char** err, const char* needle,
                       int line) {
  if (code != expected) {
    fprintf(stderr, "c_test.c:%d: %s: expected %s, got %s: %s\n", line, phase,
            chatcart_code_name(expected), chatcart_code_name(code), *err ? *err : "(no message)");
    abort();
  }
  if (*err == NULL || strstr(*err, needle) == NULL) {
    fprintf(stderr, "c_test.c:%d: %s: message \"%s\" lacks \"%s\"\n", line, phase,
            *err ? *err : "(none)", needle);
    abort();
  }
  chatcart_free(*err);
  *err = NULL;
}
#define CheckErrorCode(expected, code, err, needle) \
  CheckError(expected, code, &(err), needle, __LINE__)

static void TestMoneyNullArguments(void) {
  char* err = NULL;
  int64_t minor = 5;
  char* text = NULL;

  StartPhase("money_null_arguments");
  CheckErrorCode(CHATCART_INVALID_ARGUMENT, chatcart_money_parse(NULL, 3, "USD", &minor, &err), err,
                 "decimal is NULL");
  CheckErrorCode(CHATCART_INVALID_ARGUMENT, chatcart_money_parse("1", 1, NULL, &minor, &err), err,
                 "currency is NULL");
  CheckErrorCode(CHATCART_INVALID_ARGUMENT, chatcart_money_parse("1", 1, "USD", NULL, &err), err,
                 "minor_units is NULL");
  /* NULL with length 0 is the empty string, which is no amount. */
  CheckErrorCode(CHATCART_INVALID_ARGUMENT, chatcart_money_parse(NULL, 0, "USD", &minor, &err), err,
                 "");
  CheckCondition(minor == 5);
  CheckErrorCode(CHATCART_INVALID_ARGUMENT, chatcart_money_format(1, NULL, "en", &text, &err), err,
                 "currency is NULL");
  CheckErrorCode(CHATCART_INVALID_ARGUMENT, chatcart_money_format(1, "USD", NULL, &text, &err), err,
                 "locale is NULL");
  CheckErrorCode(CHATCART_INVALID_ARGUMENT, chatcart_money_format(1, "USD", "en", NULL, &err), err,
                 "formatted is NULL");
  CheckCondition(text == NULL);
}

static void TestEngine(const char* bundle_dir) {
  char* err = NULL;
  chatcart_code code;
  chatcart_engine_t* engine = NULL;
  chatcart_engine_t* lenient = NULL;
  chatcart_engine_options_t* options = NULL;
  chatcart_session_t* session = NULL;
  chatcart_session_t* restored = NULL;
  chatcart_session_t* untouched = (chatcart_session_t*)&err; /* a sentinel, never used */
  char* result = NULL;
  size_t result_len = 0;
  char* again = NULL;
  size_t again_len = 0;
  char* snapshot = NULL;
  size_t snapshot_len = 0;
  char* snapshot2 = NULL;
  size_t snapshot2_len = 0;
  char* corrupted = NULL;
  size_t i;
  int bit;
  const char* hi = "{\"text\": \"hi\", \"time\": \"2026-11-23T10:00:00Z\"}";
  const char* gift = "{\"text\": \"a gift for my 6 year old\", \"time\": \"2026-11-23T10:01:00Z\"}";
  /* TurnInput{text: "hi", time: {seconds: 1795428000}} in binary protobuf. */
  const char hi_proto[] = "\x0a\x02hi\x22\x06\x08\xa0\xf1\x8a\xd7\x06";
  const size_t hi_proto_len = sizeof(hi_proto) - 1;

  StartPhase("engine_create_errors");
  code = chatcart_engine_create_from_path("/no/such/bundle", NULL, &engine, &err);
  CheckCondition(engine == NULL);
  CheckErrorCode(CHATCART_NOT_FOUND, code, err, "bundle.textproto");
  CheckErrorCode(CHATCART_INVALID_ARGUMENT,
                 chatcart_engine_create_from_path(NULL, NULL, &engine, &err), err,
                 "bundle_dir is NULL");
  CheckErrorCode(CHATCART_INVALID_ARGUMENT,
                 chatcart_engine_create_from_path(bundle_dir, NULL, NULL, &err), err,
                 "engine is NULL");
  /* errmsg may be NULL. */
  CheckCondition(chatcart_engine_create_from_path("/no/such/bundle", NULL, &engine, NULL) ==
                 CHATCART_NOT_FOUND);
  CheckCondition(engine == NULL);

  StartPhase("engine_options");
  options = chatcart_engine_options_create();
  CheckCondition(options != NULL);
  chatcart_engine_options_set_lenient_catalog(options, 1);
  chatcart_engine_options_set_max_text_chars(options, 5);
  chatcart_engine_options_set_lenient_catalog(NULL, 1); /* ignored */
  chatcart_engine_options_set_max_text_chars(NULL, 5);  /* ignored */
  code = chatcart_engine_create_from_path(bundle_dir, options, &lenient, &err);
  CheckNoError(code, err);
  chatcart_engine_options_destroy(options); /* the engine does not keep it */

  StartPhase("engine_create");
  code = chatcart_engine_create_from_path(bundle_dir, NULL, &engine, &err);
  CheckNoError(code, err);
  CheckCondition(engine != NULL);
  CheckEqual("demo", chatcart_engine_bundle_name(engine));
  CheckCondition(strlen(chatcart_engine_bundle_version(engine)) > 0);
  CheckCondition(chatcart_engine_bundle_name(NULL) == NULL);
  CheckCondition(chatcart_engine_bundle_version(NULL) == NULL);

  StartPhase("session_create_errors");
  CheckErrorCode(CHATCART_INVALID_ARGUMENT,
                 chatcart_session_create(NULL, "x", 1, 1, &session, &err), err, "engine is NULL");
  CheckErrorCode(CHATCART_INVALID_ARGUMENT,
                 chatcart_session_create(engine, NULL, 3, 1, &session, &err), err,
                 "id is NULL but its length is 3");
  CheckErrorCode(CHATCART_INVALID_ARGUMENT, chatcart_session_create(engine, "x", 1, 1, NULL, &err),
                 err, "session is NULL");
  CheckCondition(session == NULL);
  /* A NULL id of length 0 is the empty id. */
  code = chatcart_session_create(engine, NULL, 0, 1, &session, &err);
  CheckNoError(code, err);
  chatcart_session_destroy(session);
  session = NULL;

  StartPhase("session_turn_json");
  code = chatcart_session_create(engine, "c-test", 6, 42, &session, &err);
  CheckNoError(code, err);
  code = chatcart_session_handle_turn(session, CHATCART_FORMAT_JSON, hi, strlen(hi), &result,
                                      &result_len, &err);
  CheckNoError(code, err);
  CheckCondition(result_len == strlen(result));
  CheckCondition(strstr(result, "\"replies\":[{\"text\":\"") != NULL);
  chatcart_free(result);
  result = NULL;

  StartPhase("session_turn_proto");
  /* Equal seeds and inputs give equal bytes; result_len may be NULL. */
  code = chatcart_session_create(engine, "p", 1, 42, &restored, &err);
  CheckNoError(code, err);
  code = chatcart_session_handle_turn(restored, CHATCART_FORMAT_PROTO, hi_proto, hi_proto_len,
                                      &result, &result_len, &err);
  CheckNoError(code, err);
  CheckCondition(result_len > 4);
  CheckCondition(result[0] == 0x0a); /* field 1 (replies), length-delimited */
  CheckCondition(result[result_len] == '\0');
  chatcart_session_destroy(restored);
  restored = NULL;
  code = chatcart_session_create(engine, "p", 1, 42, &restored, &err);
  CheckNoError(code, err);
  code = chatcart_session_handle_turn(restored, CHATCART_FORMAT_PROTO, hi_proto, hi_proto_len,
                                      &again, NULL, &err);
  CheckNoError(code, err);
  CheckCondition(memcmp(result, again, result_len) == 0);
  chatcart_free(result);
  chatcart_free(again);
  result = NULL;
  again = NULL;
  chatcart_session_destroy(restored);
  restored = NULL;

  StartPhase("session_turn_errors");
  CheckErrorCode(CHATCART_INVALID_ARGUMENT,
                 chatcart_session_handle_turn(session, CHATCART_FORMAT_JSON, "{not json", 9,
                                              &result, &result_len, &err),
                 err, "turn input");
  CheckErrorCode(CHATCART_INVALID_ARGUMENT,
                 chatcart_session_handle_turn(session, CHATCART_FORMAT_JSON, "{\"txt\": \"hi\"}",
                                              13, &result, &result_len, &err),
                 err, "txt");
  CheckErrorCode(CHATCART_INVALID_ARGUMENT,
                 chatcart_session_handle_turn(session, CHATCART_FORMAT_JSON, "{}", 2, &result,
                                              &result_len, &err),
                 err, "needs text");
  CheckErrorCode(CHATCART_INVALID_ARGUMENT,
                 chatcart_session_handle_turn(session, CHATCART_FORMAT_PROTO, "\xff\xff", 2,
                                              &result, &result_len, &err),
                 err, "binary protobuf");
  /* A valid JSON input is no valid proto, and the reverse. */
  CheckErrorCode(CHATCART_INVALID_ARGUMENT,
                 chatcart_session_handle_turn(session, CHATCART_FORMAT_PROTO, hi, strlen(hi),
                                              &result, &result_len, &err),
                 err, "binary protobuf");
  CheckErrorCode(CHATCART_INVALID_ARGUMENT,
                 chatcart_session_handle_turn(session, CHATCART_FORMAT_JSON, hi_proto, hi_proto_len,
                                              &result, &result_len, &err),
                 err, "turn input");
  CheckErrorCode(CHATCART_INVALID_ARGUMENT,
                 chatcart_session_handle_turn(session, (chatcart_format)0, hi, strlen(hi), &result,
                                              &result_len, &err),
                 err, "format 0 is neither");
  CheckErrorCode(CHATCART_INVALID_ARGUMENT,
                 chatcart_session_handle_turn(session, (chatcart_format)3, hi, strlen(hi), &result,
                                              &result_len, &err),
                 err, "format 3");
  /* Inputs over the limits of chatcart/limits.h (#22): RESOURCE_EXHAUSTED
     naming the limit, the session unchanged. */
  {
    const size_t over_json = ((size_t)1 << 20) + 1;      /* kMaxJsonBytes + 1 */
    const size_t over_snapshot = ((size_t)16 << 20) + 1; /* kMaxSnapshotBytes + 1 */
    char* big = (char*)malloc(over_snapshot);
    CheckCondition(big != NULL);
    memset(big, ' ', over_snapshot);
    memcpy(big, hi, strlen(hi));
    CheckErrorCode(CHATCART_RESOURCE_EXHAUSTED,
                   chatcart_session_handle_turn(session, CHATCART_FORMAT_JSON, big, over_json,
                                                &result, &result_len, &err),
                   err, "kMaxJsonBytes");
    CheckErrorCode(CHATCART_RESOURCE_EXHAUSTED,
                   chatcart_session_handle_turn(session, CHATCART_FORMAT_PROTO, big, over_json,
                                                &result, &result_len, &err),
                   err, "kMaxProtoBytes");
    CheckErrorCode(CHATCART_RESOURCE_EXHAUSTED,
                   chatcart_session_restore(engine, big, over_snapshot, &restored, &err), err,
                   "kMaxSnapshotBytes");
    free(big);
  }
  CheckErrorCode(CHATCART_INVALID_ARGUMENT,
                 chatcart_session_handle_turn(NULL, CHATCART_FORMAT_JSON, hi, strlen(hi), &result,
                                              &result_len, &err),
                 err, "session is NULL");
  CheckErrorCode(CHATCART_INVALID_ARGUMENT,
                 chatcart_session_handle_turn(session, CHATCART_FORMAT_JSON, NULL, 4, &result,
                                              &result_len, &err),
                 err, "input is NULL but its length is 4");
  CheckErrorCode(CHATCART_INVALID_ARGUMENT,
                 chatcart_session_handle_turn(session, CHATCART_FORMAT_JSON, NULL, 0, &result,
                                              &result_len, &err),
                 err, "turn input");
  CheckErrorCode(CHATCART_INVALID_ARGUMENT,
                 chatcart_session_handle_turn(session, CHATCART_FORMAT_JSON, hi, strlen(hi), NULL,
                                              &result_len, &err),
                 err, "result is NULL");
  CheckErrorCode(CHATCART_INVALID_ARGUMENT,
                 chatcart_session_handle_turn(session, CHATCART_FORMAT_JSON,
                                              "{\"event\": {\"kind\": \"no_such_event\"}}", 36,
                                              &result, &result_len, &err),
                 err, "no_such_event");
  CheckCondition(result == NULL);

  StartPhase("snapshot_restore");
  code = chatcart_session_handle_turn(session, CHATCART_FORMAT_JSON, gift, strlen(gift), &result,
                                      &result_len, &err);
  CheckNoError(code, err);
  chatcart_free(result);
  result = NULL;
  code = chatcart_session_snapshot(session, &snapshot, &snapshot_len, &err);
  CheckNoError(code, err);
  CheckCondition(snapshot_len > 0);
  code = chatcart_session_restore(engine, snapshot, snapshot_len, &restored, &err);
  CheckNoError(code, err);
  /* The restored session is the same conversation: same bytes, same next turn. */
  code = chatcart_session_snapshot(restored, &snapshot2, &snapshot2_len, &err);
  CheckNoError(code, err);
  CheckCondition(snapshot2_len == snapshot_len && memcmp(snapshot, snapshot2, snapshot_len) == 0);
  chatcart_free(snapshot2);
  snapshot2 = NULL;
  code = chatcart_session_handle_turn(session, CHATCART_FORMAT_JSON, hi, strlen(hi), &result,
                                      &result_len, &err);
  CheckNoError(code, err);
  code = chatcart_session_handle_turn(restored, CHATCART_FORMAT_JSON, hi, strlen(hi), &again,
                                      &again_len, &err);
  CheckNoError(code, err);
  CheckCondition(result_len == again_len && strcmp(result, again) == 0);
  chatcart_free(result);
  chatcart_free(again);
  result = NULL;
  again = NULL;
  /* Any engine of the same bundle continues it. */
  chatcart_session_destroy(restored);
  restored = NULL;
  code = chatcart_session_restore(lenient, snapshot, snapshot_len, &restored, &err);
  CheckNoError(code, err);
  chatcart_session_destroy(restored);
  restored = NULL;

  StartPhase("restore_errors");
  restored = untouched;
  CheckErrorCode(CHATCART_DATA_LOSS,
                 chatcart_session_restore(engine, snapshot, snapshot_len / 2, &restored, &err), err,
                 "");
  CheckErrorCode(CHATCART_DATA_LOSS,
                 chatcart_session_restore(engine, snapshot, snapshot_len - 1, &restored, &err), err,
                 "");
  CheckErrorCode(CHATCART_DATA_LOSS, chatcart_session_restore(engine, "", 0, &restored, &err), err,
                 "");
  /* Every truncation and every flipped bit of every byte is caught. */
  corrupted = (char*)malloc(snapshot_len);
  CheckCondition(corrupted != NULL);
  for (i = 0; i < snapshot_len; ++i) {
    code = chatcart_session_restore(engine, snapshot, i, &restored, &err);
    CheckCondition(code == CHATCART_DATA_LOSS && err != NULL && err[0] != '\0');
    for (bit = 0; bit < 8; ++bit) {
      memcpy(corrupted, snapshot, snapshot_len);
      corrupted[i] = (char)(corrupted[i] ^ (1 << bit));
      code = chatcart_session_restore(engine, corrupted, snapshot_len, &restored, &err);
      CheckCondition(code == CHATCART_DATA_LOSS);
    }
  }
  chatcart_free(err);
  err = NULL;
  free(corrupted);
  CheckErrorCode(CHATCART_INVALID_ARGUMENT,
                 chatcart_session_restore(NULL, snapshot, snapshot_len, &restored, &err), err,
                 "engine is NULL");
  CheckErrorCode(CHATCART_INVALID_ARGUMENT,
                 chatcart_session_restore(engine, NULL, snapshot_len, &restored, &err), err,
                 "bytes is NULL");
  CheckErrorCode(CHATCART_INVALID_ARGUMENT,
                 chatcart_session_restore(engine, snapshot, snapshot_len, NULL, &err), err,
                 "session is NULL");
  CheckCondition(restored == untouched); /* outputs are written only on success */
  restored = NULL;
  chatcart_free(snapshot);
  snapshot = NULL;

  StartPhase("snapshot_errors");
  CheckErrorCode(CHATCART_INVALID_ARGUMENT,
                 chatcart_session_snapshot(NULL, &snapshot, &snapshot_len, &err), err,
                 "session is NULL");
  CheckErrorCode(CHATCART_INVALID_ARGUMENT,
                 chatcart_session_snapshot(session, NULL, &snapshot_len, &err), err,
                 "bytes is NULL");
  CheckErrorCode(CHATCART_INVALID_ARGUMENT,
                 chatcart_session_snapshot(session, &snapshot, NULL, &err), err, "len is NULL");
  CheckCondition(snapshot == NULL);

  StartPhase("destroy");
  chatcart_engine_destroy(engine); /* before its sessions: they keep it alive */
  code = chatcart_session_handle_turn(session, CHATCART_FORMAT_JSON, hi, strlen(hi), &result,
                                      &result_len, &err);
  CheckNoError(code, err);
  chatcart_free(result);
  chatcart_session_destroy(session);
  chatcart_engine_destroy(lenient);
  chatcart_session_destroy(NULL);
  chatcart_engine_destroy(NULL);
  chatcart_engine_options_destroy(NULL);
}

/* Whether bytes[0, len) hold the NUL-terminated `needle`. */
static int ContainsBytes(const char* bytes, size_t len, const char* needle) {
  size_t n = strlen(needle), i;
  for (i = 0; i + n <= len; ++i) {
    if (memcmp(bytes + i, needle, n) == 0) return 1;
  }
  return 0;
}

/* The experimental calls on the demo bundle. */
static void TestExperimental(const char* bundle_dir) {
  char* err = NULL;
  chatcart_code code;
  chatcart_engine_t* engine = NULL;
  chatcart_session_t* session = NULL;
  chatcart_session_t* restored = NULL;
  char* result = NULL;
  size_t result_len = 0;
  char* first = NULL;
  char* snapshot = NULL;
  size_t snapshot_len = 0;
  const char* add =
      "{\"addLine\": {\"productId\": \"toy-farm\", \"quantity\": 2}, "
      "\"expectedVersion\": \"0\", \"idempotencyKey\": \"k1\", "
      "\"time\": \"2026-11-23T10:00:00Z\"}";
  const char* show = "{\"text\": \"show my cart\", \"time\": \"2026-11-23T10:01:00Z\"}";
  /* CartCommand{add_line: {product_id: "toy-fox", quantity: 1}} in binary protobuf. */
  const char add_proto[] = "\x0a\x0b\x0a\x07toy-fox\x18\x01";
  const size_t add_proto_len = sizeof(add_proto) - 1;

  code = chatcart_engine_create_from_path(bundle_dir, NULL, &engine, &err);
  CheckNoError(code, err);
  code = chatcart_session_create(engine, "cart", 4, 7, &session, &err);
  CheckNoError(code, err);

  StartPhase("experimental_cart_command");
  code = chatcart_experimental_session_apply_cart_command(session, CHATCART_FORMAT_JSON, add,
                                                          strlen(add), &result, &result_len, &err);
  CheckNoError(code, err);
  CheckCondition(result_len == strlen(result));
  CheckCondition(strstr(result, "\"productId\":\"toy-farm\",\"quantity\":\"2\"") != NULL);
  CheckCondition(strstr(result, "\"grandTotal\":{\"minorUnits\":\"4998\",\"currency\":\"EUR\"}") !=
                 NULL);
  CheckCondition(strstr(result, "\"version\":\"1\"") != NULL);
  CheckCondition(strstr(result, "\"replayed\"") == NULL);
  first = result;
  result = NULL;
  /* The same key and payload again: the first result, replayed, nothing applied. */
  code = chatcart_experimental_session_apply_cart_command(session, CHATCART_FORMAT_JSON, add,
                                                          strlen(add), &result, &result_len, &err);
  CheckNoError(code, err);
  CheckCondition(strstr(result, "\"replayed\":true") != NULL);
  CheckCondition(strstr(result, "\"version\":\"1\"") != NULL);
  chatcart_free(result);
  chatcart_free(first);
  result = NULL;
  /* The next turn sees the cart. */
  code = chatcart_session_handle_turn(session, CHATCART_FORMAT_JSON, show, strlen(show), &result,
                                      &result_len, &err);
  CheckNoError(code, err);
  CheckCondition(strstr(result, "2 \xc3\x97 Brickville Junior Farm") != NULL);
  chatcart_free(result);
  result = NULL;
  /* Proto in, proto out. */
  code = chatcart_experimental_session_apply_cart_command(
      session, CHATCART_FORMAT_PROTO, add_proto, add_proto_len, &result, &result_len, &err);
  CheckNoError(code, err);
  CheckCondition(result_len > 0 && result[result_len] == '\0');
  CheckCondition(ContainsBytes(result, result_len, "toy-fox"));
  chatcart_free(result);
  result = NULL;
  /* The cart travels in the snapshot. */
  code = chatcart_session_snapshot(session, &snapshot, &snapshot_len, &err);
  CheckNoError(code, err);
  code = chatcart_session_restore(engine, snapshot, snapshot_len, &restored, &err);
  CheckNoError(code, err);
  code = chatcart_session_handle_turn(restored, CHATCART_FORMAT_JSON, show, strlen(show), &result,
                                      &result_len, &err);
  CheckNoError(code, err);
  CheckCondition(strstr(result, "Plush Fox") != NULL);
  chatcart_free(result);
  result = NULL;
  chatcart_free(snapshot);
  chatcart_session_destroy(restored);

  /* Issue #22: the example of c.h, as written there, is accepted. */
  StartPhase("experimental_cart_command_c_h_example");
  {
    chatcart_session_t* doc = NULL;
    const char* first_line = "{\"addLine\": {\"productId\": \"toy-fox\", \"quantity\": 1}}";
    const char* example =
        "{\"addLine\": {\"productId\": \"toy-farm\", \"quantity\": 2},\n"
        " \"actor\": {\"kind\": \"AGENT\", \"agentId\": \"nick-42\"},\n"
        " \"expectedVersion\": \"1\", \"idempotencyKey\": \"web-7\",\n"
        " \"time\": \"2026-11-23T10:00:00Z\"}";
    code = chatcart_session_create(engine, "doc", 3, 7, &doc, &err);
    CheckNoError(code, err);
    code = chatcart_experimental_session_apply_cart_command(
        doc, CHATCART_FORMAT_JSON, first_line, strlen(first_line), &result, &result_len, &err);
    CheckNoError(code, err);
    chatcart_free(result);
    result = NULL;
    code = chatcart_experimental_session_apply_cart_command(
        doc, CHATCART_FORMAT_JSON, example, strlen(example), &result, &result_len, &err);
    CheckNoError(code, err);
    CheckCondition(strstr(result, "\"agentId\":\"nick-42\"") != NULL);
    CheckCondition(strstr(result, "\"version\":\"2\"") != NULL);
    chatcart_free(result);
    result = NULL;
    chatcart_session_destroy(doc);
  }

  StartPhase("experimental_cart_command_errors");
  CheckErrorCode(CHATCART_ABORTED,
                 chatcart_experimental_session_apply_cart_command(
                     session, CHATCART_FORMAT_JSON, "{\"clear\": {}, \"expectedVersion\": \"1\"}",
                     37, &result, &result_len, &err),
                 err, "version");
  CheckErrorCode(CHATCART_INVALID_ARGUMENT,
                 chatcart_experimental_session_apply_cart_command(
                     session, CHATCART_FORMAT_JSON,
                     "{\"addLine\": {\"productId\": \"toy-farm\", \"quantity\": 3}, "
                     "\"idempotencyKey\": \"k1\"}",
                     77, &result, &result_len, &err),
                 err, "idempotency key \"k1\"");
  CheckErrorCode(CHATCART_NOT_FOUND,
                 chatcart_experimental_session_apply_cart_command(
                     session, CHATCART_FORMAT_JSON,
                     "{\"addLine\": {\"productId\": \"nope\", \"quantity\": 1}}", 49, &result,
                     &result_len, &err),
                 err, "nope");
  CheckErrorCode(CHATCART_NOT_FOUND,
                 chatcart_experimental_session_apply_cart_command(
                     session, CHATCART_FORMAT_JSON, "{\"removeLine\": {\"lineId\": 99}}", 30,
                     &result, &result_len, &err),
                 err, "99");
  CheckErrorCode(
      CHATCART_INVALID_ARGUMENT,
      chatcart_experimental_session_apply_cart_command(
          session, CHATCART_FORMAT_JSON, "{\"addLine\": ", 12, &result, &result_len, &err),
      err, "cart command");
  CheckErrorCode(CHATCART_INVALID_ARGUMENT,
                 chatcart_experimental_session_apply_cart_command(
                     session, CHATCART_FORMAT_JSON, "{}", 2, &result, &result_len, &err),
                 err, "no action set");
  CheckErrorCode(CHATCART_INVALID_ARGUMENT,
                 chatcart_experimental_session_apply_cart_command(
                     session, CHATCART_FORMAT_PROTO, "\xff\xff\xff", 3, &result, &result_len, &err),
                 err, "binary protobuf");
  CheckErrorCode(CHATCART_INVALID_ARGUMENT,
                 chatcart_experimental_session_apply_cart_command(
                     session, (chatcart_format)7, add, strlen(add), &result, &result_len, &err),
                 err, "format 7");
  CheckErrorCode(CHATCART_INVALID_ARGUMENT,
                 chatcart_experimental_session_apply_cart_command(
                     NULL, CHATCART_FORMAT_JSON, add, strlen(add), &result, &result_len, &err),
                 err, "session is NULL");
  CheckErrorCode(CHATCART_INVALID_ARGUMENT,
                 chatcart_experimental_session_apply_cart_command(
                     session, CHATCART_FORMAT_JSON, NULL, 5, &result, &result_len, &err),
                 err, "command is NULL");
  CheckErrorCode(CHATCART_INVALID_ARGUMENT,
                 chatcart_experimental_session_apply_cart_command(
                     session, CHATCART_FORMAT_JSON, add, strlen(add), NULL, &result_len, &err),
                 err, "response is NULL");
  CheckCondition(result == NULL);

  StartPhase("experimental_catalog_find");
  code = chatcart_experimental_catalog_find(engine, "brickvile farm", 14, 3, &result, &result_len,
                                            &err);
  CheckNoError(code, err);
  CheckCondition(strstr(result, "{\"matches\":[{\"brand\":\"Brickville\"") == result);
  CheckCondition(strstr(result, "\"id\":\"toy-farm\"") != NULL);
  chatcart_free(result);
  result = NULL;
  code = chatcart_experimental_catalog_find(engine, "zzzqqq", 6, 0, &result, NULL, &err);
  CheckNoError(code, err);
  CheckEqual("{\"matches\":[]}", result);
  chatcart_free(result);
  result = NULL;
  CheckErrorCode(CHATCART_INVALID_ARGUMENT,
                 chatcart_experimental_catalog_find(NULL, "x", 1, 0, &result, NULL, &err), err,
                 "engine is NULL");
  CheckErrorCode(CHATCART_INVALID_ARGUMENT,
                 chatcart_experimental_catalog_find(engine, NULL, 1, 0, &result, NULL, &err), err,
                 "text is NULL");
  CheckErrorCode(CHATCART_INVALID_ARGUMENT,
                 chatcart_experimental_catalog_find(engine, "x", 1, 0, NULL, NULL, &err), err,
                 "result is NULL");

  StartPhase("experimental_catalog_query");
  code = chatcart_experimental_catalog_query(
      engine, "{\"where\": [\"category=Toys\", \"price<=30 EUR\"], \"limit\": 2}", 57, &result,
      &result_len, &err);
  CheckNoError(code, err);
  CheckCondition(strncmp(result, "{\"count\":", 9) == 0);
  CheckCondition(strstr(result, "\"id\":\"toy-farm\"") != NULL);
  CheckCondition(strstr(result, "\"minorUnits\":\"2499\"") != NULL);
  chatcart_free(result);
  result = NULL;
  CheckErrorCode(
      CHATCART_INVALID_ARGUMENT,
      chatcart_experimental_catalog_query(engine, "{\"wher\": []}", 12, &result, NULL, &err), err,
      "unknown key \"wher\"");
  CheckErrorCode(CHATCART_INVALID_ARGUMENT,
                 chatcart_experimental_catalog_query(engine, "{\"where\": \"price<=3\"}", 21,
                                                     &result, NULL, &err),
                 err, "catalog query: where: expected a list of strings, got a string");
  CheckErrorCode(CHATCART_INVALID_ARGUMENT,
                 chatcart_experimental_catalog_query(engine, "{\"where\": [\"megapixels>=12\"]}",
                                                     29, &result, NULL, &err),
                 err, "megapixels");
  CheckErrorCode(
      CHATCART_INVALID_ARGUMENT,
      chatcart_experimental_catalog_query(engine, "{\"limit\": 2.5}", 14, &result, NULL, &err), err,
      "limit: 2.5 is not a whole number");
  CheckErrorCode(CHATCART_INVALID_ARGUMENT,
                 chatcart_experimental_catalog_query(engine, "[1]", 3, &result, NULL, &err), err,
                 "catalog query");
  CheckErrorCode(CHATCART_INVALID_ARGUMENT,
                 chatcart_experimental_catalog_query(NULL, "{}", 2, &result, NULL, &err), err,
                 "engine is NULL");
  CheckCondition(result == NULL);

  StartPhase("experimental_recommend");
  {
    const char* request =
        "{\"where\": [\"category=Toys\"], \"budget\": {\"max\": \"40\"}, "
        "\"age\": 6, \"top\": 2, \"locale\": \"it\"}";
    code = chatcart_experimental_recommend(engine, request, strlen(request), &result, &result_len,
                                           &err);
    CheckNoError(code, err);
    CheckCondition(strstr(result, "\"picks\":[{") != NULL);
    CheckCondition(strstr(result, "\"text\":\"age=6\"") != NULL);
    CheckCondition(strstr(result, "\"locale\":\"it\"") != NULL);
    chatcart_free(result);
    result = NULL;
  }
  {
    /* The ladder and the probing question: tiers, reason kinds, the question's options. */
    const char* request =
        "{\"where\": [\"category=Laptops\"], \"budget\": {\"max\": \"1500\"}, "
        "\"ladder\": \"on\", \"probeAt\": 3}";
    code = chatcart_experimental_recommend(engine, request, strlen(request), &result, &result_len,
                                           &err);
    CheckNoError(code, err);
    CheckCondition(strstr(result, "\"tier\":\"best\"") != NULL);
    CheckCondition(strstr(result, "\"kind\":\"ladder\"") != NULL);
    CheckCondition(strstr(result, "\"ladder\":true") != NULL);
    CheckCondition(strstr(result, "\"question\":{") != NULL);
    chatcart_free(result);
    result = NULL;
  }
  CheckErrorCode(CHATCART_INVALID_ARGUMENT,
                 chatcart_experimental_recommend(engine, "{\"ladder\": \"maybe\"}", 19, &result,
                                                 NULL, &err),
                 err, "recommend request: ladder: \"maybe\" is not auto, off or on");
  {
    /* Nothing fits: no error, an explanation and relaxations. */
    const char* request = "{\"where\": [\"category=Toys\"], \"budget\": {\"max\": \"1\"}}";
    code = chatcart_experimental_recommend(engine, request, strlen(request), &result, &result_len,
                                           &err);
    CheckNoError(code, err);
    CheckCondition(strstr(result, "\"picks\":[]") != NULL);
    CheckCondition(strstr(result, "\"explanation\":\"") != NULL);
    CheckCondition(strstr(result, "\"relaxations\":[{") != NULL);
    chatcart_free(result);
    result = NULL;
  }
  CheckErrorCode(CHATCART_INVALID_ARGUMENT,
                 chatcart_experimental_recommend(engine, "{\"top\": 0}", 10, &result, NULL, &err),
                 err, "recommend request: top: 0 is not a whole number within 1..100");
  CheckErrorCode(CHATCART_INVALID_ARGUMENT,
                 chatcart_experimental_recommend(engine, "{\"budget\": {\"max\": \"4.005\"}}", 28,
                                                 &result, NULL, &err),
                 err, "recommend request: budget.max");
  CheckErrorCode(CHATCART_INVALID_ARGUMENT,
                 chatcart_experimental_recommend(engine, "{\"budget\": {\"upTo\": \"4\"}}", 25,
                                                 &result, NULL, &err),
                 err, "unknown key \"upTo\"");
  CheckErrorCode(CHATCART_INVALID_ARGUMENT,
                 chatcart_experimental_recommend(engine, "{\"prefer\": [\"nonsense:::\"]}", 27,
                                                 &result, NULL, &err),
                 err, "recommend request: prefer");
  CheckErrorCode(CHATCART_INVALID_ARGUMENT,
                 chatcart_experimental_recommend(engine, "{\"reference\": \"no-such-id\"}", 27,
                                                 &result, NULL, &err),
                 err, "no-such-id");
  CheckErrorCode(CHATCART_INVALID_ARGUMENT,
                 chatcart_experimental_recommend(engine, "{not json}", 10, &result, NULL, &err),
                 err, "recommend request");
  CheckErrorCode(CHATCART_INVALID_ARGUMENT,
                 chatcart_experimental_recommend(engine, NULL, 0, &result, NULL, &err), err,
                 "recommend request");
  CheckErrorCode(CHATCART_INVALID_ARGUMENT,
                 chatcart_experimental_recommend(engine, "{}", 2, NULL, NULL, &err), err,
                 "result is NULL");
  CheckCondition(result == NULL);

  StartPhase("experimental_classify");
  code = chatcart_experimental_classify(engine, "what's in my cart", 17, NULL, &result, &result_len,
                                        &err);
  CheckNoError(code, err);
  CheckCondition(strstr(result, "\"intent\":\"show_cart\"") != NULL);
  CheckCondition(strstr(result, "\"outOfScope\":false") != NULL);
  chatcart_free(result);
  result = NULL;
  code = chatcart_experimental_classify(engine, "cosa c'\xc3\xa8 nel mio carrello", 26, "it",
                                        &result, &result_len, &err);
  CheckNoError(code, err);
  CheckCondition(strstr(result, "\"intent\":\"show_cart\"") != NULL);
  CheckCondition(strstr(result, "\"language\":\"it\"") != NULL);
  chatcart_free(result);
  result = NULL;
  /* Any text has an answer. */
  code = chatcart_experimental_classify(engine, "", 0, NULL, &result, &result_len, &err);
  CheckNoError(code, err);
  CheckCondition(strstr(result, "\"outOfScope\":true") != NULL);
  chatcart_free(result);
  result = NULL;
  CheckErrorCode(CHATCART_INVALID_ARGUMENT,
                 chatcart_experimental_classify(NULL, "x", 1, NULL, &result, NULL, &err), err,
                 "engine is NULL");
  CheckErrorCode(CHATCART_INVALID_ARGUMENT,
                 chatcart_experimental_classify(engine, NULL, 1, NULL, &result, NULL, &err), err,
                 "text is NULL");

  StartPhase("experimental_entities");
  code = chatcart_experimental_entities(engine, "a gift for my 6 year old under 40 euros", 39, "en",
                                        &result, &result_len, &err);
  CheckNoError(code, err);
  CheckCondition(strstr(result,
                        "\"end\":24,\"number\":6,\"start\":14,\"text\":\"6 year old\","
                        "\"type\":\"age\"") != NULL);
  CheckCondition(strstr(result,
                        "\"kind\":\"under\",\"max\":{\"currency\":\"EUR\","
                        "\"minorUnits\":\"4000\"}") != NULL);
  chatcart_free(result);
  result = NULL;
  code = chatcart_experimental_entities(engine, "is the Lumo CP-400 any good?", 28, NULL, &result,
                                        &result_len, &err);
  CheckNoError(code, err);
  CheckCondition(strstr(result, "\"type\":\"product\",\"value\":\"pr-cp400\"") != NULL);
  chatcart_free(result);
  result = NULL;
  code = chatcart_experimental_entities(engine, "any photozen printers?", 22, "en", &result,
                                        &result_len, &err);
  CheckNoError(code, err);
  CheckCondition(strstr(result, "\"products\":2,") != NULL);
  CheckCondition(strstr(result, "\"type\":\"model\",\"value\":\"PhotoZen\"") != NULL);
  chatcart_free(result);
  result = NULL;
  /* Issue #22: an entity's text is its span as typed; the JSON, which must be
   * UTF-8, carries U+FFFD for the ill-formed byte. */
  code = chatcart_experimental_entities(engine, "under 40\xff euros", 16, "en", &result,
                                        &result_len, &err);
  CheckNoError(code, err);
  CheckCondition(strstr(result, "\"text\":\"under 40\xef\xbf\xbd euros\"") != NULL);
  chatcart_free(result);
  result = NULL;
  /* A list of values, a negated one, a decimal. */
  code = chatcart_experimental_entities(engine, "nere o blu, non rosse, 1,5 kg", 29, "it", &result,
                                        &result_len, &err);
  CheckNoError(code, err);
  CheckCondition(strstr(result, "\"value\":\"black,blue\",\"values\":[\"black\",\"blue\"]") != NULL);
  CheckCondition(strstr(result, "\"either\":true") != NULL);
  CheckCondition(strstr(result, "\"negated\":true") != NULL);
  CheckCondition(strstr(result, "\"decimal\":\"1.5\"") != NULL);
  chatcart_free(result);
  result = NULL;
  CheckErrorCode(CHATCART_INVALID_ARGUMENT,
                 chatcart_experimental_entities(engine, "x", 1, NULL, NULL, NULL, &err), err,
                 "result is NULL");
  CheckErrorCode(CHATCART_INVALID_ARGUMENT,
                 chatcart_experimental_entities(NULL, "x", 1, NULL, &result, NULL, &err), err,
                 "engine is NULL");

  chatcart_session_destroy(session);
  chatcart_engine_destroy(engine);
}

/* Applies the JSON cart `command`; returns the response (free it). */
static char* ApplyCart(chatcart_session_t* session, const char* command) {
  char* err = NULL;
  char* response = NULL;
  chatcart_code code = chatcart_experimental_session_apply_cart_command(
      session, CHATCART_FORMAT_JSON, command, strlen(command), &response, NULL, &err);
  CheckNoError(code, err);
  return response;
}

/* Copies the string value of "key" in `json` into out[size]. */
static void ReadJsonString(const char* json, const char* key, char* out, size_t size) {
  const char* p = strstr(json, key);
  const char* end;
  CheckCondition(p != NULL);
  p += strlen(key);
  end = strchr(p, '"');
  CheckCondition(end != NULL && (size_t)(end - p) < size);
  memcpy(out, p, (size_t)(end - p));
  out[end - p] = '\0';
}

/* From a line to a placed order through cart commands alone; the order joins
 * the session like one placed in conversation. */
static void TestExperimentalPlaceOrder(const char* bundle_dir) {
  char* err = NULL;
  char* response = NULL;
  char* result = NULL;
  chatcart_code code;
  chatcart_engine_t* engine = NULL;
  chatcart_session_t* session = NULL;
  char token[64];
  char reference[64];
  char command[256];
  const char* status = "{\"text\": \"where is my order?\", \"time\": \"2026-11-23T10:05:00Z\"}";

  StartPhase("experimental_place_order");
  code = chatcart_engine_create_from_path(bundle_dir, NULL, &engine, &err);
  CheckNoError(code, err);
  code = chatcart_session_create(engine, "order", 5, 11, &session, &err);
  CheckNoError(code, err);
  chatcart_free(ApplyCart(session,
                          "{\"addLine\": {\"productId\": \"toy-fox\", \"quantity\": 1}, "
                          "\"time\": \"2026-11-23T10:00:00Z\"}"));
  /* Confirmation needs a shipping method first: refused, nothing changes. */
  CheckErrorCode(CHATCART_FAILED_PRECONDITION,
                 chatcart_experimental_session_apply_cart_command(session, CHATCART_FORMAT_JSON,
                                                                  "{\"requestConfirmation\": {}}",
                                                                  27, &response, NULL, &err),
                 err, "shipping method");
  chatcart_free(ApplyCart(session,
                          "{\"setShippingMethod\": {\"method\": \"standard\"}, "
                          "\"time\": \"2026-11-23T10:01:00Z\"}"));
  response =
      ApplyCart(session, "{\"requestConfirmation\": {}, \"time\": \"2026-11-23T10:02:00Z\"}");
  ReadJsonString(response, "\"confirmation\":{\"token\":\"", token, sizeof token);
  chatcart_free(response);
  snprintf(command, sizeof command,
           "{\"confirm\": {\"token\": \"%s\"}, \"time\": \"2026-11-23T10:03:00Z\"}", token);
  chatcart_free(ApplyCart(session, command));
  response = ApplyCart(session, "{\"placeOrder\": {}, \"time\": \"2026-11-23T10:04:00Z\"}");
  ReadJsonString(response, "\"orderReference\":\"", reference, sizeof reference);
  CheckCondition(strlen(reference) > 4);
  CheckCondition(strstr(response, "\"ordersPlaced\":1") != NULL);
  chatcart_free(response);
  code = chatcart_session_handle_turn(session, CHATCART_FORMAT_JSON, status, strlen(status),
                                      &result, NULL, &err);
  CheckNoError(code, err);
  CheckCondition(strstr(result, reference) != NULL);
  chatcart_free(result);
  chatcart_session_destroy(session);
  chatcart_engine_destroy(engine);
}

/* A bundle without a catalog, intents or cart policy. */
static void TestExperimentalWithoutComponents(const char* bare_dir) {
  char* err = NULL;
  char* result = NULL;
  chatcart_code code;
  chatcart_engine_t* engine = NULL;
  chatcart_session_t* session = NULL;

  StartPhase("experimental_without_components");
  code = chatcart_engine_create_from_path(bare_dir, NULL, &engine, &err);
  CheckNoError(code, err);
  code = chatcart_session_create(engine, "bare", 4, 1, &session, &err);
  CheckNoError(code, err);
  CheckErrorCode(CHATCART_FAILED_PRECONDITION,
                 chatcart_experimental_session_apply_cart_command(
                     session, CHATCART_FORMAT_JSON, "{\"clear\": {}}", 13, &result, NULL, &err),
                 err, "bundle \"bare\" has no cart policy");
  CheckErrorCode(CHATCART_FAILED_PRECONDITION,
                 chatcart_experimental_catalog_find(engine, "x", 1, 0, &result, NULL, &err), err,
                 "has no catalog");
  CheckErrorCode(CHATCART_FAILED_PRECONDITION,
                 chatcart_experimental_catalog_query(engine, "{}", 2, &result, NULL, &err), err,
                 "has no catalog");
  CheckErrorCode(CHATCART_FAILED_PRECONDITION,
                 chatcart_experimental_recommend(engine, "{}", 2, &result, NULL, &err), err,
                 "has no catalog");
  CheckErrorCode(CHATCART_FAILED_PRECONDITION,
                 chatcart_experimental_classify(engine, "x", 1, NULL, &result, NULL, &err), err,
                 "has no intents");
  CheckCondition(result == NULL);
  /* Entities need no catalog: amounts, ages and the like are still found. */
  code = chatcart_experimental_entities(engine, "under 40 euros", 14, NULL, &result, NULL, &err);
  CheckNoError(code, err);
  CheckCondition(strstr(result, "\"type\":\"money\"") != NULL);
  chatcart_free(result);
  chatcart_session_destroy(session);
  chatcart_engine_destroy(engine);
}

/* Convention (9): one engine shared by threads, a session per thread. */
enum { kThreads = 4, kThreadTurns = 3 };
typedef struct {
  const chatcart_engine_t* engine;
  char* last; /* the last turn's JSON, or NULL on failure */
} ThreadState;

static void* Converse(void* arg) {
  ThreadState* state = (ThreadState*)arg;
  static const char* const turns[kThreadTurns] = {
      "{\"text\": \"hi\", \"time\": \"2026-11-23T10:00:00Z\"}",
      "{\"text\": \"a gift for my 6 year old under 40 euros\", \"time\": "
      "\"2026-11-23T10:01:00Z\"}",
      "{\"text\": \"she loves lego\", \"time\": \"2026-11-23T10:02:00Z\"}"};
  chatcart_session_t* session = NULL;
  char* err = NULL;
  int t;
  if (chatcart_session_create(state->engine, "thread", 6, 42, &session, &err) != CHATCART_OK) {
    chatcart_free(err);
    return NULL;
  }
  for (t = 0; t < kThreadTurns; ++t) {
    chatcart_free(state->last);
    state->last = NULL;
    if (chatcart_session_handle_turn(session, CHATCART_FORMAT_JSON, turns[t], strlen(turns[t]),
                                     &state->last, NULL, &err) != CHATCART_OK) {
      break;
    }
  }
  chatcart_free(err);
  chatcart_session_destroy(session);
  return NULL;
}

static void TestThreads(const char* bundle_dir) {
  char* err = NULL;
  chatcart_code code;
  chatcart_engine_t* engine = NULL;
  pthread_t threads[kThreads];
  ThreadState states[kThreads];
  int i;

  StartPhase("threads");
  code = chatcart_engine_create_from_path(bundle_dir, NULL, &engine, &err);
  CheckNoError(code, err);
  for (i = 0; i < kThreads; ++i) {
    states[i].engine = engine;
    states[i].last = NULL;
    CheckCondition(pthread_create(&threads[i], NULL, Converse, &states[i]) == 0);
  }
  for (i = 0; i < kThreads; ++i) CheckCondition(pthread_join(threads[i], NULL) == 0);
  /* Equal seeds and inputs: every thread's conversation ends the same. */
  for (i = 0; i < kThreads; ++i) {
    CheckCondition(states[i].last != NULL);
    CheckCondition(strstr(states[i].last, "Brickville") != NULL);
    CheckEqual(states[0].last, states[i].last);
  }
  for (i = 0; i < kThreads; ++i) chatcart_free(states[i].last);
  chatcart_engine_destroy(engine);
}

static void TestFree(void) {
  StartPhase("free");
  chatcart_free(NULL);
}

/* The desk: a conversation queued, offered, accepted, messaged (redacted),
 * resolved and mailed; bad calls; redaction; Erlang C; threads. */
static void* DeskThread(void* arg) {
  chatcart_desk_t* desk = (chatcart_desk_t*)arg;
  char* err = NULL;
  for (int i = 0; i < 200; ++i) {
    char* out = NULL;
    char call[160];
    snprintf(call, sizeof call, "{\"call\": \"shopper_message\", \"conversation\": \"t%d\", "
             "\"text\": \"hello\"}", i % 7);
    chatcart_code code = chatcart_experimental_desk_call(desk, call, strlen(call),
                                                         1795000100000LL + i, &out, NULL, &err);
    CheckNoError(code, err);
    chatcart_free(out);
  }
  return NULL;
}

static void TestDesk(void) {
  StartPhase("desk");
  chatcart_desk_t* desk = NULL;
  char* err = NULL;
  char* out = NULL;
  const char* policy = "{\"defaultCapacity\": 2, \"routing\": \"balanced\"}";
  chatcart_code code = chatcart_experimental_desk_create(policy, strlen(policy), &desk, &err);
  CheckNoError(code, err);
  const int64_t t0 = 1795000000000LL;
#define DESK(json, now)                                                                      \
  (chatcart_free(out), out = NULL,                                                           \
   chatcart_experimental_desk_call(desk, json, strlen(json), now, &out, NULL, &err))
  code = DESK("{\"call\": \"set_agent\", \"agent\": \"nick\", \"name\": \"Nick\"}", t0);
  CheckNoError(code, err);
  code = DESK("{\"call\": \"set_availability\", \"agent\": \"nick\", \"availability\": \"ONLINE\"}", t0);
  CheckNoError(code, err);
  code = DESK("{\"call\": \"request_agent\", \"conversation\": \"web-1\", \"language\": \"en\"}", t0);
  CheckNoError(code, err);
  CheckCondition(strstr(out, "\"kind\":\"OFFER\"") != NULL);
  CheckCondition(strstr(out, "You're next.") != NULL);
  code = DESK("{\"call\": \"accept\", \"agent\": \"nick\", \"conversation\": \"web-1\"}", t0 + 4000);
  CheckNoError(code, err);
  CheckCondition(strstr(out, "Nick has joined. Your reference number for this chat is #1.") != NULL);
  code = DESK("{\"call\": \"shopper_message\", \"conversation\": \"web-1\", \"text\": \"card 4111 1111 1111 1111\"}",
              t0 + 5000);
  CheckNoError(code, err);
  CheckCondition(strstr(out, "SHOPPER_MESSAGE") != NULL);
  CheckCondition(strstr(out, "4111 1111") == NULL);
  code = DESK("{\"call\": \"resolve\", \"agent\": \"nick\", \"conversation\": \"web-1\"}", t0 + 9000);
  CheckNoError(code, err);
  code = DESK("{\"call\": \"transcript_email\", \"conversation\": \"web-1\"}", t0 + 9000);
  CheckNoError(code, err);
  CheckCondition(strstr(out, "[#1] Your chat with us") != NULL);
  CheckCondition(strstr(out, "auto-generated") != NULL);
  /* Bad calls: a clear code, the desk unchanged. */
  code = DESK("{\"call\": \"resolve\", \"agent\": \"nick\", \"conversation\": \"nowhere\"}", t0 + 9000);
  CheckErrorCode(CHATCART_NOT_FOUND, code, err, "nowhere");
  code = DESK("{\"call\": \"fly\"}", t0);
  CheckErrorCode(CHATCART_INVALID_ARGUMENT, code, err, "unknown");
  code = DESK("not json", t0);
  CheckErrorCode(CHATCART_INVALID_ARGUMENT, code, err, "JSON");
  code = DESK("{\"call\": \"heartbeat\", \"agent\": \"nick\"}", t0 - 600000);
  CheckErrorCode(CHATCART_OUT_OF_RANGE, code, err, "backwards");
  code = chatcart_experimental_desk_call(NULL, "{}", 2, t0, &out, NULL, &err);
  CheckErrorCode(CHATCART_INVALID_ARGUMENT, code, err, "desk");
  const char* bad_policy = "{\"defaultCapacity\": 40}";
  chatcart_desk_t* bad = NULL;
  code = chatcart_experimental_desk_create(bad_policy, strlen(bad_policy), &bad, &err);
  CheckErrorCode(CHATCART_INVALID_ARGUMENT, code, err, "default_capacity");
  CheckCondition(bad == NULL);
#undef DESK
  chatcart_free(out);
  out = NULL;
  /* Threads share one desk. */
  pthread_t threads[4];
  for (int k = 0; k < 4; ++k) pthread_create(&threads[k], NULL, DeskThread, desk);
  for (int k = 0; k < 4; ++k) pthread_join(threads[k], NULL);
  chatcart_experimental_desk_destroy(desk);
  chatcart_experimental_desk_destroy(NULL);

  StartPhase("redact");
  const char* text = "appelez le 06 12 34 56 78";
  code = chatcart_experimental_redact(text, strlen(text), "fr", &out, NULL, &err);
  CheckNoError(code, err);
  CheckEqual("appelez le [phone]", out);
  chatcart_free(out);
  out = NULL;

  StartPhase("erlang c");
  int32_t agents = 0;
  double p_wait = 0, asa = 0, sl = 0;
  code = chatcart_experimental_erlang_c(30, 300, 4, 0, 20, &agents, &p_wait, &asa, &sl, &err);
  CheckNoError(code, err);
  CheckCondition(agents == 4 && p_wait > 0.3198 && p_wait < 0.3200 && asa > 63.9 && asa < 64.1);
  code = chatcart_experimental_erlang_c(30, 300, 0, 20, 20, &agents, &p_wait, &asa, &sl, &err);
  CheckNoError(code, err);
  CheckCondition(agents == 5);
  code = chatcart_experimental_erlang_c(30, 300, 2, 0, 20, &agents, &p_wait, &asa, &sl, &err);
  CheckErrorCode(CHATCART_INVALID_ARGUMENT, code, err, "without bound");
}

/* Channels: a Messenger webhook in, the rules, a turn, the payloads out; a
 * wrong signature; SMS STOP; the subscribe handshake. */
static void TestChannels(const char* bundle_dir) {
  chatcart_engine_t* engine = NULL;
  chatcart_session_t* session = NULL;
  char* err = NULL;
  char* parsed = NULL;
  char* seen = NULL;
  char* state = NULL;
  size_t state_len = 0;
  char* state2 = NULL;
  size_t state2_len = 0;
  char* turn = NULL;
  size_t turn_len = 0;
  char* out = NULL;
  char* challenge = NULL;
  chatcart_code code;
  const char* body =
      "{\"object\":\"page\",\"entry\":[{\"id\":\"PAGE-1\",\"messaging\":[{\"sender\":{\"id\":"
      "\"PSID-42\"},\"recipient\":{\"id\":\"PAGE-1\"},\"timestamp\":1795000000000,\"message\":{"
      "\"mid\":\"m_1\",\"text\":\"hi\"}}]}]}";
  const char* message =
      "{\"channel\":\"messenger\",\"kind\":\"message\",\"account\":\"PAGE-1\",\"shopper\":"
      "\"PSID-42\",\"messageId\":\"m_1\",\"timeMs\":\"1795000000000\",\"input\":{\"text\":\"hi\","
      "\"channel\":\"messenger\",\"time\":\"2026-11-18T08:26:40Z\"}}";
  const char* request =
      "{\"channel\":\"messenger\",\"shopper\":\"PSID-42\",\"nowMs\":1795000001000}";
  StartPhase("channels");
  code = chatcart_engine_create_from_path(bundle_dir, NULL, &engine, &err);
  CheckNoError(code, err);
  code = chatcart_session_create(engine, "m-1", 3, 42, &session, &err);
  CheckNoError(code, err);

  /* A wrong signature is refused; skipping the check parses. */
  code = chatcart_experimental_channel_parse("messenger", body, strlen(body), "sha256=00", NULL, 0,
                                             "{\"metaAppSecret\":\"s\"}", &parsed, NULL, &err);
  CheckErrorCode(CHATCART_UNAUTHENTICATED, code, err, "X-Hub-Signature-256");
  code = chatcart_experimental_channel_parse("messenger", body, strlen(body), NULL, NULL, 0,
                                             "{\"skipSignatureCheck\":true}", &parsed, NULL, &err);
  CheckNoError(code, err);
  CheckCondition(strstr(parsed, "\"messageId\":\"m_1\"") != NULL);
  CheckCondition(strstr(parsed, "\"shopper\":\"PSID-42\"") != NULL);

  /* The rules: forwarded the first time, a duplicate the second. */
  code = chatcart_experimental_channel_observe(engine, message, strlen(message), "Toyland", NULL, 0,
                                               &state, &state_len, &seen, NULL, &err);
  CheckNoError(code, err);
  CheckCondition(strstr(seen, "\"forward\":true") != NULL);
  chatcart_free(seen);
  code = chatcart_experimental_channel_observe(engine, message, strlen(message), "Toyland", state,
                                               state_len, &state2, &state2_len, &seen, NULL, &err);
  CheckNoError(code, err);
  CheckCondition(strstr(seen, "\"duplicate\":true") != NULL);
  chatcart_free(seen);
  chatcart_free(state2);

  /* The turn, rendered for Messenger within the window. */
  code = chatcart_session_handle_turn(session, CHATCART_FORMAT_JSON,
                                      "{\"text\":\"hi\",\"channel\":\"messenger\","
                                      "\"time\":\"2026-11-18T08:26:40Z\"}",
                                      strlen("{\"text\":\"hi\",\"channel\":\"messenger\","
                                             "\"time\":\"2026-11-18T08:26:40Z\"}"),
                                      &turn, &turn_len, &err);
  CheckNoError(code, err);
  code = chatcart_experimental_channel_render(engine, request, strlen(request), turn, turn_len, state,
                                              state_len, &state2, &state2_len, &out, NULL, &err);
  CheckNoError(code, err);
  CheckCondition(strstr(out, "recipient") != NULL);
  CheckCondition(strstr(out, "RESPONSE") != NULL);
  chatcart_free(out);
  chatcart_free(state2);

  /* Two days later a proactive reminder has no tag: refused. */
  code = chatcart_experimental_channel_render(
      engine,
      "{\"channel\":\"messenger\",\"shopper\":\"PSID-42\",\"nowMs\":1795172800000,"
      "\"purpose\":\"proactive\",\"event\":{\"kind\":\"cart_abandoned\"}}",
      strlen("{\"channel\":\"messenger\",\"shopper\":\"PSID-42\",\"nowMs\":1795172800000,"
             "\"purpose\":\"proactive\",\"event\":{\"kind\":\"cart_abandoned\"}}"),
      turn, turn_len, state, state_len, &state2, &state2_len, &out, NULL, &err);
  CheckErrorCode(CHATCART_FAILED_PRECONDITION, code, err, "no message tag");
  chatcart_free(turn);
  chatcart_free(state);

  /* SMS STOP: one confirmation, naming the bundle's program. */
  {
    const char* stop =
        "{\"channel\":\"sms\",\"shopper\":\"+15005550006\",\"messageId\":\"SM1\",\"timeMs\":\"1\","
        "\"input\":{\"text\":\"STOP\"}}";
    code = chatcart_experimental_channel_observe(engine, stop, strlen(stop), NULL, NULL, 0, &state,
                                                 &state_len, &seen, NULL, &err);
    CheckNoError(code, err);
    CheckCondition(strstr(seen, "\"keyword\":\"opt_out\"") != NULL);
    CheckCondition(strstr(seen, "shopping help") != NULL);
    chatcart_free(seen);
    chatcart_free(state);
  }

  code = chatcart_experimental_channel_answer_subscribe(
      "hub.mode=subscribe&hub.verify_token=tok&hub.challenge=42", 56, "tok", &challenge, &err);
  CheckNoError(code, err);
  CheckEqual("42", challenge);
  chatcart_free(challenge);
  code = chatcart_experimental_channel_answer_subscribe(
      "hub.mode=subscribe&hub.verify_token=bad&hub.challenge=42", 56, "tok", &challenge, &err);
  CheckErrorCode(CHATCART_PERMISSION_DENIED, code, err, "verify_token");
  code = chatcart_experimental_channel_parse("fax", "", 0, NULL, NULL, 0, NULL, &parsed, NULL, &err);
  CheckErrorCode(CHATCART_INVALID_ARGUMENT, code, err, "unknown channel");
  chatcart_free(parsed);
  chatcart_session_destroy(session);
  chatcart_engine_destroy(engine);
}

int main(int argc, char** argv) {
  TestVersion();
  TestCodes();
  TestMoney();
  TestMoneyNullArguments();
  TestDesk();
  if (argc > 1) {
    TestEngine(argv[1]);
    TestExperimental(argv[1]);
    TestExperimentalPlaceOrder(argv[1]);
    TestThreads(argv[1]);
    TestChannels(argv[1]);
    if (argc > 2) TestExperimentalWithoutComponents(argv[2]);
  } else {
    fprintf(stderr, "c_test: no bundle directory given: engine and session tests skipped\n");
  }
  TestFree();
  fprintf(stderr, "PASS\n");
  return 0;
}
