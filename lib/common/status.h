// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Small helpers for errors that name what and where. Thread-safe (pure
// functions).

#ifndef CHATCART_COMMON_STATUS_H_
#define CHATCART_COMMON_STATUS_H_

#include <string_view>

#include "absl/status/status.h"

namespace chatcart {

// Returns `status` with `context` and ": " put before its message, keeping its
// code and payloads; OK stays OK. Use it to add the place an error happened:
//   Annotate(ParsePrice(v), "catalog.jsonl:12: field \"price\"")
//   -> INVALID_ARGUMENT: catalog.jsonl:12: field "price": "1.234" has ...
absl::Status Annotate(const absl::Status& status, std::string_view context);

// The canonical upper-case name of `code` ("INVALID_ARGUMENT"), as printed by
// the CLI and used by the C API and Python bindings.
std::string_view StatusCodeName(absl::StatusCode code);

}  // namespace chatcart

#endif  // CHATCART_COMMON_STATUS_H_
