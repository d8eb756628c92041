// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// A protobuf text-format file parsed with the location of every field, so
// validation can name file:line for any field it rejects:
//
//   v1::FlowSet flows;
//   CHATCART_ASSIGN_OR_RETURN(TextSource source,
//                             TextSource::ReadFile(path, "flows.textproto", &flows));
//   source.Where({{"flow", 2}, {"state", 1}, {"route", 0}, {"target", -1}})
//       -> "flows.textproto:42"
//
// A TextSource is immutable after parsing; const methods are thread-safe.

#ifndef CHATCART_COMMON_TEXT_SOURCE_H_
#define CHATCART_COMMON_TEXT_SOURCE_H_

#include <initializer_list>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>

#include "absl/status/statusor.h"
#include "google/protobuf/message.h"
#include "google/protobuf/text_format.h"

namespace chatcart {

class TextSource {
 public:
  // An empty source: Where() returns "".
  TextSource() = default;

  // One step of a field path: a field name and an index (-1 when singular).
  using Step = std::pair<std::string_view, int>;

  // Parses `text` into `message`. On syntax errors returns INVALID_ARGUMENT
  // listing every error as "name:line:column: message", one per line.
  static absl::StatusOr<TextSource> Parse(std::string_view name, std::string_view text,
                                          google::protobuf::Message* message);

  // Reads the file at `path` and parses it; NOT_FOUND when it cannot be read.
  // `name` is how errors refer to it (a path relative to the bundle).
  static absl::StatusOr<TextSource> ReadFile(const std::string& path, std::string_view name,
                                             google::protobuf::Message* message);

  // "name:line" of the field reached by `path` from the root message; when
  // that field was not written in the file, the line of its deepest written
  // ancestor; "name" alone when none was.
  std::string Where(std::initializer_list<Step> path) const;
  std::string Where(std::span<const Step> path) const;

  const std::string& name() const { return name_; }

 private:
  std::string name_;
  const google::protobuf::Descriptor* descriptor_ = nullptr;
  std::shared_ptr<google::protobuf::TextFormat::ParseInfoTree> tree_;
};

}  // namespace chatcart

#endif  // CHATCART_COMMON_TEXT_SOURCE_H_
