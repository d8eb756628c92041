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
#include <new>
#include <string_view>
#include <utility>

#include "absl/status/status.h"
#include "chatcart/c.h"

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
