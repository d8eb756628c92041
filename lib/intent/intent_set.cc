// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// ReadIntentSet (chatcart/intent.h): the one reader of a bundle's IntentSet
// files, used by the engine's bundle load, `chatcart eval`, tests and
// benchmarks alike.

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "chatcart/intent.h"
#include "chatcart/v1/bundle.pb.h"
#include "common/text_source.h"

namespace chatcart {

absl::Status ReadIntentSet(std::string_view name, std::string_view text,
                           std::vector<IntentDefinition>* intents) {
  v1::IntentSet set;
  absl::StatusOr<TextSource> source = TextSource::Parse(name, text, &set);
  if (!source.ok()) return source.status();
  const std::string& language = set.language();
  if (language != "en" && language != "it" && language != "fr") {
    return absl::InvalidArgumentError(absl::StrCat(
        source->Where({{"language", -1}}), ": language \"", language, "\" must be en, it or fr"));
  }
  std::vector<std::string> problems;
  for (int i = 0; i < set.intent_size(); ++i) {
    const v1::IntentSpec& spec = set.intent(i);
    std::string where = source->Where({{"intent", i}});
    if (spec.name().empty()) {
      problems.push_back(absl::StrCat(where, ": intent without a name"));
      continue;
    }
    IntentDefinition* definition = nullptr;
    for (IntentDefinition& known : *intents) {
      if (known.name == spec.name()) definition = &known;
    }
    if (definition == nullptr) {
      definition = &intents->emplace_back();
      definition->name = spec.name();
      definition->source = std::move(where);
    }
    for (int e = 0; e < spec.example_size(); ++e) {
      definition->examples.push_back(
          {spec.example(e), language, source->Where({{"intent", i}, {"example", e}})});
    }
    for (int p = 0; p < spec.pattern_size(); ++p) {
      const v1::IntentPatternSpec& pattern = spec.pattern(p);
      std::string pattern_language = pattern.language().empty() ? language : pattern.language();
      if (pattern_language == "*") pattern_language.clear();
      definition->patterns.push_back({pattern.regex(), std::move(pattern_language),
                                      pattern.priority(),
                                      source->Where({{"intent", i}, {"pattern", p}})});
    }
  }
  if (!problems.empty()) return absl::InvalidArgumentError(absl::StrJoin(problems, "\n"));
  return absl::OkStatus();
}

}  // namespace chatcart
