/* Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
 *
 * The C API exercised from C, in the style of leveldb's db/c_test.c: compiled
 * as C (not C++), linked against the shared libchatcart_c.so, covering every
 * function and its error paths. Exits non-zero on the first failure. */

#include "chatcart/c.h"

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
  corrupted = (char*)malloc(snapshot_len);
  CheckCondition(corrupted != NULL);
  memcpy(corrupted, snapshot, snapshot_len);
  corrupted[snapshot_len / 2] ^= 0x40;
  CheckErrorCode(CHATCART_DATA_LOSS,
                 chatcart_session_restore(engine, corrupted, snapshot_len, &restored, &err), err,
                 "");
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

static void TestFree(void) {
  StartPhase("free");
  chatcart_free(NULL);
}

int main(int argc, char** argv) {
  TestVersion();
  TestCodes();
  TestMoney();
  TestMoneyNullArguments();
  if (argc > 1) {
    TestEngine(argv[1]);
  } else {
    fprintf(stderr, "c_test: no bundle directory given: engine and session tests skipped\n");
  }
  TestFree();
  fprintf(stderr, "PASS\n");
  return 0;
}
