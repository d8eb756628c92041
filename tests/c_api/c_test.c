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

static void TestEngine(const char* bundle_dir) {
  char* err = NULL;
  chatcart_code code;
  chatcart_engine_t* engine = NULL;
  chatcart_engine_options_t* options = NULL;
  chatcart_session_t* session = NULL;
  chatcart_session_t* restored = NULL;
  chatcart_session_t* truncated = NULL;
  char* result = NULL;
  size_t result_len = 0;
  char* snapshot = NULL;
  size_t snapshot_len = 0;
  const char* hi = "{\"text\": \"hi\", \"time\": \"2026-11-23T10:00:00Z\"}";
  const char* gift = "{\"text\": \"a gift for my 6 year old\", \"time\": \"2026-11-23T10:01:00Z\"}";

  StartPhase("engine_create_errors");
  code = chatcart_engine_create_from_path("/no/such/bundle", NULL, &engine, &err);
  CheckCondition(code == CHATCART_NOT_FOUND);
  CheckCondition(engine == NULL);
  CheckCondition(err != NULL && strstr(err, "bundle.textproto") != NULL);
  chatcart_free(err);
  err = NULL;

  StartPhase("engine_create");
  options = chatcart_engine_options_create();
  CheckCondition(options != NULL);
  chatcart_engine_options_set_lenient_catalog(options, 0);
  code = chatcart_engine_create_from_path(bundle_dir, options, &engine, &err);
  CheckNoError(code, err);
  chatcart_engine_options_destroy(options);
  CheckEqual("demo", chatcart_engine_bundle_name(engine));

  StartPhase("session_turn_json");
  code = chatcart_session_create(engine, "c-test", 6, 42, &session, &err);
  CheckNoError(code, err);
  code = chatcart_session_handle_turn(session, CHATCART_FORMAT_JSON, hi, strlen(hi), &result,
                                      &result_len, &err);
  CheckNoError(code, err);
  CheckCondition(result_len == strlen(result));
  CheckCondition(strstr(result, "\"replies\"") != NULL);
  CheckCondition(strstr(result, "\"text\"") != NULL);
  chatcart_free(result);
  result = NULL;

  StartPhase("session_turn_errors");
  code = chatcart_session_handle_turn(session, CHATCART_FORMAT_JSON, "{not json", 9, &result,
                                      &result_len, &err);
  CheckCondition(code == CHATCART_INVALID_ARGUMENT);
  CheckCondition(result == NULL);
  chatcart_free(err);
  err = NULL;
  code = chatcart_session_handle_turn(session, CHATCART_FORMAT_JSON, "{}", 2, &result,
                                      &result_len, &err);
  CheckCondition(code == CHATCART_INVALID_ARGUMENT);
  chatcart_free(err);
  err = NULL;
  code = chatcart_session_handle_turn(session, CHATCART_FORMAT_PROTO, "\xff\xff", 2, &result,
                                      &result_len, &err);
  CheckCondition(code == CHATCART_INVALID_ARGUMENT);
  chatcart_free(err);
  err = NULL;

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
  code = chatcart_session_restore(engine, snapshot, snapshot_len / 2, &truncated, &err);
  CheckCondition(code == CHATCART_DATA_LOSS);
  CheckCondition(truncated == NULL);
  chatcart_free(err);
  err = NULL;
  chatcart_free(snapshot);
  chatcart_session_destroy(restored);

  StartPhase("destroy");
  chatcart_session_destroy(session);
  chatcart_engine_destroy(engine);  /* after its sessions, or before: both are fine */
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
  if (argc > 1) TestEngine(argv[1]);
  TestFree();
  fprintf(stderr, "PASS\n");
  return 0;
}
