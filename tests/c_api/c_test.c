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

static void TestFree(void) {
  StartPhase("free");
  chatcart_free(NULL);
}

int main(void) {
  TestVersion();
  TestCodes();
  TestMoney();
  TestFree();
  fprintf(stderr, "PASS\n");
  return 0;
}
