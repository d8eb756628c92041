// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// absl::StrCat and StrAppend that also take std::string_view (Debian 12's
// Abseil has its own absl::string_view, which std::string_view does not
// convert to; see common/strings.h). Thread-safe.

#ifndef CHATCART_CHANNELS_CAT_H_
#define CHATCART_CHANNELS_CAT_H_

#include <string>
#include <string_view>
#include <type_traits>

#include "absl/strings/str_cat.h"
#include "common/strings.h"

namespace chatcart::channels::internal {

template <typename T>
decltype(auto) AbslArg(const T& value) {
  if constexpr (std::is_same_v<T, std::string_view>) {
    return ToAbsl(value);
  } else {
    return (value);
  }
}

template <typename... Args>
std::string Cat(const Args&... args) {
  return absl::StrCat(AbslArg(args)...);
}

template <typename... Args>
void Append(std::string* out, const Args&... args) {
  absl::StrAppend(out, AbslArg(args)...);
}

}  // namespace chatcart::channels::internal

#endif  // CHATCART_CHANNELS_CAT_H_
