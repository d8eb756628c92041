// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Echo(): input quoted in an error message, bounded. Thread-safe (a pure
// function).

#ifndef CHATCART_COMMON_ECHO_H_
#define CHATCART_COMMON_ECHO_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace chatcart {

// Input echoed in an error message is cut to this many bytes.
inline constexpr size_t kMaxEchoBytes = 64;

// A parser's own message quoted in an error (protobuf's JSON parser quotes
// the input around the error, ill-formed bytes included) is echoed to this
// many bytes, as `chatcart cart apply` cuts it.
inline constexpr size_t kMaxJsonErrorBytes = 200;

// `input` as an error message may quote it: whole when it has at most
// `max_bytes` bytes, else its first `max_bytes` bytes or fewer (never
// splitting a UTF-8 sequence) and "\u2026" (…). A 10 MB product id then
// costs a message 67 bytes, not 10 MB (#22). Each ill-formed UTF-8
// subsequence of what is kept becomes U+FFFD, so the quote is well-formed
// UTF-8 wherever the message goes (a protobuf string field, JSON, a log): at
// most 3 * max_bytes + 3 bytes.
//   absl::StrCat("unknown product \"", Echo(id), "\"")
std::string Echo(std::string_view input, size_t max_bytes = kMaxEchoBytes);

}  // namespace chatcart

#endif  // CHATCART_COMMON_ECHO_H_
