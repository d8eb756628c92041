// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The pattern tier: every intent pattern of one language compiled into one
// RE2::Set, so one pass over the text finds all the patterns that match.
// Among them the highest priority wins; on a tie, the one added first.
//
// A PatternSet is immutable after Compile() and thread-safe (RE2::Set::Match
// is const; the match list is per call).

#ifndef CHATCART_INTENT_PATTERNS_H_
#define CHATCART_INTENT_PATTERNS_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "re2/set.h"

namespace chatcart::intent {

struct PatternHit {
  int32_t label = -1;
  int priority = 0;
};

class PatternSet {
 public:
  PatternSet();
  ~PatternSet();
  PatternSet(PatternSet&&) noexcept;
  PatternSet& operator=(PatternSet&&) noexcept;

  // Adds `regex` (RE2 syntax, case-insensitive, unanchored) for `label`.
  // INVALID_ARGUMENT with RE2's message, prefixed by `where`, when RE2
  // rejects it.
  absl::Status Add(std::string_view regex, int32_t label, int priority, std::string_view where);

  // Compiles the set; call once, after the last Add().
  absl::Status Compile();

  size_t size() const { return patterns_.size(); }

  // The winning pattern's label and priority for `folded_text`, or nullopt
  // when no pattern matches (or none were added).
  std::optional<PatternHit> Match(std::string_view folded_text) const;

 private:
  std::unique_ptr<re2::RE2::Set> set_;
  std::vector<PatternHit> patterns_;  // by index in the set
  bool compiled_ = false;
};

}  // namespace chatcart::intent

#endif  // CHATCART_INTENT_PATTERNS_H_
