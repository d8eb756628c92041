// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "common/text_source.h"

#include <fstream>
#include <sstream>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/strings.h"
#include "google/protobuf/io/tokenizer.h"

namespace chatcart {
namespace {

class CollectErrors : public google::protobuf::io::ErrorCollector {
 public:
  explicit CollectErrors(std::string_view name) : name_(name) {}

  void AddError(int line, google::protobuf::io::ColumnNumber column,
                const std::string& message) override {
    errors_.push_back(absl::StrCat(name_, ":", line + 1, ":", column + 1, ": ", message));
  }

  const std::vector<std::string>& errors() const { return errors_; }

 private:
  std::string name_;
  std::vector<std::string> errors_;
};

}  // namespace

absl::StatusOr<TextSource> TextSource::Parse(std::string_view name, std::string_view text,
                                             google::protobuf::Message* message) {
  TextSource source;
  source.name_ = std::string(name);
  source.descriptor_ = message->GetDescriptor();
  source.tree_ = std::make_shared<google::protobuf::TextFormat::ParseInfoTree>();
  CollectErrors errors(name);
  google::protobuf::TextFormat::Parser parser;
  parser.RecordErrorsTo(&errors);
  parser.WriteLocationsTo(source.tree_.get());
  if (!parser.ParseFromString(std::string(text), message)) {
    if (errors.errors().empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat(ToAbsl(name), ": cannot parse ", source.descriptor_->name()));
    }
    return absl::InvalidArgumentError(absl::StrJoin(errors.errors(), "\n"));
  }
  return source;
}

absl::StatusOr<TextSource> TextSource::ReadFile(const std::string& path, std::string_view name,
                                                google::protobuf::Message* message) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return absl::NotFoundError(absl::StrCat(ToAbsl(name), ": cannot read file ", path));
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  return Parse(name, buffer.str(), message);
}

std::string TextSource::Where(std::initializer_list<Step> path) const {
  return Where(std::span<const Step>(path.begin(), path.size()));
}

std::string TextSource::Where(std::span<const Step> path) const {
  const google::protobuf::Descriptor* descriptor = descriptor_;
  const google::protobuf::TextFormat::ParseInfoTree* tree = tree_.get();
  int line = -1;
  for (const auto& [field_name, index] : path) {
    if (descriptor == nullptr || tree == nullptr) break;
    const google::protobuf::FieldDescriptor* field =
        descriptor->FindFieldByName(std::string(field_name));
    if (field == nullptr) break;
    google::protobuf::TextFormat::ParseLocation location = tree->GetLocation(field, index);
    if (location.line < 0) break;
    line = location.line;
    if (field->cpp_type() != google::protobuf::FieldDescriptor::CPPTYPE_MESSAGE) break;
    tree = tree->GetTreeForNested(field, index);
    descriptor = field->message_type();
  }
  if (line < 0) return name_;
  return absl::StrCat(name_, ":", line + 1);
}

}  // namespace chatcart
