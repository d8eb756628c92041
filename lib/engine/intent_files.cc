// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "engine/intent_files.h"

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "chatcart/v1/bundle.pb.h"
#include "dialogue/text_source.h"

namespace chatcart::engine {

std::vector<IntentDefinition> ReadIntentDefinitions(const std::vector<BundleFile>& files,
                                                    std::vector<std::string>* errors) {
  std::vector<IntentDefinition> definitions;
  absl::flat_hash_map<std::string, size_t> index;
  for (const BundleFile& file : files) {
    v1::IntentSet set;
    absl::StatusOr<dialogue::TextSource> source =
        dialogue::TextSource::Parse(file.name, file.bytes, &set);
    if (!source.ok()) {
      errors->push_back(std::string(source.status().message()));
      continue;
    }
    if (set.language() != "en" && set.language() != "it" && set.language() != "fr") {
      errors->push_back(absl::StrCat(source->Where({{"language", -1}}), ": language \"",
                                     set.language(), "\" must be en, it or fr"));
      continue;
    }
    for (int i = 0; i < set.intent_size(); ++i) {
      const v1::IntentSpec& spec = set.intent(i);
      std::string where = source->Where({{"intent", i}});
      if (spec.name().empty()) {
        errors->push_back(absl::StrCat(where, ": intent without a name"));
        continue;
      }
      auto [it, inserted] = index.emplace(spec.name(), definitions.size());
      if (inserted) {
        IntentDefinition definition;
        definition.name = spec.name();
        definition.source = where;
        definitions.push_back(std::move(definition));
      }
      IntentDefinition& definition = definitions[it->second];
      for (int e = 0; e < spec.example_size(); ++e) {
        definition.examples.push_back(
            {spec.example(e), set.language(), source->Where({{"intent", i}, {"example", e}})});
      }
      for (int p = 0; p < spec.pattern_size(); ++p) {
        const v1::IntentPatternSpec& pattern = spec.pattern(p);
        std::string language = pattern.language().empty() ? set.language() : pattern.language();
        if (language == "*") language.clear();
        definition.patterns.push_back({pattern.regex(), language, pattern.priority(),
                                       source->Where({{"intent", i}, {"pattern", p}})});
      }
    }
  }
  return definitions;
}

}  // namespace chatcart::engine
