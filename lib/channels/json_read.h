// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Reading webhook JSON with simdjson's DOM: typed field access that names
// the path of what is wrong ("messenger entry[0].messaging[1].sender.id: not
// a string"). One parser per thread (its buffers are reused).

#ifndef CHATCART_CHANNELS_JSON_READ_H_
#define CHATCART_CHANNELS_JSON_READ_H_

#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "channels/cat.h"
#include "simdjson.h"

namespace chatcart::channels::internal {

// Parses `body` as JSON; INVALID_ARGUMENT naming `what` and simdjson's
// reason for malformed or truncated input. The element lives until the next
// ParseJson on this thread.
absl::StatusOr<simdjson::dom::element> ParseJson(std::string_view body, std::string_view what);

// An optional string member: absent or null leaves *out empty; another type
// is INVALID_ARGUMENT naming `path`.key.
absl::Status OptString(simdjson::dom::object object, std::string_view key, std::string_view path,
                       std::string_view* out);
// A required string member.
absl::Status ReqString(simdjson::dom::object object, std::string_view key, std::string_view path,
                       std::string_view* out);
// An optional integer member, as a number or a string of digits.
absl::Status OptInt(simdjson::dom::object object, std::string_view key, std::string_view path,
                    int64_t* out);
// An optional object / array member: *found says whether it is there.
absl::Status OptObject(simdjson::dom::object object, std::string_view key, std::string_view path,
                       simdjson::dom::object* out, bool* found);
absl::Status OptArray(simdjson::dom::object object, std::string_view key, std::string_view path,
                      simdjson::dom::array* out, bool* found);

inline absl::Status Bad(std::string_view path, std::string_view key, std::string_view what) {
  return absl::InvalidArgumentError(Cat(path, ".", key, ": ", what));
}

}  // namespace chatcart::channels::internal

#endif  // CHATCART_CHANNELS_JSON_READ_H_
