// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The protobuf JSON mapping parsed with the parser's complaint echoed, not
// quoted whole. protobuf's JsonStringToMessage quotes the input in its
// messages (an unknown key or a bad value whole, the text around a syntax
// error, ill-formed UTF-8 included): a 1 MB key made a 1 MB error, and bytes
// that are not UTF-8 made one no protobuf string, JSON or Python str can hold
// (#22). The library parses JSON it is handed here or through the public
// ParseJson (chatcart/wire.h), which echoes the same way after
// CheckJsonLimits. Thread-safe (a pure function).

#ifndef CHATCART_COMMON_JSON_PARSE_H_
#define CHATCART_COMMON_JSON_PARSE_H_

#include <string_view>

#include "absl/status/status.h"
#include "google/protobuf/message.h"
#include "google/protobuf/util/json_util.h"

namespace chatcart {

// Parses `json` into `message`. On failure INVALID_ARGUMENT "<what>: <the
// parser's message>", the parser's message through Echo(…,
// kMaxJsonErrorBytes) (common/echo.h): at most 200 bytes of it, each
// ill-formed UTF-8 subsequence as U+FFFD. Limits on the input
// (CheckJsonLimits) are the caller's.
//   CHATCART_RETURN_IF_ERROR(JsonToMessage(text, "cart policy JSON", &proto));
absl::Status JsonToMessage(std::string_view json, std::string_view what,
                           google::protobuf::Message* message,
                           const google::protobuf::util::JsonParseOptions& options = {});

}  // namespace chatcart

#endif  // CHATCART_COMMON_JSON_PARSE_H_
