// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The experimental C API of the session stores and the conversation runtime
// (include/chatcart/store.h, runtime.h): one-line wrappers as in c.cc.

#define CHATCART_C_EXPERIMENTAL 1

#include <google/protobuf/util/json_util.h>

#include <memory>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "c_api/c_api_internal.h"
#include "chatcart/c.h"
#include "chatcart/limits.h"
#include "chatcart/runtime.h"
#include "chatcart/store.h"
#include "chatcart/v1/runtime.pb.h"
#include "common/json_parse.h"
#include "common/status_macros.h"

struct chatcart_store_t {
  std::shared_ptr<chatcart::SessionStore> rep;
};
struct chatcart_conversations_t {
  std::unique_ptr<chatcart::Conversations> rep;
};

using chatcart::c_api::Guard;
using chatcart::c_api::Output;

extern "C" {

chatcart_code chatcart_experimental_store_open(const char* url, chatcart_store_t** store,
                                               char** errmsg) {
  return Guard(errmsg, [&]() -> absl::Status {
    static constexpr char kFn[] = "chatcart_experimental_store_open";
    CHATCART_C_REQUIRE(kFn, url);
    CHATCART_C_REQUIRE(kFn, store);
    absl::StatusOr<std::unique_ptr<chatcart::SessionStore>> opened =
        chatcart::OpenSessionStore(url);
    if (!opened.ok()) return opened.status();
    *store = new chatcart_store_t{std::shared_ptr<chatcart::SessionStore>(*std::move(opened))};
    return absl::OkStatus();
  });
}

void chatcart_experimental_store_destroy(chatcart_store_t* store) { delete store; }

chatcart_code chatcart_experimental_store_load(chatcart_store_t* store, const char* id,
                                               size_t id_len, char** value, size_t* value_len,
                                               int64_t* version, char** errmsg) {
  return Guard(errmsg, [&]() -> absl::Status {
    static constexpr char kFn[] = "chatcart_experimental_store_load";
    CHATCART_C_REQUIRE(kFn, store);
    CHATCART_C_ASSIGN_BYTES(std::string_view key, kFn, id, id_len);
    CHATCART_C_REQUIRE(kFn, value);
    CHATCART_C_REQUIRE(kFn, value_len);
    CHATCART_C_REQUIRE(kFn, version);
    absl::StatusOr<chatcart::StoredSession> loaded = store->rep->Load(key);
    if (!loaded.ok()) return loaded.status();
    absl::Status out = Output(loaded->value, value, value_len);
    if (out.ok()) *version = loaded->version;
    return out;
  });
}

chatcart_code chatcart_experimental_store_save(chatcart_store_t* store, const char* id,
                                               size_t id_len, const char* shopper,
                                               size_t shopper_len, const char* value,
                                               size_t value_len, int64_t expected_version,
                                               int64_t expires_at_ms, int64_t* new_version,
                                               char** errmsg) {
  return Guard(errmsg, [&]() -> absl::Status {
    static constexpr char kFn[] = "chatcart_experimental_store_save";
    CHATCART_C_REQUIRE(kFn, store);
    CHATCART_C_ASSIGN_BYTES(std::string_view key, kFn, id, id_len);
    CHATCART_C_ASSIGN_BYTES(std::string_view owner, kFn, shopper, shopper_len);
    CHATCART_C_ASSIGN_BYTES(std::string_view bytes, kFn, value, value_len);
    CHATCART_C_REQUIRE(kFn, new_version);
    absl::StatusOr<int64_t> saved = store->rep->Save({.id = key,
                                                      .shopper = owner,
                                                      .value = bytes,
                                                      .expected_version = expected_version,
                                                      .expires_at_ms = expires_at_ms});
    if (!saved.ok()) return saved.status();
    *new_version = *saved;
    return absl::OkStatus();
  });
}

chatcart_code chatcart_experimental_store_delete(chatcart_store_t* store, const char* id,
                                                 size_t id_len, char** errmsg) {
  return Guard(errmsg, [&]() -> absl::Status {
    static constexpr char kFn[] = "chatcart_experimental_store_delete";
    CHATCART_C_REQUIRE(kFn, store);
    CHATCART_C_ASSIGN_BYTES(std::string_view key, kFn, id, id_len);
    return store->rep->Delete(key);
  });
}

chatcart_code chatcart_experimental_conversations_create(const chatcart_engine_t* engine,
                                                         const chatcart_store_t* store,
                                                         chatcart_conversations_t** conversations,
                                                         char** errmsg) {
  return Guard(errmsg, [&]() -> absl::Status {
    static constexpr char kFn[] = "chatcart_experimental_conversations_create";
    CHATCART_C_REQUIRE(kFn, engine);
    CHATCART_C_REQUIRE(kFn, store);
    CHATCART_C_REQUIRE(kFn, conversations);
    chatcart::ConversationsOptions options;
    options.engine = engine->rep;
    options.store = store->rep;
    absl::StatusOr<std::unique_ptr<chatcart::Conversations>> made =
        chatcart::Conversations::Create(std::move(options));
    if (!made.ok()) return made.status();
    *conversations = new chatcart_conversations_t{*std::move(made)};
    return absl::OkStatus();
  });
}

void chatcart_experimental_conversations_destroy(chatcart_conversations_t* conversations) {
  delete conversations;
}

chatcart_code chatcart_experimental_conversations_create_with(
    const chatcart_engine_t* engine, const chatcart_store_t* store, const chatcart_desk_t* desk,
    const char* options_json, size_t options_len, chatcart_conversations_t** conversations,
    char** errmsg) {
  return Guard(errmsg, [&]() -> absl::Status {
    static constexpr char kFn[] = "chatcart_experimental_conversations_create_with";
    CHATCART_C_REQUIRE(kFn, engine);
    CHATCART_C_REQUIRE(kFn, store);
    CHATCART_C_ASSIGN_BYTES(std::string_view json, kFn, options_json, options_len);
    CHATCART_C_REQUIRE(kFn, conversations);
    chatcart::v1::ConversationsConfig config;
    if (absl::Status limits = chatcart::CheckJsonLimits(json, absl::StrCat(kFn, ": the options"));
        !limits.ok()) {
      return limits;
    }
    if (!json.empty()) {
      CHATCART_RETURN_IF_ERROR(chatcart::JsonToMessage(
          json, absl::StrCat(kFn, ": the options are no chatcart.v1.ConversationsConfig"),
          &config));
    }
    absl::StatusOr<chatcart::ConversationsOptions> options =
        chatcart::ConversationsOptionsFromConfig(config);
    if (!options.ok()) return options.status();
    options->engine = engine->rep;
    options->store = store->rep;
    if (desk != nullptr) options->desk = desk->rep;
    absl::StatusOr<std::unique_ptr<chatcart::Conversations>> made =
        chatcart::Conversations::Create(*std::move(options));
    if (!made.ok()) return made.status();
    *conversations = new chatcart_conversations_t{*std::move(made)};
    return absl::OkStatus();
  });
}

chatcart_code chatcart_experimental_conversations_desk_call(
    chatcart_conversations_t* conversations, const char* call_json, size_t call_len,
    int64_t now_unix_ms, char** result, size_t* result_len, char** errmsg) {
  return Guard(errmsg, [&]() -> absl::Status {
    static constexpr char kFn[] = "chatcart_experimental_conversations_desk_call";
    CHATCART_C_REQUIRE(kFn, conversations);
    CHATCART_C_ASSIGN_BYTES(std::string_view json, kFn, call_json, call_len);
    CHATCART_C_REQUIRE(kFn, result);
    absl::StatusOr<std::string> out = conversations->rep->DeskCallJson(json, now_unix_ms);
    if (!out.ok()) return out.status();
    return Output(*out, result, result_len);
  });
}

chatcart_code chatcart_experimental_conversations_handle(chatcart_conversations_t* conversations,
                                                         chatcart_format format,
                                                         const char* request, size_t request_len,
                                                         char** response, size_t* response_len,
                                                         char** errmsg) {
  return Guard(errmsg, [&]() -> absl::Status {
    static constexpr char kFn[] = "chatcart_experimental_conversations_handle";
    CHATCART_C_REQUIRE(kFn, conversations);
    CHATCART_C_ASSIGN_BYTES(std::string_view in, kFn, request, request_len);
    CHATCART_C_REQUIRE(kFn, response);
    absl::StatusOr<std::string> out;
    if (format == CHATCART_FORMAT_JSON) {
      out = conversations->rep->HandleJson(in);
    } else if (format == CHATCART_FORMAT_PROTO) {
      out = conversations->rep->HandleBytes(in);
    } else {
      return absl::InvalidArgumentError(
          absl::StrCat(kFn, ": format ", static_cast<int>(format),
                       " is neither CHATCART_FORMAT_JSON (1) nor CHATCART_FORMAT_PROTO (2)"));
    }
    if (!out.ok()) return out.status();
    return Output(*out, response, response_len);
  });
}

chatcart_code chatcart_experimental_conversations_due_timers(
    chatcart_conversations_t* conversations, int64_t now_ms, int32_t limit, char** json,
    size_t* json_len, char** errmsg) {
  return Guard(errmsg, [&]() -> absl::Status {
    static constexpr char kFn[] = "chatcart_experimental_conversations_due_timers";
    CHATCART_C_REQUIRE(kFn, conversations);
    CHATCART_C_REQUIRE(kFn, json);
    absl::StatusOr<std::vector<chatcart::DueTimer>> due =
        conversations->rep->DueTimers(now_ms, limit);
    if (!due.ok()) return due.status();
    chatcart::v1::DueTimerList list;
    for (const chatcart::DueTimer& t : *due) {
      chatcart::v1::DueTimerEntry* entry = list.add_timers();
      entry->set_conversation_id(t.conversation_id);
      entry->set_kind(t.kind);
      entry->set_due_unix_ms(t.due_at_ms);
    }
    std::string text;  // no maps: protobuf prints fields in a fixed order
    auto printed = google::protobuf::util::MessageToJsonString(list, &text);
    if (!printed.ok()) return absl::InternalError(std::string(printed.message()));
    return Output(text, json, json_len);
  });
}

chatcart_code chatcart_experimental_conversations_fire_timer(
    chatcart_conversations_t* conversations, const char* conversation_id,
    size_t conversation_id_len, const char* kind, int64_t due_unix_ms, char** response_json,
    size_t* response_len, char** errmsg) {
  return Guard(errmsg, [&]() -> absl::Status {
    static constexpr char kFn[] = "chatcart_experimental_conversations_fire_timer";
    CHATCART_C_REQUIRE(kFn, conversations);
    CHATCART_C_ASSIGN_BYTES(std::string_view id, kFn, conversation_id, conversation_id_len);
    CHATCART_C_REQUIRE(kFn, kind);
    CHATCART_C_REQUIRE(kFn, response_json);
    absl::StatusOr<chatcart::ConversationOutput> out =
        conversations->rep->FireTimer({std::string(id), kind, due_unix_ms});
    if (!out.ok()) return out.status();
    absl::StatusOr<std::string> text = chatcart::ConversationOutputToJson(*out);
    if (!text.ok()) return text.status();
    return Output(*text, response_json, response_len);
  });
}

chatcart_code chatcart_experimental_conversations_forget(chatcart_conversations_t* conversations,
                                                         const char* conversation_id,
                                                         size_t conversation_id_len,
                                                         char** errmsg) {
  return Guard(errmsg, [&]() -> absl::Status {
    static constexpr char kFn[] = "chatcart_experimental_conversations_forget";
    CHATCART_C_REQUIRE(kFn, conversations);
    CHATCART_C_ASSIGN_BYTES(std::string_view id, kFn, conversation_id, conversation_id_len);
    return conversations->rep->Forget(id);
  });
}

chatcart_code chatcart_experimental_conversations_forget_shopper(
    chatcart_conversations_t* conversations, const char* shopper, size_t shopper_len,
    int64_t* forgotten, char** errmsg) {
  return Guard(errmsg, [&]() -> absl::Status {
    static constexpr char kFn[] = "chatcart_experimental_conversations_forget_shopper";
    CHATCART_C_REQUIRE(kFn, conversations);
    CHATCART_C_ASSIGN_BYTES(std::string_view who, kFn, shopper, shopper_len);
    CHATCART_C_REQUIRE(kFn, forgotten);
    absl::StatusOr<int64_t> n = conversations->rep->ForgetShopper(who);
    if (!n.ok()) return n.status();
    *forgotten = *n;
    return absl::OkStatus();
  });
}

}  // extern "C"
