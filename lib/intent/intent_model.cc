// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// IntentModel (include/chatcart/intent.h): validation of the definitions,
// the pattern tier per language, the trained classifier, and the per-turn
// pipeline that ties them to the normalizer and language identification.

#include <time.h>

#include <array>
#include <chrono>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "chatcart/intent.h"
#include "common/status_macros.h"
#include "common/strings.h"
#include "intent/classifier.h"
#include "intent/patterns.h"
#include "intent/word_support.h"
#include "text/fold.h"
#include "text/language.h"
#include "text/language_id.h"
#include "text/tokenize.h"
#include "text/utf8.h"

namespace chatcart {

struct IntentModel::Rep {
  IntentModelOptions options;
  std::vector<std::string> names;
  text::Language default_language = text::Language::kEnglish;
  text::LanguageVocabulary vocabulary;  // the bundle's own words per language
  text::LanguageIdOptions language_id;
  std::array<intent::PatternSet, text::kNumLanguages> patterns;
  bool has_classifier = false;
  intent::Classifier classifier;
  intent::WordSupport word_support;  // which intents a text's words speak for
  IntentModelStats stats;
};

namespace {

// "where: " for error messages, or nothing when the source is unknown.
std::string Where(std::string_view source, std::string_view fallback) {
  return std::string(source.empty() ? fallback : source);
}

absl::StatusOr<text::Language> LanguageOf(std::string_view code, text::Language fallback,
                                          std::string_view where) {
  if (code.empty()) return fallback;
  std::optional<text::Language> language = text::ParseLanguage(code);
  if (!language.has_value()) {
    return absl::InvalidArgumentError(absl::StrCat(ToAbsl(where), ": unknown language \"",
                                                   ToAbsl(code), "\" (want en, it or fr)"));
  }
  return *language;
}

}  // namespace

IntentModel::IntentModel(std::unique_ptr<Rep> rep) : rep_(std::move(rep)) {}
IntentModel::~IntentModel() = default;

absl::StatusOr<std::shared_ptr<const IntentModel>> IntentModel::Build(
    const std::vector<IntentDefinition>& intents, const IntentModelOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  timespec cpu_start{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpu_start);
  double helper_cpu_ms = 0;  // the classifier's fold threads
  auto rep = std::make_unique<Rep>();
  rep->options = options;
  CHATCART_ASSIGN_OR_RETURN(
      rep->default_language,
      LanguageOf(options.default_language, text::Language::kEnglish, "options.default_language"));
  if (options.max_text_chars == 0) {
    return absl::InvalidArgumentError("options.max_text_chars must be positive");
  }
  if (options.oos_threshold.has_value() &&
      (*options.oos_threshold < 0 || *options.oos_threshold > 1)) {
    return absl::InvalidArgumentError(
        absl::StrCat("options.oos_threshold must be in [0, 1], got ", *options.oos_threshold));
  }

  absl::flat_hash_map<std::string, size_t> seen;
  std::vector<intent::TrainingExample> examples;
  int32_t oos_label = -1;
  int patterns = 0;
  for (size_t i = 0; i < intents.size(); ++i) {
    const IntentDefinition& def = intents[i];
    const std::string where = Where(def.source, absl::StrCat("intent #", i + 1));
    if (def.name.empty()) {
      return absl::InvalidArgumentError(absl::StrCat(where, ": intent has no name"));
    }
    if (auto [it, inserted] = seen.emplace(def.name, i); !inserted) {
      return absl::InvalidArgumentError(absl::StrCat(
          where, ": intent \"", def.name, "\" declared twice (first at ",
          Where(intents[it->second].source, absl::StrCat("intent #", it->second + 1)), ")"));
    }
    const auto label = static_cast<int32_t>(rep->names.size());
    rep->names.push_back(def.name);
    if (def.name == options.oos_intent && !def.examples.empty()) oos_label = label;
    for (size_t e = 0; e < def.examples.size(); ++e) {
      const IntentExample& ex = def.examples[e];
      const std::string ex_where =
          Where(ex.source, absl::StrCat(where, ": intent \"", def.name, "\" example #", e + 1));
      CHATCART_ASSIGN_OR_RETURN(text::Language language,
                                LanguageOf(ex.language, rep->default_language, ex_where));
      examples.push_back({ex.text, language, label});
      rep->word_support.Add(language, ex.text, label);
    }
    for (size_t p = 0; p < def.patterns.size(); ++p) {
      const IntentPattern& pattern = def.patterns[p];
      const std::string p_where = Where(
          pattern.source, absl::StrCat(where, ": intent \"", def.name, "\" pattern #", p + 1));
      if (pattern.language.empty()) {
        for (text::Language l : text::kAllLanguages) rep->word_support.Add(l, pattern.regex, label);
        for (intent::PatternSet& set : rep->patterns) {
          CHATCART_RETURN_IF_ERROR(set.Add(pattern.regex, label, pattern.priority, p_where));
        }
      } else {
        CHATCART_ASSIGN_OR_RETURN(text::Language language,
                                  LanguageOf(pattern.language, rep->default_language, p_where));
        rep->word_support.Add(language, pattern.regex, label);
        CHATCART_RETURN_IF_ERROR(rep->patterns[static_cast<int>(language)].Add(
            pattern.regex, label, pattern.priority, p_where));
      }
      ++patterns;
    }
  }
  for (intent::PatternSet& set : rep->patterns) CHATCART_RETURN_IF_ERROR(set.Compile());
  rep->word_support.Finish(static_cast<int32_t>(rep->names.size()));

  // Language identification: the examples' and the given texts' own words,
  // the languages they are in, the default one as the tie-breaker.
  uint8_t languages = static_cast<uint8_t>(1 << static_cast<int>(rep->default_language));
  for (const intent::TrainingExample& ex : examples) {
    rep->vocabulary.AddText(ex.language, ex.text);
    languages |= static_cast<uint8_t>(1 << static_cast<int>(ex.language));
  }
  for (const IntentDefinition& def : intents) {
    for (const IntentPattern& p : def.patterns) {
      if (std::optional<text::Language> l = text::ParseLanguage(p.language)) {
        languages |= static_cast<uint8_t>(1 << static_cast<int>(*l));
      }
    }
  }
  for (size_t i = 0; i < options.language_texts.size(); ++i) {
    const IntentExample& t = options.language_texts[i];
    std::optional<text::Language> l = text::ParseLanguage(t.language);
    if (!l.has_value()) {
      return absl::InvalidArgumentError(
          absl::StrCat(Where(t.source, absl::StrCat("options.language_texts[", i, "]")),
                       ": unknown language \"", t.language, "\" (want en, it or fr)"));
    }
    // Counted twice: a template or entity word said once is the bundle's own.
    rep->vocabulary.AddText(*l, t.text, 2);
    languages |= static_cast<uint8_t>(1 << static_cast<int>(*l));
  }
  rep->vocabulary.Finish(/*min_count=*/2);
  rep->language_id.vocabulary = &rep->vocabulary;
  rep->language_id.tie_break = rep->default_language;
  rep->language_id.allowed = languages;

  IntentModelStats& stats = rep->stats;
  stats.intents = static_cast<int>(rep->names.size());
  stats.examples = static_cast<int>(examples.size());
  stats.patterns = patterns;
  if (!examples.empty()) {
    intent::ClassifierOptions copts;
    copts.svm.c = options.svm_c;
    copts.svm.seed = options.seed;
    copts.folds = options.folds;
    copts.oos_target_recall = options.oos_target_recall;
    copts.in_scope_keep = options.in_scope_keep;
    copts.oos_threshold = options.oos_threshold;
    CHATCART_ASSIGN_OR_RETURN(
        rep->classifier, intent::Classifier::Train(
                             examples, static_cast<int32_t>(rep->names.size()), oos_label, copts));
    rep->has_classifier = true;
    const intent::TrainingReport& report = rep->classifier.report();
    stats.folds = report.folds;
    stats.fold_accuracy = report.fold_accuracy;
    stats.fold_in_scope_accuracy = report.fold_in_scope_accuracy;
    stats.fold_oos_recall = report.fold_oos_recall;
    stats.oos_threshold = rep->classifier.threshold();
    stats.features = report.features;
    stats.model_bytes = rep->classifier.bytes();
    helper_cpu_ms = report.helper_cpu_ms;
  } else if (options.oos_threshold.has_value()) {
    stats.oos_threshold = *options.oos_threshold;
  }
  stats.train_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  timespec cpu_end{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpu_end);
  stats.train_cpu_ms = (cpu_end.tv_sec - cpu_start.tv_sec) * 1e3 +
                       (cpu_end.tv_nsec - cpu_start.tv_nsec) / 1e6 + helper_cpu_ms;
  return std::shared_ptr<const IntentModel>(new IntentModel(std::move(rep)));
}

IntentResult IntentModel::Classify(std::string_view text, const ClassifyOptions& options) const {
  IntentResult result;
  Classify(text, options, &result);
  return result;
}

void IntentModel::Classify(std::string_view text, const ClassifyOptions& options,
                           IntentResult* result) const {
  struct Scratch {
    std::vector<text::Token> tokens;
    std::string folded;
    intent::Prediction prediction;
  };
  thread_local Scratch scratch;
  const Rep& rep = *rep_;

  const size_t keep = text::Utf8PrefixBytes(text, rep.options.max_text_chars);
  result->truncated = keep < text.size();
  text = text.substr(0, keep);
  result->top.clear();
  result->intent = rep.options.oos_intent;
  result->confidence = 0;
  result->out_of_scope = true;
  result->source = IntentSource::kNone;
  result->word_support = true;

  text::Tokenize(text, {}, &scratch.tokens);
  const text::LanguageGuess guess = text::IdentifyLanguage(
      scratch.tokens, text::ParseLanguage(options.language), rep.language_id);
  result->language = text::LanguageCode(guess.language);

  const intent::PatternSet& patterns = rep.patterns[static_cast<int>(guess.language)];
  if (patterns.size() > 0) {
    scratch.folded.clear();
    text::FoldTo(text, {}, &scratch.folded);
    if (std::optional<intent::PatternHit> hit = patterns.Match(scratch.folded)) {
      result->intent = rep.names[hit->label];
      result->confidence = 1.0;
      result->out_of_scope = rep.names[hit->label] == rep.options.oos_intent;
      result->source = IntentSource::kPattern;
      return;
    }
  }
  if (!rep.has_classifier || scratch.tokens.empty()) return;

  rep.classifier.Classify(scratch.tokens, guess.language, rep.options.top_k, &scratch.prediction);
  if (scratch.prediction.top.empty()) return;
  result->source = IntentSource::kClassifier;
  for (const intent::LabelScore& s : scratch.prediction.top) {
    result->top.push_back({rep.names[s.label], s.probability});
  }
  const intent::LabelScore& best = scratch.prediction.top.front();
  result->out_of_scope = scratch.prediction.out_of_scope;
  result->confidence = best.probability;
  result->intent = result->out_of_scope ? std::string_view(rep.options.oos_intent)
                                        : std::string_view(rep.names[best.label]);
  result->word_support = rep.word_support.Supports(guess.language, scratch.tokens, best.label);
}

std::string_view IntentModel::Language(std::string_view text,
                                       const ClassifyOptions& options) const {
  thread_local std::vector<text::Token> tokens;
  text::Tokenize(text.substr(0, text::Utf8PrefixBytes(text, rep_->options.max_text_chars)), {},
                 &tokens);
  return text::LanguageCode(
      text::IdentifyLanguage(tokens, text::ParseLanguage(options.language), rep_->language_id)
          .language);
}

std::vector<std::string> IntentModel::IntentWords(std::string_view text, std::string_view intent,
                                                  std::string_view language) const {
  const Rep& rep = *rep_;
  const std::optional<text::Language> l = text::ParseLanguage(language);
  if (!l.has_value()) return {};
  for (size_t i = 0; i < rep.names.size(); ++i) {
    if (rep.names[i] != intent) continue;
    const std::string_view kept = text.substr(0, text::Utf8PrefixBytes(text, rep.options.max_text_chars));
    return rep.word_support.Supporting(*l, text::Tokenize(kept), static_cast<int32_t>(i));
  }
  return {};
}

const std::vector<std::string>& IntentModel::intents() const { return rep_->names; }
const IntentModelOptions& IntentModel::options() const { return rep_->options; }
const IntentModelStats& IntentModel::stats() const { return rep_->stats; }

}  // namespace chatcart
