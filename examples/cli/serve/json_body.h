// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Request and response bodies of the storefront's JSON API: a flat object
// of strings in, small objects out. Stateless; safe from any thread.

#ifndef CHATCART_EXAMPLES_CLI_SERVE_JSON_BODY_H_
#define CHATCART_EXAMPLES_CLI_SERVE_JSON_BODY_H_

#include <map>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace httplib {
class Response;
}  // namespace httplib

namespace chatcart::serve {

// The fields of a JSON object whose values are all strings. INVALID_ARGUMENT
// ("the body is not a JSON object", "every field must be a string").
absl::StatusOr<std::map<std::string, std::string, std::less<>>> ParseStringObject(
    const std::string& body);

// {"error": message} with `status`.
void JsonError(httplib::Response& res, int status, std::string_view message);

// 8 to 64 of [A-Za-z0-9_-]: ids made in browsers.
bool IsToken(std::string_view s);

}  // namespace chatcart::serve

#endif  // CHATCART_EXAMPLES_CLI_SERVE_JSON_BODY_H_
