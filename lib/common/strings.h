// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The std/absl string_view bridge, and the small string helpers components
// share (Trim). Debian 12's Abseil is built with its own absl::string_view
// (ABSL_OPTION_USE_STD_STRING_VIEW 0), a different type from std::string_view.
// Public headers speak std::string_view; convert at the Abseil call site with
// ToAbsl() and back with ToStd(). Both are free.
//
//   return absl::InvalidArgumentError(absl::StrCat("bad code ", ToAbsl(code)));

#ifndef CHATCART_COMMON_STRINGS_H_
#define CHATCART_COMMON_STRINGS_H_

#include <string_view>

#include "absl/strings/ascii.h"
#include "absl/strings/string_view.h"

namespace chatcart {

inline absl::string_view ToAbsl(std::string_view s) {
  return absl::string_view(s.data(), s.size());
}

inline std::string_view ToStd(absl::string_view s) { return std::string_view(s.data(), s.size()); }

// `s` without the ASCII whitespace at either end (absl::StripAsciiWhitespace
// over std::string_view): " price <= 300 " -> "price <= 300".
inline std::string_view Trim(std::string_view s) {
  return ToStd(absl::StripAsciiWhitespace(ToAbsl(s)));
}

}  // namespace chatcart

#endif  // CHATCART_COMMON_STRINGS_H_
