// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// extern "C" wrappers over the public C++ API. Each wrapper is one call inside
// Guard(); see c_api_internal.h.

#include "chatcart/c.h"

#include <cstdlib>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "c_api/c_api_internal.h"
#include "chatcart/money.h"
#include "chatcart/version.h"

using chatcart::c_api::CopyString;
using chatcart::c_api::Guard;

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
    absl::StatusOr<chatcart::Money> money =
        chatcart::Money::Parse(std::string_view(decimal, decimal_len), currency);
    if (!money.ok()) return money.status();
    *minor_units = money->minor_units();
    return absl::OkStatus();
  });
}

chatcart_code chatcart_money_format(int64_t minor_units, const char* currency, const char* locale,
                                    char** formatted, char** errmsg) {
  return Guard(errmsg, [&]() -> absl::Status {
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
