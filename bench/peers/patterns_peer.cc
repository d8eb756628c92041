// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Peer: a bare RE2::Set over the demo bundle's intent patterns against
// chatcart's pattern tier, on the bundle's own example utterances (en/it/fr).
//
//   peers_patterns [BUNDLE_DIR]   (default: the source tree's examples/bundles/demo)
//
// Measured, one call at a time over the whole corpus, repeated for about a
// second each (nanoseconds per utterance):
//   re2_set        what a team writes by hand: every pattern of every language in
//                  one RE2::Set (case-insensitive, unanchored, as chatcart's),
//                  Match on the raw text, the highest-priority hit wins.
//   tier_match     chatcart's PatternSet::Match (lib/intent/patterns.h) on text
//                  already folded: the same set work plus the priority rule.
//   tier_classify  IntentModel::Classify on a model with the bundle's patterns
//                  and no examples: cut, tokenize, identify the language, fold,
//                  match that language's set; what a turn pays for this tier.
// Also: how many utterances each hits, and on how many the bare set and the
// tier name a different intent (folding and per-language sets can differ from
// a raw match). Prints one JSON object.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "chatcart/intent.h"
#include "intent/patterns.h"
#include "re2/re2.h"
#include "re2/set.h"
#include "text/fold.h"

namespace {

struct Utterance {
  std::string text;
  std::string language;
};

struct Bare {
  std::unique_ptr<re2::RE2::Set> set;
  std::vector<std::pair<int, int>> label_priority;  // by pattern index
};

// Nanoseconds per call of fn(utterance), over the corpus, for about a second.
template <typename Fn>
double NsPerCall(const std::vector<Utterance>& corpus, Fn fn) {
  size_t calls = 0;
  const auto start = std::chrono::steady_clock::now();
  std::chrono::duration<double, std::nano> elapsed{};
  do {
    for (const Utterance& u : corpus) fn(u);
    calls += corpus.size();
    elapsed = std::chrono::steady_clock::now() - start;
  } while (elapsed < std::chrono::seconds(1));
  return elapsed.count() / calls;
}

}  // namespace

int main(int argc, char** argv) {
  const std::filesystem::path dir =
      argc > 1 ? argv[1] : CHATCART_SOURCE_DIR "/examples/bundles/demo";
  std::vector<chatcart::IntentDefinition> intents;
  std::vector<Utterance> corpus;
  for (const char* lang : {"en", "it", "fr"}) {
    const std::filesystem::path path = dir / "intents" / (std::string(lang) + ".textproto");
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    if (absl::Status read = chatcart::ReadIntentSet(path.string(), text.str(), &intents);
        !in || !read.ok()) {
      std::fprintf(stderr, "peers_patterns: %s: cannot read or parse\n", path.c_str());
      return 1;
    }
  }
  // The examples are the corpus; the model below has the patterns alone.
  for (chatcart::IntentDefinition& definition : intents) {
    for (chatcart::IntentExample& example : definition.examples) {
      corpus.push_back({std::move(example.text), std::move(example.language)});
    }
    definition.examples.clear();
  }

  // The bare set, and chatcart's tier alone (all patterns in one PatternSet, so
  // both sides match the same patterns; the model below keeps one per language).
  Bare bare;
  re2::RE2::Options options;
  options.set_case_sensitive(false);
  options.set_encoding(re2::RE2::Options::EncodingUTF8);
  bare.set = std::make_unique<re2::RE2::Set>(options, re2::RE2::UNANCHORED);
  chatcart::intent::PatternSet tier;
  int patterns = 0;
  for (size_t label = 0; label < intents.size(); ++label) {
    for (const chatcart::IntentPattern& p : intents[label].patterns) {
      std::string error;
      if (bare.set->Add(p.regex, &error) < 0) {
        std::fprintf(stderr, "peers_patterns: %s: %s\n", p.regex.c_str(), error.c_str());
        return 1;
      }
      bare.label_priority.push_back({static_cast<int>(label), p.priority});
      if (!tier.Add(p.regex, static_cast<int32_t>(label), p.priority, "").ok()) return 1;
      ++patterns;
    }
  }
  if (!bare.set->Compile() || !tier.Compile().ok()) {
    std::fprintf(stderr, "peers_patterns: cannot compile the sets\n");
    return 1;
  }
  chatcart::IntentModelOptions model_options;
  model_options.folds = 0;
  auto model = chatcart::IntentModel::Build(intents, model_options);
  if (!model.ok()) {
    std::fprintf(stderr, "peers_patterns: %s\n", model.status().ToString().c_str());
    return 1;
  }

  std::vector<int> matches;
  auto bare_match = [&](const Utterance& u) {
    matches.clear();
    int best = -1;
    if (bare.set->Match(u.text, &matches)) {
      for (int m : matches) {
        if (best < 0 || bare.label_priority[m].second > bare.label_priority[best].second ||
            (bare.label_priority[m].second == bare.label_priority[best].second && m < best)) {
          best = m;
        }
      }
    }
    return best < 0 ? -1 : bare.label_priority[best].first;
  };
  std::vector<std::string> folded;
  for (const Utterance& u : corpus) {
    std::string f;
    chatcart::text::FoldTo(u.text, {}, &f);
    folded.push_back(std::move(f));
  }
  chatcart::IntentResult result;

  int bare_hits = 0, tier_hits = 0, disagree = 0;
  for (size_t i = 0; i < corpus.size(); ++i) {
    const int b = bare_match(corpus[i]);
    (*model)->Classify(corpus[i].text, {.language = corpus[i].language}, &result);
    const bool hit = result.source == chatcart::IntentSource::kPattern;
    bare_hits += b >= 0;
    tier_hits += hit;
    if ((b >= 0) != hit || (hit && intents[b].name != result.intent)) ++disagree;
  }

  size_t next = 0;
  const double re2_ns = NsPerCall(corpus, [&](const Utterance& u) {
    volatile int label = bare_match(u);
    (void)label;
  });
  const double match_ns = NsPerCall(corpus, [&](const Utterance&) {
    volatile bool hit = tier.Match(folded[next]).has_value();
    (void)hit;
    next = next + 1 == folded.size() ? 0 : next + 1;
  });
  const double classify_ns = NsPerCall(corpus, [&](const Utterance& u) {
    (*model)->Classify(u.text, {.language = u.language}, &result);
  });
  std::printf(
      "{\"utterances\": %zu, \"patterns\": %d, \"re2_set_ns\": %.1f, \"tier_match_ns\": %.1f, "
      "\"tier_classify_ns\": %.1f, \"re2_set_hits\": %d, \"tier_hits\": %d, "
      "\"disagreements\": %d}\n",
      corpus.size(), patterns, re2_ns, match_ns, classify_ns, bare_hits, tier_hits, disagree);
  return 0;
}
