// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The agent desk in the experimental C API: a desk over an in-memory store,
// every call as JSON (Desk::CallJson), redaction and Erlang C.

#define CHATCART_C_EXPERIMENTAL
#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "c_api/c_api_internal.h"
#include "chatcart/c.h"
#include "chatcart/desk.h"
#include "chatcart/desk_store.h"
#include "chatcart/limits.h"
#include "chatcart/redact.h"
#include "chatcart/v1/desk.pb.h"
#include "common/json_parse.h"
#include "common/status_macros.h"

using chatcart::c_api::Guard;
using chatcart::c_api::Output;

extern "C" {

chatcart_code chatcart_experimental_desk_create(const char* policy_json, size_t policy_len,
                                                chatcart_desk_t** desk, char** errmsg) {
  return Guard(errmsg, [&]() -> absl::Status {
    static constexpr char kFn[] = "chatcart_experimental_desk_create";
    CHATCART_C_ASSIGN_BYTES(std::string_view json, kFn, policy_json, policy_len);
    CHATCART_C_REQUIRE(kFn, desk);
    chatcart::v1::DeskPolicy policy;
    if (absl::Status limits = chatcart::CheckJsonLimits(json, absl::StrCat(kFn, ": the policy"));
        !limits.ok()) {
      return limits;
    }
    if (!json.empty()) {
      CHATCART_RETURN_IF_ERROR(chatcart::JsonToMessage(
          json, absl::StrCat(kFn, ": the policy is no chatcart.v1.DeskPolicy"), &policy));
    }
    absl::StatusOr<chatcart::DeskOptions> options = chatcart::DeskOptions::FromPolicy(policy);
    if (!options.ok()) return options.status();
    absl::StatusOr<std::unique_ptr<chatcart::Desk>> created =
        chatcart::Desk::Create(chatcart::NewInMemoryDeskStore(), *std::move(options));
    if (!created.ok()) return created.status();
    auto handle = std::make_unique<chatcart_desk_t>();
    handle->rep = *std::move(created);
    *desk = handle.release();
    return absl::OkStatus();
  });
}

void chatcart_experimental_desk_destroy(chatcart_desk_t* desk) { delete desk; }

chatcart_code chatcart_experimental_desk_call(chatcart_desk_t* desk, const char* call_json,
                                              size_t call_len, int64_t now_unix_ms, char** result,
                                              size_t* result_len, char** errmsg) {
  return Guard(errmsg, [&]() -> absl::Status {
    static constexpr char kFn[] = "chatcart_experimental_desk_call";
    CHATCART_C_REQUIRE(kFn, desk);
    CHATCART_C_ASSIGN_BYTES(std::string_view json, kFn, call_json, call_len);
    CHATCART_C_REQUIRE(kFn, result);
    absl::StatusOr<std::string> out =
        desk->rep->CallJson(json, absl::FromUnixMillis(now_unix_ms));
    if (!out.ok()) return out.status();
    return Output(*out, result, result_len);
  });
}

chatcart_code chatcart_experimental_redact(const char* text, size_t text_len, const char* language,
                                           char** result, size_t* result_len, char** errmsg) {
  return Guard(errmsg, [&]() -> absl::Status {
    static constexpr char kFn[] = "chatcart_experimental_redact";
    CHATCART_C_ASSIGN_BYTES(std::string_view in, kFn, text, text_len);
    CHATCART_C_REQUIRE(kFn, result);
    return Output(chatcart::Redact(in, language == nullptr ? "" : language).text, result,
                  result_len);
  });
}

chatcart_code chatcart_experimental_erlang_c(double arrivals_per_hour, double handle_time_s,
                                             int32_t agents, double target_answer_s,
                                             double answer_within_s, int32_t* agents_out,
                                             double* p_wait, double* average_answer_s,
                                             double* service_level, char** errmsg) {
  return Guard(errmsg, [&]() -> absl::Status {
    static constexpr char kFn[] = "chatcart_experimental_erlang_c";
    CHATCART_C_REQUIRE(kFn, agents_out);
    CHATCART_C_REQUIRE(kFn, p_wait);
    CHATCART_C_REQUIRE(kFn, average_answer_s);
    CHATCART_C_REQUIRE(kFn, service_level);
    absl::StatusOr<chatcart::StaffingResult> r =
        agents > 0 ? chatcart::ErlangC(arrivals_per_hour, handle_time_s, agents, answer_within_s)
                   : chatcart::AgentsNeeded(arrivals_per_hour, handle_time_s, target_answer_s,
                                            answer_within_s);
    if (!r.ok()) return r.status();
    *agents_out = r->agents;
    *p_wait = r->p_wait;
    *average_answer_s = r->average_answer_s;
    *service_level = r->service_level;
    return absl::OkStatus();
  });
}

}  // extern "C"
