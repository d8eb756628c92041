// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// extern "C" wrappers over the public C++ API. Each wrapper is one call inside
// Guard(); see c_api_internal.h.

#include "chatcart/c.h"

#include <cstdlib>
#include <memory>
#include <new>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "c_api/c_api_internal.h"
#include "chatcart/engine.h"
#include "chatcart/money.h"
#include "chatcart/session.h"
#include "chatcart/version.h"

using chatcart::c_api::Bytes;
using chatcart::c_api::CopyString;
using chatcart::c_api::Guard;
using chatcart::c_api::NullArgument;
using chatcart::c_api::Output;

extern "C" {

const char* chatcart_version_string(void) { return CHATCART_VERSION_STRING; }

uint32_t chatcart_version_number(void) { return CHATCART_VERSION_NUMBER; }

const char* chatcart_code_name(chatcart_code code) {
  switch (code) {
    case CHATCART_OK:
      return "OK";
    case CHATCART_CANCELLED:
      return "CANCELLED";
    case CHATCART_UNKNOWN:
      return "UNKNOWN";
    case CHATCART_INVALID_ARGUMENT:
      return "INVALID_ARGUMENT";
    case CHATCART_DEADLINE_EXCEEDED:
      return "DEADLINE_EXCEEDED";
    case CHATCART_NOT_FOUND:
      return "NOT_FOUND";
    case CHATCART_ALREADY_EXISTS:
      return "ALREADY_EXISTS";
    case CHATCART_PERMISSION_DENIED:
      return "PERMISSION_DENIED";
    case CHATCART_RESOURCE_EXHAUSTED:
      return "RESOURCE_EXHAUSTED";
    case CHATCART_FAILED_PRECONDITION:
      return "FAILED_PRECONDITION";
    case CHATCART_ABORTED:
      return "ABORTED";
    case CHATCART_OUT_OF_RANGE:
      return "OUT_OF_RANGE";
    case CHATCART_UNIMPLEMENTED:
      return "UNIMPLEMENTED";
    case CHATCART_INTERNAL:
      return "INTERNAL";
    case CHATCART_UNAVAILABLE:
      return "UNAVAILABLE";
    case CHATCART_DATA_LOSS:
      return "DATA_LOSS";
    case CHATCART_UNAUTHENTICATED:
      return "UNAUTHENTICATED";
  }
  return "UNKNOWN";
}

void chatcart_free(void* ptr) { std::free(ptr); }

chatcart_code chatcart_money_parse(const char* decimal, size_t decimal_len, const char* currency,
                                   int64_t* minor_units, char** errmsg) {
  return Guard(errmsg, [&]() -> absl::Status {
    static constexpr char kFn[] = "chatcart_money_parse";
    CHATCART_C_ASSIGN_BYTES(std::string_view text, kFn, decimal, decimal_len);
    CHATCART_C_REQUIRE(kFn, currency);
    CHATCART_C_REQUIRE(kFn, minor_units);
    absl::StatusOr<chatcart::Money> money = chatcart::Money::Parse(text, currency);
    if (!money.ok()) return money.status();
    *minor_units = money->minor_units();
    return absl::OkStatus();
  });
}

chatcart_code chatcart_money_format(int64_t minor_units, const char* currency, const char* locale,
                                    char** formatted, char** errmsg) {
  return Guard(errmsg, [&]() -> absl::Status {
    static constexpr char kFn[] = "chatcart_money_format";
    CHATCART_C_REQUIRE(kFn, currency);
    CHATCART_C_REQUIRE(kFn, locale);
    CHATCART_C_REQUIRE(kFn, formatted);
    absl::StatusOr<chatcart::Money> money = chatcart::Money::FromMinorUnits(minor_units, currency);
    if (!money.ok()) return money.status();
    absl::StatusOr<std::string> text = money->Format(locale);
    if (!text.ok()) return text.status();
    char* out = CopyString(*text);
    if (out == nullptr) return absl::ResourceExhaustedError("out of memory");
    *formatted = out;
    return absl::OkStatus();
  });
}

}  // extern "C"

// ---------------------------------------------------------------- engine

extern "C" {

chatcart_engine_options_t* chatcart_engine_options_create(void) {
  return new (std::nothrow) chatcart_engine_options_t();
}

void chatcart_engine_options_destroy(chatcart_engine_options_t* options) { delete options; }

void chatcart_engine_options_set_lenient_catalog(chatcart_engine_options_t* options,
                                                 uint8_t lenient) {
  if (options != nullptr) options->rep.lenient_catalog = lenient != 0;
}

void chatcart_engine_options_set_max_text_chars(chatcart_engine_options_t* options,
                                                size_t max_chars) {
  if (options != nullptr) options->rep.max_text_chars = max_chars;
}

chatcart_code chatcart_engine_create_from_path(const char* bundle_dir,
                                               const chatcart_engine_options_t* options,
                                               chatcart_engine_t** engine, char** errmsg) {
  return Guard(errmsg, [&]() -> absl::Status {
    static constexpr char kFn[] = "chatcart_engine_create_from_path";
    CHATCART_C_REQUIRE(kFn, bundle_dir);
    CHATCART_C_REQUIRE(kFn, engine);
    chatcart::EngineOptions defaults;
    absl::StatusOr<std::shared_ptr<const chatcart::Engine>> created =
        chatcart::Engine::Create(bundle_dir, options != nullptr ? options->rep : defaults);
    if (!created.ok()) return created.status();
    *engine = new chatcart_engine_t{*std::move(created)};
    return absl::OkStatus();
  });
}

void chatcart_engine_destroy(chatcart_engine_t* engine) { delete engine; }

const char* chatcart_engine_bundle_name(const chatcart_engine_t* engine) {
  return engine != nullptr ? engine->rep->identity().name.c_str() : nullptr;
}

const char* chatcart_engine_bundle_version(const chatcart_engine_t* engine) {
  return engine != nullptr ? engine->rep->identity().version.c_str() : nullptr;
}

chatcart_code chatcart_session_create(const chatcart_engine_t* engine, const char* id,
                                      size_t id_len, uint64_t seed, chatcart_session_t** session,
                                      char** errmsg) {
  return Guard(errmsg, [&]() -> absl::Status {
    static constexpr char kFn[] = "chatcart_session_create";
    CHATCART_C_REQUIRE(kFn, engine);
    CHATCART_C_ASSIGN_BYTES(std::string_view host_id, kFn, id, id_len);
    CHATCART_C_REQUIRE(kFn, session);
    *session = new chatcart_session_t{engine->rep->NewSession(host_id, seed)};
    return absl::OkStatus();
  });
}

void chatcart_session_destroy(chatcart_session_t* session) { delete session; }

chatcart_code chatcart_session_handle_turn(chatcart_session_t* session, chatcart_format format,
                                           const char* input, size_t input_len, char** result,
                                           size_t* result_len, char** errmsg) {
  return Guard(errmsg, [&]() -> absl::Status {
    static constexpr char kFn[] = "chatcart_session_handle_turn";
    CHATCART_C_REQUIRE(kFn, session);
    CHATCART_C_ASSIGN_BYTES(std::string_view in, kFn, input, input_len);
    CHATCART_C_REQUIRE(kFn, result);
    if (format == CHATCART_FORMAT_JSON) {
      absl::StatusOr<std::string> out = session->rep->HandleTurnJson(in);
      if (!out.ok()) return out.status();
      return Output(*out, result, result_len);
    }
    if (format != CHATCART_FORMAT_PROTO) {
      return absl::InvalidArgumentError(
          absl::StrCat(kFn, ": format ", static_cast<int>(format),
                       " is neither CHATCART_FORMAT_JSON (1) nor CHATCART_FORMAT_PROTO (2)"));
    }
    absl::StatusOr<std::string> out = session->rep->HandleTurnBytes(in);
    if (!out.ok()) return out.status();
    return Output(*out, result, result_len);
  });
}

chatcart_code chatcart_session_snapshot(const chatcart_session_t* session, char** bytes,
                                        size_t* len, char** errmsg) {
  return Guard(errmsg, [&]() -> absl::Status {
    static constexpr char kFn[] = "chatcart_session_snapshot";
    CHATCART_C_REQUIRE(kFn, session);
    CHATCART_C_REQUIRE(kFn, bytes);
    CHATCART_C_REQUIRE(kFn, len);
    return Output(session->rep->Snapshot(), bytes, len);
  });
}

chatcart_code chatcart_session_restore(const chatcart_engine_t* engine, const char* bytes,
                                       size_t len, chatcart_session_t** session, char** errmsg) {
  return Guard(errmsg, [&]() -> absl::Status {
    static constexpr char kFn[] = "chatcart_session_restore";
    CHATCART_C_REQUIRE(kFn, engine);
    CHATCART_C_ASSIGN_BYTES(std::string_view snapshot, kFn, bytes, len);
    CHATCART_C_REQUIRE(kFn, session);
    absl::StatusOr<std::unique_ptr<chatcart::Session>> restored =
        engine->rep->RestoreSession(snapshot);
    if (!restored.ok()) return restored.status();
    *session = new chatcart_session_t{*std::move(restored)};
    return absl::OkStatus();
  });
}

}  // extern "C"
