// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "common/json_parse.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "common/echo.h"

namespace chatcart {

absl::Status JsonToMessage(std::string_view json, std::string_view what,
                           google::protobuf::Message* message,
                           const google::protobuf::util::JsonParseOptions& options) {
  auto status = google::protobuf::util::JsonStringToMessage(
      google::protobuf::StringPiece(json.data(), json.size()), message, options);
  if (status.ok()) return absl::OkStatus();
  const std::string complaint(status.message().data(), status.message().size());
  return absl::InvalidArgumentError(
      absl::StrCat(std::string(what), ": ", Echo(complaint, kMaxJsonErrorBytes)));
}

}  // namespace chatcart
