// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "intent/patterns.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "common/strings.h"
#include "re2/re2.h"

namespace chatcart::intent {
namespace {

re2::RE2::Options PatternOptions() {
  re2::RE2::Options options;
  options.set_case_sensitive(false);
  options.set_log_errors(false);
  options.set_encoding(re2::RE2::Options::EncodingUTF8);
  return options;
}

}  // namespace

PatternSet::PatternSet()
    : set_(std::make_unique<re2::RE2::Set>(PatternOptions(), re2::RE2::UNANCHORED)) {}
PatternSet::~PatternSet() = default;
PatternSet::PatternSet(PatternSet&&) noexcept = default;
PatternSet& PatternSet::operator=(PatternSet&&) noexcept = default;

absl::Status PatternSet::Add(std::string_view regex, int32_t label, int priority,
                             std::string_view where) {
  if (compiled_) return absl::FailedPreconditionError("pattern set already compiled");
  std::string error;
  const int index = set_->Add(re2::StringPiece(regex.data(), regex.size()), &error);
  if (index < 0) {
    return absl::InvalidArgumentError(
        absl::StrCat(ToAbsl(where), ": bad pattern /", ToAbsl(regex), "/: ", error));
  }
  patterns_.push_back({label, priority});
  return absl::OkStatus();
}

absl::Status PatternSet::Compile() {
  if (patterns_.empty()) {
    compiled_ = true;
    return absl::OkStatus();
  }
  if (!set_->Compile()) {
    return absl::ResourceExhaustedError(
        absl::StrCat("compiling ", patterns_.size(), " patterns exceeded RE2's memory budget"));
  }
  compiled_ = true;
  return absl::OkStatus();
}

std::optional<PatternHit> PatternSet::Match(std::string_view folded_text) const {
  if (patterns_.empty() || !compiled_) return std::nullopt;
  thread_local std::vector<int> matches;
  matches.clear();
  if (!set_->Match(re2::StringPiece(folded_text.data(), folded_text.size()), &matches)) {
    return std::nullopt;
  }
  int best = -1;
  for (int m : matches) {
    if (best < 0 || patterns_[m].priority > patterns_[best].priority ||
        (patterns_[m].priority == patterns_[best].priority && m < best)) {
      best = m;
    }
  }
  if (best < 0) return std::nullopt;
  return patterns_[best];
}

}  // namespace chatcart::intent
