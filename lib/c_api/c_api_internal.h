// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The one status translation and exception guard that every C wrapper uses,
// so that no C++ exception crosses the C API and every error reaches the host
// as a chatcart_code plus a message.

#ifndef CHATCART_C_API_C_API_INTERNAL_H_
#define CHATCART_C_API_C_API_INTERNAL_H_

#include <cstdlib>
#include <cstring>
#include <exception>
#include <memory>
#include <new>
#include <string_view>
#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "chatcart/c.h"
#include "chatcart/desk.h"
#include "chatcart/engine.h"
#include "chatcart/session.h"

// The handles: one C++ object each (leveldb's db/c.cc).
struct chatcart_engine_options_t {
  chatcart::EngineOptions rep;
};
struct chatcart_engine_t {
  std::shared_ptr<const chatcart::Engine> rep;
};
struct chatcart_session_t {
  std::unique_ptr<chatcart::Session> rep;
};
// Shared: a conversations object may route through a desk (c_runtime.cc).
struct chatcart_desk_t {
  std::shared_ptr<chatcart::Desk> rep;
};

namespace chatcart::c_api {

// A malloc'd NUL-terminated copy of `s`, or nullptr when out of memory.
inline char* CopyString(std::string_view s) {
  char* out = static_cast<char*>(std::malloc(s.size() + 1));
  if (out == nullptr) return nullptr;
  std::memcpy(out, s.data(), s.size());
  out[s.size()] = '\0';
  return out;
}

// Stores `message` in *errmsg by convention (3) of c.h.
inline void SetError(char** errmsg, std::string_view message) {
  if (errmsg == nullptr) return;
  std::free(*errmsg);
  *errmsg = CopyString(message);
}

// Copies `bytes` into a malloc'd buffer with a NUL after them, stored in
// *out (and their size in *len when len is not null).
inline absl::Status Output(std::string_view bytes, char** out, size_t* len) {
  char* copy = CopyString(bytes);
  if (copy == nullptr) return absl::ResourceExhaustedError("out of memory");
  *out = copy;
  if (len != nullptr) *len = bytes.size();
  return absl::OkStatus();
}

// Convention (5) of c.h: a NULL argument is INVALID_ARGUMENT naming it.
inline absl::Status NullArgument(const char* function, const char* parameter) {
  return absl::InvalidArgumentError(absl::StrCat(function, ": ", parameter, " is NULL"));
}

// Convention (2): `data` and `len` as bytes; NULL is the empty string when
// len is 0 and INVALID_ARGUMENT otherwise.
inline absl::StatusOr<std::string_view> Bytes(const char* function, const char* parameter,
                                              const char* data, size_t len) {
  if (data == nullptr) {
    if (len == 0) return std::string_view();
    return absl::InvalidArgumentError(
        absl::StrCat(function, ": ", parameter, " is NULL but its length is ", len));
  }
  return std::string_view(data, len);
}

// Inside a Guard body: returns INVALID_ARGUMENT when `param` is NULL.
#define CHATCART_C_REQUIRE(function, param) \
  if ((param) == nullptr) return ::chatcart::c_api::NullArgument(function, #param)

// Inside a Guard body: `decl` = the bytes of (data, len), or returns the error.
#define CHATCART_C_ASSIGN_BYTES(decl, function, data, len)  \
  absl::StatusOr<std::string_view> data##_bytes_ =          \
      ::chatcart::c_api::Bytes(function, #data, data, len); \
  if (!data##_bytes_.ok()) return data##_bytes_.status();   \
  decl = *data##_bytes_

// Translates `status` into a code, storing its message in *errmsg on failure.
inline chatcart_code ToCode(const absl::Status& status, char** errmsg) {
  if (status.ok()) return CHATCART_OK;
  std::string_view message(status.message().data(), status.message().size());
  SetError(errmsg, message);
  return static_cast<chatcart_code>(status.code());
}

// Runs `body`, a callable returning absl::Status, and translates the result.
// Catches every exception: std::bad_alloc becomes RESOURCE_EXHAUSTED, anything
// else INTERNAL with what() in the message.
template <typename Body>
chatcart_code Guard(char** errmsg, Body&& body) noexcept {
  try {
    return ToCode(std::forward<Body>(body)(), errmsg);
  } catch (const std::bad_alloc&) {
    SetError(errmsg, "out of memory");
    return CHATCART_RESOURCE_EXHAUSTED;
  } catch (const std::exception& e) {
    try {
      std::string message = "internal error: ";
      message += e.what();
      SetError(errmsg, message);
    } catch (...) {
      SetError(errmsg, "internal error");
    }
    return CHATCART_INTERNAL;
  } catch (...) {
    SetError(errmsg, "internal error: unknown exception");
    return CHATCART_INTERNAL;
  }
}

}  // namespace chatcart::c_api

#endif  // CHATCART_C_API_C_API_INTERNAL_H_
