/* Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
 *
 * The experimental stores and conversations of the C API, from C: a store by
 * URL, compare-and-set saves, a conversation continued across two runtimes
 * on one SQLite file, a duplicate webhook, timers, forgetting, and errors.
 *
 *   c_api_c_runtime_test DEMO_BUNDLE_DIR SCRATCH_DIR */

#define _POSIX_C_SOURCE 200809L
#define CHATCART_C_EXPERIMENTAL
#include "chatcart/c.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char* phase = "";

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

static void TestStore(void) {
  chatcart_store_t* store = NULL;
  char* err = NULL;
  char* value = NULL;
  size_t value_len = 0;
  int64_t version = -1;
  phase = "store";
  CheckNoError(chatcart_experimental_store_open("memory:", &store, &err), err);
  CheckNoError(chatcart_experimental_store_save(store, "a", 1, "cust-7", 6, "v\0one", 5, 0, 0,
                                                &version, &err),
               err);
  CheckCondition(version == 1);
  CheckCondition(chatcart_experimental_store_save(store, "a", 1, NULL, 0, "x", 1, 0, 0, &version,
                                                  &err) == CHATCART_ABORTED);
  CheckCondition(strstr(err, "version conflict") != NULL);
  CheckNoError(chatcart_experimental_store_load(store, "a", 1, &value, &value_len, &version, &err),
               err);
  CheckCondition(value_len == 5 && memcmp(value, "v\0one", 5) == 0 && version == 1);
  chatcart_free(value);
  CheckNoError(chatcart_experimental_store_delete(store, "a", 1, &err), err);
  CheckCondition(chatcart_experimental_store_load(store, "a", 1, &value, &value_len, &version,
                                                  &err) == CHATCART_NOT_FOUND);
  CheckCondition(chatcart_experimental_store_open("ftp://x", &store, &err) ==
                 CHATCART_INVALID_ARGUMENT);
  CheckCondition(strstr(err, "ftp://x") != NULL);
  CheckCondition(chatcart_experimental_store_open(NULL, &store, &err) ==
                 CHATCART_INVALID_ARGUMENT);
  chatcart_experimental_store_destroy(store);
  chatcart_experimental_store_destroy(NULL);
  chatcart_free(err);
}

static char* Handle(chatcart_conversations_t* conversations, const char* request) {
  char* response = NULL;
  size_t len = 0;
  char* err = NULL;
  CheckNoError(chatcart_experimental_conversations_handle(conversations, CHATCART_FORMAT_JSON,
                                                          request, strlen(request), &response,
                                                          &len, &err),
               err);
  CheckCondition(strlen(response) == len);
  return response;
}

static void TestConversations(const char* bundle, const char* scratch) {
  chatcart_engine_t* engine = NULL;
  chatcart_store_t* store = NULL;
  chatcart_conversations_t* first = NULL;
  chatcart_conversations_t* second = NULL;
  char* err = NULL;
  char* response = NULL;
  char path[4096];
  char url[4200];
  const char* suffixes[] = {"", "-wal", "-shm"};
  const char* no_time = "{\"conversationId\": \"x\", \"turn\": {\"text\": \"hi\"}}";
  int64_t forgotten = -1;
  int i;
  phase = "conversations";
  for (i = 0; i < 3; ++i) {
    snprintf(path, sizeof(path), "%s/c_runtime_test.db%s", scratch, suffixes[i]);
    remove(path);
  }
  snprintf(url, sizeof(url), "sqlite:%s/c_runtime_test.db?durability=normal", scratch);
  CheckNoError(chatcart_engine_create_from_path(bundle, NULL, &engine, &err), err);
  CheckNoError(chatcart_experimental_store_open(url, &store, &err), err);
  CheckNoError(chatcart_experimental_conversations_create(engine, store, &first, &err), err);
  CheckNoError(chatcart_experimental_conversations_create(engine, store, &second, &err), err);
  /* Both runtimes hold the engine and the store: the handles may go first. */
  chatcart_experimental_store_destroy(store);
  chatcart_engine_destroy(engine);

  response = Handle(first,
                    "{\"conversationId\": \"web-42\", \"shopper\": \"cust-7\", \"messageId\": \"m1\","
                    " \"turn\": {\"text\": \"I need a gift for my 6 year old under 40 euros\","
                    " \"time\": \"2026-11-23T10:00:00Z\"}}");
  CheckCondition(strstr(response, "What are they into?") != NULL ||
                 strstr(response, "What do they enjoy?") != NULL);
  CheckCondition(strstr(response, "\"version\":\"1\"") != NULL);
  chatcart_free(response);
  /* The other runtime continues it from the file. */
  response = Handle(second,
                    "{\"conversationId\": \"web-42\", \"messageId\": \"m2\","
                    " \"turn\": {\"text\": \"she loves lego\", \"time\": \"2026-11-23T10:00:30Z\"}}");
  CheckCondition(strstr(response, "lego, under 40 euros") != NULL);
  chatcart_free(response);
  response = Handle(first,
                    "{\"conversationId\": \"web-42\", \"messageId\": \"m3\","
                    " \"turn\": {\"text\": \"add the second one\", \"time\": \"2026-11-23T10:01:00Z\"}}");
  CheckCondition(strstr(response, "Added Brickville Junior Farm") != NULL);
  chatcart_free(response);
  /* A webhook delivered twice: applied once. */
  response = Handle(second,
                    "{\"conversationId\": \"web-42\", \"messageId\": \"m3\","
                    " \"turn\": {\"text\": \"add the second one\", \"time\": \"2026-11-23T10:01:00Z\"}}");
  CheckCondition(strstr(response, "\"duplicate\":true") != NULL);
  CheckCondition(strstr(response, "\"version\":\"3\"") != NULL);
  chatcart_free(response);

  /* The abandoned cart's timer, an hour after the last message. */
  CheckNoError(chatcart_experimental_conversations_due_timers(first, 1795431660000LL, 10, &response,
                                                              NULL, &err),
               err);
  CheckCondition(strstr(response, "\"kind\":\"cart_abandoned\"") != NULL);
  CheckCondition(strstr(response, "\"dueUnixMs\":\"1795431660000\"") != NULL);
  chatcart_free(response);
  CheckNoError(chatcart_experimental_conversations_fire_timer(first, "web-42", 6, "cart_abandoned",
                                                              1795431660000LL, &response, NULL,
                                                              &err),
               err);
  CheckCondition(strstr(response, "You left a few things in your cart") != NULL);
  chatcart_free(response);
  CheckCondition(chatcart_experimental_conversations_fire_timer(
                     first, "web-42", 6, "cart_abandoned", 1795431660000LL, &response, NULL,
                     &err) != CHATCART_OK);

  /* Errors. */
  CheckCondition(chatcart_experimental_conversations_handle(first, CHATCART_FORMAT_JSON, "{", 1,
                                                            &response, NULL, &err) ==
                 CHATCART_INVALID_ARGUMENT);
  CheckCondition(chatcart_experimental_conversations_handle(first, CHATCART_FORMAT_JSON, no_time,
                                                            strlen(no_time), &response, NULL,
                                                            &err) == CHATCART_INVALID_ARGUMENT);
  CheckCondition(strstr(err, "no time") != NULL);

  CheckNoError(chatcart_experimental_conversations_forget_shopper(first, "cust-7", 6, &forgotten,
                                                                  &err),
               err);
  CheckCondition(forgotten == 1);
  CheckNoError(chatcart_experimental_conversations_forget(first, "web-42", 6, &err), err);
  chatcart_experimental_conversations_destroy(first);
  chatcart_experimental_conversations_destroy(second);
  chatcart_experimental_conversations_destroy(NULL);
  chatcart_free(err);
}

static char* DeskCall(chatcart_conversations_t* conversations, const char* call, int64_t ms) {
  char* result = NULL;
  char* err = NULL;
  CheckNoError(chatcart_experimental_conversations_desk_call(conversations, call, strlen(call),
                                                             ms, &result, NULL, &err),
               err);
  return result;
}

/* A handoff through the desk: queued, an agent joins, writes, gets
 * suggestions, resolves. */
static void TestDesk(const char* bundle) {
  chatcart_engine_t* engine = NULL;
  chatcart_store_t* store = NULL;
  chatcart_desk_t* desk = NULL;
  chatcart_conversations_t* conversations = NULL;
  char* err = NULL;
  char* out = NULL;
  const char* options = "{\"deskSkill\": \"\", \"deskPolicy\": {\"cannedReply\": "
                        "[{\"code\": \"hi\", \"text\": \"Hi, how can I help?\", "
                        "\"intents\": [\"greet\"]}]}}";
  const char* zoe = "{\"call\": \"accept\", \"agent\": \"zoe\", \"conversation\": \"ann\"}";
  const int64_t t0 = 1795428000000;
  phase = "desk";
  CheckNoError(chatcart_engine_create_from_path(bundle, NULL, &engine, &err), err);
  CheckNoError(chatcart_experimental_store_open("memory:", &store, &err), err);
  CheckNoError(chatcart_experimental_desk_create(NULL, 0, &desk, &err), err);
  CheckCondition(chatcart_experimental_conversations_create_with(engine, store, desk, "{bad", 4,
                                                                 &conversations, &err) ==
                 CHATCART_INVALID_ARGUMENT);
  CheckNoError(chatcart_experimental_conversations_create_with(
                   engine, store, desk, options, strlen(options), &conversations, &err),
               err);
  chatcart_experimental_desk_destroy(desk); /* the conversations keep it */
  out = Handle(conversations,
               "{\"conversationId\": \"ann\", \"messageId\": \"m1\", \"turn\": {\"text\": "
               "\"I want to talk to a person\", \"time\": \"2026-11-23T10:00:00Z\"}}");
  CheckCondition(strstr(out, "You're next.") != NULL);
  chatcart_free(out);
  chatcart_free(DeskCall(conversations,
                         "{\"call\": \"set_agent\", \"agent\": \"nick\", \"name\": \"Nick\"}",
                         t0 + 1000));
  out = DeskCall(conversations,
                 "{\"call\": \"set_availability\", \"agent\": \"nick\", "
                 "\"availability\": \"ONLINE\"}",
                 t0 + 1000);
  CheckCondition(strstr(out, "OFFER") != NULL);
  chatcart_free(out);
  out = DeskCall(conversations, "{\"call\": \"accept\", \"agent\": \"nick\", "
                                "\"conversation\": \"ann\"}", t0 + 2000);
  CheckCondition(strstr(out, "Nick has joined the chat.") != NULL);
  chatcart_free(out);
  out = Handle(conversations,
               "{\"conversationId\": \"ann\", \"messageId\": \"m2\", \"turn\": {\"text\": "
               "\"hello\", \"time\": \"2026-11-23T10:00:03Z\"}}");
  CheckCondition(strstr(out, "SHOPPER_MESSAGE") != NULL);
  chatcart_free(out);
  out = DeskCall(conversations, "{\"call\": \"suggest\", \"conversation\": \"ann\"}",
                 t0 + 4000);
  CheckCondition(strstr(out, "\"code\":\"hi\"") != NULL || strstr(out, "\"code\": \"hi\"") != NULL);
  chatcart_free(out);
  out = DeskCall(conversations, "{\"call\": \"agent_message\", \"agent\": \"nick\", "
                                "\"conversation\": \"ann\", \"text\": \"Hi Ann!\", "
                                "\"messageId\": \"n1\"}", t0 + 5000);
  CheckCondition(strstr(out, "Hi Ann!") != NULL);
  chatcart_free(out);
  out = DeskCall(conversations, "{\"call\": \"resolve\", \"agent\": \"nick\", "
                                "\"conversation\": \"ann\"}", t0 + 6000);
  CheckCondition(strstr(out, "back to help") != NULL);
  chatcart_free(out);
  CheckCondition(chatcart_experimental_conversations_desk_call(conversations, zoe, strlen(zoe),
                                                               t0 + 7000, &out, NULL,
                                                               &err) == CHATCART_NOT_FOUND);
  chatcart_experimental_conversations_destroy(conversations);
  chatcart_experimental_store_destroy(store);
  chatcart_engine_destroy(engine);
  chatcart_free(err);
}

int main(int argc, char** argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: c_api_c_runtime_test DEMO_BUNDLE_DIR SCRATCH_DIR\n");
    return 2;
  }
  TestStore();
  TestConversations(argv[1], argv[2]);
  TestDesk(argv[1]);
  fprintf(stderr, "PASS\n");
  return 0;
}
