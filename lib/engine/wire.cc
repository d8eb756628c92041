// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "chatcart/wire.h"

#include "absl/strings/str_cat.h"
#include "chatcart/limits.h"
#include "common/echo.h"
#include "common/wire_utf8.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"
#include "google/protobuf/util/json_util.h"
#include "google/protobuf/util/type_resolver.h"
#include "google/protobuf/util/type_resolver_util.h"

namespace chatcart {

namespace {

constexpr char kTypeUrlPrefix[] = "type.googleapis.com";

google::protobuf::util::TypeResolver* Resolver() {
  // Thread-safe and never destroyed, like the generated pool it reads.
  static google::protobuf::util::TypeResolver* resolver =
      google::protobuf::util::NewTypeResolverForDescriptorPool(
          kTypeUrlPrefix, google::protobuf::DescriptorPool::generated_pool());
  return resolver;
}

}  // namespace

std::string DeterministicBytes(const google::protobuf::MessageLite& message) {
  std::string out;
  {
    google::protobuf::io::StringOutputStream stream(&out);
    google::protobuf::io::CodedOutputStream coded(&stream);
    coded.SetSerializationDeterministic(true);
    message.SerializeToCodedStream(&coded);
  }
  return out;
}

absl::StatusOr<std::string> DeterministicJson(const google::protobuf::Message& message) {
  // MessageToJsonString serializes without determinism and renders map
  // entries in whatever order that gives; rendering our own deterministic
  // bytes keeps the order fixed.
  std::string json;
  google::protobuf::util::JsonPrintOptions options;
  auto status = google::protobuf::util::BinaryToJsonString(
      Resolver(), absl::StrCat(kTypeUrlPrefix, "/", message.GetDescriptor()->full_name()),
      DeterministicBytes(message), &json, options);
  if (!status.ok()) {
    return absl::InternalError(absl::StrCat(message.GetDescriptor()->full_name(), " to JSON: ",
                                            std::string(status.message())));
  }
  return json;
}

absl::Status ParseJson(std::string_view json, std::string_view what,
                       google::protobuf::Message* message) {
  if (absl::Status limits = CheckJsonLimits(json, what); !limits.ok()) return limits;
  auto status = google::protobuf::util::JsonStringToMessage(
      google::protobuf::StringPiece(json.data(), json.size()), message,
      google::protobuf::util::JsonParseOptions());
  if (!status.ok()) {
    return absl::InvalidArgumentError(absl::StrCat(
        std::string(what), " JSON: ", Echo(std::string(status.message()), kMaxJsonErrorBytes)));
  }
  return absl::OkStatus();
}

absl::Status ParseBytes(std::string_view bytes, std::string_view what,
                        google::protobuf::Message* message) {
  if (bytes.size() > kMaxProtoBytes) {
    return absl::ResourceExhaustedError(absl::StrCat(std::string(what), ": ", bytes.size(),
                                                     " bytes, over the limit of ", kMaxProtoBytes,
                                                     " (kMaxProtoBytes)"));
  }
  if (std::string field = IllFormedUtf8Field(*message->GetDescriptor(), bytes); !field.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat(std::string(what), ": ", field, " is not well-formed UTF-8"));
  }
  if (!message->ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) {
    return absl::InvalidArgumentError(
        absl::StrCat(std::string(what), ": the ", bytes.size(), " bytes given are not a ",
                     message->GetDescriptor()->full_name(), " in binary protobuf"));
  }
  return absl::OkStatus();
}

}  // namespace chatcart
